import { z } from "zod";
import type { UnixAccount } from "../../backends/unix-account.js";
import { formatBytes } from "../../core/byte-size.js";
import { slurmDuration } from "../../core/duration-schema.js";
import { GuangError, invalidInput, notFound } from "../../core/errors.js";
import { findAccount, listAccounts, membersOf } from "../../store/accounts.js";
import { nowIso, type Db } from "../../store/open.js";
import {
  latestUsage,
  putQuota,
  quotasOf,
  recordUsage,
  setWarned,
  usageHistory,
  type QuotaRow,
  type StorageKind,
  type UsageRow,
} from "../../store/storage.js";
import { findUserById, findUserByName, listUsers, type UserRow } from "../../store/users.js";
import { forbidden, type Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import { authorize, may, reachesEveryTenant, seesTenant } from "../access/permissions.js";
import type { FileService } from "../files/files.js";

/** The `storage` config section. */
export const storageConfig = z.strictObject({
  /** Where accounts' project folders are: an account's is <projects>/<account name>. */
  projects: z.string().startsWith("/", "storage.projects is an absolute path").optional(),
  /** How often every home and project folder is counted (seconds or a Slurm time; default 6 hours). */
  scanEvery: slurmDuration.optional(),
});
export type StorageSettings = z.infer<typeof storageConfig>;

export interface StorageServiceOptions {
  db: Db;
  files: FileService;
  settings: StorageSettings;
  /** The Unix account whose home is the user's own (root, with their own identity); else none. */
  homeOf: (u: UserRow) => UnixAccount | undefined;
  /** Whom a project folder is counted as: its owner's Unix account, the server's user (null), or nobody. */
  scannerFor: (owner: UserRow | undefined) => UnixAccount | null | undefined;
  /** Tells an account's or a user's people that a soft quota is passed (once). */
  overSoft: (kind: StorageKind, subjectId: number, item: StorageItem) => Promise<void>;
}

export interface Quota {
  softBytes: number | null;
  hardBytes: number | null;
  softFiles: number | null;
  hardFiles: number | null;
}

/** One home or project folder: its latest count and its quota. */
export interface StorageItem {
  kind: StorageKind;
  name: string;
  path: string;
  bytes: number | null;
  files: number | null;
  unreadable: number;
  takenAt: string | null;
  quota: Quota | null;
  over: "soft" | "hard" | null;
}

interface Subject {
  kind: StorageKind;
  id: number;
  name: string;
  tenantId: number;
  path: string;
  as: UnixAccount | null;
}

/** A stored quota as the API says it; null where none is set. */
export function quotaOf(q: QuotaRow | undefined): Quota | null {
  return q
    ? {
        softBytes: q.soft_bytes,
        hardBytes: q.hard_bytes,
        softFiles: q.soft_files,
        hardFiles: q.hard_files,
      }
    : null;
}

/** Sizes and counts in words: "1.4 MiB, 1000 files"; "none" where neither is given. */
export function limitsText(bytes: number | null | undefined, files: number | null | undefined) {
  return (
    [bytes != null ? formatBytes(bytes) : null, files != null ? `${files} files` : null]
      .filter(Boolean)
      .join(", ") || "none"
  );
}

/** Whether a count passes a quota: hard before soft. */
export function overOf(
  u: { bytes: number; files: number } | undefined,
  q: Quota | null,
): "soft" | "hard" | null {
  if (!u || !q) return null;
  const past = (v: number, l: number | null) => l !== null && v > l;
  if (past(u.bytes, q.hardBytes) || past(u.files, q.hardFiles)) return "hard";
  if (past(u.bytes, q.softBytes) || past(u.files, q.softFiles)) return "soft";
  return null;
}

/**
 * Storage: how much each user's home and each account's project folder holds, counted by a
 * scanner running as the folder's owner (never as root), kept with its history; quotas per
 * user and account, soft (people are told once) and hard (new jobs are refused).
 */
export class StorageService {
  constructor(private readonly o: StorageServiceOptions) {}

  private async userSubject(u: UserRow): Promise<Subject | null> {
    const a = this.o.homeOf(u);
    return a
      ? { kind: "user", id: u.id, name: u.username, tenantId: u.tenant_id, path: a.home, as: a }
      : null;
  }

  private async accountSubject(a: {
    id: number;
    name: string;
    tenant_id: number;
  }): Promise<Subject | null> {
    if (!this.o.settings.projects) return null;
    const owner = (await membersOf(this.o.db, a.id)).find((m) => m.role === "owner");
    const as = this.o.scannerFor(owner ? await findUserById(this.o.db, owner.id) : undefined);
    if (as === undefined) return null;
    const path = `${this.o.settings.projects.replace(/\/$/, "")}/${a.name}`;
    return { kind: "account", id: a.id, name: a.name, tenantId: a.tenant_id, path, as };
  }

  /** What the actor sees: their home and their accounts' folders; with all, every one in reach. */
  private async subjects(actor: Actor, all: boolean): Promise<Subject[]> {
    const everywhere = reachesEveryTenant(actor, "storage.quota");
    if (all && !everywhere && !may(actor, "storage.quota", { tenantId: actor.tenantId, what: "" }))
      throw forbidden(
        "you may not see every user's storage (storage.quota): that needs the role center-admin or tenant-admin",
      );
    const tenant = everywhere ? undefined : actor.tenantId;
    const users = all
      ? await listUsers(this.o.db, tenant)
      : [await findUserById(this.o.db, actor.userId)].filter((u): u is UserRow => !!u);
    const accounts = await listAccounts(
      this.o.db,
      all
        ? tenant === undefined
          ? {}
          : { tenantId: tenant }
        : { ids: [...actor.accounts.keys()] },
    );
    const out: Subject[] = [];
    for (const u of users) {
      const s = await this.userSubject(u);
      if (s) out.push(s);
    }
    for (const a of accounts) {
      const s = await this.accountSubject(a);
      if (s) out.push(s);
    }
    return out;
  }

  private async items(subjects: Subject[]): Promise<StorageItem[]> {
    const byKind = async (kind: StorageKind) => {
      const ids = subjects.filter((s) => s.kind === kind).map((s) => s.id);
      return {
        usage: await latestUsage(this.o.db, kind, ids),
        quotas: await quotasOf(this.o.db, kind, ids),
      };
    };
    const got = { user: await byKind("user"), account: await byKind("account") };
    return subjects.map((s) => {
      const u: UsageRow | undefined = got[s.kind].usage.get(s.id);
      const quota = quotaOf(got[s.kind].quotas.get(s.id));
      return {
        kind: s.kind,
        name: s.name,
        path: s.path,
        bytes: u?.bytes ?? null,
        files: u?.files ?? null,
        unreadable: u?.unreadable ?? 0,
        takenAt: u?.taken_at ?? null,
        quota,
        over: overOf(u, quota),
      };
    });
  }

  async view(actor: Actor, all = false): Promise<StorageItem[]> {
    authorize(actor, "storage.read", {
      tenantId: actor.tenantId,
      userId: actor.userId,
      what: "your storage",
    });
    return this.items(await this.subjects(actor, all));
  }

  /** Counts now (the caller's own, or every one in reach with all), and answers the new counts. */
  async scanNow(actor: Actor, all = false): Promise<StorageItem[]> {
    const subjects = await this.subjects(actor, all);
    for (const s of subjects) await this.scanOne(s);
    return this.items(subjects);
  }

  /** Every home and project folder (the periodic scan); one that fails is skipped, and said. */
  async scanAll(): Promise<{ scanned: number; failed: string[] }> {
    const subjects: Subject[] = [];
    for (const u of await listUsers(this.o.db)) {
      const s = u.disabled_at ? null : await this.userSubject(u);
      if (s) subjects.push(s);
    }
    for (const a of await listAccounts(this.o.db, {})) {
      const s = await this.accountSubject(a);
      if (s) subjects.push(s);
    }
    const failed: string[] = [];
    for (const s of subjects)
      await this.scanOne(s).catch((e: Error) => failed.push(`${s.path}: ${e.message}`));
    return { scanned: subjects.length - failed.length, failed };
  }

  private async scanOne(s: Subject): Promise<void> {
    const counted = await this.o.files.usage(s.as, s.path).catch((e: unknown) => {
      // a project folder not made yet holds nothing; any other refusal is the caller's to see
      if (e instanceof GuangError && e.status === 404) return null;
      throw e;
    });
    if (!counted) return;
    await recordUsage(this.o.db, {
      kind: s.kind,
      subject_id: s.id,
      path: s.path,
      bytes: counted.bytes,
      files: counted.files,
      unreadable: counted.unreadable,
      taken_at: nowIso(),
    });
    const [item] = await this.items([s]);
    const q = (await quotasOf(this.o.db, s.kind, [s.id])).get(s.id);
    if (!item || !q) return;
    if (item.over && !q.warned_at) {
      await setWarned(this.o.db, s.kind, s.id, nowIso());
      await this.o.overSoft(s.kind, s.id, item);
    } else if (!item.over && q.warned_at) await setWarned(this.o.db, s.kind, s.id, null);
  }

  /** Sets (or, all null, lifts) a user's or an account's quota. */
  async setQuota(
    actor: Actor,
    input: { user?: string; account?: string } & Quota,
  ): Promise<StorageItem | null> {
    if (!!input.user === !!input.account)
      throw invalidInput("name a user or an account (one of them)");
    for (const [k, soft, hard] of [
      ["bytes", input.softBytes, input.hardBytes],
      ["files", input.softFiles, input.hardFiles],
    ] as const)
      if (soft !== null && hard !== null && soft > hard)
        throw invalidInput(
          `the soft quota of ${k} (${soft}) is above the hard one (${hard}): the soft one warns before the hard one refuses`,
        );
    const subject = input.user
      ? await findUserByName(this.o.db, input.user)
      : await findAccount(this.o.db, input.account!);
    const what = input.user ? `user ${input.user}` : `account ${input.account}`;
    if (!subject || !seesTenant(actor, subject.tenant_id)) throw notFound(`${what} does not exist`);
    authorize(actor, "storage.quota", { tenantId: subject.tenant_id, what });
    const kind: StorageKind = input.user ? "user" : "account";
    await audited(
      this.o.db,
      actor,
      { action: "storage.quota", target: what, tenantId: subject.tenant_id, details: { ...input } },
      (trx) =>
        putQuota(trx, {
          kind,
          subject_id: subject.id,
          soft_bytes: input.softBytes,
          hard_bytes: input.hardBytes,
          soft_files: input.softFiles,
          hard_files: input.hardFiles,
          warned_at: null,
          updated_by: actor.userId,
          updated_at: nowIso(),
        }),
    );
    const s = input.user
      ? await this.userSubject(subject as UserRow)
      : await this.accountSubject(subject as { id: number; name: string; tenant_id: number });
    return s ? ((await this.items([s]))[0] ?? null) : null;
  }

  /** A home's or a folder's counts over the last days, oldest first (for its chart). */
  async history(actor: Actor, f: { user?: string; account?: string; days: number }) {
    const since = new Date(Date.now() - f.days * 86_400_000).toISOString();
    if (f.account) {
      const a = await findAccount(this.o.db, f.account);
      if (!a || !seesTenant(actor, a.tenant_id))
        throw notFound(`account ${f.account} does not exist`);
      authorize(actor, "storage.read", {
        tenantId: a.tenant_id,
        accountId: a.id,
        what: `account ${f.account}`,
      });
      return usageHistory(this.o.db, "account", a.id, since);
    }
    const u = f.user
      ? await findUserByName(this.o.db, f.user)
      : await findUserById(this.o.db, actor.userId);
    if (!u || !seesTenant(actor, u.tenant_id)) throw notFound(`user ${f.user} does not exist`);
    authorize(actor, "storage.read", {
      tenantId: u.tenant_id,
      userId: u.id,
      what: `user ${u.username}`,
    });
    return usageHistory(this.o.db, "user", u.id, since);
  }
}
