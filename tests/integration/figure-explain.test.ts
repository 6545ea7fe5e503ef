// 构成: every published figure explains itself. The projects listed under a total or a rate are
// exactly the ones it runs over — their amounts add up, to the 万元 and the cent, to the figure's
// own numerator and denominator as published — and a project's figure names its source: the
// month, 第N版, who submitted it and when, who approved it and when, or, for a 未报 figure, the
// month whose approved figure it carries. On both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { getFigureScope, getProjectSource, resolveExplainedPublication, sourceLine, type ExplainedFigure, type ScopeRow } from "@/server/figures/explain";
import { getOverviewHeadline } from "@/server/figures/overview";
import { getReadPublication, type PublicationRef } from "@/server/periods/queries";
import { saveMonthlyReport, reviewMonthlyReport } from "@/server/monthly-reports/service";
import { publishPeriod } from "@/server/periods/service";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { useSeededDatabase } from "../helpers/seeded";
import type { Actors } from "../helpers/actors";
import { monthlyReportForm as form } from "../helpers/monthly-report";
import { leftBehindConfirmation } from "../helpers/publication";
import { countingClient, type CountingClient } from "../helpers/query-count";
import type { Db } from "@/server/db/client";

/** Every page of a scope list, walked as a reader would, page by page (3 to a page). */
async function everyRow(prisma: Db, pub: PublicationRef, figure: ExplainedFigure, parkId?: number): Promise<ScopeRow[]> {
  const rows: ScopeRow[] = [];
  for (let page = 1; ; page++) {
    const scope = await getFigureScope(prisma, pub, { figure, parkId, page, size: 3 });
    rows.push(...scope.rows);
    if (page >= scope.pages) return rows;
  }
}

const total = (rows: ScopeRow[], col: "yearInvestment" | "annualPlanned" | "cumulative" | "totalInvestment") =>
  rows.reduce((acc, r) => acc.plus(r[col] ?? 0), new Decimal(0)).toString();

describe("a total or a rate lists exactly the projects it runs over (demo data)", () => {
  let t: TestDatabase;
  let pub: PublicationRef;
  beforeAll(async () => {
    t = await createTestDatabase("demo");
    pub = (await getReadPublication(t.prisma, 2024, "2024-11"))!;
  });
  afterAll(async () => t?.drop());

  it("the headline 年度投资完成率: its projects' 本年完成 and 年度计划 add up to its numerator and denominator, and no other project is listed", async () => {
    const headline = (await getOverviewHeadline(t.prisma, 2024, "2024-11"))!;
    const totals = headline.totals!;
    // the demo is a real test of the scope: some projects have a plan figure, some do not
    expect(totals.projectsWithAnnualPlan).toBeGreaterThan(1);
    expect(totals.projectsWithAnnualPlan).toBeLessThan(totals.projectCount);
    const rows = await everyRow(t.prisma, pub, "annual-rate");
    expect(rows).toHaveLength(totals.projectsWithAnnualPlan);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    expect(rows.every((r) => r.annualPlanned !== null)).toBe(true);
    expect(total(rows, "yearInvestment")).toBe(new Decimal(String(totals.yearInvestmentOfPlanned)).toString());
    expect(total(rows, "annualPlanned")).toBe(new Decimal(String(totals.annualPlanned)).toString());

    const scope = await getFigureScope(t.prisma, pub, { figure: "annual-rate", page: 1 });
    // the page states the figure as the cockpit does, and the list's sums beside it
    expect(scope.statement).toBe(headline.figures!.annualScope);
    expect(scope.listed).toMatchObject({ projects: totals.projectsWithAnnualPlan });
    expect(scope.listed.yearInvestment).toBe(total(rows, "yearInvestment"));
    expect(scope.listed.annualPlanned).toBe(total(rows, "annualPlanned"));
  });

  it("the all-projects totals and every park's figures add up the same way", async () => {
    const all = await everyRow(t.prisma, pub, "year");
    const totals = (await getOverviewHeadline(t.prisma, 2024, "2024-11"))!.totals!;
    expect(all).toHaveLength(totals.projectCount);
    expect(total(all, "yearInvestment")).toBe(new Decimal(String(totals.yearInvestment)).toString());
    const rate = await everyRow(t.prisma, pub, "total-rate");
    expect(total(rate, "cumulative")).toBe(new Decimal(String(totals.cumulative)).toString());
    expect(total(rate, "totalInvestment")).toBe(new Decimal(String(totals.totalInvestment)).toString());
    expect((await everyRow(t.prisma, pub, "missing")).every((r) => r.missing)).toBe(true);

    const parks = [...new Set(all.map((r) => r.parkId))];
    expect(parks.length).toBeGreaterThan(1);
    for (const parkId of parks) {
      const scope = await getFigureScope(t.prisma, pub, { figure: "annual-rate", parkId, page: 1 });
      const rows = await everyRow(t.prisma, pub, "annual-rate", parkId);
      expect(rows.every((r) => r.parkId === parkId)).toBe(true);
      expect(rows, `park ${parkId}`).toHaveLength(scope.published.projectsWithAnnualPlan);
      expect(total(rows, "yearInvestment")).toBe(new Decimal(String(scope.published.yearInvestmentOfPlanned)).toString());
      expect(total(rows, "annualPlanned")).toBe(new Decimal(String(scope.published.annualPlanned)).toString());
      const year = await everyRow(t.prisma, pub, "year", parkId);
      expect(year).toHaveLength(scope.published.projectCount);
      expect(total(year, "yearInvestment")).toBe(new Decimal(String(scope.published.yearInvestment)).toString());
    }
  });

  it("a page of the list costs the same few statements whatever page it is", async () => {
    const c: CountingClient = countingClient(t.url);
    try {
      const first = await c.count((p) => getFigureScope(p, pub, { figure: "year", page: 1, size: 2 }));
      const last = await c.count((p) => getFigureScope(p, pub, { figure: "year", page: first.result.pages, size: 2 }));
      expect(first.result.rows).toHaveLength(2);
      expect(first.statements).toBe(3);
      expect(last.statements).toBe(3);
    } finally {
      await c.disconnect();
    }
  });
});

describe("a project's figure names its source revision", () => {
  let t: TestDatabase;
  let a: Actors;
  useSeededDatabase((db, actors) => ([t, a] = [db, actors]));

  it("第N版, who submitted and approved it and when; a 未报 figure says which month it is carried from", async () => {
    // 中伟 (YQ2024-001): saved as a draft (第1版), then submitted (第2版) and approved; the other
    // three projects do not report December
    const draft = await saveMonthlyReport(t.prisma, a.huitong, form({ intent: "save", cumulativeInvestment: "154000", monthInvestment: "4000" }));
    const saved = await t.prisma.monthlyReport.findUniqueOrThrow({ where: { id: draft.reportId } });
    await saveMonthlyReport(t.prisma, a.huitong, form({ version: String(saved.version) }));
    const submitted = await t.prisma.monthlyReport.findUniqueOrThrow({ where: { id: draft.reportId } });
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: submitted.id, version: submitted.version, decision: "approve", reason: "" });
    const period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-12" } });
    await publishPeriod(t.prisma, a.admin, { month: "2024-12", version: period.version, leftBehind: await leftBehindConfirmation(t.prisma, "2024-12") }, "2025-01-08");

    const events = await t.prisma.reportEvent.findMany({ where: { reportId: draft.reportId }, orderBy: { id: "asc" } });
    const submit = events.find((e) => e.action === "SUBMIT")!;
    const approve = events.find((e) => e.action === "APPROVE")!;
    const pub = (await resolveExplainedPublication(t.prisma, { year: 2024, month: "2024-12" }))!;
    expect(pub).toMatchObject({ month: "2024-12", publicationNo: 1 });

    const zhongwei = (await getProjectSource(t.prisma, pub, "YQ2024-001"))!;
    expect(zhongwei).toMatchObject({ month: "2024-12", figureMonth: "2024-12", missing: false, revisionNo: 2, cumulative: "155000", monthInvestment: "5000" });
    expect(zhongwei.submitted).toEqual({ by: a.huitong.displayName, at: submit.createdAt, note: null });
    expect(zhongwei.approved).toEqual({ by: a.admin.displayName, at: approve.createdAt, note: null });
    expect(sourceLine(zhongwei)).toBe("2024年12月月报第2版（已审核）");

    // 未报: the figure is November's approved one, carried; no progress assumed for December
    const carried = (await getProjectSource(t.prisma, pub, "YQ2024-002"))!;
    expect(carried).toMatchObject({ month: "2024-12", figureMonth: "2024-11", missing: true, revisionNo: 1, cumulative: "170000", monthInvestment: null });
    expect(sourceLine(carried)).toBe("未报，沿用2024年11月的已审核数（2024年11月月报第1版）");
    // the seed report's figures were approved by no account: the page says where they came from
    expect(carried.approved).toMatchObject({ by: null, note: expect.stringContaining("由年度报告导入") });

    // the earlier month's publication still names its own source
    const november = (await resolveExplainedPublication(t.prisma, { year: 2024, month: "2024-11", publicationNo: 1 }))!;
    const before = (await getProjectSource(t.prisma, november, "YQ2024-001"))!;
    expect(before).toMatchObject({ month: "2024-11", figureMonth: "2024-11", missing: false, revisionNo: 1, cumulative: "150000" });
    expect(await getProjectSource(t.prisma, pub, "NO-SUCH-CODE")).toBeNull();
  });
});
