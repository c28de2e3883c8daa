import { describe, expect, it } from "vitest";
import { getJob, insertJob, listJobs, updateJob, type NewJobRow } from "../../src/store/jobs.js";
import { nowIso, type Store } from "../../src/store/open.js";
import { bothStores } from "../helpers/stores.js";
import { findLiveToken, insertToken, revokeToken } from "../../src/store/tokens.js";
import { addMember, createAccount, isMember } from "../../src/store/accounts.js";
import { createTenant } from "../../src/store/tenants.js";
import { countUsers, createUser } from "../../src/store/users.js";
import { saveCluster } from "../../src/store/clusters.js";

/** The same suite on the embedded SQLite file and on PostgreSQL (when GUANG_TEST_DATABASE_URL names one). */
const backends = bothStores("store tests");

function job(over: Partial<NewJobRow>): NewJobRow {
  return {
    cluster: "local",
    partition: "cpu",
    account_id: 1,
    user_id: 1,
    name: "j",
    qos: "normal",
    state: "PENDING",
    script: "#!/bin/bash\n",
    options: "{}",
    time_limit: 60,
    workdir: "/tmp",
    stdout_path: "/tmp/o",
    stderr_path: "/tmp/o",
    environment: "{}",
    submit_time: nowIso(),
    array_throttle: 0,
    ...over,
  };
}

for (const { name, skip, open } of backends) {
  describe.skipIf(skip)(`store on ${name}`, () => {
    let s: Store;
    it("migrates an empty database, and again without harm", async () => {
      s = await open();
      expect(await countUsers(s.db)).toBe(0);
      const tenant = await createTenant(s.db, "default");
      const account = await createAccount(s.db, tenant, "default");
      const user = await createUser(s.db, { tenantId: tenant, username: "ann", passwordHash: "x" });
      await addMember(s.db, account, user, "owner");
      expect(await isMember(s.db, account, user)).toBe(true);
      await saveCluster(s.db, "local", "local", { nodes: [] });
      await saveCluster(s.db, "local", "local", { nodes: [1] });
    });

    it("refuses duplicates and keeps names unique", async () => {
      await expect(
        createUser(s.db, { tenantId: 1, username: "ann", passwordHash: "y" }),
      ).rejects.toThrow();
      expect(await countUsers(s.db)).toBe(1);
    });

    it("stores jobs, filters and pages them", async () => {
      const t0 = Date.parse("2026-01-01T00:00:00Z");
      const ids: number[] = [];
      for (let i = 0; i < 10; i++) {
        ids.push(
          await insertJob(
            s.db,
            job({
              name: `j${i}`,
              state: i < 5 ? "COMPLETED" : "PENDING",
              submit_time: nowIso(t0 + i * 60000),
              end_time: i < 5 ? nowIso(t0 + i * 60000 + 30000) : null,
            }),
          ),
        );
      }
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      await updateJob(s.db, ids[0]!, { exit_code: 3, signal: 0, cpu_seconds: 1.5 });
      const one = await getJob(s.db, ids[0]!);
      expect(one).toMatchObject({ exit_code: 3, cpu_seconds: 1.5, time_limit: 60 });
      const pending = await listJobs(s.db, { states: ["PENDING"], limit: 100, order: "asc" });
      expect(pending.map((r) => r.name)).toEqual(["j5", "j6", "j7", "j8", "j9"]);
      const page1 = await listJobs(s.db, { limit: 4, order: "desc" });
      const page2 = await listJobs(s.db, { limit: 4, order: "desc", beforeId: page1[3]!.id });
      expect([...page1, ...page2].map((r) => r.name)).toEqual([
        "j9",
        "j8",
        "j7",
        "j6",
        "j5",
        "j4",
        "j3",
        "j2",
      ]);
      // alive within [00:02:45, 00:04:00): j3 ended at 00:03:30, j2 at 00:02:30 (before), j4 submitted 00:04 (after)
      const window = await listJobs(s.db, {
        from: nowIso(t0 + 165000),
        to: nowIso(t0 + 240000),
        limit: 100,
        order: "asc",
        states: ["COMPLETED"],
      });
      expect(window.map((r) => r.name)).toEqual(["j3"]);
    });

    it("a failed transaction leaves nothing behind", async () => {
      const before = (await listJobs(s.db, { limit: 1000, order: "asc" })).length;
      await expect(
        s.db.transaction().execute(async (trx) => {
          await insertJob(trx, job({ name: "half" }));
          await insertJob(trx, job({ name: "bad", user_id: 999 })); // no such user: foreign key
        }),
      ).rejects.toThrow();
      expect((await listJobs(s.db, { limit: 1000, order: "asc" })).length).toBe(before);
    });

    it("finds live tokens only", async () => {
      const now = nowIso();
      await insertToken(s.db, {
        userId: 1,
        name: "a",
        tokenHash: "h-live",
        kind: "api",
        expiresAt: null,
      });
      await insertToken(s.db, {
        userId: 1,
        name: "b",
        tokenHash: "h-old",
        kind: "session",
        expiresAt: nowIso(Date.now() - 1000),
      });
      const id = await insertToken(s.db, {
        userId: 1,
        name: "c",
        tokenHash: "h-revoked",
        kind: "api",
        expiresAt: null,
      });
      expect(await revokeToken(s.db, 1, id)).toBe(true);
      expect(await revokeToken(s.db, 1, id)).toBe(false);
      expect((await findLiveToken(s.db, "h-live", now))?.userId).toBe(1);
      expect(await findLiveToken(s.db, "h-old", now)).toBeUndefined();
      expect(await findLiveToken(s.db, "h-revoked", now)).toBeUndefined();
    });
  });
}
