import { describe, expect, it } from "vitest";
import { compileCluster, type ClusterSpec } from "../../src/scheduler/cluster.js";
import { decayUsage, fairTreeFactors } from "../../src/scheduler/fairshare.js";
import { schedulePass, type QueuedJob, type RunningJob } from "../../src/scheduler/pass.js";
import { jobPriority } from "../../src/scheduler/priority.js";
import { compileShape } from "../../src/scheduler/shape.js";
import type { ResourceRequest } from "../../src/core/resource-request.js";
import { validateRequest } from "../../src/core/resource-request.js";

const spec: ClusterSpec = {
  name: "lab",
  defMemPerCpu: 1000,
  nodes: [
    { name: "cn1", cpus: 4, memMiB: 8000, gpus: 0, gpuType: null },
    { name: "cn2", cpus: 4, memMiB: 8000, gpus: 0, gpuType: null },
    { name: "gn1", cpus: 8, memMiB: 32000, gpus: 2, gpuType: "a100" },
    { name: "gn2", cpus: 8, memMiB: 32000, gpus: 2, gpuType: "v100" },
  ],
  partitions: [
    { name: "cpu", nodes: ["cn1", "cn2"] },
    { name: "gpu", nodes: ["gn1", "gn2"] },
  ],
};
const model = compileCluster(spec);
let nextId = 1;
const job = (
  r: ResourceRequest,
  partition = 0,
  timeLimit = 3600,
  extra: Partial<QueuedJob> = {},
): QueuedJob => ({
  id: nextId++,
  partition,
  shape: compileShape(r, spec.defMemPerCpu),
  timeLimit,
  submit: nextId,
  priority: 0,
  ...extra,
});
const pass = (
  queue: QueuedJob[],
  running: RunningJob[] = [],
  policy: "fcfs" | "easy" | "conservative" = "easy",
  planDepth = 0,
) => schedulePass({ model, now: 0, running, queue, config: { policy, planDepth } });

describe("placement", () => {
  it("packs several jobs onto one node when they fit", () => {
    const r = pass([job({ tasks: 2 }), job({ tasks: 2 })]);
    expect(r.starts.map((s) => s.alloc.map((a) => model.nodes[a.node].name))).toEqual([
      ["cn1"],
      ["cn1"],
    ]);
  });

  it("spreads tasks over exactly -N nodes, evenly", () => {
    const r = pass([job({ nodes: 2, tasks: 3 })]);
    expect(r.starts[0].alloc.map((a) => [model.nodes[a.node].name, a.tasks, a.cpu, a.mem])).toEqual(
      [
        ["cn1", 2, 2, 2000],
        ["cn2", 1, 1, 1000],
      ],
    );
  });

  it("gives typed GPUs only on nodes of that type, and takes whole nodes for --exclusive", () => {
    const r = pass([
      job({ gpusPerNode: 1, gpuType: "v100" }, 1),
      job({ exclusive: true, tasks: 1 }, 0),
    ]);
    expect(model.nodes[r.starts[0].alloc[0].node].name).toBe("gn2");
    expect(r.starts[0].alloc[0].gpu).toBe(1);
    expect(r.starts[1].alloc[0]).toMatchObject({ cpu: 4, mem: 8000 });
  });

  it("counts memory: a job that fits the cores but not the memory waits", () => {
    const r = pass([job({ tasks: 1, memPerNode: 8001 })]);
    expect(r.starts).toHaveLength(0);
    expect(r.pending[0]).toMatchObject({ reason: "Resources", plannedStart: null }); // never fits: no plan
  });
});

describe("policies and planned starts", () => {
  const busy: RunningJob[] = [
    { id: 900, estEnd: 1000, alloc: [{ node: 0, tasks: 4, cpu: 4, mem: 4000, gpu: 0 }] },
  ];

  it("EASY reserves the first blocked job and backfills a short job that does not delay it", () => {
    const big = job({ nodes: 2, tasks: 8 }, 0, 3600); // needs both cpu nodes: cn1 frees at 1000
    const short = job({ tasks: 4 }, 0, 900); // fits cn2 and ends before 1000
    const long = job({ tasks: 4 }, 0, 5000); // would hold cn2 past 1000
    const r = pass([big, short, long], busy, "easy");
    expect(r.starts.map((s) => s.id)).toEqual([short.id]);
    expect(r.pending).toEqual([
      { id: big.id, reason: "Resources", plannedStart: 1000 },
      { id: long.id, reason: "Priority", plannedStart: null },
    ]);
  });

  it("FCFS starts nothing behind a blocked job of the same partition, and plans starts on request", () => {
    const big = job({ nodes: 2, tasks: 8 }, 0, 3600);
    const short = job({ tasks: 4 }, 0, 900);
    const gpu = job({ gpusPerNode: 1 }, 1);
    const r = pass([big, short, gpu], busy, "fcfs", 10);
    expect(r.starts.map((s) => s.id)).toEqual([gpu.id]);
    expect(r.pending).toEqual([
      { id: big.id, reason: "Resources", plannedStart: 1000 },
      { id: short.id, reason: "Priority", plannedStart: 4600 }, // after the big job, not before it
    ]);
  });

  it("orders by priority, then submission, and respects holds", () => {
    const low = job({ tasks: 4 }, 0, 100, { priority: 1 });
    const high = job({ tasks: 4 }, 0, 100, { priority: 5 });
    const held = job({ tasks: 1 }, 0, 100, { priority: 9, ineligible: "JobHeldUser" });
    const r = pass([low, high, held], busy, "fcfs");
    expect(r.starts.map((s) => s.id)).toEqual([high.id]);
    expect(r.pending.find((p) => p.id === held.id)?.reason).toBe("JobHeldUser");
  });
});

describe("fair share and priority", () => {
  it("Fair Tree ranks users by level fair share down the tenant → account → user tree", () => {
    const roots = [
      {
        name: "uniA",
        shares: 1,
        children: [{ name: "lab1", children: [{ name: "ann" }, { name: "bob" }] }],
      },
      { name: "uniB", shares: 1, children: [{ name: "lab2", children: [{ name: "cid" }] }] },
    ];
    const usage = new Map([
      ["uniA/lab1/ann", 100],
      ["uniA/lab1/bob", 10],
      ["uniB/lab2/cid", 50],
    ]);
    // uniB used less of its equal share than uniA: cid first; then bob (less used), then ann
    expect(Object.fromEntries(fairTreeFactors(roots, usage))).toEqual({
      "uniB/lab2/cid": 1,
      "uniA/lab1/bob": 2 / 3,
      "uniA/lab1/ann": 1 / 3,
    });
  });

  it("usage halves every half-life, and priority weighs the factors", () => {
    expect(decayUsage(1000, 0, 7 * 86400, 7 * 86400)).toBeCloseTo(500, 9);
    const base = { submit: 0, cpus: 10, fairshare: 0.5, partition: 1, qos: 0 };
    const w = {
      age: 1000,
      fairshare: 10000,
      jobSize: 1000,
      partition: 1000,
      qos: 2000,
      maxAge: 100,
    };
    expect(jobPriority(base, 50, 100, w)).toBeCloseTo(500 + 5000 + 100 + 1000, 9);
    expect(jobPriority(base, 500, 100, w)).toBeCloseTo(1000 + 5000 + 100 + 1000, 9); // age capped
  });

  it("rejects contradictory requests with a message saying what to fix", () => {
    expect(() => validateRequest({ memPerNode: 1, memPerCpu: 1 })).toThrowError(
      /--mem and --mem-per-cpu are mutually exclusive/,
    );
    expect(() => validateRequest({ nodes: 3, tasks: 2 })).toThrowError(
      /at least one task per node/,
    );
    expect(() => validateRequest({ cpusPerTask: 0 })).toThrowError(
      /cpus per task \(-c\) must be a positive whole number/,
    );
    expect(() =>
      compileCluster({ name: "x", nodes: [], partitions: [{ name: "p", nodes: ["ghost"] }] }),
    ).toThrowError(/names node "ghost", which is not declared/);
  });
});
