import { describe, expect, it } from "vitest";
import { warningConfig } from "@/domain/warning-config";

describe("三色预警 thresholds from the environment", () => {
  it("blank values fall back to the defaults", () => {
    const c = warningConfig({ WARNING_RED_LAG_POINTS: "", WARNING_YELLOW_LAG_POINTS: "  " });
    expect([c.redLagPoints.toString(), c.yellowLagPoints.toString()]).toEqual(["20", "10"]);
  });
  it("accepts decimals with surrounding spaces", () => {
    const c = warningConfig({ WARNING_RED_LAG_POINTS: " 25.75 ", WARNING_YELLOW_LAG_POINTS: "12.5" });
    expect([c.redLagPoints.toString(), c.yellowLagPoints.toString()]).toEqual(["25.75", "12.5"]);
  });
  it.each(["abc", "1e3", "-5", "5.", "x20", "20x", "1.2.3"])("refuses %s, naming the variable", (v) => {
    expect(() => warningConfig({ WARNING_RED_LAG_POINTS: v })).toThrow(`WARNING_RED_LAG_POINTS 必须是非负数（百分点），而不是「${v}」`);
    expect(() => warningConfig({ WARNING_YELLOW_LAG_POINTS: v })).toThrow(`WARNING_YELLOW_LAG_POINTS 必须是非负数（百分点），而不是「${v}」`);
  });
  it("refuses yellow above red, and allows them equal", () => {
    expect(() => warningConfig({ WARNING_RED_LAG_POINTS: "10", WARNING_YELLOW_LAG_POINTS: "11" })).toThrow("WARNING_YELLOW_LAG_POINTS 不能大于 WARNING_RED_LAG_POINTS");
    expect(warningConfig({ WARNING_RED_LAG_POINTS: "10", WARNING_YELLOW_LAG_POINTS: "10" }).yellowLagPoints.toString()).toBe("10");
  });
  it("未报 months: yellow from 1 and red from 2 by default, whole months from the environment, yellow not above red", () => {
    expect(warningConfig({})).toMatchObject({ silentYellowMonths: 1, silentRedMonths: 2 });
    expect(warningConfig({ WARNING_SILENT_YELLOW_MONTHS: " 2 ", WARNING_SILENT_RED_MONTHS: "3" })).toMatchObject({ silentYellowMonths: 2, silentRedMonths: 3 });
    expect(() => warningConfig({ WARNING_SILENT_RED_MONTHS: "0" })).toThrow("WARNING_SILENT_RED_MONTHS 必须是 1 到 120 之间的整数（月），而不是「0」");
    expect(() => warningConfig({ WARNING_SILENT_YELLOW_MONTHS: "1.5" })).toThrow("WARNING_SILENT_YELLOW_MONTHS 必须是 1 到 120 之间的整数（月），而不是「1.5」");
    expect(() => warningConfig({ WARNING_SILENT_YELLOW_MONTHS: "3" })).toThrow("WARNING_SILENT_YELLOW_MONTHS 不能大于 WARNING_SILENT_RED_MONTHS");
  });
});

describe("warning configuration: the edges", () => {
  it("reads whole months and points with spaces around them", () => {
    const c = warningConfig({ WARNING_STATS_RED_MONTHS: " 3 ", WARNING_SILENT_RED_MONTHS: " 4 ", WARNING_RED_LAG_POINTS: " 25.5 " });
    expect([c.statsRedMonths, c.silentRedMonths, c.redLagPoints.toString()]).toEqual([3, 4, "25.5"]);
  });
  it("a yellow threshold may equal the red one", () => {
    const c = warningConfig({ WARNING_SILENT_YELLOW_MONTHS: "2", WARNING_SILENT_RED_MONTHS: "2", WARNING_STATS_YELLOW_MONTHS: "3", WARNING_STATS_RED_MONTHS: "3" });
    expect([c.silentYellowMonths, c.silentRedMonths, c.statsYellowMonths, c.statsRedMonths]).toEqual([2, 2, 3, 3]);
  });
});
