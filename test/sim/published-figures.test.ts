import { describe, expect, it } from "vitest";
import { simulateFile } from "../../src/sim/simulate.js";
import { tracePath } from "../helpers/traces.js";

/** Same to 6 significant digits. */
const six = (x: number) => Number(x.toPrecision(6));

const ctc = tracePath("CTC-SP2-1996-3.1-cln.swf.gz");

// Published figures of the SC'15 backfilling study ("Improving backfilling by using
// machine learning to predict running times") for CTC-SP2 under the standard conventions.
describe.skipIf(ctc === null)("CTC-SP2 replay reproduces the published figures", () => {
  const sim = ctc ? simulateFile(ctc, { policies: ["easy", "fcfs"] }) : null;

  it("keeps 77,199 jobs on 338 processors after the conventions", () => {
    expect(sim!.workload.count).toBe(77199);
    expect(sim!.workload.procs).toBe(338);
    expect(sim!.dropped).toEqual({
      tooLarge: 0,
      noProcs: 0,
      noRuntime: 17,
      noEstimate: 6,
      negativeSubmit: 0,
    });
  });

  it("EASY: average bounded slowdown 49.5712902190, average wait 14,272.6 s", () => {
    const m = sim!.runs[0].metrics;
    expect(six(m.avgBoundedSlowdown)).toBe(six(49.571290219));
    expect(six(m.avgWait)).toBe(six(14272.6));
  });

  it("FCFS: average bounded slowdown 3,651.57, average wait 655,557.1 s", () => {
    const m = sim!.runs[1].metrics;
    expect(six(m.avgBoundedSlowdown)).toBe(six(3651.57));
    expect(six(m.avgWait)).toBe(six(655557.1));
  });
});
