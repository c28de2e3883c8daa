import { GuangError } from "../core/errors.js";

/** Who asks: every service call names one. */
export interface Actor {
  userId: number;
  username: string;
  tenantId: number;
  centerAdmin: boolean;
  /** The Unix account jobs run as (when the server is root), or null. */
  unixUser: string | null;
}

export function unauthorized(message: string): GuangError {
  return new GuangError("unauthorized", 401, message);
}

export function forbidden(message: string): GuangError {
  return new GuangError("forbidden", 403, message);
}

export function conflict(message: string, details: Record<string, unknown> = {}): GuangError {
  return new GuangError("conflict", 409, message, details);
}

/** A user acts on their own things; a center admin on everyone's. */
export function canActOn(actor: Actor, ownerId: number): boolean {
  return actor.centerAdmin || actor.userId === ownerId;
}
