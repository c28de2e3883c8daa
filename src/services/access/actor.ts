import type { PosixIdentity } from "../../backends/backend.js";
import { GuangError } from "../../core/errors.js";
import type { MemberRole, UserRole } from "../../core/roles.js";

/** Who asks: every service call names one. */
export interface Actor {
  userId: number;
  username: string;
  tenantId: number;
  /** Platform and tenant roles. */
  roles: readonly UserRole[];
  /** The accounts the actor is a member of, with the role in each. */
  accounts: ReadonlyMap<number, MemberRole>;
  /** Who the actor's jobs run as (when the server is root), or null. */
  posix: PosixIdentity | null;
  /** Where the request came from (for the audit log). */
  ip: string;
  /** The hash of the token or session the request came with (what a password change keeps). */
  credential?: string;
  /** Signed in with a password someone else chose: only changing it is allowed. */
  mustChangePassword?: boolean;
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

export function hasRole(actor: Actor, role: UserRole): boolean {
  return actor.roles.includes(role);
}

/** Center staff see every tenant. */
export function isCenterStaff(actor: Actor): boolean {
  return hasRole(actor, "center-admin") || hasRole(actor, "center-finance");
}
