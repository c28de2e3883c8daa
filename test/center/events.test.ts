import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCenter, submit, waitFor, workdir, type TestCenter } from "../helpers/center.js";

let c: TestCenter;
beforeAll(async () => {
  c = await startCenter();
});
afterAll(async () => {
  await c?.stop();
});

interface Seen {
  id: number;
  job: number;
  state: string;
}

/** Opens the event stream (resuming after `lastId` when given) and collects its events. */
async function watch(token: string, lastId?: string) {
  const ctrl = new AbortController();
  const res = await fetch(`${c.url}/api/v1/events`, { headers: { authorization: `Bearer ${token}`, ...(lastId !== undefined ? { "last-event-id": lastId } : {}) }, signal: ctrl.signal });
  const seen: Seen[] = [];
  if (res.status === 200) {
    const reader = res.body!.getReader();
    let buf = "";
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buf += Buffer.from(value!).toString();
        let i: number;
        while ((i = buf.indexOf("\n\n")) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const id = /^id: (\d+)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id && data) {
            const e = JSON.parse(data) as { id: number; state: string; eventId: number };
            expect(e.eventId).toBe(Number(id));
            seen.push({ id: Number(id), job: e.id, state: e.state });
          }
        }
      }
    })();
  }
  return { status: res.status, seen, stop: () => ctrl.abort() };
}

/** Waits until `what` holds, or fails after `ms` saying what was last seen. */
async function until(what: string, ok: () => boolean, last: () => unknown, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`${what} did not happen within ${ms} ms; last seen: ${JSON.stringify(last())}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("event streams that resume", () => {
  it("a client that reconnects with Last-Event-ID gets what it missed, in order, once — across a restart too", async () => {
    const dir = workdir();
    const first = await watch(c.token);
    const a = await submit(c, "#!/bin/bash\ntrue\n", { workdir: dir });
    await until("job A's end on the stream", () => first.seen.some((e) => e.job === a && e.state === "COMPLETED"), () => first.seen);
    first.stop();
    const lastSeen = first.seen.at(-1)!.id;
    // while nobody watches: two jobs run, and the server restarts in between
    const b = await submit(c, "#!/bin/bash\ntrue\n", { workdir: dir });
    await waitFor(c, b);
    await c.stop();
    await c.restart();
    const d = await submit(c, "#!/bin/bash\ntrue\n", { workdir: dir });
    await waitFor(c, d);
    const again = await watch(c.token, String(lastSeen));
    expect(again.status).toBe(200);
    await until("the missed events of B and D", () => again.seen.filter((e) => e.state === "COMPLETED").length >= 2, () => again.seen);
    again.stop();
    expect(again.seen.map((e) => `${e.job} ${e.state}`)).toEqual([`${b} PENDING`, `${b} RUNNING`, `${b} COMPLETED`, `${d} PENDING`, `${d} RUNNING`, `${d} COMPLETED`]);
    const ids = again.seen.map((e) => e.id);
    expect(ids.every((id, i) => id > lastSeen && (i === 0 || id > ids[i - 1]!))).toBe(true);
  });

  it("a user resumes only their own jobs' events; a bad Last-Event-ID is a 400", async () => {
    await c.ok("POST", "/api/v1/users", { username: "eva", password: "Secret-pass-1" });
    await c.ok("POST", "/api/v1/accounts/default/members", { user: "eva" });
    const eva = (await c.ok("POST", "/api/v1/auth/login", { username: "eva", password: "Secret-pass-1" }, null)).token;
    const mine = await c.ok("POST", "/api/v1/jobs", { script: "#!/bin/bash\ntrue\n", workdir: workdir() }, eva);
    await waitFor(c, mine.id);
    const resumed = await watch(eva, "0");
    await until("eva's job on her stream", () => resumed.seen.some((e) => e.job === mine.id && e.state === "COMPLETED"), () => resumed.seen);
    resumed.stop();
    expect([...new Set(resumed.seen.map((e) => e.job))]).toEqual([mine.id]);
    expect((await watch(eva, "yesterday")).status).toBe(400);
  });
});
