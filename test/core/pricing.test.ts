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
/** Resources (TRES: cpu, mem MiB, gpu of a type) held for some seconds (an hour by default). */
const use = (
  t: { cpu?: number; mem?: number; gpu?: number; gpuType?: string | null },
  seconds = 3600,
) => ({ tres: { cpu: 0, mem: 0, gpu: 0, gpuType: null, ...t }, seconds });

describe("pricing", () => {
  it("prices cores, memory and GPUs by type per hour, with a minimum", () => {
    expect(usageCost(rates, use({ cpu: 32 }))).toBe(parseMoney("1.6"));
    expect(usageCost(rates, use({ mem: 64 * 1024 }))).toBe(parseMoney("0.64"));
    expect(usageCost(rates, use({ gpu: 2, gpuType: "a100" }))).toBe(parseMoney("16"));
    expect(usageCost(rates, use({ gpu: 1, gpuType: "v100" }))).toBe(parseMoney("4"));
    expect(usageCost(rates, use({ cpu: 1 }, 1))).toBe(parseMoney("0.01"));
    expect(usageCost(rates, use({ cpu: 1 }, 0))).toBe(rates.minCharge);
    // 10 % off
    expect(usageCost(rates, use({ cpu: 32 }), 10)).toBe(parseMoney("1.44"));
  });

  it("as Slurm's billing TRES: the larger of the CPU and memory parts, plus GPUs", () => {
    const max: Rates = { ...rates, mode: "max" };
    expect(usageCost(max, use({ cpu: 4, mem: 200 * 1024 }))).toBe(parseMoney("2"));
    expect(usageCost(max, use({ cpu: 64, mem: 1024, gpu: 1, gpuType: "a100" }))).toBe(
      parseMoney("11.2"),
    );
  });

  it("is exact integers, never below the minimum, monotone in time and size", () => {
    const u = fc.record({
      cpu: fc.integer({ min: 0, max: 1024 }),
      mem: fc.integer({ min: 0, max: 4_000_000 }),
      gpu: fc.integer({ min: 0, max: 8 }),
      gpuType: fc.constantFrom("a100", "h100", null),
      seconds: fc.integer({ min: 1, max: 30 * 86400 }),
    });
    fc.assert(
      fc.property(
        u,
        fc.integer({ min: 1, max: 86400 }),
        fc.integer({ min: 0, max: 100 }),
        (x, more, pct) => {
          const c = usageCost(rates, use(x, x.seconds), pct);
          expect(Number.isSafeInteger(c)).toBe(true);
          expect(c).toBeGreaterThanOrEqual(rates.minCharge);
          expect(usageCost(rates, use(x, x.seconds + more), pct)).toBeGreaterThanOrEqual(c);
          expect(
            usageCost(rates, use({ ...x, cpu: x.cpu + 1 }, x.seconds), pct),
          ).toBeGreaterThanOrEqual(c);
        },
      ),
    );
  });
});
