/**
 * The one error type of Guang. Every failure a person can act on carries a stable `code`,
 * the HTTP status an API would answer with, and a message that says what is wrong and how
 * to fix it. The CLI maps these to exit codes; the API (later) to its error body.
 */
import type { ErrorCode } from "./error-codes.js";

export type ErrorDetails = Record<string, unknown>;

export class GuangError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ErrorDetails;

  /** `code`: one of the catalogue (./error-codes.ts); the CLI's own refusals by a server are "server:CODE". */
  constructor(
    code: ErrorCode | `server:${string}`,
    status: number,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(message);
    this.name = "GuangError";
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Input a person gave us is wrong (a file, a flag, a value): 400, CLI exit 2. */
export function invalidInput(message: string, details: ErrorDetails = {}): GuangError {
  return new GuangError("invalid_input", 400, message, details);
}

/** Something named does not exist: 404. */
export function notFound(message: string, details: ErrorDetails = {}): GuangError {
  return new GuangError("not_found", 404, message, details);
}

export function isGuangError(e: unknown): e is GuangError {
  return e instanceof GuangError;
}
