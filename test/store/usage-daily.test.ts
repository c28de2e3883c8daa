import { describe, expect, it } from "vitest";
import { addMember, createAccount } from "../../src/store/accounts.js";
import { insertJob, recordCharge, type NewJobRow } from "../../src/store/jobs.js";
import { nowIso } from "../../src/store/open.js";
import { usageReport, type ReportDimension } from "../../src/store/reports.js";
import { createTenant } from "../../src/store/tenants.js";
import { createUser } from "../../src/store/users.js";
import { saveCluster } from "../../src/store/clusters.js";
import { bothStores } from "../helpers/stores.js";

/**
 * A usage report reads whole days from the daily rows each charge adds to, and the part days
 * at a window's ends from the jobs: over any window and grouping it must say exactly what
 * summing the charged jobs themselves says. On SQLite and on PostgreSQL.
 */
const backends = bothStores("daily usage");
const DAY = 86_400_000;

// mulberry32: the same jobs on every run
let seed = 7;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};

for (const { name, skip, open } of backends) {
  describe.skipIf(skip)(`daily usage on ${name}`, () => {
    it("gives the same sums as the jobs for any window and grouping", async () => {
      const s = await open();
      await saveCluster(s.db, "local", "local", { nodes: [] });
      const t = await createTenant(s.db, "t");
      const accounts = [await createAccount(s.db, t, "a1"), await createAccount(s.db, t, "a2")];
      const users = [
        await createUser(s.db, { tenantId: t, username: "u1", passwordHash: "x" }),
        await createUser(s.db, { tenantId: t, username: "u2", passwordHash: "x" }),
      ];
      for (const a of accounts) for (const u of users) await addMember(s.db, a, u, "member");
      const start = Date.parse("2026-11-01T00:00:00Z");
      type Job = {
        end: number;
        account: number;
        user: number;
        part: string;
        qos: string;
        core: number;
        cost: number;
        cpu: number;
        wait: number | null;
      };
      const jobs: Job[] = [];
      for (let i = 0; i < 300; i++) {
        const j: Job = {
          end: start + Math.floor(rnd() * 10 * DAY),
          account: accounts[Math.floor(rnd() * 2)]!,
          user: users[Math.floor(rnd() * 2)]!,
          part: rnd() < 0.5 ? "cpu" : "gpu",
          qos: rnd() < 0.7 ? "normal" : "high",
          core: Math.floor(rnd() * 10000),
          cost: Math.floor(rnd() * 50000),
          cpu: Math.floor(rnd() * 9000),
          wait: rnd() < 0.9 ? Math.floor(rnd() * 600) : null,
        };
        jobs.push(j);
        const row: NewJobRow = {
          cluster: "local",
          partition: j.part,
          account_id: j.account,
          user_id: j.user,
          name: "j",
          qos: j.qos,
          state: "COMPLETED",
          script: "",
          options: "{}",
          time_limit: 60,
          workdir: "/tmp",
          stdout_path: "",
          stderr_path: "",
          environment: "{}",
          submit_time: nowIso(j.end - 3600_000),
          end_time: nowIso(j.end),
          cpu_seconds: j.cpu,
          array_throttle: 0,
        };
        const id = await insertJob(s.db, row);
        await recordCharge(s.db, id, {
          cost_units: j.cost,
          tenant_id: t,
          core_seconds: j.core,
          gpu_seconds: 0,
          wait_seconds: j.wait,
        });
      }
      const windows: [number, number][] = [
        [start, start + 10 * DAY], // whole days only
        [start + 3 * 3600_000, start + 7 * DAY + 5 * 3600_000], // part days at both ends
        [start + 2 * DAY + 3600_000, start + 2 * DAY + 7200_000], // within one day
        [start - 5 * DAY, start + 20 * DAY],
      ];
      const groupings: ReportDimension[][] = [
        [],
        ["account"],
        ["user", "day"],
        ["partition", "qos"],
        ["month"],
        ["week", "qos"],
      ];
      for (const [from, to] of windows)
        for (const groupBy of groupings) {
          const r = await usageReport(s.db, { from: nowIso(from), to: nowIso(to), groupBy });
          const inWindow = jobs.filter((j) => j.end >= from && j.end < to);
          const total = (k: "core" | "cost" | "cpu") => inWindow.reduce((x, j) => x + j[k], 0);
          const what = `${nowIso(from)}..${nowIso(to)} by ${groupBy.join(",") || "nothing"}`;
          expect(
            r.reduce((x, l) => x + l.jobs, 0),
            what,
          ).toBe(inWindow.length);
          expect(
            r.reduce((x, l) => x + l.coreSeconds, 0),
            what,
          ).toBe(total("core"));
          expect(
            r.reduce((x, l) => x + l.cost, 0),
            what,
          ).toBe(total("cost"));
          expect(
            r.reduce((x, l) => x + l.cpuSeconds, 0),
            what,
          ).toBe(total("cpu"));
          expect(
            r.reduce((x, l) => x + l.started, 0),
            what,
          ).toBe(inWindow.filter((j) => j.wait !== null).length);
          // one line per group, in the groups' order
          const keys = r.map((l) => JSON.stringify(l.keys));
          expect(new Set(keys).size, what).toBe(keys.length);
        }
      const byAccount = await usageReport(s.db, {
        from: nowIso(start + 3600_000),
        to: nowIso(start + 9 * DAY + 3600_000),
        groupBy: ["account"],
        accountIds: [accounts[1]!],
      });
      expect(byAccount.map((l) => l.keys[0])).toEqual([accounts[1]]);
    });
  });
}
