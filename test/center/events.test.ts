import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCenter, submit, waitFor, workdir, type TestCenter } from "../helpers/center.js";
import { openEvents } from "../helpers/events.js";
import { until } from "../helpers/until.js";

let c: TestCenter;
beforeAll(async () => {
  c = await startCenter();
});
afterAll(async () => {
  await c?.stop();
});

describe("event streams that resume", () => {
  it("a client that reconnects with Last-Event-ID gets what it missed, in order, once — across a restart too", async () => {
    const dir = workdir();
    const first = await openEvents(c.url, c.token);
    const a = await submit(c, "#!/bin/bash\ntrue\n", { workdir: dir });
    await until(
      "job A's end on the stream",
      () => first.events.some((e) => e.job === a && e.state === "COMPLETED"),
      15000,
      () => first.events,
    );
    first.stop();
    const lastSeen = first.events.at(-1)!.id;
    // while nobody watches: two jobs run, and the server restarts in between
    const b = await submit(c, "#!/bin/bash\ntrue\n", { workdir: dir });
    await waitFor(c, b);
    await c.stop();
    await c.restart();
    const d = await submit(c, "#!/bin/bash\ntrue\n", { workdir: dir });
    await waitFor(c, d);
    const again = await openEvents(c.url, c.token, String(lastSeen));
    expect(again.status).toBe(200);
    await until(
      "the missed events of B and D",
      () => again.events.filter((e) => e.state === "COMPLETED").length >= 2,
      15000,
      () => again.events,
    );
    again.stop();
    expect(again.events.map((e) => `${e.job} ${e.state}`)).toEqual([
      `${b} PENDING`,
      `${b} RUNNING`,
      `${b} COMPLETED`,
      `${d} PENDING`,
      `${d} RUNNING`,
      `${d} COMPLETED`,
    ]);
    // each event's data carries the id the stream gave it
    for (const e of [...first.events, ...again.events]) expect(e.eventId).toBe(e.id);
    const ids = again.events.map((e) => e.id);
    expect(ids.every((id, i) => id > lastSeen && (i === 0 || id > ids[i - 1]!))).toBe(true);
  });

  it("a user resumes only their own jobs' events; a bad Last-Event-ID is a 400", async () => {
    await c.ok("POST", "/api/v1/users", { username: "eva", password: "Secret-pass-1" });
    await c.ok("POST", "/api/v1/accounts/default/members", { user: "eva" });
    const eva = (
      await c.ok("POST", "/api/v1/auth/login", { username: "eva", password: "Secret-pass-1" }, null)
    ).token;
    const mine = await c.ok(
      "POST",
      "/api/v1/jobs",
      { script: "#!/bin/bash\ntrue\n", workdir: workdir() },
      eva,
    );
    await waitFor(c, mine.id);
    const resumed = await openEvents(c.url, eva, "0");
    await until(
      "eva's job on her stream",
      () => resumed.events.some((e) => e.job === mine.id && e.state === "COMPLETED"),
      15000,
      () => resumed.events,
    );
    resumed.stop();
    expect([...new Set(resumed.events.map((e) => e.job))]).toEqual([mine.id]);
    for (const e of resumed.events) expect(e.eventId).toBe(e.id);
    expect((await openEvents(c.url, eva, "yesterday")).status).toBe(400);
  });
});
