import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, startCenter, submit, waitFor, workdir, type TestCenter } from "../helpers/center.js";
import { openEvents } from "../helpers/events.js";
import { until } from "../helpers/until.js";

let c: TestCenter;
beforeAll(async () => {
  c = await startCenter();
});
afterAll(async () => {
  await c?.stop();
});

/** Adds a user of the default tenant as a member of the default account. */
async function addUser(
  name: string,
  password: string,
  unixUser: string | null = null,
): Promise<void> {
  const made = await c.api("POST", "/api/v1/users", {
    username: name,
    password,
    ...(unixUser ? { posix: { name: unixUser } } : {}),
  });
  expect(made.status).toBe(201);
  expect((await c.api("POST", "/api/v1/accounts/default/members", { user: name })).status).toBe(
    201,
  );
}

async function tokenOf(name: string, password: string): Promise<string> {
  return (await c.api("POST", "/api/v1/auth/login", { username: name, password }, null)).body.token;
}

describe("the center", () => {
  it("first start: admin password printed once and kept with mode 600; a restart reuses everything", async () => {
    const file = join(c.home, "initial-admin-password");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(c.output()).toContain(c.initialPassword);
    // the helper changed it, as the first sign-in must; the file is the helper's note of the current one
    expect(c.output()).toMatch(/change it at your first sign-in/);
    const pw = readFileSync(file, "utf8").trim();
    await c.stop();
    await c.restart();
    expect(c.output()).not.toContain("First start");
    expect(readFileSync(file, "utf8").trim()).toBe(pw);
    expect((await c.api("GET", "/api/v1/auth/whoami")).body).toMatchObject({
      user: "admin",
      tenant: "default",
      roles: ["center-admin", "center-finance"],
      accounts: [{ name: "default", role: "owner" }],
    });
  });

  it("describes this machine as the local cluster, with cpu and gpu partitions", async () => {
    const r = await c.api("GET", "/api/v1/clusters");
    const cl = r.body.clusters[0];
    expect(cl.name).toBe("local");
    expect(cl.partitions.map((p: { name: string }) => p.name)).toEqual(["cpu", "gpu"]);
    expect(cl.nodes[0]).toMatchObject({
      cpus: 32,
      memMiB: 65536,
      gpus: 2,
      gpuType: "a100",
      allocCpus: 0,
    });
  });

  it("publishes an OpenAPI document of every route", async () => {
    const r = await c.api("GET", "/api/v1/openapi.json", undefined, null);
    expect(r.body.openapi).toBe("3.1.0");
    for (const p of [
      "/api/v1/auth/login",
      "/api/v1/jobs",
      "/api/v1/jobs/{id}",
      "/api/v1/jobs/{id}/cancel",
      "/api/v1/events",
      "/api/v1/clusters",
      "/api/v1/tokens",
    ]) {
      expect(Object.keys(r.body.paths)).toContain(p);
    }
    expect(
      r.body.paths["/api/v1/jobs"].post.requestBody.content["application/json"].schema.properties
        .script.type,
    ).toBe("string");
    // the error catalogue, for clients that key their words on the code
    const codes = r.body.info["x-error-codes"].map((e: { code: string }) => e.code);
    for (const code of [
      "invalid_input",
      "no_identity",
      "password_change_required",
      "insufficient_funds",
    ])
      expect(codes).toContain(code);
  });

  it("named API tokens can be created, used and revoked", async () => {
    const made = await c.api("POST", "/api/v1/tokens", { name: "ci-runner" });
    expect(made.status).toBe(201);
    expect((await c.api("GET", "/api/v1/auth/whoami", undefined, made.body.token)).status).toBe(
      200,
    );
    const list = await c.api("GET", "/api/v1/tokens");
    expect(JSON.stringify(list.body)).not.toContain(made.body.token);
    expect((await c.api("DELETE", `/api/v1/tokens/${made.body.id}`)).status).toBe(200);
    expect((await c.api("GET", "/api/v1/auth/whoami", undefined, made.body.token)).status).toBe(
      401,
    );
    expect((await c.api("DELETE", `/api/v1/tokens/${made.body.id}`)).status).toBe(404);
  });

  it("a user sees and acts on their own jobs only; the admin on all", async () => {
    await addUser("alice", "Secret-pass-1");
    await addUser("bob", "Secret-pass-1");
    const alice = await tokenOf("alice", "Secret-pass-1");
    const bob = await tokenOf("bob", "Secret-pass-1");
    const dir = workdir();
    const r = await c.api(
      "POST",
      "/api/v1/jobs",
      { script: "#!/bin/bash\nsleep 20\n", workdir: dir },
      alice,
    );
    expect(r.status).toBe(201);
    const id = r.body.id;
    expect((await c.api("GET", `/api/v1/jobs/${id}`, undefined, bob)).status).toBe(404);
    expect((await c.api("POST", `/api/v1/jobs/${id}/cancel`, undefined, bob)).status).toBe(404);
    expect((await c.api("GET", `/api/v1/jobs/${id}/output`, undefined, bob)).status).toBe(404);
    expect((await c.api("GET", "/api/v1/jobs", undefined, bob)).body.jobs).toEqual([]);
    expect((await c.api("GET", "/api/v1/jobs?user=alice", undefined, bob)).status).toBe(403);
    expect(
      (await c.api("GET", "/api/v1/jobs", undefined, alice)).body.jobs.map(
        (j: { id: number }) => j.id,
      ),
    ).toEqual([id]);
    const seen = await c.api("GET", `/api/v1/jobs/${id}`);
    expect(seen.body.user).toBe("alice");

    // events: bob's stream carries none of alice's jobs, the admin's carries them
    const bobs = await openEvents(c.url, bob);
    const admins = await openEvents(c.url, c.token);
    expect((await c.api("POST", `/api/v1/jobs/${id}/cancel`)).status).toBe(200);
    await waitFor(c, id);
    // bob's stream is told of his own cancel of a job after alice's: by then alice's would have come
    const mine = (
      await c.ok("POST", "/api/v1/jobs", { script: "#!/bin/bash\ntrue\n", workdir: dir }, bob)
    ).id;
    await until(
      "bob's own job on his stream",
      () => bobs.events.some((e) => e.job === mine),
      15000,
      () => bobs.text(),
    );
    await until(
      "alice's cancelled job on the admin's stream",
      () => admins.events.some((e) => e.job === id && e.state === "CANCELLED"),
      15000,
      () => admins.text(),
    );
    bobs.stop();
    admins.stop();
    expect(admins.text()).toContain(`"id":${id},`);
    expect(bobs.text()).not.toContain(`"id":${id},`);
  });

  it("changes a password (guang passwd) and slows down guessing", async () => {
    await addUser("carol", "Secret-pass-1");
    const token = await tokenOf("carol", "Secret-pass-1");
    const short = cli(c, ["passwd"], {
      input: "Secret-pass-1\nshort\n",
      env: { GUANG_TOKEN: token },
    });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 10 characters/);
    const ok = cli(c, ["passwd"], {
      input: "Secret-pass-1\nSecret-pass-2\n",
      env: { GUANG_TOKEN: token },
    });
    expect(ok.stdout).toBe("Password changed; your other sessions and API tokens have ended\n");
    expect(
      (
        await c.api(
          "POST",
          "/api/v1/auth/login",
          { username: "carol", password: "Secret-pass-1" },
          null,
        )
      ).status,
    ).toBe(401);
    expect(await tokenOf("carol", "Secret-pass-2")).toMatch(/^guang_/);
    // guessing: a known name and an unknown one get the same answers, and back off alike, from this address only
    for (const name of ["carol", "no-such-user"]) {
      for (let i = 0; i < 5; i++) {
        const r = await c.api(
          "POST",
          "/api/v1/auth/login",
          { username: name, password: "guess" },
          null,
        );
        expect([r.status, r.body.error.message]).toEqual([401, "wrong username or password"]);
      }
      const waits = await c.api(
        "POST",
        "/api/v1/auth/login",
        { username: name, password: name === "carol" ? "Secret-pass-2" : "guess" },
        null,
      );
      expect(waits.status).toBe(429);
      expect(waits.body.error.message).toMatch(
        /^too many failed sign-ins for this name from your address; try again in \d+ s$/,
      );
    }
    // an admin's unlock forgives at once
    expect((await c.api("PATCH", "/api/v1/users/carol", { unlock: true })).status).toBe(200);
    expect(await tokenOf("carol", "Secret-pass-2")).toMatch(/^guang_/);
    // others are not affected
    expect(
      (
        await c.api(
          "POST",
          "/api/v1/auth/login",
          { username: "alice", password: "Secret-pass-1" },
          null,
        )
      ).status,
    ).toBe(200);
  });

  it("tells a waiting job why it waits and when it should start", async () => {
    const dir = workdir();
    const big = await submit(c, "#!/bin/bash\n#SBATCH -n 32 -t 5\nsleep 30\n", { workdir: dir });
    const running = await waitFor(c, big, ["RUNNING"]);
    const next = await submit(c, "#!/bin/bash\n#SBATCH -n 1 -t 1\ntrue\n", { workdir: dir });
    let seen: { state: string; reason: string | null; plannedStart: string } | undefined;
    const waiting = await until(
      "the small job waiting with a planned start",
      async () => {
        seen = (await c.api("GET", `/api/v1/jobs/${next}`)).body;
        return seen!.reason !== null && seen!.plannedStart !== null && seen;
      },
      10000,
      () => seen,
    );
    expect(waiting.state).toBe("PENDING");
    expect(waiting.reason).toBe("Resources");
    // EASY plans it for when the big job's time limit runs out
    expect(
      Math.abs(Date.parse(waiting.plannedStart) - (Date.parse(running.startTime) + 300_000)),
    ).toBeLessThan(2000);
    await c.api("POST", `/api/v1/jobs/${big}/cancel`);
    expect((await waitFor(c, next)).state).toBe("COMPLETED");
  });
});
