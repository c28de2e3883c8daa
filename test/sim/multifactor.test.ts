import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS } from "../../src/scheduler/priority.js";
import { replayWithPriority } from "../../src/sim/multifactor.js";
import { simulateWorkload } from "../../src/sim/simulate.js";
import { emptyWorkload } from "../../src/sim/workload.js";

/** Two groups: g1 floods the machine at 0, g2 comes a second later with the same work. */
function flood() {
  const n = 40;
  const w = emptyWorkload(n, 4);
  for (let j = 0; j < n; j++) {
    const second = j >= n / 2;
    w.submit[j] = second ? 1 : 0;
    w.run[j] = 1000;
    w.est[j] = 1000;
    w.procsOf[j] = 4;
    w.group[j] = second ? 2 : 1;
    w.user[j] = second ? 20 : 10;
    w.traceId[j] = j + 1;
  }
  return w;
}

describe("the live priority in simulation", () => {
  it("without weights it is plain submission order, job for job", () => {
    const w = flood();
    const fifo = replayWithPriority(
      w,
      "easy",
      { name: "fifo", weights: null, halfLife: 0 },
      () => "t",
    );
    const plain = simulateWorkload(w, "easy");
    expect(fifo.metrics).toEqual(plain.metrics);
  });

  it("fair share lets the second group in before the first has used it all", () => {
    const w = flood();
    const fifo = replayWithPriority(
      w,
      "easy",
      { name: "fifo", weights: null, halfLife: 0 },
      () => "t",
    );
    const fair = replayWithPriority(
      w,
      "easy",
      { name: "fair", weights: { ...DEFAULT_WEIGHTS }, halfLife: 7 * 86400 },
      () => "t",
    );
    const waitOf = (r: typeof fifo, g: string) => r.accounts.find((a) => a.account === g)!.avgWait;
    // under FIFO g2 waits for all of g1 (29,500 s on average); with fair share the two take turns (about 20,000 s)
    expect(waitOf(fair, "g2")).toBeLessThan(waitOf(fifo, "g2") * 0.75);
    expect(waitOf(fair, "g1")).toBeGreaterThan(waitOf(fifo, "g1"));
    expect(fair.evenness).toBeGreaterThan(fifo.evenness);
    expect(fair.accounts.map((a) => a.useShare)).toEqual([0.5, 0.5]);
  });
});
