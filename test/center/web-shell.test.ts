import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startCenter, type TestCenter, mappedUsers } from "../helpers/center.js";
import { PTY } from "../helpers/pty.js";
import { until } from "../helpers/until.js";
import { AS_ROOT, makeUnixUsers, removeUnixUsers } from "../helpers/unix-user.js";

/**
 * The web shell as root: a login shell as the user's own Unix account (uid, gid, groups),
 * with `guang` and Chinese text working in it; nobody reaches another's shell; a page of
 * another site cannot open one. Test Unix accounts are made here and removed after.
 */
if (!AS_ROOT)
  console.log("skipped: the web shell as users' own identities (run as root, as CI does)");

const UNIX = ["gsh-ann", "gsh-bob"];
const PW = "Secret-pass-1";
let c: TestCenter;
const tokens: Record<string, string> = {};

/** A shell's socket, and all it has said so far. */
interface Term {
  ws: WebSocket;
  screen: () => string;
  ready: Promise<{ id: string; unixUser: string }>;
  closed: Promise<number>;
}

function connect(token: string | null, query = "", headers: Record<string, string> = {}): Term {
  const ws = new WebSocket(`${c.url.replace("http", "ws")}/api/v1/shell${query}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  let text = "";
  let ready: (v: { id: string; unixUser: string }) => void;
  const t: Term = {
    ws,
    // what a person reads: the terminal's control sequences (colours, titles, modes) taken out
    screen: () =>
      text
        // eslint-disable-next-line no-control-regex -- the terminal's escapes are what it takes out
        .replace(/\x1b\][^\x07]*\x07/g, "")
        // eslint-disable-next-line no-control-regex -- as above
        .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ""),
    ready: new Promise((r) => (ready = r)),
    closed: new Promise((r) => ws.on("close", (code) => r(code))),
  };
  ws.on("message", (raw) => {
    const m = JSON.parse(String(raw)) as {
      type: string;
      data?: string;
      id?: string;
      unixUser?: string;
    };
    if (m.type === "ready") ready(m as { id: string; unixUser: string });
    if (m.type === "output") text += m.data;
    if (m.type === "error") text += `\n[error] ${JSON.stringify(m)}`;
  });
  return t;
}

/** Types a line, then waits until the screen matches, or fails after 15 s with what it shows. */
async function run(t: Term, line: string, shows: RegExp): Promise<string> {
  t.ws.send(JSON.stringify({ type: "input", data: `${line}\r` }));
  return until(
    `"${line}" to show ${shows}`,
    () => shows.test(t.screen()) && t.screen(),
    15_000,
    t.screen,
  );
}

/** The HTTP status a refused upgrade answered with. */
function refusedWith(token: string | null, query = "", headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(`${c.url.replace("http", "ws")}/api/v1/shell${query}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("open", () => reject(new Error("the shell opened")));
    ws.on("error", () => undefined);
  });
}

describe.runIf(AS_ROOT && PTY)("the web shell", () => {
  beforeAll(async () => {
    makeUnixUsers(UNIX, [63000, 63499]);
    // a "login node" whose command says where and as whom it runs, then is a shell
    c = await startCenter(
      "jobs:\n  killWait: 1\nidentities:\n  minUid: 1000\nshell:\n  logins:\n    - name: hpc-login\n      cluster: hpc\n      command: [/bin/sh, -c, 'echo on-login-node-as-$(id -un); exec /bin/sh -i']\n",
    );
    Object.assign(
      tokens,
      await mappedUsers(
        c,
        [
          ["ann", "gsh-ann"],
          ["bob", "gsh-bob"],
        ],
        PW,
      ),
    );
  }, 60_000);
  afterAll(async () => {
    await c?.stop();
    removeUnixUsers(UNIX);
  });

  it("is a login shell as the user's own Unix account, where guang and Chinese work", async () => {
    const t = connect(tokens.ann!);
    const { unixUser } = await Promise.race([
      t.ready,
      t.closed.then((code) => {
        throw new Error(`closed ${code} before ready: ${t.screen()}`);
      }),
    ]);
    expect(unixUser).toBe("gsh-ann");
    await run(t, "whoami", /^gsh-ann\r?$/m);
    const uid = spawnSync("id", ["-u", "gsh-ann"], { encoding: "utf8" }).stdout.trim();
    // its own groups only: none of root's
    await run(
      t,
      "id",
      new RegExp(`uid=${uid}\\(gsh-ann\\) gid=\\d+\\(gsh-ann\\) groups=\\d+\\(gsh-ann\\)\\r\\n`),
    );
    await run(t, "echo 你好", /^你好\r?$/m);
    await run(t, "guang jobs -o '%i %T' ; echo done-$?", /^JOBID STATE\r?$[\s\S]*^done-0\r?$/m);
    await run(t, "exit", /logout|exit/);
    expect(await t.closed).toBe(1000);
  });

  it("is nobody else's: another user's shell reads as not there, and is taken up only by its own", async () => {
    const t = connect(tokens.ann!);
    const { id } = await t.ready;
    await run(t, "echo ann-was-here", /^ann-was-here\r?$/m);
    // bob asks for ann's shell
    const bob = connect(tokens.bob!, `?attach=${id}`);
    expect(await bob.closed).toBe(4404);
    expect(bob.screen()).toMatch(/you have no shell/);
    // ann's page goes and comes back: the same shell, with what it said meanwhile
    t.ws.close();
    await t.closed;
    const again = connect(tokens.ann!, `?attach=${id}`);
    expect((await again.ready).id).toBe(id);
    await run(again, "echo $USER", /^gsh-ann\r?$/m);
    again.ws.close();
  });

  it("opens only for a signed-in person, and only from this server's own pages", async () => {
    expect(await refusedWith(null, "", { origin: c.url })).toBe(401);
    expect(await refusedWith(tokens.ann!, "", { origin: "https://evil.example" })).toBe(403);
    expect(await refusedWith(tokens.ann!, "?cols=abc")).toBe(400);
    // no Unix identity: said in the API's words, then closed
    const admin = connect(c.token);
    expect(await admin.closed).toBe(4409);
    expect(admin.screen()).toMatch(/has no Unix identity/);
  });

  it("opens on a configured login (a cluster's login node) through its command, as the user", async () => {
    expect((await c.api("GET", "/api/v1/shell/logins", undefined, tokens.ann!)).body).toEqual([
      { name: "hpc-login", cluster: "hpc" },
    ]);
    const t = connect(tokens.ann!, "?where=hpc-login");
    expect((await t.ready).unixUser).toBe("gsh-ann");
    await until(
      "the login's greeting",
      () => /on-login-node-as-gsh-ann/.test(t.screen()),
      15_000,
      t.screen,
    );
    await run(t, "echo typed-$((6*7))", /^typed-42\r?$/m);
    t.ws.close();
    const nowhere = connect(tokens.ann!, "?where=nowhere");
    expect(await nowhere.closed).toBe(4404);
    expect(nowhere.screen()).toMatch(/there is no shell login nowhere; there are: hpc-login/);
  });
});
