import type { AccountLimits } from "../../core/account-limits.js";
import type { DesiredAccount } from "../backend.js";

/**
 * Slurm's associations as Guang wants them: one per account (its Grp* limits; a blocked
 * account gets GrpTRES cpu=0, so its jobs wait with AssocGrpCpuLimit) and one per member
 * (MaxJobs, MaxSubmit, GrpTRES). Pure: compares what `sacctmgr show assoc` says with what
 * is wanted and says which sacctmgr commands put it right.
 */

export const ASSOC_FIELDS = [
  "Account",
  "User",
  "GrpTRES",
  "GrpJobs",
  "GrpSubmit",
  "MaxJobs",
  "MaxSubmit",
] as const;

export interface AssocRow {
  account: string;
  user: string;
  /** The limit settings this module manages, as key → value ("" for none). */
  settings: Record<string, string>;
}

export function parseAssociations(text: string): AssocRow[] {
  const rows: AssocRow[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const f = line.split("|");
    const tres = tresMap(f[2] ?? "");
    rows.push({
      account: f[0]!,
      user: f[1]!,
      settings: {
        "GrpTRES/cpu": tres.cpu ?? "",
        "GrpTRES/gres/gpu": tres["gres/gpu"] ?? "",
        GrpJobs: f[3] ?? "",
        GrpSubmit: f[4] ?? "",
        MaxJobs: f[5] ?? "",
        MaxSubmit: f[6] ?? "",
      },
    });
  }
  return rows;
}

function tresMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of text.split(",")) {
    const eq = item.indexOf("=");
    if (eq > 0) out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

const value = (n: number | undefined) => (n === undefined ? "" : String(n));

function accountSettings(a: DesiredAccount): Record<string, string> {
  return {
    "GrpTRES/cpu": a.blocked ? "0" : value(a.limits.maxCpus),
    "GrpTRES/gres/gpu": value(a.limits.maxGpus),
    GrpJobs: value(a.limits.maxRunningJobs),
    GrpSubmit: value(a.limits.maxSubmitJobs),
    MaxJobs: "",
    MaxSubmit: "",
  };
}

function memberSettings(l: AccountLimits): Record<string, string> {
  return {
    "GrpTRES/cpu": value(l.maxCpus),
    "GrpTRES/gres/gpu": value(l.maxGpus),
    GrpJobs: "",
    GrpSubmit: "",
    MaxJobs: value(l.maxRunningJobs),
    MaxSubmit: value(l.maxSubmitJobs),
  };
}

/** The `set` words of sacctmgr for these settings (-1 clears a limit). */
function setWords(s: Record<string, string>, keys: string[]): string[] {
  const words: string[] = [];
  const tres = keys.filter((k) => k.startsWith("GrpTRES/"));
  if (tres.length)
    words.push(
      `GrpTRES=${tres.map((k) => `${k.slice("GrpTRES/".length)}=${s[k] || "-1"}`).join(",")}`,
    );
  for (const k of keys) if (!k.startsWith("GrpTRES/")) words.push(`${k}=${s[k] || "-1"}`);
  return words;
}

/** One sacctmgr command: its arguments, the association (account:user) it is about, and what it puts right, for people. */
interface AssocCommand {
  args: string[];
  assoc: string;
  change: string;
}

export interface AssocPlan {
  /** In order: accounts before their users. */
  commands: AssocCommand[];
  /** Keys of settings (account:user:setting) and the values they will have. */
  settled: Map<string, string>;
}

/**
 * What to run so that Slurm's associations of Guang's accounts are as wanted. Accounts
 * Slurm has that Guang does not are left alone (the cluster may serve others too); users
 * in a Guang account that Guang does not list are removed from it.
 */
export function planAssociations(
  cluster: string,
  desired: DesiredAccount[],
  actual: AssocRow[],
): AssocPlan {
  const plan: AssocPlan = { commands: [], settled: new Map() };
  const run = (account: string, user: string, args: string[], change: string) =>
    plan.commands.push({ args, assoc: `${account}:${user}`, change });
  const byKey = new Map(actual.map((r) => [`${r.account}:${r.user}`, r]));
  const compare = (
    what: string,
    account: string,
    user: string,
    want: Record<string, string>,
    have: Record<string, string> | null,
    command: string[],
  ) => {
    const differ = Object.keys(want).filter((k) => (have?.[k] ?? "") !== want[k]);
    for (const k of Object.keys(want)) plan.settled.set(`${account}:${user}:${k}`, want[k]!);
    if (differ.length === 0) return;
    run(
      account,
      user,
      [...command, "set", ...setWords(want, differ)],
      `${what}: ${differ.map((k) => `${k} ${have?.[k] || "none"} → ${want[k] || "none"}`).join(", ")}`,
    );
  };
  for (const a of desired) {
    const have = byKey.get(`${a.name}:`);
    if (!have)
      run(
        a.name,
        "",
        [
          "add",
          "account",
          a.name,
          `cluster=${cluster}`,
          `Description=${a.tenant}`,
          `Organization=${a.tenant}`,
        ],
        `account ${a.name}: created`,
      );
    compare(`account ${a.name}`, a.name, "", accountSettings(a), have?.settings ?? null, [
      "modify",
      "account",
      "where",
      `name=${a.name}`,
      `cluster=${cluster}`,
    ]);
    const wanted = new Set(a.members.map((m) => m.user));
    for (const m of a.members) {
      const u = byKey.get(`${a.name}:${m.user}`);
      if (!u)
        run(
          a.name,
          m.user,
          ["add", "user", m.user, `account=${a.name}`, `cluster=${cluster}`],
          `user ${m.user} added to account ${a.name}`,
        );
      compare(
        `user ${m.user} in account ${a.name}`,
        a.name,
        m.user,
        memberSettings(m.limits),
        u?.settings ?? null,
        ["modify", "user", "where", `name=${m.user}`, `account=${a.name}`, `cluster=${cluster}`],
      );
    }
    for (const r of actual) {
      if (r.account === a.name && r.user !== "" && !wanted.has(r.user)) {
        run(
          a.name,
          r.user,
          ["remove", "user", r.user, `account=${a.name}`, `cluster=${cluster}`],
          `user ${r.user} removed from account ${a.name} (not a member in Guang)`,
        );
      }
    }
  }
  return plan;
}

/**
 * Of what a plan puts right, what Guang did not cause: settings that differ from what Guang
 * itself set last time (someone changed Slurm behind its back, or Slurm lost them).
 */
export function driftOf(actual: AssocRow[], lastSettled: Map<string, string>): string[] {
  const out: string[] = [];
  const who = (account: string, user: string) =>
    user ? `user ${user} in account ${account}` : `account ${account}`;
  for (const r of actual) {
    for (const [k, v] of Object.entries(r.settings)) {
      const was = lastSettled.get(`${r.account}:${r.user}:${k}`);
      if (was !== undefined && was !== v)
        out.push(
          `${who(r.account, r.user)}: ${k} is ${v || "none"}, Guang had set ${was || "none"}`,
        );
    }
  }
  // associations Guang had made that are gone
  const present = new Set(actual.map((r) => `${r.account}:${r.user}`));
  const gone = new Set<string>();
  for (const key of lastSettled.keys()) {
    const [account, user] = key.split(":") as [string, string];
    const assoc = `${account}:${user}`;
    if (present.has(assoc) || gone.has(assoc)) continue;
    gone.add(assoc);
    out.push(`${who(account, user)}: gone from Slurm`);
  }
  return out;
}
