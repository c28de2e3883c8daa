import { describe, expect, it } from "vitest";
import { mergeNetwork, replayNetwork } from "../../src/sim/network.js";
import { simulateWorkload } from "../../src/sim/simulate.js";
import { readSwfFile } from "../../src/sim/swf.js";
import { applyConventions, emptyWorkload, withinSeconds } from "../../src/sim/workload.js";
import { tracePath } from "../helpers/traces.js";

/** A cluster's workload of `n` jobs, one every `gap` seconds, each of `procs` for `run` seconds. */
function steady(n: number, machine: number, gap: number, procs: number, run: number) {
  const w = emptyWorkload(n, machine);
  for (let j = 0; j < n; j++) {
    w.submit[j] = j * gap;
    w.run[j] = run;
    w.est[j] = run;
    w.procsOf[j] = procs;
    w.traceId[j] = j + 1;
  }
  return w;
}

describe("the computing-power network in simulation", () => {
  it("static placement is each trace replayed on its own", () => {
    const kth = tracePath("KTH-SP2-1996-2.1-cln.swf.gz");
    const sdsc = tracePath("SDSC-SP2-1998-4.2-cln.swf.gz");
    if (!kth || !sdsc) return;
    const month = 30 * 86400;
    const ws = [kth, sdsc].map((f) =>
      withinSeconds(applyConventions(readSwfFile(f)).workload, month),
    );
    const net = mergeNetwork(ws.map((w, k) => ({ name: `c${k}`, workload: w })));
    const run = replayNetwork(net, "static", "easy", 0);
    expect(run.moved).toBe(0);
    ws.forEach((w, h) => {
      const alone = simulateWorkload(w, "easy").start;
      // the merged jobs of cluster h, in order, are its own trace's (times from its first submission)
      const mine = [...net.home.keys()].filter((k) => net.home[k] === h);
      expect(mine.length).toBe(w.count);
      const differ = mine.filter((k, j) => run.start[k]! !== alone[j]! - w.submit[0]!);
      expect(differ.length).toBe(0);
    });
  });

  it("earliest placement moves work to an idle cluster, and a transfer delays what moves", () => {
    // a busy cluster (each job takes all of it for longer than the gap) beside an idle one
    const busy = steady(50, 8, 60, 8, 100);
    const idle = steady(1, 8, 60, 1, 10);
    const net = mergeNetwork([
      { name: "busy", workload: busy },
      { name: "idle", workload: idle },
    ]);
    const stay = replayNetwork(net, "static", "easy", 0);
    const share = replayNetwork(net, "earliest", "easy", 0);
    const far = replayNetwork(net, "earliest-transfer", "easy", 30);
    expect(share.moved).toBeGreaterThan(10);
    expect(share.metrics.avgWait).toBeLessThan(stay.metrics.avgWait / 2);
    expect(share.clusters[1]!.jobs).toBe(share.moved + 1);
    // moved jobs cannot start before their data arrives; fewer are worth moving
    for (let j = 0; j < net.all.count; j++)
      if (far.where[j] !== net.home[j])
        expect(far.start[j]! - net.all.submit[j]!).toBeGreaterThanOrEqual(30);
    expect(far.moved).toBeGreaterThan(0);
    expect(far.metrics.avgWait).toBeGreaterThanOrEqual(share.metrics.avgWait);
    expect(far.metrics.avgWait).toBeLessThan(stay.metrics.avgWait);
  });
});
