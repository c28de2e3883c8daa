import { formatBytes } from "../../core/byte-size.js";
import { GuangError } from "../../core/errors.js";
import type { Db } from "../../store/open.js";
import { latestUsage, quotasOf, type StorageKind } from "../../store/storage.js";
import { limitsText, overOf, quotaOf } from "./storage.js";

/**
 * Refuses a submission while the account's project folder or the submitter's home holds more
 * than its hard quota (as last counted), saying which, by how much, and what to do.
 */
export async function checkStorageQuota(
  trx: Db,
  account: { id: number; name: string },
  userId: number,
): Promise<void> {
  for (const [kind, id, what] of [
    ["account", account.id, `account ${account.name}'s project folder`],
    ["user", userId, "your home"],
  ] as [StorageKind, number, string][]) {
    const q = (await quotasOf(trx, kind, [id])).get(id);
    if (!q) continue;
    const u = (await latestUsage(trx, kind, [id])).get(id);
    const quota = quotaOf(q);
    if (overOf(u, quota) !== "hard") continue;
    const held = `${formatBytes(u!.bytes)} in ${u!.files} files`;
    const limit = limitsText(q.hard_bytes, q.hard_files);
    throw new GuangError(
      "storage_quota",
      403,
      `${what} (${u!.path}) holds ${held}, over its hard quota of ${limit}: new jobs are refused until files are deleted (guang files rm) and it is counted again (guang quota --scan)`,
      { account: account.name, path: u!.path },
    );
  }
}
