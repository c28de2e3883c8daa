import type { ClusterStatus, ExternalHooks } from "../backend.js";
import {
  ASSOC_FIELDS,
  driftOf,
  parseAssociations,
  planAssociations,
} from "./slurm-associations.js";
import { SlurmError, type SlurmCommands } from "./slurm-commands.js";

// how long a new association may take to reach slurmctld from slurmdbd
const CONTROLLER_WAIT_MS = 10_000;

/**
 * Keeps Slurm's associations (accounts, users, limits, blocks) as Guang has them: compares
 * on a timer and before a user's first job in an account, applies what differs, and reports
 * as drift what someone changed in Slurm since Guang last set it.
 */
export class AssociationSync {
  /** What Guang set last, by "account:user:field" (drift is a difference from this). */
  private settled = new Map<string, string>();
  /** "account:user" pairs slurmctld is known to have. */
  private readonly confirmed = new Set<string>();
  private compared = false;

  constructor(
    private readonly o: {
      name: string;
      commands: SlurmCommands;
      hooks: ExternalHooks;
      /** Slurm's ClusterName. */
      slurmName: () => Promise<string>;
      synced: (summary: NonNullable<ClusterStatus["sync"]>) => void;
      fail: (e: unknown) => void;
    },
  ) {}

  /** Slurm refused a user Guang thought was in: compare again before the next job. */
  forget(account: string, user: string): void {
    this.confirmed.delete(`${account}:${user}`);
    this.settled.clear();
  }

  /** A user must be in the account's association before sbatch (AccountingStorageEnforce=associations): put in at once, not at the next sync. */
  async ensureMember(account: string, user: string): Promise<void> {
    const key = `${account}:${user}`;
    if (this.confirmed.has(key)) return;
    // not through serial(): the caller holds the submission's transaction, which a queued poll may be waiting for
    // (a failure elsewhere in the comparison is for the status to show; whether this user got in is checked next)
    if (!this.settled.has(`${key}:MaxJobs`))
      await this.sync().catch((e: unknown) => this.o.fail(e));
    // slurmctld hears of a new association from slurmdbd a moment later, and refuses the job until then
    const until = Date.now() + CONTROLLER_WAIT_MS;
    for (;;) {
      const known = await this.o.commands.run("scontrol", [
        "show",
        "assoc_mgr",
        `users=${user}`,
        `accounts=${account}`,
        "flags=assoc",
      ]);
      if (new RegExp(`Account=${account} UserName=${user}\\(`).test(known)) break;
      if (Date.now() > until)
        throw new SlurmError(
          this.o.name,
          "scontrol show assoc_mgr",
          `slurmctld does not know user ${user} in account ${account} ${CONTROLLER_WAIT_MS / 1000} s after it was added with sacctmgr (is slurmdbd connected to slurmctld?)`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
    this.confirmed.add(key);
  }

  private syncing: Promise<void> = Promise.resolve();

  /**
   * Slurm's associations as Guang has them; what differs from what Guang set last is drift,
   * reported. One comparison at a time: two working from the same reading would undo each
   * other (one removing a user the other has just added).
   */
  sync(): Promise<void> {
    const next = this.syncing.catch(() => undefined).then(() => this.syncOnce());
    this.syncing = next;
    return next;
  }

  private async syncOnce(): Promise<void> {
    const cluster = await this.o.slurmName();
    const actual = parseAssociations(
      await this.o.commands.run("sacctmgr", [
        "-n",
        "-P",
        "show",
        "assoc",
        "where",
        `cluster=${cluster}`,
        `format=${ASSOC_FIELDS.join(",")}`,
      ]),
    );
    const drift = !this.compared && this.settled.size === 0 ? [] : driftOf(actual, this.settled);
    const plan = planAssociations(cluster, this.o.hooks.desiredAccounts(), actual);
    // one refusal (a user with jobs cannot be removed) must not hold up the rest: each command is tried
    const applied: string[] = [];
    const failed: Error[] = [];
    for (const c of plan.commands) {
      try {
        await this.o.commands.run("sacctmgr", ["-i", ...c.args]);
        applied.push(c.change);
      } catch (e) {
        failed.push(e as Error);
        // not set, so not drift if it differs next time: it is tried again
        for (const k of [...plan.settled.keys()])
          if (k.startsWith(`${c.assoc}:`)) plan.settled.delete(k);
      }
    }
    this.settled = plan.settled;
    for (const k of this.confirmed) if (!this.settled.has(`${k}:MaxJobs`)) this.confirmed.delete(k);
    this.compared = true;
    this.o.synced({ at: new Date().toISOString(), applied, drift });
    // not awaited: a submission waiting for this comparison may hold the store, which the report writes to
    if (drift.length)
      void this.o.hooks.drift(this.o.name, drift).catch((e: unknown) => this.o.fail(e));
    if (failed.length) throw failed[0]!;
  }
}
