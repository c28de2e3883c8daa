import { describe, expect, it } from "vitest";
import { parseBeginTime } from "../../src/core/begin-time.js";
import { clauseVerdict, parseDependency } from "../../src/core/dependency.js";
import { exportedEnvironment, parseExport } from "../../src/core/export-spec.js";
import { parseArraySpec } from "../../src/core/job-array.js";
import { parseMemoryMiB } from "../../src/core/memory-size.js";
import { expandOutputPattern } from "../../src/core/output-pattern.js";
import {
  buildJobOptions,
  objectOptions,
  readOptionWords,
  scriptDirectives,
} from "../../src/core/sbatch.js";

const NOW = Date.parse("2026-11-25T10:00:00Z");

describe("sbatch directives", () => {
  it("reads #SBATCH lines until the first command, in every spelling", () => {
    const script = `#!/bin/bash
# a comment
#SBATCH -J md-run --ntasks=4
#SBATCH -c2 --mem 8G   # memory per node
#SBATCH --gres=gpu:a100:2 -t 1-02:30:00
#SBATCH --output="out %j.txt" -H --exclusive
#SBATCH --mail-type=END,FAIL --mail-user=a@b.c

echo start
#SBATCH --time=1
`;
    const o = buildJobOptions(scriptDirectives(script), NOW);
    expect(o.name).toBe("md-run");
    expect(o.request).toEqual({
      tasks: 4,
      cpusPerTask: 2,
      memPerNode: 8192,
      gpusPerNode: 2,
      gpuType: "a100",
      exclusive: true,
    });
    expect(o.timeLimit).toBe(86400 + 2 * 3600 + 30 * 60);
    expect(o.output).toBe("out %j.txt");
    expect(o.hold).toBe(true);
    expect(o.mailType).toEqual(["END", "FAIL"]);
  });

  it("lets command-line flags and API options override the script", () => {
    const items = scriptDirectives("#!/bin/sh\n#SBATCH -J a -t 10 --mem=1G\n");
    items.push(...readOptionWords(["-J", "b", "--mem-per-cpu=500", "x.sh"], "command line").items);
    items.push(...objectOptions({ time: "5", gpus: "v100:1" }));
    const o = buildJobOptions(items, NOW);
    expect(o.name).toBe("b");
    expect(o.timeLimit).toBe(300);
    expect(o.request.memPerCpu).toBe(500);
    expect(o.request.memPerNode).toBeUndefined();
    expect(o.request).toMatchObject({ gpus: 1, gpuType: "v100" });
  });

  it("names the line and the option of a mistake", () => {
    expect(() => scriptDirectives("echo hi\n")).toThrow(/first line must start with #!/);
    expect(() => scriptDirectives("#!/bin/bash\n\n#SBATCH --nodez=2\n")).toThrow(
      /script line 3: unknown option --nodez \(did you mean --nodes\?\)/,
    );
    expect(() => buildJobOptions(scriptDirectives("#!/bin/bash\n#SBATCH -n four\n"), NOW)).toThrow(
      /script line 2: --ntasks needs a positive whole number, got "four"/,
    );
    expect(() => scriptDirectives("#!/bin/bash\n#SBATCH -J\n")).toThrow(
      /script line 2: option -J needs a value/,
    );
    expect(() => scriptDirectives("#!/bin/bash\n#SBATCH hello\n")).toThrow(/is not an option/);
    expect(() =>
      buildJobOptions(scriptDirectives("#!/bin/bash\n#SBATCH --gres=fpga:1\n"), NOW),
    ).toThrow(/only gpu/);
    expect(() =>
      buildJobOptions(scriptDirectives("#!/bin/bash\n#SBATCH -N 4 -n 2\n"), NOW),
    ).toThrow(/cannot spread over 4 nodes/);
    expect(() => objectOptions({ colour: "red" })).toThrow(
      /option "colour": unknown option --colour/,
    );
  });
});

describe("values", () => {
  it("arrays: lists, ranges, steps and a throttle", () => {
    expect(parseArraySpec("0-15%4")).toEqual({ indices: [...Array(16).keys()], throttle: 4 });
    expect(parseArraySpec("1,3,5-9:2")).toEqual({ indices: [1, 3, 5, 7, 9], throttle: 0 });
    expect(parseArraySpec("3,1,3")).toEqual({ indices: [1, 3], throttle: 0 });
    expect(() => parseArraySpec("1-2000")).toThrow(/largest allowed index 1000/);
    expect(() => parseArraySpec("1-5%0")).toThrow(/throttle/);
    expect(() => parseArraySpec("a-b")).toThrow(/is not an index/);
  });

  it("dependencies: all-of, any-of, tasks, singleton", () => {
    expect(parseDependency("afterok:12:13_2,afterany:14")).toEqual({
      any: false,
      singleton: false,
      clauses: [
        {
          type: "afterok",
          targets: [
            { jobId: 12, taskId: null },
            { jobId: 13, taskId: 2 },
          ],
        },
        { type: "afterany", targets: [{ jobId: 14, taskId: null }] },
      ],
    });
    expect(parseDependency("after:1?afternotok:2").any).toBe(true);
    expect(parseDependency("singleton")).toEqual({ clauses: [], any: false, singleton: true });
    expect(() => parseDependency("afterwards:1")).toThrow(/not a dependency type/);
    expect(() => parseDependency("afterok:1,after:2?after:3")).toThrow(/mix/);
    expect(clauseVerdict("afterok", ["ok", "running"])).toBe("wait");
    expect(clauseVerdict("afterok", ["ok", "notok"])).toBe("never");
    expect(clauseVerdict("afternotok", ["notok"])).toBe("met");
    expect(clauseVerdict("after", ["running", "ok"])).toBe("met");
    expect(clauseVerdict("afterany", ["notok", "ok"])).toBe("met");
  });

  it("begin times", () => {
    expect(parseBeginTime("now+1hour", NOW)).toBe(NOW + 3600000);
    expect(parseBeginTime("now+90", NOW)).toBe(NOW + 90000);
    expect(parseBeginTime("now-2days", NOW)).toBe(NOW - 2 * 86400000);
    const local = new Date(NOW);
    const t = new Date(parseBeginTime("2026-12-01T08:30", NOW));
    expect([t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes()]).toEqual([
      2026, 11, 1, 8, 30,
    ]);
    const tea = new Date(parseBeginTime("teatime", NOW));
    expect(tea.getHours()).toBe(16);
    expect(tea.getTime()).toBeGreaterThan(local.getTime());
    expect(() => parseBeginTime("2026-02-30", NOW)).toThrow(/invalid --begin/);
    expect(() => parseBeginTime("soon", NOW)).toThrow(/invalid --begin/);
  });

  it("memory sizes, output patterns, exports", () => {
    expect(parseMemoryMiB("4G", "--mem")).toBe(4096);
    expect(parseMemoryMiB("512", "--mem")).toBe(512);
    expect(parseMemoryMiB("1T", "--mem")).toBe(1048576);
    expect(() => parseMemoryMiB("lots", "--mem")).toThrow(/--mem "lots"/);
    expect(() => parseMemoryMiB("0", "--mem")).toThrow(/not supported/);
    const v = { jobId: 42, name: "md", user: "ann", arrayJobId: 40, arrayTaskId: 2, node: "n1" };
    expect(expandOutputPattern("%x-%j-%u-%A_%a-%N-%4a-100%%.out", v)).toBe(
      "md-42-ann-40_2-n1-0002-100%.out",
    );
    expect(parseExport("ALL,OMP_NUM_THREADS=4")).toEqual({
      all: true,
      names: [],
      set: { OMP_NUM_THREADS: "4" },
    });
    expect(exportedEnvironment(parseExport("HOME,X=1"), { HOME: "/h", SECRET: "s" })).toEqual({
      HOME: "/h",
      X: "1",
    });
    expect(exportedEnvironment(parseExport("NONE"), { HOME: "/h" })).toEqual({});
    expect(() => parseExport("ALL,1BAD")).toThrow(/not a variable name/);
  });
});
