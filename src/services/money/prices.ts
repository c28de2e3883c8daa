import { invalidInput, notFound } from "../../core/errors.js";
import { formatMoney, parseMoney, type Money, money } from "../../core/money.js";
import { usageCost, type Rates } from "../../core/pricing.js";
import type { Db } from "../../store/open.js";
import { accountsWithoutMoney } from "../../store/accounts.js";
import { nowIso } from "../../store/open.js";
import {
  discountAt,
  insertDiscount,
  insertPrice,
  listPrices,
  priceAt,
  type PriceRow,
  priceById,
} from "../../store/prices.js";
import { findTenant } from "../../store/tenants.js";
import { isCenterStaff, type Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import type { Offer } from "../tenancy/accounts.js";
import { authorize } from "../access/permissions.js";
import { tenantNamed } from "../tenancy/tenancy-lookup.js";

/** A typical job to price: what it holds, and for how long. */
export interface PriceExample {
  cpus: number;
  memGiB: number;
  gpus: number;
  gpuType?: string;
  hours: number;
}

export interface PriceInput {
  cluster: string;
  partition: string;
  /** A QoS, or absent for all of them. */
  qos?: string;
  /** A tenant's own price; absent for everyone. */
  tenant?: string;
  /** From when (ISO 8601); never in the past: what jobs were priced by stays as it was. */
  effectiveFrom: string;
  /** Per hour, in the center's currency: "0.05". */
  cpuHour: string;
  memGiBHour?: string;
  /** Per GPU-hour by type; "*" for any type not named. */
  gpuHour?: Record<string, string>;
  mode?: "sum" | "max";
  minCharge?: string;
}

export interface PriceView {
  id: number;
  cluster: string;
  partition: string;
  qos: string;
  tenant: string | null;
  effectiveFrom: string;
  cpuHour: string;
  memGiBHour: string;
  gpuHour: Record<string, string>;
  mode: "sum" | "max";
  minCharge: string;
  currency: string;
}

/** A price set "now" may be a few seconds behind the server's clock. */
const CLOCK_SLACK_MS = 60_000;

/** Prices of the center's partitions, versioned by effective time, with tenant overrides and discounts. */
export class PriceService {
  constructor(
    private readonly db: Db,
    private readonly o: { currency: string; offer: () => Offer },
  ) {}

  private view(r: PriceRow & { tenant: string | null }): PriceView {
    const rates = JSON.parse(r.rates) as Rates;
    return {
      id: r.id,
      cluster: r.cluster,
      partition: r.partition,
      qos: r.qos,
      tenant: r.tenant,
      effectiveFrom: r.effective_from,
      cpuHour: formatMoney(money(rates.cpuHour)),
      memGiBHour: formatMoney(money(rates.memGiBHour)),
      gpuHour: Object.fromEntries(
        Object.entries(rates.gpuHour).map(([k, v]) => [k, formatMoney(money(v))]),
      ),
      mode: rates.mode,
      minCharge: formatMoney(rates.minCharge),
      currency: this.o.currency,
    };
  }

  private rate(text: string, what: string): Money {
    const m = parseMoney(text, what);
    if (m < 0) throw invalidInput(`${what} ${text} must not be negative`);
    return m;
  }

  private effectiveTime(text: string, what: string): string {
    const ms = Date.parse(text);
    if (!text || Number.isNaN(ms))
      throw invalidInput(
        `${what} "${text}" is not a time: give an ISO 8601 time such as 2027-01-01T00:00:00+08:00`,
      );
    if (ms < Date.now() - CLOCK_SLACK_MS)
      throw invalidInput(
        `${what} ${text} is in the past: prices are versioned, and what jobs were priced by never changes; give now or a later time`,
      );
    return nowIso(ms);
  }

  /**
   * A new price from a time on. With it, the accounts that have nothing to spend (and are not
   * whitelisted) are named: a price that is not free stops their jobs, and the one who sets
   * it is told which (the first price of a new center meets only empty accounts).
   */
  async set(
    actor: Actor,
    input: PriceInput,
  ): Promise<PriceView & { accountsWithoutMoney: string[] }> {
    const { rates, from, qos } = this.checked(input);
    let priceTenant: number | null = null;
    const id = await audited(
      this.db,
      actor,
      {
        action: "price.set",
        target: `price ${input.cluster}/${input.partition}/${qos}${input.tenant ? ` for ${input.tenant}` : ""}`,
        tenantId: null,
        details: { ...input },
      },
      async (trx, e) => {
        priceTenant = e.tenantId = await this.priceTenant(actor, trx, input.tenant);
        return insertPrice(trx, {
          cluster: input.cluster,
          partition: input.partition,
          qos,
          tenant_id: priceTenant,
          rates: JSON.stringify(rates),
          effective_from: from,
          created_by: actor.userId,
          created_at: nowIso(),
        });
      },
    );
    const shown = this.view({
      ...(await priceById(this.db, id)),
      tenant: input.tenant ?? null,
    });
    return { ...shown, accountsWithoutMoney: await this.stopped(rates, priceTenant) };
  }

  /**
   * What setting this price would do, nothing stored: the same checks as set(), and the
   * accounts it would stop, so that a client can ask before it sets the price.
   */
  /**
   * What setting the price would do, nothing stored: the accounts it would stop, and what a
   * typical job (`example`) would cost under it (before any tenant discount or QoS factor).
   */
  async check(
    actor: Actor,
    input: PriceInput,
    example?: PriceExample,
  ): Promise<{ accountsWithoutMoney: string[]; exampleCost: string | null }> {
    const { rates } = this.checked(input);
    const tenant = await this.priceTenant(actor, this.db, input.tenant);
    const cost = example
      ? usageCost(rates, {
          tres: {
            cpu: example.cpus,
            mem: Math.round(example.memGiB * 1024),
            gpu: example.gpus,
            gpuType: example.gpuType ?? null,
          },
          seconds: Math.round(example.hours * 3600),
        })
      : null;
    return {
      accountsWithoutMoney: await this.stopped(rates, tenant),
      exampleCost: cost === null ? null : formatMoney(cost),
    };
  }

  /** The accounts with nothing to spend (and not whitelisted), which a price not free stops. */
  private async stopped(rates: Rates, tenantId: number | null): Promise<string[]> {
    const free =
      rates.cpuHour === 0 &&
      rates.memGiBHour === 0 &&
      rates.minCharge === 0 &&
      Object.values(rates.gpuHour).every((r) => r === 0);
    return free ? [] : accountsWithoutMoney(this.db, tenantId);
  }

  private async priceTenant(actor: Actor, db: Db, tenant?: string): Promise<number | null> {
    authorize(actor, "price.manage", { tenantId: actor.tenantId, what: "prices" });
    if (tenant === undefined) return null;
    const t = await findTenant(db, tenant);
    if (!t) throw notFound(`tenant ${tenant} does not exist`);
    return t.id;
  }

  /** The input's cluster, partition, QoS, rates and time, each checked, in the CLI's words. */
  private checked(input: PriceInput): { rates: Rates; from: string; qos: string } {
    const offer = this.o.offer();
    if (!offer.clusters.includes(input.cluster))
      throw invalidInput(
        `cluster ${input.cluster} does not exist; clusters: ${offer.clusters.join(", ")}`,
      );
    const parts = offer.partitionsOf(input.cluster);
    if (!parts.includes(input.partition))
      throw invalidInput(
        `partition ${input.partition} does not exist in cluster ${input.cluster}; its partitions: ${parts.join(", ") || "none known (is the cluster reachable?)"}`,
      );
    const qos = input.qos ?? "*";
    if (qos !== "*" && !offer.qos.includes(qos))
      throw invalidInput(
        `QoS ${qos} does not exist; QoS: ${offer.qos.join(", ")} (or leave it out for all)`,
      );
    const rates: Rates = {
      cpuHour: this.rate(input.cpuHour, "--cpu-hour (cpuHour)"),
      memGiBHour: this.rate(input.memGiBHour ?? "0", "--mem-gib-hour (memGiBHour)"),
      gpuHour: Object.fromEntries(
        Object.entries(input.gpuHour ?? {}).map(([k, v]) => [
          k,
          this.rate(v, `--gpu-hour ${k}=X (gpuHour.${k})`),
        ]),
      ),
      mode: input.mode ?? "sum",
      minCharge: this.rate(input.minCharge ?? "0", "--min-charge (minCharge)"),
    };
    const from = this.effectiveTime(input.effectiveFrom, "--from (effectiveFrom)");
    return { rates, from, qos };
  }

  async setDiscount(
    actor: Actor,
    tenant: string,
    percent: number,
    effectiveFrom: string,
  ): Promise<{ tenant: string; percent: number; effectiveFrom: string }> {
    if (!(percent >= 0 && percent <= 100))
      throw invalidInput(`a discount is a percentage from 0 to 100, not ${percent}`);
    const from = this.effectiveTime(effectiveFrom, "--from (effectiveFrom)");
    await audited(
      this.db,
      actor,
      {
        action: "price.discount",
        target: `tenant ${tenant}`,
        details: { percent, effectiveFrom: from },
      },
      async (trx, e) => {
        const t = await tenantNamed(trx, actor, tenant, "price.manage");
        e.tenantId = t.id;
        await insertDiscount(trx, {
          tenant_id: t.id,
          percent,
          effective_from: from,
          created_by: actor.userId,
          created_at: nowIso(),
        });
      },
    );
    return { tenant, percent, effectiveFrom: from };
  }

  /** The prices in force now (or at `at`; with `history`, every version), the general ones and the asker's tenant's own. */
  async list(
    actor: Actor,
    f: { cluster?: string; partition?: string; at?: string; history?: boolean },
  ): Promise<PriceView[]> {
    const rows = await listPrices(this.db, {
      cluster: f.cluster,
      partition: f.partition,
      tenantIds: isCenterStaff(actor) ? "all" : [actor.tenantId],
    });
    if (f.history) return rows.map((r) => this.view(r));
    const at = f.at ?? nowIso();
    // the latest version of each (cluster, partition, QoS, tenant) in force at `at`
    const current = new Map<string, (typeof rows)[number]>();
    for (const r of rows)
      if (r.effective_from <= at)
        current.set(`${r.cluster}/${r.partition}/${r.qos}/${r.tenant_id ?? ""}`, r);
    return [...current.values()].map((r) => this.view(r));
  }

  /** The rates and discount a job of this tenant is priced by when it starts at `at`; null when the partition has no price. */
  async ratesFor(f: {
    cluster: string;
    partition: string;
    qos: string;
    tenantId: number;
    at: string;
  }): Promise<{ rates: Rates; discountPercent: number; priceId: number } | null> {
    const p = await priceAt(this.db, f);
    if (!p) return null;
    return {
      rates: JSON.parse(p.rates) as Rates,
      discountPercent: await discountAt(this.db, f.tenantId, f.at),
      priceId: p.id,
    };
  }
}
