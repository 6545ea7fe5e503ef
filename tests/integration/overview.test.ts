// The overview's headline figures (src/server/figures/overview.ts) on the seed report: what a
// leader reads at the top of 概览, computed in one function the page only lays out, from the
// published 调度期 (the seed report's month, 2024-11).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/server/seed";
import { getOverviewHeadline } from "@/server/figures/overview";
import { resolvePlanYear } from "@/server/plans/queries";
import { listFigures } from "@/server/figures/queries";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

describe("the overview's headline figures", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDatabase(t.prisma);
  });
  afterAll(async () => t?.drop());

  it("states the plan against the platform, the year's completion against 序时进度 and the start target", async () => {
    const h = (await getOverviewHeadline(t.prisma, 2024))!;
    expect(h.plan.title).toBe("市工业园区2024年重大项目计划");
    expect(h.startDeadline).toBe("2024年4月30日");
    expect(h.publication).toMatchObject({ month: "2024-11", publicationNo: 1, periodReopened: false });
    expect(h.flags.count).toBe("计划申报50个项目，平台已录入4个，尚缺46个。");
    expect(h.flags.total).toContain("比计划申报的50个项目总投资133.6亿元多13.2亿元");
    expect(h.flags.start).toBe("4个项目在2024年4月30日之后才开工。");
    // 4 projects, 42.3亿元 this year: no like-for-like rate (no annual plan per project), and
    // more than the 33.6亿元 declared for all 50 — flagged, not reported as 125.9% in green
    expect(h.totals).toMatchObject({ projectCount: 4, yearInvestment: "423000", cumulative: "423000", started: 4, missing: 0 });
    expect(h.figures!.annualRate).toBeNull();
    expect(h.figures!.declaredInconsistency).toContain("请核实申报口径");
    expect(h.figures!.schedule.toFixed(1)).toBe("91.7");
    expect(h.figures!.totalRate!.toFixed(1)).toBe("28.8");
  });

  it("has no headline for a year without a plan, and picks the newest year unless another is asked for", async () => {
    expect(await getOverviewHeadline(t.prisma, 1999)).toBeNull();
    expect(await resolvePlanYear(t.prisma, undefined)).toEqual({ years: [2024], year: 2024 });
    expect(await resolvePlanYear(t.prisma, 1999)).toEqual({ years: [2024], year: 2024 });
  });

  it("counts the warning colours: on the seed report all four projects are yellow", async () => {
    const h = (await getOverviewHeadline(t.prisma, 2024))!;
    expect([h.totals!.red, h.totals!.yellow, h.totals!.green, h.totals!.missing]).toEqual([0, 4, 0, 0]);
    const { rows } = await listFigures(t.prisma, { publicationId: h.publication!.publicationId, warning: "attention", sort: "warning", page: 1, size: 8 });
    expect(rows.map((r) => r.warningLevel)).toEqual(["YELLOW", "YELLOW", "YELLOW", "YELLOW"]);
  });
});

describe("the overview's headline on the demo data", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("demo");
  });
  afterAll(async () => t?.drop());

  it("states the like-for-like 年度投资完成率 that the park table adds up to, against 序时进度 in 个百分点", async () => {
    const h = (await getOverviewHeadline(t.prisma, 2024))!;
    expect(h.publication).toMatchObject({ month: "2024-11" });
    const { getFigureBreakdown } = await import("@/server/figures/queries");
    const parks = await getFigureBreakdown(t.prisma, h.publication!.publicationId, "park");
    const sum = (k: "yearInvestmentOfPlanned" | "annualPlanned") => parks.reduce((n, p) => n + Number(p[k]), 0);
    // the park table's rows add up to the headline's numerator and denominator, exactly
    expect(Number(h.totals!.yearInvestmentOfPlanned)).toBe(sum("yearInvestmentOfPlanned"));
    expect(Number(h.totals!.annualPlanned)).toBe(sum("annualPlanned"));
    const rate = (sum("yearInvestmentOfPlanned") / sum("annualPlanned")) * 100;
    expect(h.figures!.annualRate!.toFixed(1)).toBe(rate.toFixed(1));
    expect(h.figures!.annualText).toBe(`占年度计划${rate.toFixed(1)}%，低于序时进度 ${(91.6666667 - rate).toFixed(1)} 个百分点`);
    expect(h.figures!.vsSchedule!.kind).toBe("behind");
    // and the entered projects' completion still exceeds the whole list's declared annual plan
    expect(h.figures!.declaredInconsistency).toContain("请核实申报口径");
  });
});
