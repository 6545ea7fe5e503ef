import { afterEach, describe, expect, it, vi } from "vitest";
import { addMonths, appToday, businessDate, businessInstant, currentMonth, dayToDate, formatDay, formatMonth, isDemoToday, isMonth, monthRange } from "@/lib/month";
import { isOverdue } from "@/domain/overdue";

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

describe("the business today (APP_TODAY, the demo's date)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("without an instant, today is APP_TODAY when set: the month, overdue and deadlines follow it", () => {
    vi.stubEnv("APP_TODAY", "2025-01-03");
    expect(businessDate()).toBe("2025-01-03");
    expect(currentMonth()).toBe("2025-01");
    // an issue due 2024-12-31 is overdue on the demo's date; one due 2025-01-05 is not yet
    expect(isOverdue({ status: "IN_PROGRESS", dueDate: dayToDate("2024-12-31") })).toBe(true);
    expect(isOverdue({ status: "IN_PROGRESS", dueDate: dayToDate("2025-01-05") })).toBe(false);
    // an explicit instant is that instant's date, whatever APP_TODAY says (audit and retention use it)
    expect(businessDate(new Date("2026-12-06T03:00:00Z"))).toBe("2026-12-06");
  });

  it("is the clock's date when APP_TODAY is unset", () => {
    vi.stubEnv("APP_TODAY", "");
    expect(businessDate()).toBe(businessDate(new Date()));
    expect(appToday()).toBeNull();
    expect(businessInstant(new Date("2026-12-06T03:00:00Z")).toISOString()).toBe("2026-12-06T03:00:00.000Z");
  });

  it("stamps a business event on the business day at the clock's time of day", () => {
    vi.stubEnv("APP_TODAY", "2025-01-03");
    // 2026-12-06 15:40 UTC is 23:40 in Shanghai: 2025-01-03 23:40 there
    expect(businessInstant(new Date("2026-12-06T15:40:00Z")).toISOString()).toBe("2025-01-03T15:40:00.000Z");
    expect(businessDate(businessInstant(new Date("2026-12-06T17:10:00Z")))).toBe("2025-01-03");
  });

  it("refuses a value that is not a calendar day, and says when it is the demo's date", () => {
    vi.stubEnv("APP_TODAY", "2025-02-30");
    expect(() => businessDate()).toThrow("APP_TODAY 必须是日期");
    vi.stubEnv("APP_TODAY", "2025-01-03");
    vi.stubEnv("APP_TODAY_SOURCE", "demo");
    expect(isDemoToday()).toBe(true);
    vi.stubEnv("APP_TODAY_SOURCE", "operator");
    expect(isDemoToday()).toBe(false);
    // the demo's mark without a date is no demo date
    expect(isDemoToday({ APP_TODAY_SOURCE: "demo" })).toBe(false);
    expect(appToday({})).toBeNull();
    expect(appToday({ APP_TODAY: " 2025-01-03 " })).toBe("2025-01-03");
    for (const bad of ["x2025-01-03", "2025-01-03x", "2025-13-01", "2025-00-10", "2025-01-32", "2025-01-1x", "2025-01-00", "2025-1-03"]) {
      expect(() => appToday({ APP_TODAY: bad }), bad).toThrow(`APP_TODAY 必须是日期（年-月-日，如 2025-01-03），而不是「${bad}」`);
    }
  });
});
