import { describe, expect, it } from "vitest";
import { dec, decimalText, formatMoney, formatWan, formatYi, parseAmountToWan, percent, sum } from "@/lib/money";

describe("parseAmountToWan", () => {
  it("reads the report's amounts exactly in 万元", () => {
    expect(parseAmountToWan("53.8亿元").toFixed(2)).toBe("538000.00");
    expect(parseAmountToWan("133.6亿元").toFixed(2)).toBe("1336000.00");
    expect(parseAmountToWan("5.6亿元").toFixed(2)).toBe("56000.00");
    expect(parseAmountToWan("5000万元").toFixed(2)).toBe("5000.00");
    expect(parseAmountToWan("1亿元").toFixed(2)).toBe("10000.00");
    expect(parseAmountToWan("12.34").toFixed(2)).toBe("12.34");
  });
  it("rejects what is not an amount", () => {
    for (const bad of ["", "abc", "-1亿元", "1,000万元", "1e5", "亿元"]) {
      expect(() => parseAmountToWan(bad), bad).toThrow(/无法识别的金额/);
    }
  });
});

describe("sums and formatting", () => {
  it("adds decimals without float drift", () => {
    // 0.1 + 0.2 in floating point is 0.30000000000000004
    expect(sum(["0.1", "0.2"]).toString()).toBe("0.3");
    expect(sum(["330000", "538000", "300000", "300000"]).toString()).toBe("1468000");
    expect(sum([null, undefined, "1.05"]).toString()).toBe("1.05");
  });
  it("shows 亿元 and 万元 with the unit and without losing stored digits", () => {
    expect(formatYi("1468000")).toBe("146.8亿元");
    expect(formatYi("538000.00")).toBe("53.8亿元");
    expect(formatYi("1234.56")).toBe("0.123456亿元");
    expect(formatYi("123456789", { unit: false })).toBe("12,345.6789");
    expect(formatYi("0")).toBe("0亿元");
    expect(formatWan("5000")).toBe("5,000万元");
    expect(formatWan("1234.50")).toBe("1,234.5万元");
    expect(formatMoney("5000")).toBe("5,000万元");
    expect(formatMoney("150000")).toBe("15亿元");
  });
  it("computes percentages, and none of a zero whole", () => {
    expect(percent("150000", "330000")).toBe("45.5%");
    expect(percent("1", "3", 2)).toBe("33.33%");
    expect(percent("1", "0")).toBeNull();
    expect(dec("1.10").equals(dec("1.1"))).toBe(true);
  });
});

describe("amounts: the edges", () => {
  it("亿元 keep six decimal places at most, rounded; an explicit precision is kept as asked", () => {
    expect(formatYi("12345.6789")).toBe("1.234568亿元");
    expect(formatYi("12345.6789", { places: 2 })).toBe("1.23亿元");
    expect(formatYi("1000000")).toBe("100亿元");
  });
  it("negative amounts are grouped like positive ones", () => {
    expect(formatWan("-1234567.5")).toBe("-1,234,567.5万元");
    expect(formatYi("-12345678")).toBe("-1,234.5678亿元");
    expect(formatWan("-100")).toBe("-100万元");
  });
});

describe("decimalText", () => {
  it("hands a page the exact decimal text of an amount; no amount stays null", () => {
    expect(decimalText(dec("1234.50"))).toBe("1234.5");
    expect(decimalText(dec("0.01"))).toBe("0.01");
    expect(decimalText({ toString: () => "5000.00" })).toBe("5000.00");
    expect(decimalText(null)).toBeNull();
  });
});
