import { describe, expect, it } from "vitest";
import { atDeclaredPrecision, countGap, investmentGap, startDeadlineGap } from "@/domain/plan-gaps";

describe("declared vs computed", () => {
  it("flags the seed report's four projects exceeding the declared total of all fifty", () => {
    const gap = investmentGap({ declaredTotal: "1336000", computedTotal: "1468000", declaredCount: 50, computedCount: 4 });
    expect(gap.kind).toBe("over");
    expect(gap.message).toBe("已录入的4个项目总投资146.8亿元，比计划申报的50个项目总投资133.6亿元多13.2亿元，请核实申报口径。");
  });
  it("says how many projects are missing when the sum is short", () => {
    const gap = investmentGap({ declaredTotal: "1336000", computedTotal: "330000", declaredCount: 50, computedCount: 1 });
    expect(gap).toEqual({ kind: "under", message: "尚有49个申报项目未录入平台，已录入项目总投资比申报数少100.6亿元。" });
  });
  it("is quiet when they agree", () => {
    expect(investmentGap({ declaredTotal: "100.00", computedTotal: "100", declaredCount: 1, computedCount: 1 })).toEqual({ kind: "ok", message: null });
    expect(countGap(4, 4).kind).toBe("ok");
  });
  it("counts projects", () => {
    expect(countGap(50, 4).message).toBe("计划申报50个项目，平台已录入4个，尚缺46个。");
    expect(countGap(2, 3).kind).toBe("over");
  });
  it("flags late and missing starts against the start deadline", () => {
    expect(startDeadlineGap({ computedCount: 4, startedCount: 4, startedByDeadline: 0, deadlineText: "2024年4月30日" }).message).toBe("4个项目在2024年4月30日之后才开工。");
    expect(startDeadlineGap({ computedCount: 5, startedCount: 3, startedByDeadline: 2, deadlineText: "4月底" }).message).toBe("1个项目在4月底之后才开工，2个项目尚未开工。");
    expect(startDeadlineGap({ computedCount: 2, startedCount: 2, startedByDeadline: 2, deadlineText: "x" }).kind).toBe("ok");
  });

  it("tolerates the rounding of a declared figure: a total declared in whole 万元 agrees with a sum 0.15万元 off", () => {
    // the demo's case: 1336000.15万元 entered against a declared 1336000万元 used to say "多0.000015亿元，请核实申报口径"
    expect(investmentGap({ declaredTotal: "1336000", computedTotal: "1336000.15", declaredCount: 4, computedCount: 4 })).toEqual({ kind: "ok", message: null });
    expect(investmentGap({ declaredTotal: "1336000", computedTotal: "1335999.5", declaredCount: 4, computedCount: 4 })).toEqual({ kind: "ok", message: null });
    expect(investmentGap({ declaredTotal: "1336000", computedTotal: "1336000.49", declaredCount: 4, computedCount: 4 }).kind).toBe("ok");
    // half a 万元 or more is a real difference, said in the rounded figures
    const over = investmentGap({ declaredTotal: "1336000", computedTotal: "1336000.5", declaredCount: 4, computedCount: 4 });
    expect(over.kind).toBe("over");
    expect(over.message).toContain("多0.0001亿元");
    expect(investmentGap({ declaredTotal: "1336000", computedTotal: "1335999.49", declaredCount: 4, computedCount: 4 }).kind).toBe("under");
  });
  it("a figure declared with decimals is compared at its own precision", () => {
    expect(atDeclaredPrecision("1336000.5", "1336000.54").toString()).toBe("1336000.5");
    expect(investmentGap({ declaredTotal: "1336000.5", computedTotal: "1336000.54", declaredCount: 1, computedCount: 1 }).kind).toBe("ok");
    expect(investmentGap({ declaredTotal: "1336000.5", computedTotal: "1336000.55", declaredCount: 1, computedCount: 1 }).kind).toBe("over");
    expect(investmentGap({ declaredTotal: "100.25", computedTotal: "100.254", declaredCount: 1, computedCount: 1 }).kind).toBe("ok");
  });
});
