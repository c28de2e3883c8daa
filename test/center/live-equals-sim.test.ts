import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulateWorkload } from "../../src/sim/simulate.js";
import { readSwfFile } from "../../src/sim/swf.js";
import { traceJobScript } from "../../src/sim/trace-script.js";
import { applyConventions, firstJobs, type Workload } from "../../src/sim/workload.js";
import { startCenter, TEST_CONFIG, type TestCenter } from "../helpers/center.js";
import { tracePath } from "../helpers/traces.js";

/**
 * Live equals simulated: the first jobs of KTH-SP2, submitted through the API to a virtual
 * cluster of the trace's 100 processors with the simulator's policy (EASY, first come first
 * served), start at the very seconds `guang sim` gives them. The cluster's clock is manual:
 * the test moves it to each submission's instant, as the simulator's event loop does.
 * GUANG_LIVE_SIM_JOBS sets how many (2,000 by default, about 13 s; 5,000 agree too, in 32 s).
 */
const JOBS = Number(process.env.GUANG_LIVE_SIM_JOBS ?? 2000);
const trace = tracePath("KTH-SP2-1996-2.1-cln.swf.gz");
let c: TestCenter;
let w: Workload;

beforeAll(async () => {
  if (!trace) return;
  w = firstJobs(applyConventions(readSwfFile(trace)).workload, JOBS);
  c = await startCenter(`${TEST_CONFIG}
scheduler:
  policy: easy
clusters:
  - name: kth
    backend: virtual
    clock: manual
    priority: fifo
    defMemPerCpu: 0
    nodes:
      - { prefix: sp, count: ${w.procs}, cpus: 1, memMiB: 1024 }
    partitions:
      - { name: batch, maxTime: UNLIMITED }
`);
}, 60_000);
afterAll(async () => {
  await c?.stop();
});

describe.skipIf(!trace)("a trace replayed live on a virtual cluster", () => {
  it(`starts each of the first ${JOBS} KTH-SP2 jobs when the simulator does`, async () => {
    const sim = simulateWorkload(w, "easy").start;
    // the trace's second 0 is a minute after the cluster's clock began
    const origin = Date.parse(
      (await c.ok("POST", "/api/v1/clusters/kth/clock", { to: new Date().toISOString() })).now,
    );
    const base = origin + 60_000;
    const at = (s: number) => new Date(base + (s - w.submit[0]!) * 1000).toISOString();
    const ids: number[] = [];
    for (let j = 0; j < w.count; j++) {
      if (j === 0 || w.submit[j] !== w.submit[j - 1])
        await c.ok("POST", "/api/v1/clusters/kth/clock", { to: at(w.submit[j]!) });
      const r = await c.ok("POST", "/api/v1/jobs", {
        script: traceJobScript(w, j),
        args: ["-M", "kth"],
      });
      ids.push(r.id);
    }
    let last = 0;
    for (let j = 0; j < w.count; j++) last = Math.max(last, sim[j]! + w.run[j]!);
    await c.ok("POST", "/api/v1/clusters/kth/clock", { to: at(last + 1) });
    const live = new Map<number, { state: string; startTime: string }>();
    let before: number | null = null;
    do {
      const q = new URLSearchParams({ cluster: "kth", state: "COMPLETED", limit: "1000" });
      if (before) q.set("before", String(before));
      const page = await c.ok("GET", `/api/v1/jobs?${q}`);
      for (const job of page.jobs) live.set(job.id, job);
      before = page.next;
    } while (before);
    expect(live.size).toBe(w.count);
    const differ: string[] = [];
    for (let j = 0; j < w.count; j++) {
      const started = (Date.parse(live.get(ids[j]!)!.startTime) - base) / 1000 + w.submit[0]!;
      if (started !== sim[j])
        differ.push(`job ${j} (trace ${w.traceId[j]}): live ${started}, sim ${sim[j]}`);
    }
    expect(differ.slice(0, 10)).toEqual([]);
  }, 240_000);
});
