import { describe, expect, it } from "vitest";
import { isoWeek } from "../../src/core/iso-week.js";

/** The usage explorer's weeks are ISO 8601's: Monday to Sunday, the year of the week's Thursday. */
describe("isoWeek", () => {
  it("names days by their ISO week, across year ends as the standard says", () => {
    expect(
      [
        "2026-11-30", // a Monday
        "2026-12-06", // its Sunday
        "2026-12-07",
        "2026-01-01", // a Thursday: week 1 of 2026
        "2027-01-01", // a Friday: still 2026's week 53
        "2024-12-30", // a Monday: week 1 of 2025
        "2021-01-03", // a Sunday: 2020's week 53
      ].map(isoWeek),
    ).toEqual(["2026-W49", "2026-W49", "2026-W50", "2026-W01", "2026-W53", "2025-W01", "2020-W53"]);
  });
});
