import { invalidInput } from "../core/errors.js";

/** Backfill policy: none (plain FCFS on the ordered queue), EASY, or conservative. */
export type Policy = "fcfs" | "easy" | "conservative";
export const POLICIES: readonly Policy[] = ["fcfs", "easy", "conservative"];

export function parsePolicy(text: string): Policy {
  const p = text.toLowerCase();
  if ((POLICIES as readonly string[]).includes(p)) return p as Policy;
  throw invalidInput(`unknown policy "${text}": use one of ${POLICIES.join(", ")}`);
}
