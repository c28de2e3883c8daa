import { formatSlurmDuration } from "../core/duration.js";
import type { Workload } from "./workload.js";

/**
 * A trace's job as a batch script for a virtual cluster: its processors as tasks of one core,
 * its requested time as the limit, and what it really ran as its virtual runtime. The one
 * translation the live replays (the demo, the live-equals-simulated check, the load bench) use.
 */
export function traceJobScript(w: Workload, j: number, name = `trace-${w.traceId[j]}`): string {
  return [
    "#!/bin/bash",
    `#SBATCH -J ${name} -n ${w.procsOf[j]} -t ${formatSlurmDuration(w.est[j]!)}`,
    `#GUANG --virtual-runtime=${formatSlurmDuration(w.run[j]!)}`,
    "srun ./replayed",
    "",
  ].join("\n");
}
