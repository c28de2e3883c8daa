import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { PosixIdentity } from "../../backends/backend.js";
import {
  findUnixAccount,
  findUnixAccountByUid,
  type UnixAccount,
} from "../../backends/unix-account.js";
import type { IdentityPolicy } from "../../backends/unix-identity.js";
import { GuangError } from "../../core/errors.js";
import type { Db } from "../../store/open.js";
import { highestGivenUid, recordGivenUid, updateUser } from "../../store/users.js";
import type { Actor } from "../access/actor.js";
import { auditDone } from "../access/audit.js";

/** identities.auto: Guang makes the Unix accounts of users who have none. */
export interface AutoIdentities {
  uidMin: number;
  uidMax: number;
  /** Homes are made under it, one per user. */
  homeRoot: string;
  shell: string;
}

/** What useradd takes as a name (Debian's default NAME_REGEX, without the trailing $). */
const UNIX_NAME = /^[a-z_][a-z0-9_-]{0,31}$/;

function refused(message: string): GuangError {
  return new GuangError("no_identity", 409, message);
}

/**
 * The Unix account a user's work runs as (IdentityPolicy.forJob): their own, made first where
 * identities.auto makes accounts (`maker`), the shared one, or null for the server's own user.
 * Shells and files ask this; submissions resolve the same way in their pipeline.
 */
export async function workAccount(
  identity: IdentityPolicy,
  maker: UnixAccountMaker | null,
  actor: Actor,
): Promise<UnixAccount | null> {
  const posix = actor.posix ?? (maker && identity.root ? await maker.ensure(actor) : null);
  return identity.forJob(actor.username, posix);
}

/**
 * Makes a Unix account for a user who has none, when the center turns on automatic
 * identities (Guang runs as root): the user's own name, the next uid of the configured
 * range that was never given before (a uid once given stays taken, even when the user
 * goes), a home under `homeRoot`. Recorded on the user, in the uids table and the audit
 * log in one transaction, which useradd failing rolls back.
 */
export class UnixAccountMaker {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly cfg: AutoIdentities,
    private readonly changed: () => Promise<void>,
  ) {}

  /** One at a time in this process: two would pick the same uid. */
  ensure(actor: Actor): Promise<PosixIdentity> {
    const next = this.queue.then(() => this.make(actor));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async make(actor: Actor): Promise<PosixIdentity> {
    const name = actor.username;
    if (!UNIX_NAME.test(name)) {
      throw refused(
        `user ${name} has no Unix identity, and "${name}" cannot be a Unix account name (lower-case letters, digits, '_' and '-', 32 at most); a center admin gives one: guang admin user set ${name} --unix-name NAME`,
      );
    }
    if (findUnixAccount(name)) {
      throw refused(
        `user ${name} has no Unix identity, and this machine has a Unix account ${name} already, which Guang does not take on its own; a center admin maps it if it is theirs: guang admin user set ${name} --unix-name ${name}`,
      );
    }
    const home = join(this.cfg.homeRoot, name);
    const posix = await this.db.transaction().execute(async (trx) => {
      let uid = Math.max(
        this.cfg.uidMin,
        ((await highestGivenUid(trx, this.cfg.uidMin, this.cfg.uidMax)) ?? this.cfg.uidMin - 1) + 1,
      );
      while (uid <= this.cfg.uidMax && findUnixAccountByUid(uid)) uid++;
      if (uid > this.cfg.uidMax)
        throw refused(
          `the uids for automatic identities (${this.cfg.uidMin}–${this.cfg.uidMax}, identities.auto) are used up; a center admin widens the range`,
        );
      await recordGivenUid(trx, uid, name, actor.userId);
      const r = spawnSync(
        "useradd",
        [
          "-u",
          String(uid),
          "-U",
          "-m",
          "-d",
          home,
          "-s",
          this.cfg.shell,
          "-c",
          `Guang user ${name}`,
          name,
        ],
        { encoding: "utf8" },
      );
      if (r.status !== 0)
        throw refused(
          `making the Unix account ${name} failed: ${(r.stderr || r.error?.message || "useradd failed").trim()}`,
        );
      const made = findUnixAccount(name)!;
      const p: PosixIdentity = { name, uid: made.uid, gid: made.gid, home: made.home };
      await updateUser(trx, actor.userId, {
        unix_user: name,
        uid: p.uid,
        gid: p.gid,
        home_dir: p.home,
      });
      await auditDone(trx, actor, {
        action: "user.identity",
        target: `user ${name}`,
        tenantId: actor.tenantId,
        details: { uid: p.uid, gid: p.gid, home: p.home, automatic: true },
      });
      return p;
    });
    await this.changed();
    return posix;
  }
}
