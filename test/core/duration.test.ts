import { describe, expect, it } from "vitest";
import { formatSlurmDuration, parseSlurmDuration } from "../../src/core/duration.js";

describe("Slurm time formats", () => {
  it.each([
    ["90", 5400],
    ["1:30", 90],
    ["1:30:00", 5400],
    ["2-0", 172800],
    ["2-03:04", 2 * 86400 + 3 * 3600 + 4 * 60],
    ["1-00:00:05", 86405],
    ["UNLIMITED", Infinity],
    ["infinite", Infinity],
  ])("%s is %d seconds", (text, seconds) => {
    expect(parseSlurmDuration(text)).toBe(seconds);
  });

  it.each(["", "abc", "1:2:3:4", "1:75", "-5", "1-2-3"])(
    "rejects %j with the accepted forms",
    (text) => {
      expect(() => parseSlurmDuration(text)).toThrowError(/use minutes, MM:SS, HH:MM:SS/);
    },
  );

  it("formats as squeue does", () => {
    expect(formatSlurmDuration(59)).toBe("00:59");
    expect(formatSlurmDuration(3600)).toBe("01:00:00");
    expect(formatSlurmDuration(86400 + 61)).toBe("1-00:01:01");
    expect(formatSlurmDuration(Infinity)).toBe("UNLIMITED");
  });
});
