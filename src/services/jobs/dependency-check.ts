import type { Backend } from "../../backends/backend.js";
import { invalidInput } from "../../core/errors.js";
import type { JobOptions } from "../../core/job-spec.js";
import { dependencyRows } from "../../store/jobs.js";
import type { Db } from "../../store/open.js";

/**
 * Every job --dependency names must exist. On a cluster with a scheduler of its own, they
 * must be its jobs too, and the dependency is returned in its ids (an array is its tasks:
 * each task is its own Slurm job).
 */
export async function checkDependencies(
  db: Db,
  opts: JobOptions,
  backend: Backend,
): Promise<string | null> {
  const spec = opts.dependency!;
  const ids = [...new Set(spec.clauses.flatMap((c) => c.targets.map((t) => t.jobId)))];
  const found = await dependencyRows(db, ids);
  const clauses: string[] = [];
  for (const c of spec.clauses) {
    const external: string[] = [];
    for (const t of c.targets) {
      const name = `${t.jobId}${t.taskId === null ? "" : `_${t.taskId}`}`;
      const hits = found.filter((r) =>
        t.taskId === null
          ? r.id === t.jobId || r.array_job_id === t.jobId
          : r.array_job_id === t.jobId && r.array_task_id === t.taskId,
      );
      if (hits.length === 0)
        throw invalidInput(`--dependency names job ${name}, which does not exist`);
      if (!backend.place) continue;
      const elsewhere = hits.find((r) => r.cluster !== backend.name || r.external_id === null);
      if (elsewhere)
        throw invalidInput(
          `--dependency names job ${name}, which is on cluster ${elsewhere.cluster}; a job on cluster ${backend.name} can depend only on jobs of that cluster`,
        );
      external.push(...hits.map((r) => r.external_id!));
    }
    clauses.push(`${c.type}:${external.join(":")}`);
  }
  if (!backend.place) return null;
  if (spec.singleton) clauses.push("singleton");
  return clauses.join(spec.any ? "?" : ",");
}
