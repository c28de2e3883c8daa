import type { IdentityPolicy } from "../backends/unix-identity.js";
import { logBackgroundError } from "../core/background-log.js";
import type { Db } from "../store/open.js";
import type { UserRow } from "../store/users.js";
import type { FileService } from "../services/files/files.js";
import { posixOf } from "../services/identity/auth.js";
import type { Billing } from "../services/money/billing.js";
import type { MoneyEvent } from "../services/money/postings.js";
import type { Notifier } from "../services/notify/notifier.js";
import { StorageBilling } from "../services/storage/storage-billing.js";
import { limitsText, StorageService, type StorageSettings } from "../services/storage/storage.js";

const SIX_HOURS = 6 * 3600;

/**
 * Storage for a center: the service (counted as each folder's owner: never as root), its
 * billing, and the periodic round — count every home and project folder, then charge the days
 * that ended and were not charged yet.
 */
export function startStorage(o: {
  db: Db;
  files: FileService;
  identity: IdentityPolicy;
  settings: StorageSettings | null;
  currency: string;
  billing: Billing;
  notifier: Notifier;
  moneyChanged: (e: MoneyEvent[]) => Promise<void>;
}) {
  const ownAccount = (u: UserRow) => {
    try {
      return o.identity.forJob(u.username, posixOf(u)) ?? undefined;
    } catch {
      return undefined;
    }
  };
  const storage = new StorageService({
    db: o.db,
    files: o.files,
    settings: o.settings ?? {},
    // a home is counted as its own user, where the user has an account of their own
    homeOf: (u) =>
      o.identity.root && !o.identity.sharesOneAccount && u.unix_user ? ownAccount(u) : undefined,
    // a project folder as its owner; without root, as the server's user (the only one there is)
    scannerFor: (owner) => (!o.identity.root ? null : owner ? ownAccount(owner) : undefined),
    overSoft: (kind, id, item) =>
      o.notifier.storageOverSoft(kind, id, {
        name: item.name,
        path: item.path,
        used: limitsText(item.bytes, item.files),
        soft: limitsText(item.quota?.softBytes, item.quota?.softFiles),
        hard: limitsText(item.quota?.hardBytes, item.quota?.hardFiles),
      }),
  });
  const storageBilling = new StorageBilling(o.db, {
    currency: o.currency,
    billing: o.billing,
    moneyChanged: o.moneyChanged,
  });
  const round = async () => {
    const r = await storage.scanAll();
    for (const f of r.failed) logBackgroundError(`counting storage failed: ${f}`);
    // yesterday (UTC), once: the ledger key makes a second charge of a day a no-op
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await storageBilling.chargeDay(yesterday);
  };
  const run = () =>
    void round().catch((e: unknown) =>
      logBackgroundError(`the storage round failed: ${(e as Error).message}`),
    );
  // the round runs where the center configured storage; the first soon after start, not in its way
  const timer = o.settings ? setInterval(run, (o.settings.scanEvery ?? SIX_HOURS) * 1000) : null;
  timer?.unref();
  const first = o.settings ? setTimeout(run, 5_000) : null;
  first?.unref();
  return {
    storage,
    storageBilling,
    stop: () => {
      if (timer) clearInterval(timer);
      if (first) clearTimeout(first);
    },
  };
}
