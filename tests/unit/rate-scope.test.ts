// How a rate is printed with its scope: the numerator and denominator beside it come from the
// same projects, the all-projects total stands apart, and a breakdown without any plan figure says
// 无同口径计划 instead of 0.0%.
import { describe, expect, it } from "vitest";
import {
  ANNUAL_RATE_RULE,
  allProjectsYearLabel,
  allProjectsYearText,
  annualRateEquation,
  annualRateScope,
  declaredScopeLine,
  NO_PLAN_SCOPE,
  outsideScopeNote,
  rateText,
} from "@/domain/rate-scope";

// the cockpit: 40 projects, 6 with a plan of 25亿元 completing 18.6亿元; 62.1亿元 in all
const cockpit = { projectCount: 40, projectsWithAnnualPlan: 6, annualPlanned: "250000", yearInvestmentOfPlanned: "186000", yearInvestment: "621000" };
// 溆浦县园区 in the demo: its planned project (2亿元) completed nothing, the other one 5.6亿元 without a plan figure
const xupu = { projectCount: 2, projectsWithAnnualPlan: 1, annualPlanned: "20000", yearInvestmentOfPlanned: "0", yearInvestment: "56000" };
// a park none of whose projects has a plan figure
const noPlan = { projectCount: 3, projectsWithAnnualPlan: 0, annualPlanned: "0", yearInvestmentOfPlanned: "0", yearInvestment: "56000" };

describe("a rate with its scope", () => {
  it("names the projects, the numerator and the denominator, and the rate they give", () => {
    expect(annualRateScope(cockpit)).toBe("有年度计划的6个项目：本年完成18.6亿元 ÷ 年度计划25亿元 = 74.4%");
    expect(allProjectsYearText(cockpit)).toBe("全部40个项目本年累计完成62.1亿元（含无年度计划的项目）");
    expect(allProjectsYearLabel(cockpit)).toBe("全部40个项目本年累计完成投资（含无年度计划的项目）");
  });
  it("says so when every project has a plan figure, and writes small amounts in 万元", () => {
    expect(annualRateScope({ projectCount: 2, projectsWithAnnualPlan: 2, annualPlanned: "8000", yearInvestmentOfPlanned: "5000", yearInvestment: "5000" })).toBe(
      "全部2个项目均有年度计划：本年完成5000万元 ÷ 年度计划8000万元 = 62.5%",
    );
    expect(allProjectsYearText({ projectCount: 2, projectsWithAnnualPlan: 2, yearInvestment: "5000" })).toBe("全部2个项目本年累计完成5000万元");
  });
  it("a breakdown without any plan figure has no rate: 无同口径计划, never 0.0%", () => {
    expect(annualRateEquation(noPlan)).toBe(NO_PLAN_SCOPE);
    expect(annualRateScope(noPlan)).toBe("无同口径计划（3个项目均未列年度计划投资）");
    expect(rateText(null)).toBe("无同口径计划");
    expect(outsideScopeNote(noPlan)).toBeNull();
  });
  it("a 0.0% that comes from completion outside the scope says where the completion is", () => {
    expect(annualRateScope(xupu)).toBe("有年度计划的1个项目：本年完成0万元 ÷ 年度计划2亿元 = 0.0%");
    expect(outsideScopeNote(xupu)).toBe("本年完成的5.6亿元均为无年度计划的项目");
    expect(outsideScopeNote(cockpit)).toBeNull();
  });
  it("the neutral line of scope: declared, entered, and which projects the rate runs over — no prompt", () => {
    const line = declaredScopeLine({ projectCount: 50, annualInvestment: "336000" }, cockpit);
    expect(line).toBe("口径：计划申报50个项目、年度计划投资33.6亿元；平台已录入40个项目，其中6个列有年度计划投资，年度投资完成率按这6个项目同口径计算。");
    expect(line).not.toMatch(/请|核实|⚠|尚缺/);
    expect(declaredScopeLine({ projectCount: 50, annualInvestment: "336000" }, noPlan)).toContain("各项目均未列年度计划投资，年度投资完成率无同口径计划");
  });
  it("rates to one decimal place, with or without the sign", () => {
    expect(rateText("74.44")).toBe("74.4%");
    expect(rateText("74.45", { percentSign: false })).toBe("74.5");
  });
});

describe("a rate's scope when every project has a plan figure", () => {
  const all = { projectCount: 4, projectsWithAnnualPlan: 4, annualPlanned: "40000", yearInvestmentOfPlanned: "30000", yearInvestment: "30000" };
  it("the all-projects total needs no note, and the line of scope says the rate runs over all of them", () => {
    expect(allProjectsYearLabel(all)).toBe("全部4个项目本年累计完成投资");
    expect(allProjectsYearText(all)).toBe("全部4个项目本年累计完成3亿元");
    expect(declaredScopeLine({ projectCount: 4, annualInvestment: "40000" }, all)).toBe(
      "口径：计划申报4个项目、年度计划投资4亿元；平台已录入4个项目，均列有年度计划投资，年度投资完成率按全部项目计算。",
    );
  });
});

describe("the rule under the tables", () => {
  it("is stated in one sentence", () => {
    expect(ANNUAL_RATE_RULE).toBe("年度投资完成率 = 有年度计划项目的本年完成投资 ÷ 这些项目的年度计划投资（同口径）；没有项目列年度计划投资的，写“无同口径计划”");
  });
});
