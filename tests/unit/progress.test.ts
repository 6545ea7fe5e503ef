import { describe, expect, it } from "vitest";
import { formatPercent, rate } from "@/lib/progress";
import { compareWithSchedule, scheduleProgress } from "@/domain/schedule-progress";

describe("序时进度", () => {
  it("is the share of the year elapsed at the end of the month", () => {
    expect(formatPercent(scheduleProgress("2024-11"))).toBe("91.7%");
    expect(scheduleProgress("2024-01").toFixed(4)).toBe("8.3333");
    expect(scheduleProgress("2024-12").toString()).toBe("100");
    expect(scheduleProgress("2024-06").toString()).toBe("50");
  });
  it("rejects what is not a month", () => {
    expect(() => scheduleProgress("2024-13")).toThrow();
    expect(() => scheduleProgress("2024-00")).toThrow();
  });
});

describe("completion rate", () => {
  it("is exact, and undefined against nothing", () => {
    expect(rate("423000", "336000")!.toFixed(1)).toBe("125.9");
    expect(rate("0.1", "0.3")!.toFixed(10)).toBe("33.3333333333");
    expect(rate("5", "0")).toBeNull();
    expect(formatPercent(null)).toBe("—");
  });
});

describe("against 序时进度", () => {
  it("says ahead or behind by how many points", () => {
    // 42.3亿元 completed of 33.6亿元 planned, as of 2024-11
    const r = rate("423000", "336000")!;
    expect(compareWithSchedule(r, scheduleProgress("2024-11"))).toEqual({ kind: "ahead", points: "34.2", text: "超序时进度 34.2 个百分点" });
    expect(compareWithSchedule("40", scheduleProgress("2024-06"))).toEqual({ kind: "behind", points: "10.0", text: "低于序时进度 10.0 个百分点" });
    expect(compareWithSchedule("8.33", scheduleProgress("2024-01")).kind).toBe("even");
    expect(compareWithSchedule("100", scheduleProgress("2024-12")).text).toBe("与序时进度持平");
  });
});
