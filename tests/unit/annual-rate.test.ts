// 年度投资完成率 like for like (src/domain/annual-rate.ts): what a leader checks with a calculator —
// only the projects with an annual plan figure count, in the numerator and in the denominator;
// no positive plan, no rate; the 通报 ranks the lowest rate first and the rows without one last.
// tests/integration/figure-rules.test.ts runs the SQL forms on both engines.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { annualRankingOrderSql, annualRate, annualRateSql, inPlanScope, planScopeSums, planScopeSumsSql, projectAnnualRate, rankByAnnualRate } from "@/domain/annual-rate";

const flat = (s: Prisma.Sql) => ({ text: s.text.replace(/\s+/g, " "), values: s.values });

describe("年度投资完成率 (同口径)", () => {
  it("a project is in the plan scope when it has an annual plan figure, even one of 0", () => {
    expect(inPlanScope({ annualPlanned: null })).toBe(false);
    expect(inPlanScope({ annualPlanned: "0" })).toBe(true);
    expect(inPlanScope({ annualPlanned: "1200" })).toBe(true);
  });

  it("the sums run over the projects with a plan figure only; the others count in neither", () => {
    const s = planScopeSums([
      { yearInvestment: "10", annualPlanned: "100" },
      { yearInvestment: "5000", annualPlanned: null },
      { yearInvestment: "0.5", annualPlanned: "0" },
      { yearInvestment: "2.25", annualPlanned: "40.5" },
    ]);
    expect(s.annualPlanned.toString()).toBe("140.5");
    expect(s.yearInvestmentOfPlanned.toString()).toBe("12.75");
    expect(s.projectsWithAnnualPlan).toBe(3);
    const none = planScopeSums([{ yearInvestment: "7", annualPlanned: null }]);
    expect([none.annualPlanned.toString(), none.yearInvestmentOfPlanned.toString(), none.projectsWithAnnualPlan]).toEqual(["0", "0", 0]);
  });

  it("the rate is exact, in percent; no rate without a positive plan", () => {
    expect(annualRate({ annualPlanned: "8", yearInvestmentOfPlanned: "1" })!.toString()).toBe("12.5");
    expect(annualRate({ annualPlanned: "3", yearInvestmentOfPlanned: "1" })!.toFixed(4)).toBe("33.3333");
    expect(annualRate({ annualPlanned: "0.01", yearInvestmentOfPlanned: "0" })!.toString()).toBe("0");
    expect(annualRate({ annualPlanned: "0", yearInvestmentOfPlanned: "5" })).toBeNull();
    expect(annualRate({ annualPlanned: "-10", yearInvestmentOfPlanned: "5" })).toBeNull();
  });

  it("one project's rate: its own 本年完成 over its own plan; none without a plan figure", () => {
    expect(projectAnnualRate({ yearInvestment: "50", annualPlanned: "200" })!.toString()).toBe("25");
    expect(projectAnnualRate({ yearInvestment: "50", annualPlanned: null })).toBeNull();
    expect(projectAnnualRate({ yearInvestment: "50", annualPlanned: "0" })).toBeNull();
  });

  it("the 通报 ranks the lowest rate first, ties in their given order, rows without a rate last", () => {
    const row = (name: string, yearInvestmentOfPlanned: string, annualPlanned: string) => ({ name, yearInvestmentOfPlanned, annualPlanned });
    const rows = [row("甲", "50", "100"), row("乙", "0", "0"), row("丙", "20", "100"), row("丁", "5", "10"), row("戊", "1", "0"), row("己", "90", "100"), row("庚", "2", "10")];
    expect(rankByAnnualRate(rows).map((r) => r.name)).toEqual(["丙", "庚", "甲", "丁", "己", "乙", "戊"]);
    expect(rankByAnnualRate([row("乙", "0", "0"), row("甲", "1", "100")]).map((r) => r.name)).toEqual(["甲", "乙"]);
    expect(rankByAnnualRate([row("甲", "1", "100"), row("乙", "0", "0")]).map((r) => r.name)).toEqual(["甲", "乙"]);
    expect(rankByAnnualRate([])).toEqual([]);
  });

  it("the SQL forms: the plan-scope sums, the rate and the ranking order", () => {
    const s = planScopeSumsSql(Prisma.sql`f.y`, Prisma.sql`f.p`);
    expect(flat(s.annualPlanned).text).toBe("coalesce(sum(f.p), 0)");
    expect(flat(s.projectsWithAnnualPlan).text).toBe("count(f.p)::int");
    expect(flat(s.yearInvestmentOfPlanned).text).toBe("coalesce(sum(f.y) FILTER (WHERE (f.p IS NOT NULL)), 0)");
    expect(flat(annualRateSql(Prisma.sql`f.y`, Prisma.sql`f.p`)).text).toBe("(CASE WHEN f.p > 0 THEN f.y / f.p * 100 END)");
    expect(flat(annualRankingOrderSql(Prisma.sql`f.y`, Prisma.sql`f.p`)).text).toBe("(CASE WHEN f.p > 0 THEN f.y / f.p * 100 END) ASC NULLS LAST");
  });
});
