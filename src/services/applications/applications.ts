import type { AccountAllowed, AccountLimits } from "../../core/account-limits.js";
import { invalidInput, notFound } from "../../core/errors.js";
import { addMember, findAccount, findMember, updateAccount } from "../../store/accounts.js";
import {
  findApplication,
  insertApplication,
  listApplications,
  openApplicationFor,
  updateApplication,
  type ApplicationRow,
} from "../../store/applications.js";
import type { Db } from "../../store/open.js";
import { nowIso } from "../../store/open.js";
import { findTenantById } from "../../store/tenants.js";
import { findUserByName, tenantStaffEmails, userEmail } from "../../store/users.js";
import { conflict, forbidden, type Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import { authorize, reachesEveryTenant, reachesWholeTenant } from "../access/permissions.js";
import { grantPeriod, issueGrant } from "../money/grants.js";
import type { Notifier } from "../notify/notifier.js";
import { applyLimits, openAccount } from "../tenancy/accounts.js";
import { accountNamed } from "../tenancy/tenancy-lookup.js";
import {
  accountOf,
  checkRequest,
  titleOf,
  type ApplicationRequest,
} from "./application-request.js";

export type Decision = "approve" | "reject" | "changes";

export interface ApplicationView {
  id: number;
  number: string;
  kind: ApplicationRequest["kind"];
  account: string;
  title: string;
  tenant: string;
  applicant: string;
  state: ApplicationRow["state"];
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  request: ApplicationRequest;
}

/** An application's number as people quote it: A00042. */
const numberOf = (id: number) => `A${String(id).padStart(5, "0")}`;

/**
 * Applications (ColdFront's core): a user asks for a new account, or an account's owner for
 * more hours or higher limits; the tenant's admins approve (making the account, its members
 * and grants from the application, as they edited it, in one transaction), reject with a
 * reason, or ask for changes. Each step is audited and mailed.
 */
export class ApplicationService {
  constructor(
    private readonly db: Db,
    private readonly o: {
      checkAllowed: (a: AccountAllowed) => void;
      changed: () => Promise<void>;
      notifier: Notifier;
    },
  ) {}

  private view(r: ApplicationRow): ApplicationView {
    const request = JSON.parse(r.request) as ApplicationRequest;
    return {
      id: r.id,
      number: numberOf(r.id),
      kind: r.kind,
      account: r.account,
      title: titleOf(request),
      tenant: r.tenant,
      applicant: r.applicant,
      state: r.state,
      note: r.note,
      decidedBy: r.decider,
      decidedAt: r.decided_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      request,
    };
  }

  /** An application the actor may see: its applicant's, or its tenant's admins' (center admins: all). */
  private async found(db: Db, actor: Actor, id: number): Promise<ApplicationRow> {
    const r = await findApplication(db, id);
    if (!r) throw notFound(`application ${id} does not exist`);
    authorize(actor, "application.read", {
      tenantId: r.tenant_id,
      userId: r.applicant_id,
      what: `application ${id}`,
    });
    return r;
  }

  /**
   * The request checked, and the tenant whose admins decide it: the applicant's for a new
   * account, the account's own for more hours or higher limits (only who runs it asks).
   */
  private async checked(trx: Db, actor: Actor, r: ApplicationRequest, exceptId = 0) {
    const tenantId =
      r.kind === "account"
        ? actor.tenantId
        : (await accountNamed(trx, actor, r.account, "member.manage")).tenant_id;
    const tenant = (await findTenantById(trx, tenantId))!;
    await checkRequest(trx, r, tenant, this.o.checkAllowed);
    if (r.kind === "account") {
      if (await findAccount(trx, r.name))
        throw conflict(`account ${r.name} already exists; pick another name`);
      if (await openApplicationFor(trx, r.name, exceptId))
        throw conflict(
          `account ${r.name} is already asked for by an open application; pick another name`,
        );
    }
    return tenant;
  }

  async apply(actor: Actor, r: ApplicationRequest): Promise<ApplicationView> {
    const id = await audited(
      this.db,
      actor,
      {
        action: "application.submit",
        target: `account ${accountOf(r)}`,
        details: { kind: r.kind },
      },
      async (trx, e) => {
        authorize(actor, "application.submit", {
          tenantId: actor.tenantId,
          userId: actor.userId,
          what: "an application",
        });
        const tenant = await this.checked(trx, actor, r);
        const now = nowIso();
        const id = await insertApplication(trx, {
          tenant_id: tenant.id,
          applicant_id: actor.userId,
          kind: r.kind,
          account: accountOf(r),
          request: JSON.stringify(r),
          state: "pending",
          note: null,
          decided_by: null,
          decided_at: null,
          created_at: now,
          updated_at: now,
        });
        e.target = `application ${id}`;
        return id;
      },
    );
    return this.tellAdmins(id);
  }

  /** The applicant changes an application still open (asked to, or before it is decided): pending again. */
  async edit(actor: Actor, id: number, r: ApplicationRequest): Promise<ApplicationView> {
    await audited(
      this.db,
      actor,
      { action: "application.edit", target: `application ${id}`, details: { kind: r.kind } },
      async (trx, e) => {
        const a = await this.found(trx, actor, id);
        e.tenantId = a.tenant_id;
        if (a.applicant_id !== actor.userId)
          throw forbidden(`application ${id} is ${a.applicant}'s: only its applicant changes it`);
        if (a.state !== "pending" && a.state !== "changes")
          throw conflict(
            `application ${id} is ${a.state}: it can no longer be changed; apply again`,
          );
        if (r.kind !== a.kind)
          throw invalidInput(`application ${id} asks for ${a.kind}; its kind stays`);
        await this.checked(trx, actor, r, id);
        await updateApplication(trx, id, {
          request: JSON.stringify(r),
          account: accountOf(r),
          state: "pending",
          updated_at: nowIso(),
        });
      },
    );
    return this.tellAdmins(id);
  }

  async list(actor: Actor, q: { state?: string; mine?: boolean }): Promise<ApplicationView[]> {
    const f = { ...(q.state ? { state: q.state } : {}) };
    const rows =
      q.mine || !reachesWholeTenant(actor, "application.decide", actor.tenantId)
        ? await listApplications(this.db, { ...f, applicantId: actor.userId })
        : reachesEveryTenant(actor, "application.decide")
          ? await listApplications(this.db, f)
          : await listApplications(this.db, { ...f, tenantId: actor.tenantId });
    return rows.map((r) => this.view(r));
  }

  async get(actor: Actor, id: number): Promise<ApplicationView> {
    return this.view(await this.found(this.db, actor, id));
  }

  /**
   * Approve (with the admin's edits to what is given), reject, or send back for changes;
   * a reason is needed for the last two. Approving makes what was asked in one transaction.
   */
  async decide(
    actor: Actor,
    id: number,
    d: { decision: Decision; note?: string; request?: ApplicationRequest },
  ): Promise<ApplicationView> {
    const note = d.note?.trim() || null;
    if (d.decision !== "approve" && !note)
      throw invalidInput(
        d.decision === "reject"
          ? "say why it is rejected (the applicant reads it)"
          : "say what to change (the applicant reads it)",
      );
    await audited(
      this.db,
      actor,
      { action: `application.${d.decision}`, target: `application ${id}`, details: { note } },
      async (trx, e) => {
        const a = await this.found(trx, actor, id);
        e.tenantId = a.tenant_id;
        authorize(actor, "application.decide", {
          tenantId: a.tenant_id,
          what: `application ${id}`,
        });
        if (a.state !== "pending")
          throw conflict(`application ${id} is ${a.state}, not waiting for a decision`);
        const r = d.request ?? (JSON.parse(a.request) as ApplicationRequest);
        if (r.kind !== a.kind)
          throw invalidInput(`application ${id} asks for ${a.kind}; its kind stays`);
        // what the admin may edit is what is given, not where it goes
        if (r.kind !== "account" && r.account !== a.account)
          throw invalidInput(
            `application ${id} asks for account ${a.account}; the account it gives to stays`,
          );
        if (d.decision === "approve") {
          const tenant = (await findTenantById(trx, a.tenant_id))!;
          await checkRequest(trx, r, tenant, this.o.checkAllowed);
          await this.give(trx, actor, a, r, tenant);
          e.details = { note, given: r };
        }
        await updateApplication(trx, id, {
          state:
            d.decision === "approve"
              ? "approved"
              : d.decision === "reject"
                ? "rejected"
                : "changes",
          request: JSON.stringify(r),
          account: accountOf(r),
          note,
          decided_by: actor.userId,
          decided_at: nowIso(),
          updated_at: nowIso(),
        });
      },
    );
    if (d.decision === "approve") await this.o.changed();
    return this.tellApplicant(id);
  }

  /** What an approved application makes: the account and its members, grants, or limits. */
  private async give(
    trx: Db,
    actor: Actor,
    a: ApplicationRow,
    r: ApplicationRequest,
    tenant: Parameters<typeof openAccount>[1],
  ): Promise<void> {
    const reason = `application ${numberOf(a.id)}`;
    if (r.kind === "limits") {
      const acc = (await findAccount(trx, r.account))!;
      const limits = applyLimits(JSON.parse(acc.limits) as AccountLimits, r.limits);
      await updateAccount(trx, acc.id, { limits: JSON.stringify(limits) });
      return;
    }
    let accountId: number;
    if (r.kind === "account") {
      accountId = await openAccount(trx, tenant, {
        name: r.name,
        owner: a.applicant,
        ...(r.clusters.length ? { allowed: { clusters: r.clusters } } : {}),
      });
      for (const m of new Set(r.members)) {
        const u = (await findUserByName(trx, m))!;
        if (!(await findMember(trx, accountId, u.id)))
          await addMember(trx, accountId, u.id, "member");
      }
    } else {
      const acc = await findAccount(trx, r.account);
      if (!acc) throw notFound(`account ${r.account} does not exist`);
      accountId = acc.id;
    }
    for (const [resource, hours] of [
      ["cpu", r.coreHours],
      ["gpu", r.gpuHours],
    ] as const) {
      if (hours <= 0) continue;
      const g = {
        resource,
        hours,
        endsAt: r.endsAt!,
        reason,
        ...(r.kind === "account" && r.startsAt ? { startsAt: r.startsAt } : {}),
      };
      await issueGrant(trx, accountId, { ...g, ...grantPeriod(g) }, actor.userId);
    }
  }

  /** Tells the tenant's admins of an application come in (or changed); its view. */
  private async tellAdmins(id: number): Promise<ApplicationView> {
    const a = (await findApplication(this.db, id))!;
    const v = this.view(a);
    const to = await tenantStaffEmails(this.db, a.tenant_id, ["tenant-admin"]);
    this.o.notifier.applicationNew(to, v);
    return v;
  }

  /** Tells the applicant of a decision; its view. */
  private async tellApplicant(id: number): Promise<ApplicationView> {
    const a = (await findApplication(this.db, id))!;
    const v = this.view(a);
    const to = await userEmail(this.db, a.applicant_id);
    if (to) this.o.notifier.applicationDecided([to], v);
    return v;
  }
}
