import type { TestCenter } from "../../helpers/center.js";

// The roles of the authorization matrix, who plays each, and the shape of its cases.

export const ROLES = [
  "center-admin",
  "center-finance",
  "tenant-admin",
  "tenant-finance",
  "account-owner",
  "account-admin",
  "account-member",
  "user",
] as const;
export type Role = (typeof ROLES)[number];
export const USERS: Record<Role, string> = {
  "center-admin": "ca",
  "center-finance": "cf",
  "tenant-admin": "ta-admin",
  "tenant-finance": "ta-fin",
  "account-owner": "ta-owner",
  "account-admin": "ta-padmin",
  "account-member": "ta-member",
  user: "ta-user",
};
export const ALL = [...ROLES];
export const CENTER: Role[] = ["center-admin", "center-finance"];
export const READERS: Role[] = [
  "center-admin",
  "center-finance",
  "tenant-admin",
  "tenant-finance",
  "account-owner",
  "account-admin",
  "account-member",
];
export const MANAGERS: Role[] = ["center-admin", "tenant-admin", "account-owner", "account-admin"];
export const JOB_SEERS: Role[] = [
  "center-admin",
  "tenant-admin",
  "account-owner",
  "account-admin",
  "account-member",
];

export interface Req {
  method: string;
  path: string;
  body?: unknown;
}

export interface Case {
  /** METHOD and path template as in the OpenAPI document. */
  route: string;
  own: (r: Role) => Req;
  allowOwn: Role[];
  /** The same request on the foreign tenant's object, and on one that does not exist. */
  foreign?: (r: Role) => Req;
  ghost?: (r: Role) => Req;
  allowForeign?: Role[];
  /** Puts things back before each call (so that every role meets the same state). */
  before?: () => Promise<unknown>;
}

/** What the cases need of the running test: its center, fresh names, the jobs made for it. */
export interface CaseContext {
  center: () => TestCenter;
  fresh: (prefix: string) => string;
  jobs: { own: number; foreign: number };
  PW: string;
}
