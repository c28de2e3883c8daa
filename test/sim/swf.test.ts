import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { GuangError } from "../../src/core/errors.js";
import { parseSwf, readSwfFile } from "../../src/sim/swf.js";
import { applyConventions } from "../../src/sim/workload.js";

const line = (f: number[]) => f.join(" ");
// job, submit, wait, run, alloc, cpu, mem, reqProcs, reqTime, reqMem, status, user, group, exe, queue, partition, prev, think
const job = (
  id: number,
  submit: number,
  run: number,
  alloc: number,
  reqProcs: number,
  reqTime: number,
) => line([id, submit, 0, run, alloc, -1, -1, reqProcs, reqTime, -1, 1, 3, 4, -1, 1, -1, -1, -1]);

const TRACE = [
  "; Version: 2.2",
  "; MaxNodes: 338 (batch partition; 512 total)",
  "; MaxProcs: 16 (first integer counts)",
  job(1, 0, 100, 4, -1, 200), // procs from field 5
  job(2, 10, 300, 4, 8, 200), // procs from field 8; runtime capped at 200
  job(3, 20, 0, 2, 2, 100), // runtime 0: dropped
  job(4, 30, 50, 2, 2, -1), // no requested time: dropped
  job(5, 40, 50, 32, 2, 100), // allocated more than the machine: dropped
  job(6, 50, 50, -1, -1, 100), // no processors: dropped
  "",
  `\t${job(7, 60, 10, 1, 1, 10)}\r`,
].join("\n");

describe("SWF reader", () => {
  it("reads header integers and the 18 fields, tolerating blank lines, tabs and CRLF", () => {
    const t = parseSwf(Buffer.from(TRACE), "t.swf");
    expect(t.maxProcs).toBe(16);
    expect(t.maxNodes).toBe(338);
    expect(t.count).toBe(7);
    expect(Array.from(t.jobId)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(t.line[6]).toBe(11);
  });

  it("applies the published conventions", () => {
    const { workload: w, dropped } = applyConventions(parseSwf(Buffer.from(TRACE), "t.swf"));
    expect(w.procs).toBe(16);
    expect(Array.from(w.traceId)).toEqual([1, 2, 7]);
    expect(Array.from(w.procsOf)).toEqual([4, 8, 1]);
    expect(Array.from(w.run)).toEqual([100, 200, 10]);
    expect(Array.from(w.est)).toEqual([200, 200, 10]);
    expect(dropped).toEqual({
      tooLarge: 1,
      noProcs: 1,
      noRuntime: 1,
      noEstimate: 1,
      negativeSubmit: 0,
    });
  });

  it("can use the runtime where the requested time is missing", () => {
    const { workload: w } = applyConventions(parseSwf(Buffer.from(TRACE), "t.swf"), {
      missingEstimate: "runtime",
    });
    expect(Array.from(w.traceId)).toEqual([1, 2, 4, 7]);
  });

  it("names file, line and field of a malformed line", () => {
    const bad = TRACE.replace(
      job(2, 10, 300, 4, 8, 200),
      job(2, 10, 300, 4, 8, 200).replace(" 300 ", " 3x0 "),
    );
    expect(() => parseSwf(Buffer.from(bad), "bad.swf")).toThrowError(
      /bad\.swf:5: field 4 is "3x0", not a number/,
    );
    const short = TRACE + "\n1 2 3";
    expect(() => parseSwf(Buffer.from(short), "short.swf")).toThrowError(
      /short\.swf:12: has 3 fields, an SWF job line has 18/,
    );
  });

  it("reads gzip files and reports missing files clearly", () => {
    const dir = mkdtempSync(join(tmpdir(), "guang-swf-"));
    const gz = join(dir, "t.swf.gz");
    writeFileSync(gz, gzipSync(Buffer.from(TRACE)));
    expect(readSwfFile(gz).count).toBe(7);
    const missing = join(dir, "nope.swf");
    let err: unknown;
    try {
      readSwfFile(missing);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GuangError);
    expect((err as GuangError).message).toBe(`${missing}: cannot read trace: no such file`);
  });

  it("asks for --procs when the header has no machine size", () => {
    const t = parseSwf(Buffer.from(job(1, 0, 10, 1, 1, 10)), "bare.swf");
    expect(() => applyConventions(t)).toThrowError(/--procs N/);
    expect(applyConventions(t, { procs: 4 }).workload.count).toBe(1);
  });
});
