import type { ExternalHooks } from "../backend.js";
import type { SlurmCommands } from "./slurm-commands.js";
import { finalState, hasEnded, parseSacct, SACCT_FIELDS, slurmLocalTime } from "./slurm-output.js";

// accounting reaches slurmdbd a little after a job ends: reading overlaps by this much (records are kept once by job id)
const ACCOUNTING_OVERLAP_MS = 5 * 60_000;

/** Reads ended jobs from sacct on a timer: those Guang did not submit are imported and charged. */
export class AccountingImport {
  /** Jobs already reported as not chargeable (reported once). */
  private readonly unknownReported = new Set<string>();

  constructor(
    private readonly o: {
      name: string;
      commands: SlurmCommands;
      hooks: ExternalHooks;
      /** True for a Slurm job id Guang submitted (watched and settled by the cluster itself). */
      isOwn: (slurmId: string) => boolean;
    },
  ) {}

  /** Jobs that ended since the cursor (with an overlap: accounting lags), those not Guang's own imported and charged. */
  async run(): Promise<void> {
    const now = Date.now();
    const cursor = (await this.o.hooks.cursor(this.o.name)) ?? now;
    const from = cursor - ACCOUNTING_OVERLAP_MS;
    const records = parseSacct(
      await this.o.commands.run("sacct", [
        "-a",
        "-X",
        "-P",
        "-n",
        "-S",
        slurmLocalTime(from),
        "-E",
        "now",
        "-o",
        SACCT_FIELDS.join(","),
      ]),
    );
    for (const r of records) {
      if (!hasEnded(r.baseState) || r.endMs === null || this.o.isOwn(r.slurmId)) continue;
      const f = finalState(r.baseState);
      const done = await this.o.hooks.foreign({
        cluster: this.o.name,
        externalId: r.slurmId,
        name: r.name,
        user: r.user,
        account: r.account,
        partition: r.partition,
        qos: r.qos,
        state: f.state,
        reason: f.reason,
        exitCode: r.exitCode,
        signal: r.signal,
        submitMs: r.submitMs ?? r.endMs,
        startMs: r.startMs,
        endMs: r.endMs,
        alloc: r.alloc,
        timeLimit: r.timeLimit,
        cpuSeconds: r.cpuSeconds,
      });
      if (!done.recorded && done.why && !this.unknownReported.has(r.slurmId)) {
        this.unknownReported.add(r.slurmId);
        await this.o.hooks.drift(this.o.name, [
          `job ${r.shownId} (user ${r.user}, account ${r.account}) not charged: ${done.why}`,
        ]);
      }
    }
    await this.o.hooks.saveCursor(this.o.name, now);
  }
}
