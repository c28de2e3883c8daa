import { readFileSync } from "node:fs";
import { formatSlurmDuration, parseSlurmDuration } from "../../core/duration.js";
import { invalidInput } from "../../core/errors.js";
import {
  replayWithPriority,
  type PriorityRun,
  type PrioritySetting,
} from "../../sim/multifactor.js";
import { writePriorityReport } from "../../sim/priority-report.js";
import type { Workload } from "../../sim/workload.js";
import { table } from "../format.js";

type Weights = NonNullable<PrioritySetting["weights"]>;
const DEFAULTS: Weights = {
  age: 1000,
  fairshare: 10000,
  jobSize: 1000,
  partition: 0,
  qos: 0,
  maxAge: 7 * 86400,
};
const NAMES: Record<string, keyof Weights> = {
  age: "age",
  fairshare: "fairshare",
  jobsize: "jobSize",
  maxage: "maxAge",
};

/** `age=1000,fairshare=0,maxage=3-0`: the defaults with these changed. */
function parseWeights(text: string): Weights {
  const w = { ...DEFAULTS };
  for (const part of text.split(",").filter((p) => p.trim())) {
    const [k, v] = part.split("=").map((x) => x.trim()) as [string, string | undefined];
    const name = NAMES[k.toLowerCase()];
    if (!name || v === undefined)
      throw invalidInput(
        `--weights: "${part}" is not NAME=VALUE with NAME one of age, fairshare, jobsize, maxage`,
      );
    const n = name === "maxAge" ? parseSlurmDuration(v) : Number(v);
    if (!Number.isFinite(n) || n < 0)
      throw invalidInput(
        `--weights: ${k} must be a number of 0 or more (maxage: a time), not "${v}"`,
      );
    w[name] = n;
  }
  return w;
}

/** A file naming tenants and the trace groups in each: {"physics": [1, 4], "biology": [2]}. */
function tenantMap(file: string | undefined): (group: number) => string {
  if (!file) return () => "center";
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw invalidInput(`--accounts ${file}: ${(e as Error).message}`);
  }
  const by = new Map<number, string>();
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw invalidInput(
      `--accounts ${file}: give an object of tenants, each a list of group numbers`,
    );
  for (const [tenant, groups] of Object.entries(raw)) {
    if (!Array.isArray(groups) || !groups.every((g) => Number.isInteger(g)))
      throw invalidInput(`--accounts ${file}: tenant ${tenant} needs a list of group numbers`);
    for (const g of groups as number[]) by.set(g, tenant);
  }
  return (g) => by.get(g) ?? "others";
}

export interface PriorityArgs {
  w: Workload;
  backfill: Parameters<typeof replayWithPriority>[1];
  weights: string[];
  halfLife: string;
  accounts: string | undefined;
  json: boolean;
  reportDir: string | null;
}

/**
 * `guang sim TRACE --priority multifactor`: the trace replayed with the live scheduler's
 * priority under each setting (weights × half-lives), beside plain submission order, so that
 * an operator chooses the weights from their own workload before turning them on.
 */
export function simPriority(a: PriorityArgs): number {
  const tenantOf = tenantMap(a.accounts);
  const halfLives = a.halfLife.split(",").map((h) => {
    try {
      return parseSlurmDuration(h.trim());
    } catch (e) {
      throw invalidInput(`--half-life: ${(e as Error).message}`);
    }
  });
  const settings: PrioritySetting[] = [{ name: "fifo", weights: null, halfLife: 0 }];
  for (const text of a.weights.length ? a.weights : [""])
    for (const h of halfLives)
      settings.push({
        name: `${text || "default"} half-life ${formatSlurmDuration(h)}`,
        weights: parseWeights(text),
        halfLife: h,
      });
  const runs = settings.map((s) => replayWithPriority(a.w, a.backfill, s, tenantOf));
  const report = a.reportDir ? writePriorityReport(runs, a.reportDir) : null;
  if (a.json) {
    process.stdout.write(
      JSON.stringify(
        runs.map(jsonOf).map((r) => ({ ...r, ...(report ? { report } : {}) })),
        null,
        2,
      ) + "\n",
    );
    return 0;
  }
  process.stdout.write(
    table(
      ["SETTING", "AVG_WAIT(s)", "AVG_BSLD", "EVENNESS", "WALL"],
      runs.map((r) => [
        r.setting.name,
        r.metrics.avgWait.toFixed(1),
        r.metrics.avgBoundedSlowdown.toFixed(3),
        r.evenness.toFixed(3),
        `${r.wallSeconds.toFixed(2)}s`,
      ]),
    ) + "\n\n",
  );
  // the accounts that used most, their average wait under each setting
  const top = runs[0]!.accounts.slice(0, 10);
  process.stdout.write(
    table(
      ["ACCOUNT", "USE", ...runs.map((_r, k) => `WAIT#${k}(s)`)],
      top.map((acc) => [
        acc.account,
        `${(100 * acc.useShare).toFixed(1)}%`,
        ...runs.map((r) =>
          (r.accounts.find((x) => x.account === acc.account)?.avgWait ?? 0).toFixed(0),
        ),
      ]),
    ) +
      `\n(#k: the k-th setting above; evenness: Jain's index of the accounts' mean bounded slowdowns, 1 when all alike)\n`,
  );
  if (report) process.stdout.write(`\nreport   ${report}\n`);
  return 0;
}

function jsonOf(r: PriorityRun) {
  return {
    setting: r.setting.name,
    weights: r.setting.weights,
    halfLifeSeconds: r.setting.halfLife,
    ...r.metrics,
    evenness: r.evenness,
    accounts: r.accounts,
    wallSeconds: r.wallSeconds,
  };
}
