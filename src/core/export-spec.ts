import { invalidInput } from "./errors.js";

/**
 * `--export`: which of the submitter's variables the job sees. `ALL` (the default) passes
 * them all, `NONE` none; a list names variables to pass (`VAR`) or set (`VAR=value`),
 * after an optional leading `ALL`.
 */
export interface ExportSpec {
  all: boolean;
  names: string[];
  set: Record<string, string>;
}

export function parseExport(text: string): ExportSpec {
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const spec: ExportSpec = { all: false, names: [], set: {} };
  if (parts.length === 1 && parts[0]!.toUpperCase() === "NONE") return spec;
  for (const [i, p] of parts.entries()) {
    if (p.toUpperCase() === "ALL" && i === 0) {
      spec.all = true;
      continue;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(p);
    if (!m)
      throw invalidInput(
        `invalid --export "${text}": "${p}" is not a variable name or NAME=value; use ALL, NONE or e.g. ALL,OMP_NUM_THREADS=4`,
      );
    if (m[2] === undefined) spec.names.push(m[1]!);
    else spec.set[m[1]!] = m[2];
  }
  if (parts.length === 0)
    throw invalidInput(`invalid --export "${text}": use ALL, NONE or a list of variables`);
  return spec;
}

/** The environment a job starts from (before Slurm's own variables are added). */
export function exportedEnvironment(
  spec: ExportSpec,
  submitEnv: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = spec.all ? { ...submitEnv } : {};
  for (const n of spec.names) if (submitEnv[n] !== undefined) env[n] = submitEnv[n];
  return Object.assign(env, spec.set);
}
