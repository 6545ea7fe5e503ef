import { describe, expect, it } from "vitest";
import { addMonths, businessDate, currentMonth, dayToDate, formatDay, formatMonth, isMonth, monthRange } from "@/lib/month";

describe("months", () => {
  it("validates YYYY-MM", () => {
    expect(isMonth("2024-01")).toBe(true);
    expect(isMonth("2024-12")).toBe(true);
    expect(isMonth("2024-13")).toBe(false);
    expect(isMonth("2024-00")).toBe(false);
    expect(isMonth("2024-1")).toBe(false);
  });
  it("steps across year ends", () => {
    expect(addMonths("2024-12", 1)).toBe("2025-01");
    expect(addMonths("2024-01", -1)).toBe("2023-12");
    expect(addMonths("2024-05", 14)).toBe("2025-07");
    expect(monthRange("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(monthRange("2024-03", "2024-02")).toEqual([]);
  });
  it("reckons this month in China time whatever the server's zone", () => {
    // 2024-04-30 16:30 UTC is already 2024-05-01 00:30 in Shanghai
    const instant = new Date("2024-04-30T16:30:00Z");
    expect(currentMonth(instant, "Asia/Shanghai")).toBe("2024-05");
    expect(businessDate(instant, "Asia/Shanghai")).toBe("2024-05-01");
    expect(currentMonth(instant, "UTC")).toBe("2024-04");
  });
  it("formats months and days in Chinese", () => {
    expect(formatMonth("2024-09")).toBe("2024年9月");
    expect(formatDay(dayToDate("2024-04-30"))).toBe("2024年4月30日");
    expect(() => dayToDate("2024-02-30")).toThrow(/无效日期/);
  });
});

import { formatDateTime, startOfDay } from "@/lib/month";
describe("formatDateTime", () => {
  it("shows an instant in China time, across the date line", () => {
    expect(formatDateTime(new Date("2024-12-31T17:30:00Z"), "Asia/Shanghai")).toBe("2025-01-01 01:30");
    expect(formatDateTime(new Date("2024-12-03T02:00:00Z"), "Asia/Shanghai")).toBe("2024-12-03 10:00");
  });
  it("shows seconds when asked (the audit log)", () => {
    expect(formatDateTime(new Date("2024-12-03T02:00:05Z"), "Asia/Shanghai", { seconds: true })).toBe("2024-12-03 10:00:05");
  });
});

describe("startOfDay", () => {
  it("is the instant the business day starts in its time zone", () => {
    expect(startOfDay("2024-12-03", "Asia/Shanghai").toISOString()).toBe("2024-12-02T16:00:00.000Z");
    expect(startOfDay("2024-12-03", "UTC").toISOString()).toBe("2024-12-03T00:00:00.000Z");
    // a zone west of UTC, across summer time
    expect(startOfDay("2024-07-01", "America/New_York").toISOString()).toBe("2024-07-01T04:00:00.000Z");
  });
});
