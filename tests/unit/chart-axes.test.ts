// The month chart's axes (src/components/charts/timeline-svg.tsx): round amounts that use the
// chart's height, and month labels thinned on a phone without ever losing the latest month.
import { describe, expect, it } from "vitest";
import { amountTicks, thinnedMonthLabels } from "@/components/charts/timeline-svg";

describe("the month chart's axes", () => {
  it("the amount axis ends at the first round step at or above the largest amount, in at most 5 steps", () => {
    expect(amountTicks(26.5)).toEqual([0, 10, 20, 30]);
    expect(amountTicks(97.2)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(amountTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(amountTicks(3.95)).toEqual([0, 1, 2, 3, 4]);
    expect(amountTicks(0.42)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(amountTicks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    for (const max of [0.07, 1, 1.01, 4.99, 12.5, 42.3, 146.8, 999]) {
      const ticks = amountTicks(max);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });

  it("a phone keeps at most 6 month labels, evenly spaced, always the latest", () => {
    const kept = (n: number) => thinnedMonthLabels(n).flatMap((k, i) => (k ? [i + 1] : []));
    expect(kept(12)).toEqual([2, 4, 6, 8, 10, 12]);
    expect(kept(11)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(kept(6)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(kept(1)).toEqual([1]);
    expect(kept(7)).toEqual([1, 3, 5, 7]);
  });
});
