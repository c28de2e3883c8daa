import BetterSqlite3 from "better-sqlite3";

/**
 * Writes `n` ended jobs into a center's SQLite store, spread evenly over `days` days from
 * `start` (20 tenants, 200 accounts, 2,000 users made for them), the same history on every
 * run, with the daily usage rows that charging them would have added. Bulk history goes in
 * through one prepared statement in one transaction: the fastest honest way to make a year
 * of jobs.
 */
export function writeJobHistory(file: string, n: number, start: number, days: number): void {
  const raw = new BetterSqlite3(file);
  raw.pragma("journal_mode = WAL");
  const tenants = 20;
  const accounts = 200;
  raw.transaction(() => {
    raw
      .prepare(
        "insert or ignore into clusters (name, backend, config, created_at, updated_at) values ('local', 'local', '{}', '', '')",
      )
      .run();
    const id = (r: BetterSqlite3.RunResult) => Number(r.lastInsertRowid);
    const ti = raw.prepare("insert into tenants (name, created_at) values (?, '')");
    const tenantIds = Array.from({ length: tenants }, (_, i) => id(ti.run(`hist-t${i}`)));
    const ai = raw.prepare("insert into accounts (tenant_id, name, created_at) values (?, ?, '')");
    const accountIds = Array.from({ length: accounts }, (_, i) =>
      id(ai.run(tenantIds[i % tenants], `hist-a${i}`)),
    );
    const ui = raw.prepare(
      "insert into users (tenant_id, username, password_hash, created_at) values (?, ?, '!', '')",
    );
    // ten users of each account, of its tenant
    const userIds = Array.from({ length: accounts * 10 }, (_, i) =>
      id(ui.run(tenantIds[Math.floor(i / 10) % tenants], `hist-u${i}`)),
    );
    const ji = raw.prepare(
      `insert into jobs (cluster, partition, account_id, user_id, tenant_id, name, qos, state, script, options, time_limit, workdir, stdout_path, stderr_path, environment,
         submit_time, start_time, end_time, array_throttle, hold_units, cost_units, core_seconds, gpu_seconds, wait_seconds, cpu_seconds)
       values ('local', ?, ?, ?, ?, 'j', 'normal', 'COMPLETED', '', '{}', 3600, '/', '', '', '{}', ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
    );
    // mulberry32: a small, well-spread generator, so that every run writes the same history
    let seed = 42;
    const rnd = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    for (let i = 0; i < n; i++) {
      const account = Math.floor(rnd() * accounts);
      const user = account * 10 + Math.floor(rnd() * 10);
      const end = start + Math.floor(rnd() * days * 86400_000);
      const run = Math.floor(rnd() * 36000);
      const wait = Math.floor(rnd() * 7200);
      const cpus = 1 + Math.floor(rnd() * 64);
      const gpus = rnd() < 0.2 ? 1 + Math.floor(rnd() * 8) : 0;
      const cost = Math.floor(cpus * run * 0.14);
      ji.run(
        gpus ? "gpu" : "cpu",
        accountIds[account],
        userIds[user],
        tenantIds[account % tenants],
        new Date(end - (run + wait) * 1000).toISOString(),
        new Date(end - run * 1000).toISOString(),
        new Date(end).toISOString(),
        cost,
        cost,
        cpus * run,
        gpus * run,
        wait,
        Math.floor(cpus * run * (0.3 + 0.7 * rnd())),
      );
    }
    // the daily rows a charge adds to, as the migration makes them from charged jobs
    raw.prepare("delete from usage_daily").run();
    raw
      .prepare(
        `insert into usage_daily
         select substr(end_time, 1, 10), tenant_id, account_id, user_id, cluster, partition, qos,
                count(*), coalesce(sum(core_seconds), 0), coalesce(sum(gpu_seconds), 0),
                coalesce(sum(wait_seconds), 0), count(wait_seconds), coalesce(sum(cost_units), 0),
                coalesce(sum(cpu_seconds), 0)
         from jobs
         where cost_units is not null and end_time is not null and tenant_id is not null
         group by substr(end_time, 1, 10), tenant_id, account_id, user_id, cluster, partition, qos`,
      )
      .run();
  })();
  raw.close();
}
