import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMoney } from "../../src/core/money.js";
import { usageCost, type Rates } from "../../src/core/pricing.js";

const rates: Rates = {
  cpuHour: parseMoney("0.05"),
  memGiBHour: parseMoney("0.01"),
  gpuHour: { a100: parseMoney("8"), "*": parseMoney("4") },
  mode: "sum",
  minCharge: parseMoney("0.01"),
};
const hour = { cpus: 0, memMiB: 0, gpus: 0, gpuType: null, seconds: 3600 };

describe("pricing", () => {
  it("prices cores, memory and GPUs by type per hour, with a minimum", () => {
    expect(usageCost(rates, { ...hour, cpus: 32 })).toBe(parseMoney("1.6"));
    expect(usageCost(rates, { ...hour, memMiB: 64 * 1024 })).toBe(parseMoney("0.64"));
    expect(usageCost(rates, { ...hour, gpus: 2, gpuType: "a100" })).toBe(parseMoney("16"));
    expect(usageCost(rates, { ...hour, gpus: 1, gpuType: "v100" })).toBe(parseMoney("4"));
    expect(usageCost(rates, { ...hour, cpus: 1, seconds: 1 })).toBe(parseMoney("0.01"));
    expect(usageCost(rates, { ...hour, cpus: 1, seconds: 0 })).toBe(rates.minCharge);
    // 10 % off
    expect(usageCost(rates, { ...hour, cpus: 32 }, 10)).toBe(parseMoney("1.44"));
  });

  it("as Slurm's billing TRES: the larger of the CPU and memory parts, plus GPUs", () => {
    const max: Rates = { ...rates, mode: "max" };
    expect(usageCost(max, { ...hour, cpus: 4, memMiB: 200 * 1024 })).toBe(parseMoney("2"));
    expect(usageCost(max, { ...hour, cpus: 64, memMiB: 1024, gpus: 1, gpuType: "a100" })).toBe(
      parseMoney("11.2"),
    );
  });

  it("is exact integers, never below the minimum, monotone in time and size", () => {
    const u = fc.record({
      cpus: fc.integer({ min: 0, max: 1024 }),
      memMiB: fc.integer({ min: 0, max: 4_000_000 }),
      gpus: fc.integer({ min: 0, max: 8 }),
      gpuType: fc.constantFrom("a100", "h100", null),
      seconds: fc.integer({ min: 1, max: 30 * 86400 }),
    });
    fc.assert(
      fc.property(
        u,
        fc.integer({ min: 1, max: 86400 }),
        fc.integer({ min: 0, max: 100 }),
        (x, more, pct) => {
          const c = usageCost(rates, x, pct);
          expect(Number.isSafeInteger(c)).toBe(true);
          expect(c).toBeGreaterThanOrEqual(rates.minCharge);
          expect(usageCost(rates, { ...x, seconds: x.seconds + more }, pct)).toBeGreaterThanOrEqual(
            c,
          );
          expect(usageCost(rates, { ...x, cpus: x.cpus + 1 }, pct)).toBeGreaterThanOrEqual(c);
        },
      ),
    );
  });
});
