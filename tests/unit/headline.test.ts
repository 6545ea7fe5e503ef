import { describe, expect, it } from "vitest";
import { headlineFigures, type PublicationSums } from "@/domain/headline";

const SEED_PLAN = { projectCount: 50, totalInvestment: "1336000", annualInvestment: "336000" };

const sums = (over: Partial<PublicationSums> = {}): PublicationSums => ({
  month: "2024-11",
  projectCount: 4,
  totalInvestment: "1468000",
  annualPlanned: "0",
  projectsWithAnnualPlan: 0,
  yearInvestmentOfPlanned: "0",
  yearInvestment: "423000",
  cumulative: "423000",
  started: 4,
  inProduction: 0,
  missing: 0,
  ...over,
});

describe("headline figures (official definitions)", () => {
  it("the seed report: no annual plan per project, so no like-for-like rate; 42.3亿 against the declared 33.6亿 is flagged, not celebrated", () => {
    const h = headlineFigures(sums(), SEED_PLAN);
    expect(h.annualRate).toBeNull();
    expect(h.vsSchedule).toBeNull();
    expect(h.annualText).toBe("项目清单未列出各项目年度计划投资，无法按同口径计算年度投资完成率");
    expect(h.declaredInconsistency).toBe("已录入的4个项目本年完成投资42.3亿元，已超过计划申报的全部50个项目年度计划投资33.6亿元，两者口径不一致，请核实申报口径。");
    expect(h.declaredRate!.toFixed(1)).toBe("125.9");
    expect(h.schedule.toFixed(1)).toBe("91.7");
    expect(h.totalRate!.toFixed(1)).toBe("28.8");
    expect(h.startRate!.toFixed(0)).toBe("100");
  });

  it("like for like: only the projects with an annual plan figure, against 序时进度 in 个百分点", () => {
    // 10 projects, 6 with a plan totalling 100,000; they completed 70,000 by October (83.3%)
    const h = headlineFigures(
      sums({ month: "2024-10", projectCount: 10, annualPlanned: "100000", projectsWithAnnualPlan: 6, yearInvestmentOfPlanned: "70000", yearInvestment: "250000" }),
      { projectCount: 10, totalInvestment: "2000000", annualInvestment: "300000" },
    );
    expect(h.annualRate!.toFixed(1)).toBe("70.0");
    expect(h.annualText).toBe("占年度计划70.0%，低于序时进度 13.3 个百分点");
    expect(h.vsSchedule).toMatchObject({ kind: "behind", points: "13.3" });
    expect(h.declaredInconsistency).toBeNull();
  });

  it("ahead of 序时进度, and the boundary where completion equals the declared plan is not an inconsistency", () => {
    const h = headlineFigures(sums({ month: "2024-06", annualPlanned: "1000", projectsWithAnnualPlan: 4, yearInvestmentOfPlanned: "600", yearInvestment: "336000" }), SEED_PLAN);
    expect(h.annualText).toBe("占年度计划60.0%，超序时进度 10.0 个百分点");
    expect(h.declaredInconsistency).toBeNull();
    // the declared 336000万元 is a whole-万元 figure: a sum that rounds to it agrees with it
    expect(headlineFigures(sums({ yearInvestment: "336000.49" }), SEED_PLAN).declaredInconsistency).toBeNull();
    expect(headlineFigures(sums({ yearInvestment: "336000.5" }), SEED_PLAN).declaredInconsistency).not.toBeNull();
  });

  it("production and start rates over the projects on the list", () => {
    const h = headlineFigures(sums({ projectCount: 8, started: 6, inProduction: 2 }), SEED_PLAN);
    expect(h.startRate!.toFixed(1)).toBe("75.0");
    expect(h.productionRate!.toFixed(1)).toBe("25.0");
  });

  it("an empty list has no rates", () => {
    const h = headlineFigures(sums({ projectCount: 0, totalInvestment: "0", yearInvestment: "0", cumulative: "0", started: 0 }), SEED_PLAN);
    expect([h.totalRate, h.startRate, h.productionRate, h.annualRate]).toEqual([null, null, null, null]);
  });
});
