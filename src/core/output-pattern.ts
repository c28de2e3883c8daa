/**
 * Output file names as sbatch expands them: `%j` job id, `%x` job name, `%u` user,
 * `%A` array job id, `%a` array task id, `%N` first node, `%%` a percent sign.
 * Zero-padding like `%4a` is honoured.
 */
export interface PatternValues {
  jobId: number;
  name: string;
  user: string;
  arrayJobId: number | null;
  arrayTaskId: number | null;
  node: string;
}

export function expandOutputPattern(pattern: string, v: PatternValues): string {
  return pattern.replace(/%(\d*)([jxuAaN%])/g, (_m, width: string, key: string) => {
    let s: string;
    switch (key) {
      case "j":
        s = String(v.jobId);
        break;
      case "x":
        s = v.name;
        break;
      case "u":
        s = v.user;
        break;
      case "A":
        s = String(v.arrayJobId ?? v.jobId);
        break;
      case "a":
        s = v.arrayTaskId === null ? "4294967294" : String(v.arrayTaskId);
        break;
      case "N":
        s = v.node;
        break;
      default:
        return "%";
    }
    return width ? s.padStart(Number(width), "0") : s;
  });
}

/** sbatch's default output name: slurm-%j.out, or slurm-%A_%a.out for array tasks. */
export function defaultOutputPattern(isArray: boolean): string {
  return isArray ? "slurm-%A_%a.out" : "slurm-%j.out";
}
