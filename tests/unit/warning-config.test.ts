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
});
