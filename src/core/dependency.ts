import { invalidInput } from "./errors.js";

export type DependencyType = "after" | "afterok" | "afternotok" | "afterany";

/** One job a dependency refers to: a whole array (`123`) or one task of it (`123_4`). */
interface DependencyTarget {
  jobId: number;
  taskId: number | null;
}

interface DependencyClause {
  type: DependencyType;
  targets: DependencyTarget[];
}

/**
 * `--dependency`: clauses joined by "," (all must hold) or "?" (any may hold), and
 * `singleton` (no earlier job of the same name and user still pending or running).
 */
export interface DependencySpec {
  clauses: DependencyClause[];
  any: boolean;
  singleton: boolean;
}

const TYPES = new Set<string>(["after", "afterok", "afternotok", "afterany"]);

export function parseDependency(text: string): DependencySpec {
  const s = text.trim();
  const bad = (why: string) =>
    invalidInput(
      `invalid --dependency "${text}": ${why}; use e.g. afterok:123, afterany:123:124, afterok:123_4, after:5?afterok:6 or singleton`,
    );
  if (s === "") throw bad("it is empty");
  if (s.includes(",") && s.includes("?"))
    throw bad('mix "," (all of) and "?" (any of) is not allowed');
  const any = s.includes("?");
  const spec: DependencySpec = { clauses: [], any, singleton: false };
  for (const part of s.split(any ? "?" : ",")) {
    if (part === "singleton") {
      spec.singleton = true;
      continue;
    }
    const [type, ...ids] = part.split(":");
    if (type === undefined || !TYPES.has(type))
      throw bad(
        `"${type}" is not a dependency type (after, afterok, afternotok, afterany, singleton)`,
      );
    if (ids.length === 0) throw bad(`${type} needs at least one job id`);
    const targets = ids.map((id) => {
      const m = /^(\d+)(?:_(\d+))?$/.exec(id);
      if (!m) throw bad(`"${id}" is not a job id (N or N_TASK)`);
      return { jobId: Number(m[1]), taskId: m[2] === undefined ? null : Number(m[2]) };
    });
    spec.clauses.push({ type: type as DependencyType, targets });
  }
  return spec;
}

/** What a clause needs to know of one ended or running job. */
export type TargetState = "pending" | "running" | "ok" | "notok";

/**
 * The verdict on one clause given the states of all jobs it names: satisfied, still
 * waiting, or never satisfiable (Slurm's DependencyNeverSatisfied).
 */
export function clauseVerdict(
  type: DependencyType,
  states: TargetState[],
): "met" | "wait" | "never" {
  let wait = false;
  for (const st of states) {
    if (type === "after") {
      if (st === "pending") wait = true;
    } else if (st === "pending" || st === "running") {
      wait = true;
    } else if ((type === "afterok" && st === "notok") || (type === "afternotok" && st === "ok")) {
      return "never";
    }
  }
  return wait ? "wait" : "met";
}
