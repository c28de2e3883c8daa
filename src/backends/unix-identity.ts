import { GuangError, invalidInput } from "../core/errors.js";
import type { PosixIdentity } from "./backend.js";
import {
  findUnixAccount,
  findUnixAccountByUid,
  resolvePosix,
  type UnixAccount,
} from "./unix-account.js";

/**
 * Whose Unix identity user work runs under:
 * - `mapped`: each user's own (the default); as root, a user without one runs nothing;
 * - `shared`: one unprivileged account for everyone (a trusted group on a root server);
 * - `server`: the server's own user, only when that is not root.
 */
export type RunAs = "mapped" | "shared" | "server";

export interface IdentitySettings {
  runAs: RunAs;
  /** The account of `shared`. */
  sharedUser: string | null;
  /** No identity below this uid (system accounts) is ever used for user work. */
  minUid: number;
  /** Refuse accounts whose shell is nologin or false (the center's choice). */
  refuseNologin: boolean;
  /** Guang makes the accounts of users who have none (identities.auto). */
  auto?: boolean;
}

const NOLOGIN = /(^|\/)(nologin|false)$/;

function noIdentity(message: string): GuangError {
  return new GuangError("no_identity", 409, message);
}

/**
 * The rule of the house: no user work as root, ever, and never as a system account. Every
 * job start (local or Slurm) and every submission asks this one policy who the work runs as.
 */
export class IdentityPolicy {
  readonly root: boolean;
  private readonly shared: UnixAccount | null = null;

  constructor(
    readonly s: IdentitySettings,
    uid = process.getuid?.() ?? 0,
  ) {
    this.root = uid === 0;
    if (this.root && s.runAs === "server") {
      throw invalidInput(
        "jobs.runAs: server would run every user's work as root, since Guang runs as root; use mapped (each user's own Unix account) or shared with jobs.sharedUser, or start Guang as an unprivileged user",
      );
    }
    if (s.runAs === "shared") {
      if (!s.sharedUser)
        throw invalidInput(
          "jobs.runAs: shared needs jobs.sharedUser, the unprivileged Unix account every job runs as",
        );
      const a = findUnixAccount(s.sharedUser);
      if (!a)
        throw invalidInput(
          `jobs.sharedUser ${s.sharedUser} is not an account of this machine; create it (useradd ${s.sharedUser}) or name another`,
        );
      this.refuseSystem(a, `jobs.sharedUser ${s.sharedUser}`, invalidInput);
      this.shared = a;
    }
  }

  /** One line for the start-up banner: which identities user work runs under. */
  describe(): string {
    if (!this.root) {
      return `jobs run as this server's own Unix user (uid ${process.getuid?.()}): every user of this center is trusted alike; start Guang as root to run each user's work as their own Unix account`;
    }
    if (this.shared)
      return `jobs run as the shared unprivileged account ${this.shared.name} (uid ${this.shared.uid}): users of this center are trusted alike`;
    return `jobs run as each user's own Unix account (uid ≥ ${this.s.minUid}); ${this.s.auto ? "users without one get one made at their first job (identities.auto)" : "users without one cannot run work"}`;
  }

  private refuseSystem(a: UnixAccount, what: string, fail: (m: string) => GuangError): void {
    if (a.uid < this.s.minUid)
      throw fail(
        `${what} is a system account (uid ${a.uid}, below the center's minimum ${this.s.minUid}); user work never runs as one`,
      );
    if (a.gid === 0)
      throw fail(`${what} has group 0 (root); user work never runs with root's group`);
    if (this.s.refuseNologin && a.shell && NOLOGIN.test(a.shell))
      throw fail(
        `${what} has the shell ${a.shell}, which this center refuses (identities.refuseNologin)`,
      );
  }

  /** Whether everyone's work runs as one shared account (a user's home is then not their own). */
  get sharesOneAccount(): boolean {
    return this.shared !== null;
  }

  /** A POSIX identity an admin sets on a user: refused when it is (or resolves to) a system account. */
  checkMapping(p: PosixIdentity): void {
    const what = `Unix account ${p.name}${p.uid !== null ? ` (uid ${p.uid})` : ""}`;
    if (p.uid !== null && p.uid < this.s.minUid)
      throw invalidInput(
        `posix.uid ${p.uid} is below the center's minimum uid ${this.s.minUid} (identities.minUid): system accounts never run user work`,
      );
    if (p.gid !== null && p.gid === 0)
      throw invalidInput(`posix.gid 0 is root's group: user work never runs with it`);
    const byName = findUnixAccount(p.name);
    if (byName) this.refuseSystem(byName, what, invalidInput);
    if (p.uid !== null) {
      const byUid = findUnixAccountByUid(p.uid);
      if (byUid) this.refuseSystem(byUid, what, invalidInput);
    }
  }

  /**
   * Who a job of this user runs as: an account to switch to, or null for the server's own
   * (unprivileged) user. Throws a 409 that says how to get an identity.
   */
  forJob(user: string, p: PosixIdentity | null): UnixAccount | null {
    if (!this.root) return null;
    if (this.shared) return this.shared;
    if (!p) {
      throw noIdentity(
        `user ${user} has no Unix identity on this center, and Guang never runs user work as root; a center admin gives one: guang admin user set ${user} --unix-name NAME (an account of uid ≥ ${this.s.minUid})`,
      );
    }
    const a = resolvePosix(p);
    if (!a)
      throw noIdentity(
        `user ${user}'s Unix account ${p.name} does not exist on this machine and has no uid/gid recorded; create it (useradd ${p.name}) or ask a center admin to record its uid and gid`,
      );
    this.refuseSystem(a, `user ${user}'s Unix account ${a.name}`, noIdentity);
    return a;
  }
}

/**
 * The command prefix that runs what follows as `a` (root only): setpriv drops to its uid and
 * gid, with its own groups where the machine knows the account, else with none of root's.
 * Web shells and file workers start this way.
 */
export function asAccount(a: UnixAccount): string[] {
  return [
    "setpriv",
    `--reuid=${a.uid}`,
    `--regid=${a.gid}`,
    a.shell ? "--init-groups" : "--clear-groups",
    "--",
  ];
}
