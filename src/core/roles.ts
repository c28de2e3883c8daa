/** Roles on the platform (the center's staff) and in a tenant (an institution's staff). */
const PLATFORM_ROLES = ["center-admin", "center-finance"] as const;
const TENANT_ROLES = ["tenant-admin", "tenant-finance"] as const;
export const USER_ROLES = [...PLATFORM_ROLES, ...TENANT_ROLES] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A member's role in an account (a project). */
export const MEMBER_ROLES = ["member", "admin", "owner"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export function isPlatformRole(r: string): boolean {
  return (PLATFORM_ROLES as readonly string[]).includes(r);
}
