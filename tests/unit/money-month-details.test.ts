// The finer points of amounts and months as shown to a reader.
import { afterEach, describe, expect, it } from "vitest";
import { Decimal, dec, formatMoney, formatWan, formatYi } from "@/lib/money";
import { appTimeZone, dayToDate, isMonth, monthOf } from "@/lib/month";

describe("amounts", () => {
  it("groups thousands in long and negative amounts", () => {
    expect(formatWan("1234567.5")).toBe("1,234,567.5万元");
    expect(formatWan("-1234567")).toBe("-1,234,567万元");
    expect(formatWan("-0.5")).toBe("-0.5万元");
    expect(formatYi("-123456789")).toBe("-12,345.6789亿元");
    expect(formatWan("1000")).toBe("1,000万元");
  });
  it("leaves the unit off on request, and only then", () => {
    expect(formatWan("5000", { unit: false })).toBe("5,000");
    expect(formatWan("5000", { unit: true })).toBe("5,000万元");
  });
  it("fixed places for 亿元 when asked, trimmed otherwise", () => {
    expect(formatYi("150000", { places: 2 })).toBe("15.00亿元");
    expect(formatYi("150000")).toBe("15亿元");
    expect(formatMoney("-150000")).toBe("-15亿元");
  });
  it("reads numbers, strings, Decimals and Prisma-like decimals exactly", () => {
    expect(dec(0.1).plus(0.2).toString()).toBe("0.3");
    expect(dec("12.30").toString()).toBe("12.3");
    expect(dec({ toString: () => "7.25" }).toString()).toBe("7.25");
    const d = new Decimal("3");
    expect(dec(d)).toBe(d);
  });
});

describe("months and days", () => {
  const saved = process.env.APP_TIMEZONE;
  afterEach(() => {
    if (saved === undefined) delete process.env.APP_TIMEZONE;
    else process.env.APP_TIMEZONE = saved;
  });
  it("reckons in China time unless APP_TIMEZONE says otherwise", () => {
    delete process.env.APP_TIMEZONE;
    expect(appTimeZone()).toBe("Asia/Shanghai");
    process.env.APP_TIMEZONE = "Europe/Berlin";
    expect(appTimeZone()).toBe("Europe/Berlin");
  });
  it("a month is exactly YYYY-MM", () => {
    expect(isMonth("2024-09")).toBe(true);
    expect(isMonth("x2024-09")).toBe(false);
    expect(isMonth("2024-09x")).toBe(false);
    expect(monthOf(999, 3)).toBe("0999-03");
  });
  it("a day is exactly YYYY-MM-DD and real", () => {
    expect(dayToDate("2024-02-29").toISOString().slice(0, 10)).toBe("2024-02-29");
    expect(() => dayToDate("2024-02-30")).toThrow("无效日期：「2024-02-30」");
    expect(() => dayToDate("x2024-02-01")).toThrow("无效日期：「x2024-02-01」");
    expect(() => dayToDate("2024-02-01x")).toThrow("无效日期：「2024-02-01x」");
  });
});
