import { compileCluster, type ClusterSpec } from "../src/scheduler/cluster.js";
import { fairTreeFactors, type ShareNode } from "../src/scheduler/fairshare.js";
import { schedulePass, type QueuedJob, type RunningJob } from "../src/scheduler/pass.js";
import type { Policy } from "../src/scheduler/policy.js";
import { jobPriority } from "../src/scheduler/priority.js";
import { compileShape } from "../src/scheduler/shape.js";
import { prng } from "../src/sim/synthetic.js";

/**
 * One pass of the general (node-aware, multifactor) path with 10,000 waiting jobs on
 * 10,000 nodes: fair-share factors over a tenant → account → user tree, priorities, the
 * ordering, placement and EASY's reservation. The cluster is busy (as centres are) with
 * running jobs ending at spread-out times. Goal: ≤ 20 ms.
 */
export interface GeneralPassFigures {
  nodes: number;
  waiting: number;
  running: number;
  started: number;
  msMedian: number;
  msMin: number;
}

export function benchGeneralPass(
  policy: Policy,
  runs: number,
  nodes = 10_000,
  waiting = 10_000,
): GeneralPassFigures {
  const rnd = prng(42);
  const spec: ClusterSpec = {
    name: "big",
    defMemPerCpu: 2000,
    nodes: Array.from({ length: nodes }, (_, i) => {
      const gpu = i % 10 === 9;
      return {
        name: `n${i}`,
        cpus: 64,
        memMiB: 256_000,
        gpus: gpu ? 8 : 0,
        gpuType: gpu ? "a100" : null,
      };
    }),
    partitions: [],
  };
  spec.partitions = [
    { name: "cpu", nodes: spec.nodes.filter((n) => n.gpus === 0).map((n) => n.name), priority: 1 },
    { name: "gpu", nodes: spec.nodes.filter((n) => n.gpus > 0).map((n) => n.name), priority: 1 },
  ];
  const model = compileCluster(spec);
  const now = 1_000_000;
  // running: fill each node to ~90% with jobs of 8–32 cores ending within a day
  const running: RunningJob[] = [];
  let id = 0;
  for (let n = 0; n < nodes; n++) {
    let used = 0;
    while (used < 56) {
      const cpu = Math.min(64 - used, 8 * (1 + Math.floor(rnd() * 4)));
      running.push({
        id: id++,
        estEnd: now + 60 + Math.floor(rnd() * 86_400),
        alloc: [{ node: n, tasks: cpu, cpu, mem: cpu * 2000, gpu: model.gpus[n] > 0 ? 1 : 0 }],
      });
      used += cpu;
    }
  }
  // share tree: 20 tenants × 5 accounts × 10 users, with decayed usage
  const roots: ShareNode[] = [];
  const usage = new Map<string, number>();
  const users: string[] = [];
  for (let t = 0; t < 20; t++) {
    const accounts: ShareNode[] = [];
    for (let a = 0; a < 5; a++) {
      const children: ShareNode[] = [];
      for (let u = 0; u < 10; u++) {
        const key = `t${t}/a${a}/u${u}`;
        children.push({ name: `u${u}`, shares: 1 });
        usage.set(key, Math.floor(rnd() * 1e7));
        users.push(key);
      }
      accounts.push({ name: `a${a}`, shares: 1 + Math.floor(rnd() * 3), children });
    }
    roots.push({ name: `t${t}`, shares: 1 + Math.floor(rnd() * 5), children: accounts });
  }
  const jobs = Array.from({ length: waiting }, (_, i) => {
    const gpu = rnd() < 0.1;
    const tasks = 1 + Math.floor(rnd() ** 3 * 256);
    return {
      id: id + i,
      user: users[Math.floor(rnd() * users.length)],
      partition: gpu ? 1 : 0,
      shape: compileShape(
        gpu
          ? {
              nodes: 1,
              tasks: 1,
              cpusPerTask: 8,
              gpusPerNode: 1 + Math.floor(rnd() * 4),
              gpuType: "a100",
            }
          : { tasks, cpusPerTask: 1 + Math.floor(rnd() * 4) },
        2000,
      ),
      timeLimit: 600 + Math.floor(rnd() * 172_800),
      submit: now - Math.floor(rnd() * 7 * 86_400),
    };
  });
  const times: number[] = [];
  let started = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const fs = fairTreeFactors(roots, usage);
    const queue: QueuedJob[] = jobs.map((j) => ({
      id: j.id,
      partition: j.partition,
      shape: j.shape,
      timeLimit: j.timeLimit,
      submit: j.submit,
      priority: jobPriority(
        {
          submit: j.submit,
          cpus: j.shape.tasks * j.shape.cpuPerTask,
          fairshare: fs.get(j.user) ?? 0,
          partition: 1,
          qos: 0,
        },
        now,
        model.totalCpus,
      ),
    }));
    const result = schedulePass({ model, now, running, queue, config: { policy, depth: 100 } });
    times.push(performance.now() - t0);
    started = result.starts.length;
  }
  times.sort((a, b) => a - b);
  return {
    nodes,
    waiting,
    running: running.length,
    started,
    msMedian: times[Math.floor(times.length / 2)],
    msMin: times[0],
  };
}
