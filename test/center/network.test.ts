import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicKeyText, signCall } from "../../src/core/center-signature.js";
import { cli, startCenter, TEST_CONFIG, waitFor, type TestCenter } from "../helpers/center.js";
import { makeHosts, netnsMissing, type TestHosts } from "../helpers/netns.js";
import { until } from "../helpers/until.js";

/**
 * Three centers on three test hosts (network namespaces joined by a bridge): a sends work to
 * b's local cluster and to c's virtual one, as the tenant each made for it. Placement, a
 * run with its output back, cancel across, a peer taken down and back, signed calls only,
 * and settlement statements that agree on both sides.
 */
const missing = netnsMissing();
if (missing) console.log(`skipped: the network of three centers (${missing})`);

const PW = "Network-pass-2026";
const PORT = 8080;
let hosts: TestHosts;
const keys = ["a", "b", "c"].map(() => generateKeyPairSync("ed25519"));
const pub = keys.map((k) => publicKeyText(k.privateKey));
let a: TestCenter, b: TestCenter, c: TestCenter;
let ann: string;
const month = new Date().toISOString().slice(0, 7);

function keyFile(i: number): string {
  const f = join(mkdtempSync(join(tmpdir(), "guang-key-")), "key.pem");
  writeFileSync(f, keys[i]!.privateKey.export({ format: "pem", type: "pkcs8" }), { mode: 0o600 });
  return f;
}

const url = (i: number) => `http://${hosts.addresses[i]}:${PORT}`;

/** A peer's side of us: a tenant for center a, its user, and an account with money and a price. */
async function tenantForA(center: TestCenter, cluster: string, partition: string, perHour: string) {
  await center.ok("POST", "/api/v1/tenants", {
    name: "center-a",
    admin: { username: "center-a-admin", password: PW },
  });
  await center.ok("POST", "/api/v1/users", {
    username: "peer-a",
    tenant: "center-a",
    password: PW,
  });
  await center.ok("POST", "/api/v1/accounts", {
    name: "from-a",
    tenant: "center-a",
    owner: "peer-a",
  });
  await center.ok("POST", "/api/v1/tenants/center-a/recharge", { amount: "1000" });
  await center.ok("POST", "/api/v1/accounts/from-a/transfer", { amount: "1000" });
  await center.ok("POST", "/api/v1/prices", {
    cluster,
    partition,
    tenant: "center-a",
    effectiveFrom: new Date().toISOString(),
    cpuHour: perHour,
  });
}

beforeAll(async () => {
  if (missing) return;
  hosts = makeHosts(3);
  const host = (i: number) => ["--host", hosts.addresses[i]!];
  b = await startCenter(
    `${TEST_CONFIG}network:
  name: b
  keyFile: ${keyFile(1)}
  peers:
    - { name: a, url: "http://${hosts.addresses[0]}:${PORT}", publicKey: "${pub[0]}", user: peer-a }
`,
    {},
    PORT,
    host(1),
    hosts.names[1]!,
  );
  c = await startCenter(
    `${TEST_CONFIG}clusters:
  - name: sky
    backend: virtual
    nodes:
      - { prefix: sky, count: 4, cpus: 16, memMiB: 65536 }
    partitions:
      - { name: batch, maxTime: "1-00:00:00" }
network:
  name: c
  keyFile: ${keyFile(2)}
  peers:
    - { name: a, url: "http://${hosts.addresses[0]}:${PORT}", publicKey: "${pub[0]}", user: peer-a }
`,
    {},
    PORT,
    host(2),
    hosts.names[2]!,
  );
  await tenantForA(b, "local", "cpu", "36");
  await tenantForA(c, "sky", "batch", "18");
  a = await startCenter(
    `${TEST_CONFIG}network:
  name: a
  keyFile: ${keyFile(0)}
  pollSeconds: 0.5
  peers:
    - name: b
      url: ${url(1)}
      publicKey: "${pub[1]}"
      clusters: [{ cluster: local, account: from-a, margin: 0.1 }]
    - name: c
      url: ${url(2)}
      publicKey: "${pub[2]}"
      clusters: [{ cluster: sky, account: from-a }]
`,
    {},
    PORT,
    host(0),
    hosts.names[0]!,
  );
  await until("a sees both peers' clusters", async () => {
    const n = (await a.ok("GET", "/api/v1/network")).peers;
    return n.every((p: any) => p.clusters.every((k: any) => k.reachable));
  });
  await a.ok("POST", "/api/v1/tenants", {
    name: "lab",
    admin: { username: "lab-admin", password: PW },
  });
  await a.ok("POST", "/api/v1/users", { username: "ann", tenant: "lab", password: PW });
  await a.ok("POST", "/api/v1/accounts", { name: "proj", tenant: "lab", owner: "ann" });
  await a.ok("POST", "/api/v1/tenants/lab/recharge", { amount: "100" });
  await a.ok("POST", "/api/v1/accounts/proj/transfer", { amount: "100" });
  // a's prices for its users: what b and c charge it, and more (the hold covers the margin)
  for (const [cluster, partition, perHour] of [
    ["b:local", "cpu", "72"],
    ["c:sky", "batch", "36"],
  ])
    await a.ok("POST", "/api/v1/prices", {
      cluster,
      partition,
      tenant: "lab",
      effectiveFrom: new Date().toISOString(),
      cpuHour: perHour,
    });
  ann = (await a.ok("POST", "/api/v1/auth/login", { username: "ann", password: PW })).token;
}, 120_000);

afterAll(async () => {
  for (const x of [a, b, c]) await x?.stop();
  hosts?.remove();
});

const submit = (args: string[], script: string) =>
  a.api("POST", "/api/v1/jobs", { script, args: ["-A", "proj", ...args] }, ann);

/** The peer's own record of one of our jobs (as its admin). */
async function there(center: TestCenter, jobAtA: any) {
  return center.ok("GET", `/api/v1/jobs/${jobAtA.clusterJobId}`);
}

describe.skipIf(missing)("a network of three centers", () => {
  it("runs a job on a peer's cluster: its record, output and charge come back, with the margin", async () => {
    const r = await submit(
      ["-M", "b:local", "-n", "2", "-t", "5"],
      "#!/bin/bash\necho hello from b\nsleep 1\n",
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const done = await waitFor(a, r.body.id, undefined, 60_000);
    expect(done).toMatchObject({ state: "COMPLETED", cluster: "b:local", exitCode: 0 });
    const remote = await there(b, done);
    expect(remote).toMatchObject({ state: "COMPLETED", user: "peer-a", account: "from-a" });
    expect(done.alloc.node).toBe(`b/${remote.alloc.node}`);
    // b charged a's tenant there; a charges ann the same and its 10 %
    const charged = Number(remote.cost);
    expect(charged).toBeGreaterThan(0);
    expect(Number(done.cost)).toBeCloseTo(charged * 1.1, 3);
    const out = await a.api("GET", `/api/v1/jobs/${r.body.id}/output`, undefined, ann);
    expect(out.body).toBe("hello from b\n");
  });

  it("places a job that names two peers where it is cheaper, and cancels across", async () => {
    const r = await submit(
      ["-M", "b:local,c:sky", "-t", "10"],
      "#!/bin/bash\n#GUANG --virtual-runtime=600\nsleep 600\n",
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const running = await waitFor(a, r.body.id, ["RUNNING"], 30_000);
    expect(running.cluster).toBe("c:sky");
    expect(running.placement.chosen).toBe("c:sky");
    expect((await there(c, running)).state).toBe("RUNNING");
    await a.ok("POST", `/api/v1/jobs/${r.body.id}/cancel`, undefined, ann);
    expect((await waitFor(a, r.body.id, undefined, 30_000)).state).toBe("CANCELLED");
    expect((await there(c, running)).state).toBe("CANCELLED");
  });

  it("says so when a peer is down, runs its own jobs on, and follows the peer again when it is back", async () => {
    const waiting = await submit(
      ["-M", "c:sky", "-t", "10"],
      "#!/bin/bash\n#GUANG --virtual-runtime=0:03\ntrue\n",
    );
    expect(waiting.status).toBe(201);
    await c.stop();
    await until("a sees c down", async () => {
      const p = (await a.ok("GET", "/api/v1/network")).peers.find((x: any) => x.name === "c");
      return !p.clusters[0].reachable;
    });
    const refused = await submit(["-M", "c:sky"], "#!/bin/bash\ntrue\n");
    expect(refused.status).toBe(503);
    expect(refused.body.error.message).toMatch(/center c cannot be reached.*own clusters go on/);
    const local = await submit(["-t", "1"], "#!/bin/bash\necho here\n");
    expect((await waitFor(a, local.body.id)).state).toBe("COMPLETED");
    await c.restart();
    const back = await waitFor(a, waiting.body.id, undefined, 30_000);
    expect(back.state).toBe("COMPLETED");
  }, 90_000);

  it("refuses a call not signed by a peer, and the same signed call twice", async () => {
    const path = "/api/v1/jobs";
    const date = new Date().toISOString();
    const forged = signCall(generateKeyPairSync("ed25519").privateKey, {
      center: "a",
      method: "GET",
      path,
      date,
      body: "",
    });
    const f = await fetch(`${url(1)}${path}`, { headers: forged });
    expect(f.status).toBe(401);
    expect(((await f.json()) as any).error.message).toMatch(/signature is not center a's/);
    const real = signCall(keys[0]!.privateKey, {
      center: "a",
      method: "GET",
      path,
      date,
      body: "",
    });
    expect((await fetch(`${url(1)}${path}`, { headers: real })).status).toBe(200);
    const again = await fetch(`${url(1)}${path}`, { headers: real });
    expect(again.status).toBe(401);
    expect(((await again.json()) as any).error.message).toMatch(/replay/);
    // a peer is one tenant here, with its user's rights only: not the center staff's
    const staff = "/api/v1/network";
    const asPeer = signCall(keys[0]!.privateKey, {
      center: "a",
      method: "GET",
      path: staff,
      date: new Date().toISOString(),
      body: "",
    });
    expect((await fetch(`${url(1)}${staff}`, { headers: asPeer })).status).toBe(403);
  });

  it("writes monthly statements both sides agree on, line by line", async () => {
    for (const [peer, center] of [
      ["b", b],
      ["c", c],
    ] as const) {
      const check = await a.ok("GET", `/api/v1/network/statements/${peer}/check?month=${month}`);
      expect(check.differences).toEqual([]);
      expect(check.agree).toBe(true);
      const mine = (await center.ok("GET", `/api/v1/network/statements/a?month=${month}`)).weRan;
      expect(check.ours.theyRan.lines.map((l: any) => [l.ranAs, l.amount])).toEqual(
        mine.lines.map((l: any) => [l.ranAs, l.amount]),
      );
      expect(check.ours.theyRan.total).toBe(mine.total);
    }
    const printed = cli(a, ["network", "statement", "b", "--month", month, "--check"]);
    expect(printed.stderr).toBe("");
    expect(printed.stdout).toMatch(/b's own statement agrees/);
    expect(printed.code).toBe(0);
  });
});
