import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, tracePath } from "../helpers/traces.js";

function guang(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "guang-cli-"));
const job = (id: number, submit: number, run: number, procs: number, req: number) =>
  [id, submit, 0, run, procs, -1, -1, procs, req, -1, 1, 1, 1, -1, 1, -1, -1, -1].join(" ");
const small = join(dir, "small.swf");
writeFileSync(
  small,
  ["; MaxProcs: 4", job(1, 0, 100, 4, 100), job(2, 1, 50, 2, 60), job(3, 2, 10, 1, 20)].join("\n"),
);

describe("guang sim", () => {
  it("prints the figures as a table, and one JSON object with --json", () => {
    const t = guang("sim", small);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/POLICY\s+JOBS\s+AVG_WAIT/);
    const j = guang("sim", small, "--policy", "fcfs", "--json");
    expect(j.code).toBe(0);
    const o = JSON.parse(j.out);
    for (const k of [
      "jobs",
      "avgWait",
      "avgBoundedSlowdown",
      "utilization",
      "makespan",
      "wallSeconds",
    ])
      expect(o).toHaveProperty(k);
    // job 1 takes the machine for 100 s; 2 and 3 wait behind it under FCFS
    expect(o.jobs).toBe(3);
    expect(o.avgWait).toBeCloseTo((0 + 99 + 98) / 3, 6);
    expect(o.makespan).toBe(150);
  });

  it("compares several policies and writes an HTML report with charts", () => {
    const out = join(dir, "report");
    const r = guang("sim", small, "--policy", "fcfs,easy,conservative", "--json", "--report", out);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveLength(3);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain("<svg");
    expect(html).toContain("利用率");
    expect(html.match(/<figure>/g)).toHaveLength(3);
  });

  it.each([
    [["sim", join(dir, "missing.swf")], /missing\.swf: cannot read trace: no such file/],
    [
      ["sim", small, "--policy", "sjf"],
      /unknown policy "sjf": use one of fcfs, easy, conservative/,
    ],
    [
      ["sim", small, "--procs", "-3"],
      /--procs needs a value; to give one that starts with "-", write --procs=-3/,
    ],
    [["sim"], /sim takes a trace file \(several: a network\), got none/],
    [["sim", small, "--bogus"], /^guang sim: unknown option --bogus \(guang sim --help\)$/m],
    [["frobnicate"], /unknown command "frobnicate"/],
  ])("bad usage %j exits 2 with one clear line", (args, message) => {
    const r = guang(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("names the file and line of a malformed trace", () => {
    const bad = join(dir, "bad.swf");
    writeFileSync(bad, ["; MaxProcs: 4", job(1, 0, 100, 4, 100), "2 1 0 50 2 -1"].join("\n"));
    const r = guang("sim", bad);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `guang: ${bad}:3: has 6 fields, an SWF job line has 18 (is this a Standard Workload Format trace?)\n`,
    );
  });

  it("says when no job is left, and how to keep them", () => {
    const noEst = join(dir, "noest.swf");
    writeFileSync(noEst, ["; MaxProcs: 4", job(1, 0, 100, 4, -1)].join("\n"));
    const r = guang("sim", noEst);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no job is left to replay .*try --missing-estimate runtime/);
    expect(guang("sim", noEst, "--missing-estimate", "runtime").code).toBe(0);
  });
});

const ctc = tracePath("CTC-SP2-1996-3.1-cln.swf.gz");
describe.skipIf(ctc === null)("guang sim on a real trace", () => {
  it("replays CTC-SP2 with EASY through the command", () => {
    const r = guang("sim", ctc!, "--json");
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.jobs).toBe(77199);
    expect(Number(o.avgBoundedSlowdown.toPrecision(6))).toBe(49.5713);
  });
});

describe("guang sim across clusters", () => {
  it("replays several traces as one network under each placement policy", () => {
    // a second cluster with nothing to do: sharing moves the waiting jobs there
    const idle = join(dir, "idle.swf");
    writeFileSync(idle, ["; MaxProcs: 4", job(1, 0, 10, 1, 10)].join("\n"));
    const r = guang(
      "sim",
      small,
      idle,
      "--json",
      "--days",
      "1",
      "--transfer",
      "0:05",
      "--report",
      join(dir, "net"),
    );
    expect(r.code, r.err).toBe(0);
    const runs = JSON.parse(r.out);
    expect(runs.map((x: any) => x.policy)).toEqual(["static", "earliest", "earliest-transfer"]);
    expect(runs[0]).toMatchObject({ jobs: 4, moved: 0, transferSeconds: 5 });
    expect(runs[0].clusters.map((c: any) => c.name)).toEqual(["small", "idle"]);
    expect(runs[1].moved).toBeGreaterThan(0);
    expect(runs[1].avgWait).toBeLessThan(runs[0].avgWait);
    const html = readFileSync(join(dir, "net", "index.html"), "utf8");
    expect(html).toMatch(/How much waiting does sharing save\? · 共享算力能减少多少等待/);
    expect(html).toMatch(/<svg/);
    const bad = guang("sim", small, idle, "--network", "nearest");
    expect([bad.code, bad.err]).toEqual([
      2,
      expect.stringMatching(
        /--network: unknown policy "nearest"; use static, earliest, earliest-transfer/,
      ),
    ]);
    const two = guang("sim", small, small);
    expect(two.err).toMatch(/two traces give the same cluster name/);
  });
});

describe("guang sim --priority multifactor", () => {
  it("compares the live priority's settings with submission order, per account", () => {
    const r = guang(
      "sim",
      small,
      "--priority",
      "multifactor",
      "--weights",
      "fairshare=0",
      "--half-life",
      "1-0,7-0",
      "--json",
    );
    expect(r.code, r.err).toBe(0);
    const runs = JSON.parse(r.out);
    expect(runs.map((x: any) => x.setting)).toEqual([
      "fifo",
      "fairshare=0 half-life 1-00:00:00",
      "fairshare=0 half-life 7-00:00:00",
    ]);
    expect(runs[1].weights).toMatchObject({ fairshare: 0, age: 1000, jobSize: 1000 });
    expect(runs[0].accounts[0]).toMatchObject({ account: "g1", jobs: 3, useShare: 1 });
    const bad = guang("sim", small, "--priority", "multifactor", "--weights", "luck=5");
    expect([bad.code, bad.err]).toEqual([
      2,
      expect.stringMatching(
        /"luck=5" is not NAME=VALUE with NAME one of age, fairshare, jobsize, maxage/,
      ),
    ]);
    const other = guang("sim", small, "--priority", "fair");
    expect(other.err).toMatch(/--priority takes multifactor/);
  });
});

describe("guang demo and help", () => {
  it("runs the synthetic demo and prints help", () => {
    const d = guang("demo", "--jobs", "300", "--json");
    expect(d.code).toBe(0);
    expect(JSON.parse(d.out).map((r: { policy: string }) => r.policy)).toEqual([
      "fcfs",
      "easy",
      "conservative",
    ]);
    expect(guang("help").out).toMatch(/usage: guang <command>/);
    expect(guang("help", "sim").out).toMatch(/--policy/);
    expect(existsSync(CLI)).toBe(true);
  });
});
