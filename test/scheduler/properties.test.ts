import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCluster, type ClusterSpec } from "../../src/scheduler/cluster.js";
import type { Policy } from "../../src/scheduler/policy.js";
import { PoolScheduler } from "../../src/scheduler/pool.js";
import { compileShape } from "../../src/scheduler/shape.js";
import { GeneralSim, generalOnUnitNodes } from "../../src/sim/general-sim.js";
import { replay, type SimScheduler } from "../../src/sim/replay.js";
import { poolAdapter } from "../../src/sim/simulate.js";
import { emptyWorkload, type Workload } from "../../src/sim/workload.js";

/** Random workloads with runtimes within their estimates, as the trace conventions make them. */
const workloadArb = (maxProcs: number, maxJobs: number) =>
  fc
    .record({
      procs: fc.integer({ min: 1, max: maxProcs }),
      jobs: fc.array(
        fc.record({
          gap: fc.integer({ min: 0, max: 60 }),
          size: fc.double({ min: 0, max: 1, noNaN: true }),
          run: fc.integer({ min: 1, max: 200 }),
          slack: fc.integer({ min: 0, max: 200 }),
        }),
        { minLength: 1, maxLength: maxJobs },
      ),
    })
    .map(({ procs, jobs }) => {
      const n = jobs.length;
      const w = emptyWorkload(n, procs);
      let t = 0;
      jobs.forEach((j, i) => {
        t += j.gap;
        w.submit[i] = t;
        w.procsOf[i] = 1 + Math.floor(j.size * procs * 0.999);
        w.run[i] = j.run;
        w.est[i] = j.run + j.slack;
        w.traceId[i] = i + 1;
      });
      return w;
    });

/** Replays and records, per job, every planned start a pass announced for it. */
function replayWithPlans(w: Workload, sched: SimScheduler, plans: () => [number, number][]) {
  const planned = new Map<number, number[]>();
  const start = replay(w, sched, {
    afterPass() {
      for (const [job, at] of plans()) {
        if (!Number.isFinite(at)) continue;
        const list = planned.get(job) ?? [];
        list.push(at);
        planned.set(job, list);
      }
    },
  });
  return { start, planned };
}

function expectNeverDelayed(start: Float64Array, planned: Map<number, number[]>): void {
  for (const [job, ats] of planned) {
    for (const at of ats)
      expect(start[job], `job ${job} started after a reservation at ${at}`).toBeLessThanOrEqual(at);
  }
}

describe("scheduling properties", () => {
  it("the pool fast path and the general path on 1-core nodes make the same decisions (FCFS, EASY)", () => {
    fc.assert(
      fc.property(workloadArb(24, 60), fc.constantFrom<Policy>("fcfs", "easy"), (w, policy) => {
        const pool = replay(
          w,
          poolAdapter(new PoolScheduler(w.procs, policy, { procs: w.procsOf, est: w.est })),
        );
        const general = replay(w, generalOnUnitNodes(w, policy));
        expect(Array.from(general)).toEqual(Array.from(pool));
      }),
      { numRuns: 150 },
    );
  });

  it("the pool never runs more processors than the machine has", () => {
    fc.assert(
      fc.property(
        workloadArb(64, 120),
        fc.constantFrom<Policy>("fcfs", "easy", "conservative"),
        (w, policy) => {
          const start = replay(
            w,
            poolAdapter(new PoolScheduler(w.procs, policy, { procs: w.procsOf, est: w.est })),
          );
          // sweep starts and ends: at every instant the running processors fit
          const ev: [number, number][] = [];
          for (let j = 0; j < w.count; j++)
            ev.push([start[j], w.procsOf[j]], [start[j] + w.run[j], -w.procsOf[j]]);
          ev.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          let busy = 0;
          for (const [, d] of ev) {
            busy += d;
            expect(busy).toBeLessThanOrEqual(w.procs);
          }
          for (let j = 0; j < w.count; j++) expect(start[j]).toBeGreaterThanOrEqual(w.submit[j]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("the general path never over-allocates cores, memory or GPUs of any node", () => {
    const spec: ClusterSpec = {
      name: "mixed",
      defMemPerCpu: 3000, // high enough that memory, not cores, is what binds on the small nodes
      nodes: [
        { name: "c1", cpus: 8, memMiB: 16000, gpus: 0, gpuType: null },
        { name: "c2", cpus: 8, memMiB: 16000, gpus: 0, gpuType: null },
        { name: "c3", cpus: 16, memMiB: 64000, gpus: 0, gpuType: null },
        { name: "g1", cpus: 16, memMiB: 64000, gpus: 4, gpuType: "a100" },
        { name: "g2", cpus: 8, memMiB: 32000, gpus: 2, gpuType: "v100" },
      ],
      partitions: [
        { name: "cpu", nodes: ["c1", "c2", "c3"] },
        { name: "gpu", nodes: ["g1", "g2"] },
        { name: "all", nodes: ["c1", "c2", "c3", "g1", "g2"] },
      ],
    };
    const model = compileCluster(spec);
    const reqArb = fc.record({
      partition: fc.integer({ min: 0, max: 2 }),
      nodes: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
      tasks: fc.integer({ min: 1, max: 6 }),
      cpusPerTask: fc.integer({ min: 1, max: 4 }),
      mem: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: undefined }),
      gpus: fc.integer({ min: 0, max: 2 }),
      gpuType: fc.constantFrom(null, "a100", "v100"),
      exclusive: fc.boolean(),
    });
    fc.assert(
      fc.property(
        workloadArb(1, 40),
        fc.array(reqArb, { minLength: 40, maxLength: 40 }),
        fc.constantFrom<Policy>("fcfs", "easy", "conservative"),
        (w0, reqs, policy) => {
          const w = { ...w0, procs: model.totalCpus };
          const jobs = reqs.map((r) => {
            const nodes = r.nodes !== undefined && r.tasks >= r.nodes ? r.nodes : undefined;
            const partition = r.gpus > 0 ? 1 : r.partition;
            return {
              partition,
              shape: compileShape(
                {
                  nodes,
                  tasks: r.tasks,
                  cpusPerTask: r.cpusPerTask,
                  memPerNode: r.mem,
                  gpusPerNode: r.gpus || undefined,
                  gpuType: r.gpus > 0 ? r.gpuType : null,
                  exclusive: r.exclusive,
                },
                spec.defMemPerCpu,
              ),
            };
          });
          const sim = new GeneralSim(model, w, (j) => jobs[j], { policy, depth: 10 });
          const startOf = new Map<number, number>();
          replay(w, sim, {
            afterPass(now) {
              const cpu = new Int32Array(model.nodes.length);
              const mem = new Float64Array(model.nodes.length);
              const gpu = new Int32Array(model.nodes.length);
              for (const r of sim.running.values()) {
                const start = r.estEnd - w.est[r.id];
                if (!startOf.has(r.id)) startOf.set(r.id, start);
                if (start + w.run[r.id] <= now) continue; // ends at this instant
                for (const a of r.alloc) {
                  cpu[a.node] += a.cpu;
                  mem[a.node] += a.mem;
                  gpu[a.node] += a.gpu;
                  if (jobs[r.id].shape.gpuType !== null && a.gpu > 0)
                    expect(model.nodes[a.node].gpuType).toBe(jobs[r.id].shape.gpuType);
                  expect(model.partitionNodes[jobs[r.id].partition]).toContain(a.node);
                }
              }
              for (let n = 0; n < model.nodes.length; n++) {
                expect(cpu[n]).toBeLessThanOrEqual(model.cpus[n]);
                expect(mem[n]).toBeLessThanOrEqual(model.mem[n]);
                expect(gpu[n]).toBeLessThanOrEqual(model.gpus[n]);
              }
            },
          });
        },
      ),
      { numRuns: 80 },
    );
  });

  it("EASY never delays the head job's reservation (pool and general)", () => {
    fc.assert(
      fc.property(workloadArb(32, 80), (w) => {
        const pool = new PoolScheduler(w.procs, "easy", { procs: w.procsOf, est: w.est });
        const p = replayWithPlans(w, poolAdapter(pool), () => {
          const head = pool.queue[0];
          return head === undefined ? [] : [[head, pool.plannedStarts(0, 1)[0]]];
        });
        expectNeverDelayed(p.start, p.planned);
        const general = generalOnUnitNodes(w, "easy");
        const g = replayWithPlans(w, general, () =>
          (general.last?.pending ?? [])
            .filter((d) => d.plannedStart !== null)
            .map((d) => [d.id, d.plannedStart!] as [number, number]),
        );
        expectNeverDelayed(g.start, g.planned);
      }),
      { numRuns: 150 },
    );
  });

  it("conservative backfilling never delays any reservation (pool and general)", () => {
    fc.assert(
      fc.property(workloadArb(32, 60), (w) => {
        const pool = new PoolScheduler(w.procs, "conservative", { procs: w.procsOf, est: w.est });
        const p = replayWithPlans(w, poolAdapter(pool), () => {
          const plans = pool.plannedStarts(0);
          return pool.queue.map((j, q) => [j, plans[q]] as [number, number]);
        });
        expectNeverDelayed(p.start, p.planned);
        const general = generalOnUnitNodes(w, "conservative");
        const g = replayWithPlans(w, general, () =>
          [...general.last!.reservations].map(([id, r]) => [id, r.start] as [number, number]),
        );
        expectNeverDelayed(g.start, g.planned);
      }),
      { numRuns: 100 },
    );
  });

  it("the same inputs always give the same decisions", () => {
    fc.assert(
      fc.property(
        workloadArb(16, 40),
        fc.constantFrom<Policy>("fcfs", "easy", "conservative"),
        (w, policy) => {
          const a = replay(w, generalOnUnitNodes(w, policy));
          const b = replay(w, generalOnUnitNodes(w, policy));
          expect(Array.from(a)).toEqual(Array.from(b));
        },
      ),
      { numRuns: 40 },
    );
  });
});
