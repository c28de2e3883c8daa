import { z } from "zod";

/** A time in a query (`from`, `to`): any ISO 8601 form Date can read. */
export const isoTime = z
  .string()
  .refine(
    (s) => !Number.isNaN(Date.parse(s)),
    "must be an ISO 8601 time, e.g. 2026-11-25T08:00:00Z",
  );

/** The same instant as the store writes times (UTC, milliseconds), so they compare as text. */
export function toIso(s: string): string {
  return new Date(Date.parse(s)).toISOString();
}
