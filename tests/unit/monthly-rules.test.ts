// The monthly figures' rules, shared by the form and the Excel import (src/domain/monthly-figures.ts),
// at their boundaries.
import { describe, expect, it } from "vitest";
import { expectedCumulative, monthlyReportErrors, submittedLockedMessage } from "@/domain/monthly-figures";

const project = { totalInvestment: "1000", firstListYear: 2024, actualStartMonth: null, actualProductionMonth: null };
const figures = (over: Record<string, string | null> = {}) => ({ month: "2024-12", monthInvestment: "100", cumulativeInvestment: "600", explanation: null, ...over });
const previous = { month: "2024-11", cumulativeInvestment: "500" };

describe("monthly figures' rules", () => {
  it("累计 = 上期累计 + 本月 exactly, else an explanation is needed", () => {
    expect(monthlyReportErrors(project, figures(), previous)).toEqual({});
    expect(monthlyReportErrors(project, figures({ cumulativeInvestment: "600.01" }), previous).cumulativeInvestment?.[0]).toBe(
      "应为上期（2024年11月）累计 500万元 + 本月 100万元 = 600万元；如为更正，请在说明中写明原因",
    );
    expect(monthlyReportErrors(project, figures({ cumulativeInvestment: "600.01", explanation: "更正" }), previous)).toEqual({});
    expect(expectedCumulative(previous, "0.5")?.toString()).toBe("500.5");
    expect(expectedCumulative(null, "0.5")).toBeNull();
  });

  it("without a previous figure, 累计 may not be below 本月", () => {
    expect(monthlyReportErrors(project, figures({ cumulativeInvestment: "100" }), null)).toEqual({});
    expect(monthlyReportErrors(project, figures({ cumulativeInvestment: "99.99" }), null).cumulativeInvestment).toEqual(["累计完成投资不能小于本月完成投资"]);
  });

  it("累计 up to the total investment is fine; above it needs an explanation", () => {
    expect(monthlyReportErrors(project, figures({ monthInvestment: "500", cumulativeInvestment: "1000" }), previous)).toEqual({});
    expect(monthlyReportErrors(project, figures({ monthInvestment: "500.01", cumulativeInvestment: "1000.01" }), previous).explanation?.[0]).toMatch(/超过项目总投资 1,000万元/);
  });

  it("not before the project's first list year; production not before start", () => {
    expect(monthlyReportErrors(project, figures({ month: "2024-01" }), null).month).toBeUndefined();
    expect(monthlyReportErrors(project, figures({ month: "2023-12" }), null).month).toEqual(["不能早于项目列入重大项目清单的年份（2024年）"]);
    expect(monthlyReportErrors(project, figures({ actualStartMonth: "2024-09", actualProductionMonth: "2024-09" }), previous)).toEqual({});
    expect(monthlyReportErrors(project, figures({ actualStartMonth: "2024-09", actualProductionMonth: "2024-08" }), previous).actualProductionMonth).toEqual([
      "实际投产月份（2024年8月）不能早于实际开工月份（2024年9月）",
    ]);
    // the project's own recorded months count when the report leaves them out
    const started = { ...project, actualStartMonth: "2024-09" };
    expect(monthlyReportErrors(started, figures({ actualProductionMonth: "2024-08" }), previous).actualProductionMonth).toEqual([
      "实际投产月份（2024年8月）不能早于实际开工月份（2024年9月）",
    ]);
    expect(monthlyReportErrors(started, figures({ actualProductionMonth: "2024-09" }), previous)).toEqual({});
    expect(monthlyReportErrors(project, figures({ actualProductionMonth: "2024-09" }), previous).actualProductionMonth).toEqual([
      "项目尚未填写实际开工月份，不能先填写实际投产月份",
    ]);
    const producing = { ...project, actualStartMonth: "2024-03", actualProductionMonth: "2024-06" };
    expect(monthlyReportErrors(producing, figures({ actualStartMonth: "2024-07" }), previous).actualStartMonth).toEqual([
      "实际开工月份（2024年7月）不能晚于项目已登记的实际投产月份（2024年6月）",
    ]);
  });

  it("a start month is checked against a recorded production month only when the report gives no production month of its own", () => {
    const producing = { ...project, actualStartMonth: "2024-03", actualProductionMonth: "2024-06" };
    // the report moves both: the pair it gives is consistent, the recorded production month does not matter
    expect(monthlyReportErrors(producing, figures({ actualStartMonth: "2024-07", actualProductionMonth: "2024-08" }), previous)).toEqual({});
    // a start month with no production month anywhere, or the recorded months untouched: nothing to say
    expect(monthlyReportErrors(project, figures({ actualStartMonth: "2024-07" }), previous)).toEqual({});
    expect(monthlyReportErrors(producing, figures(), previous)).toEqual({});
    expect(monthlyReportErrors(producing, figures({ actualStartMonth: "2024-06" }), previous)).toEqual({});
  });

  it("a project on no list yet takes a report of any year", () => {
    expect(monthlyReportErrors({ ...project, firstListYear: null }, figures({ month: "2019-01" }), null).month).toBeUndefined();
  });

  it("a month awaiting review cannot be changed by the county, and it is told whom to ask", () => {
    expect(submittedLockedMessage("2024-11")).toBe("2024年11月的报表已提交、正在等待审核，不能修改。如需更正，请联系园区管理员退回。");
  });
});
