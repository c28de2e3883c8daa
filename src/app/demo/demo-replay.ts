import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { logBackgroundError } from "../../core/background-log.js";
import type { VirtualCluster } from "../../backends/virtual/virtual-cluster.js";
import { readSwfFile } from "../../sim/swf.js";
import { syntheticWorkload } from "../../sim/synthetic.js";
import { traceJobScript } from "../../sim/trace-script.js";
import { applyConventions, type Workload } from "../../sim/workload.js";
import type { Center } from "../center.js";
import type { DemoUser } from "./demo-setup.js";

const TRACE = "SDSC-BLUE-2000-4.2-cln.swf.gz";
const TICK_MS = 200;
// a real center of this size takes thousands of jobs a day: the trace's are 8 times as dense, each an 8th as wide
const DENSITY = 8;
const NAMES: Record<string, string[]> = {
  "med-imaging": ["ct-segmentation", "mri-recon", "pathology-cnn"],
  "air-quality": ["wrf-chem", "cmaq-forecast", "pm25-ensemble"],
  "gene-seq": ["gatk-variants", "bwa-align", "rnaseq-quant"],
  "llm-train": ["llm-pretrain", "finetune-7b", "eval-suite"],
};

/** Where the workload traces are: GUANG_TRACES, else ../shared/data/traces beside the install. */
function tracesDir(): string {
  return (
    process.env.GUANG_TRACES ??
    join(fileURLToPath(new URL("../../../../", import.meta.url)), "..", "shared", "data", "traces")
  );
}

/** SDSC Blue Horizon's log when it is at hand (a real center's year), else a synthetic one. */
export function demoWorkload(): { w: Workload; source: string } {
  const file = join(tracesDir(), TRACE);
  if (existsSync(file))
    return { w: applyConventions(readSwfFile(file)).workload, source: `the ${TRACE} trace` };
  return {
    w: syntheticWorkload({ jobs: 50_000, procs: 256, seed: 7 }),
    source: `a synthetic workload (${TRACE} not found in ${tracesDir()}; set GUANG_TRACES)`,
  };
}

/**
 * Replays a workload onto the demo cluster as its people would submit it: each trace job at
 * its instant on the cluster's clock (the trace's first second is the clock's first; eight
 * times as dense, each job an eighth as wide, so as busy as the trace's machine), by the
 * trace user's stand-in, its processors scaled to the cluster's size (GPU people's jobs to
 * whole GPU nodes). Submissions go through the same use case as the API's.
 */
export class DemoReplay {
  private next = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly origin: number;

  constructor(
    private readonly center: Center,
    private readonly cluster: VirtualCluster,
    private readonly w: Workload,
    private readonly users: DemoUser[],
  ) {
    this.origin = cluster.now();
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private running = false;

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const now = this.cluster.now();
      const w = this.w;
      while (
        this.next < w.count &&
        this.origin + ((w.submit[this.next]! - w.submit[0]!) * 1000) / DENSITY <= now
      )
        await this.submit(this.next++);
    } finally {
      this.running = false;
    }
  }

  private async submit(j: number): Promise<void> {
    const w = this.w;
    const u = this.users[(w.user[j]! >>> 0) % this.users.length]!;
    const names = NAMES[u.account] ?? ["job"];
    const name = names[j % names.length]!;
    const share = w.procsOf[j]! / w.procs / DENSITY;
    const limit = Math.min(w.est[j]!, 3 * 86400);
    const args = u.gpu
      ? ["-p", "gpu", "-N", String(Math.max(1, Math.ceil(share * 200))), "--gres=gpu:a100:8"]
      : ["-p", "cpu", "-n", String(Math.max(1, Math.round(share * 128_000)))];
    args.push("-M", "demo", "-A", u.account, "-t", String(Math.ceil(limit / 60)));
    try {
      await this.center.submissions.submit(u.actor, { script: traceJobScript(w, j, name), args });
    } catch (e) {
      // a refusal (money, limits) is part of a living center; anything else is worth a line
      logBackgroundError(
        `demo: trace job ${w.traceId[j]} was not submitted: ${(e as Error).message}`,
      );
    }
  }
}
