// 调度期: open → submit → review → publish → re-open with a reason → republish. Published
// figures are what leaders read: only approved revisions count, a project that did not report
// is carried forward and marked 未报, and nothing that is not approved and published moves them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveMonthlyReport, reviewMonthlyReport } from "@/server/reports/service";
import { openPeriod, publishPeriod, reopenPeriod } from "@/server/periods/service";
import { getPeriod, getPeriodProgress, getReadPublication, getPublication, listUnapprovedProjects } from "@/server/periods/queries";
import { getMonthlySeries, getPublicationTotals, listFigures } from "@/server/figures/queries";
import { headlineFigures } from "@/lib/headline";
import { AuthError } from "@/server/auth/permissions";
import { StateError } from "@/server/errors";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { seedWithAccounts, type Actors } from "../helpers/actors";
import { monthlyReportForm as form } from "../helpers/monthly-report";

const TODAY = "2025-01-08";

describe("reporting periods and published figures", () => {
  let t: TestDatabase;
  let a: Actors;
  beforeAll(async () => {
    t = await createTestDatabase();
    a = await seedWithAccounts(t.prisma);
  });
  afterAll(async () => t?.drop());

  const totals = async (month: string, publicationNo?: number) => {
    const pub = publicationNo ? await getPublication(t.prisma, month, publicationNo) : await getReadPublication(t.prisma, 2024, month);
    return getPublicationTotals(t.prisma, { publicationId: pub!.publicationId, month });
  };
  const version = async (month: string) => (await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month } })).version;
  const reportOf = (code: string, month: string) =>
    t.prisma.monthlyReport.findFirstOrThrow({ where: { project: { code }, month } });

  it("the seed report is published as 2024-11: 4 projects, 42.3亿元 this year, and the declared-plan inconsistency is flagged", async () => {
    const pub = await getReadPublication(t.prisma, 2024);
    expect(pub).toMatchObject({ month: "2024-11", publicationNo: 1, publishedBy: null });
    const sums = await totals("2024-11");
    expect(sums).toMatchObject({ projectCount: 4, yearInvestment: "423000", cumulative: "423000", missing: 0, projectsWithAnnualPlan: 0, started: 4 });
    const plan = await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } });
    const h = headlineFigures(sums, {
      projectCount: plan.declaredProjectCount,
      totalInvestment: plan.declaredTotalInvestment,
      annualInvestment: plan.declaredAnnualInvestment,
    });
    expect(h.annualRate).toBeNull();
    expect(h.annualText).toContain("无法按同口径计算");
    expect(h.declaredInconsistency).toContain("42.3亿元");
    expect(h.declaredInconsistency).toContain("33.6亿元");
    expect(h.declaredInconsistency).toContain("请核实申报口径");
    expect(h.schedule.toFixed(1)).toBe("91.7");
  });

  it("a county cannot report into a published period", async () => {
    const r = await reportOf("YQ2024-001", "2024-11");
    await expect(
      saveMonthlyReport(t.prisma, a.huitong, form({ month: "2024-11", cumulativeInvestment: "150100", monthInvestment: "100", explanation: "更正", version: String(r.version) })),
    ).rejects.toThrow(/已发布，不能再填报/);
  });

  it("drafts, submissions and returns of the next open month leave the published figures unchanged", async () => {
    const before = await totals("2024-11");
    const draft = await saveMonthlyReport(t.prisma, a.huitong, form({ intent: "save" }));
    expect(draft.status).toBe("DRAFT");
    const submitted = await saveMonthlyReport(t.prisma, a.dongkou, form({ projectCode: "YQ2024-002", cumulativeInvestment: "175000", monthInvestment: "5000" }));
    const r = await reportOf("YQ2024-002", "2024-12");
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: submitted.reportId, version: r.version, decision: "return", reason: "与财务数不符" });
    expect(await totals("2024-11")).toEqual(before);
    expect((await getReadPublication(t.prisma, 2024))!.month).toBe("2024-11");
  });

  it("the open period's progress counts each park's reports, and lists the projects without an approved one", async () => {
    const progress = await getPeriodProgress(t.prisma, "2024-12");
    const byPark = Object.fromEntries(progress.map((p) => [p.parkName, p]));
    expect(byPark["会同县园区"]).toMatchObject({ projects: 1, draft: 1, missing: 0 });
    expect(byPark["洞口县园区"]).toMatchObject({ projects: 1, returned: 1 });
    expect(byPark["溆浦县园区"]).toMatchObject({ projects: 1, missing: 1 });
    const missing = await listUnapprovedProjects(t.prisma, "2024-12", { page: 1, size: 2 });
    expect(missing.total).toBe(4);
    expect(missing.rows).toHaveLength(2);
  });

  it("publishing waits for reviews; only the office may publish; a published month carries forward the projects that did not report", async () => {
    // huitong submits and the office approves; dongkou's stays returned; the others never report
    const draft = await reportOf("YQ2024-001", "2024-12");
    await saveMonthlyReport(t.prisma, a.huitong, form({ version: String(draft.version) }));
    await expect(publishPeriod(t.prisma, a.admin, { month: "2024-12", version: await version("2024-12") }, TODAY)).rejects.toThrow(/1份报表等待审核/);
    const submitted = await reportOf("YQ2024-001", "2024-12");
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: submitted.id, version: submitted.version, decision: "approve", reason: "" });

    for (const who of [a.huitong, a.leader]) {
      await expect(publishPeriod(t.prisma, who, { month: "2024-12", version: await version("2024-12") }, TODAY)).rejects.toBeInstanceOf(AuthError);
    }
    await expect(publishPeriod(t.prisma, a.admin, { month: "2024-12", version: 0 }, TODAY)).rejects.toThrow(/已被其他人更改/);
    const result = await publishPeriod(t.prisma, a.admin, { month: "2024-12", version: await version("2024-12") }, TODAY);
    expect(result).toEqual({ publicationNo: 1, projects: 4 });

    const dec = await totals("2024-12");
    // 150,000 → 155,000 for 中伟; the other three carried forward from November
    expect(dec).toMatchObject({ projectCount: 4, cumulative: "428000", yearInvestment: "428000", missing: 3 });
    const { rows } = await listFigures(t.prisma, { publicationId: (await getReadPublication(t.prisma, 2024))!.publicationId, page: 1, size: 10, warning: "stale" });
    expect(rows.map((r) => [r.code, r.figureMonth, r.cumulative, r.monthInvestment])).toEqual([
      ["YQ2024-002", "2024-11", "170000", null],
      ["YQ2024-003", "2024-11", "56000", null],
      ["YQ2024-004", "2024-11", "47000", null],
    ]);
    expect(rows.every((r) => r.warningReasons.some((x) => x.includes("数据未更新")))).toBe(true);

    // the month chart never falls when projects only add reports
    const series = await getMonthlySeries(t.prisma, 2024, (await getReadPublication(t.prisma, 2024))!.publicationId);
    expect(series.filter((p) => p.actual !== null).map((p) => [p.month, p.actual, p.missing])).toEqual([
      ["2024-11", "423000", 0],
      ["2024-12", "428000", 3],
    ]);
    expect((await getReadPublication(t.prisma, 2024))!.month).toBe("2024-12");
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "period.publish", entityId: "2024-12" } });
    expect(audit).toMatchObject({ actor: "admin", after: { status: "PUBLISHED", publicationNo: 1, projects: 4 } });
  });

  it("re-opening needs a reason; a submitted correction, even approved, changes nothing until republished; the earlier publication stays readable", async () => {
    await expect(reopenPeriod(t.prisma, a.huitong, { month: "2024-12", version: await version("2024-12"), reason: "更正数据", reauthPassword: "demo2024" })).rejects.toBeInstanceOf(AuthError);
    await reopenPeriod(t.prisma, a.admin, { month: "2024-12", version: await version("2024-12"), reason: "中伟项目更正本月投资", reauthPassword: "demo2024" });
    const period = await getPeriod(t.prisma, "2024-12");
    expect(period).toMatchObject({ status: "OPEN", reopenReason: "中伟项目更正本月投资" });
    // leaders keep reading publication 1 while the correction is under way
    expect(await getReadPublication(t.prisma, 2024)).toMatchObject({ month: "2024-12", publicationNo: 1, periodReopened: true });

    const r = await reportOf("YQ2024-001", "2024-12");
    await saveMonthlyReport(t.prisma, a.huitong, form({ monthInvestment: "8000", cumulativeInvestment: "158000", version: String(r.version) }));
    expect(await totals("2024-12")).toMatchObject({ cumulative: "428000" });
    const corrected = await reportOf("YQ2024-001", "2024-12");
    await reviewMonthlyReport(t.prisma, a.admin, { reportId: corrected.id, version: corrected.version, decision: "approve", reason: "" });
    expect(await totals("2024-12")).toMatchObject({ cumulative: "428000" });

    const again = await publishPeriod(t.prisma, a.admin, { month: "2024-12", version: await version("2024-12") }, TODAY);
    expect(again.publicationNo).toBe(2);
    expect(await totals("2024-12")).toMatchObject({ cumulative: "431000" });
    expect(await totals("2024-12", 1)).toMatchObject({ cumulative: "428000" });
    const second = await getPublication(t.prisma, "2024-12", 2);
    expect(second).toMatchObject({ reopenReason: "中伟项目更正本月投资", periodReopened: false });
    expect(await getPublication(t.prisma, "2024-12", 1)).toMatchObject({ periodReopened: true });

    const actions = await t.prisma.auditLog.findMany({ where: { entity: "ReportingPeriod", entityId: "2024-12" }, orderBy: { id: "asc" } });
    expect(actions.map((x) => x.action)).toEqual(["period.publish", "period.reopen", "period.publish"]);
    expect(actions[1].after).toMatchObject({ reason: "中伟项目更正本月投资" });
  });

  it("the stored park sums equal the sums of the publication's project figures", async () => {
    for (const pub of await t.prisma.periodPublication.findMany()) {
      const [direct] = await t.prisma.$queryRaw<Array<{ n: number; cumulative: string; year: string; missing: number }>>`
        SELECT count(*)::int AS n, coalesce(sum(cumulative), 0)::text AS cumulative, coalesce(sum("yearInvestment"), 0)::text AS year,
               count(*) FILTER (WHERE missing)::int AS missing
          FROM "ProjectFigure" WHERE "publicationId" = ${pub.id}`;
      const stored = await getPublicationTotals(t.prisma, { publicationId: pub.id, month: "2024-12" });
      expect([stored.projectCount, Number(stored.cumulative), Number(stored.yearInvestment), stored.missing]).toEqual([
        direct.n, Number(direct.cumulative), Number(direct.year), direct.missing,
      ]);
    }
  });

  it("published figures cannot be changed in the database", async () => {
    await expect(t.prisma.$executeRaw`UPDATE "ProjectFigure" SET cumulative = 0`).rejects.toThrow();
  });

  it("a re-open without a reason, or of a period that is open, is refused", async () => {
    await expect(reopenPeriod(t.prisma, a.admin, { month: "2024-10", version: 1, reason: "原因说明", reauthPassword: "demo2024" })).rejects.toThrow(/不存在/);
    await openPeriod(t.prisma, a.admin, { month: "2025-01", deadline: "2025-02-10" });
    const jan = await getPeriod(t.prisma, "2025-01");
    expect(jan).toMatchObject({ status: "OPEN" });
    expect(jan!.deadline.toISOString().slice(0, 10)).toBe("2025-02-10");
    await expect(reopenPeriod(t.prisma, a.admin, { month: "2025-01", version: jan!.version, reason: "原因说明", reauthPassword: "demo2024" })).rejects.toBeInstanceOf(StateError);
  });
});

describe("published figures of the demo set", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    const { seedDatabase } = await import("@/server/seed");
    await seedDatabase(t.prisma, { demo: true, demoAccounts: true });
  });
  afterAll(async () => t?.drop());

  it("every month of 2024 up to November is published, December is open with one report awaiting review", async () => {
    const periods = await t.prisma.reportingPeriod.findMany({ orderBy: { month: "asc" } });
    expect(periods.filter((p) => p.status === "PUBLISHED").map((p) => p.month)).toEqual(
      ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"].map((m) => `2024-${m}`),
    );
    expect(periods.at(-1)).toMatchObject({ month: "2024-12", status: "OPEN" });
    expect(await getReadPublication(t.prisma, 2024)).toMatchObject({ month: "2024-11" });
  });

  it("the plan line is the sum of the projects' 倒排工期 for each month, and the actual line never falls", async () => {
    const pub = (await getReadPublication(t.prisma, 2024))!;
    const series = await getMonthlySeries(t.prisma, 2024, pub.publicationId);
    const planned = await t.prisma.$queryRaw<Array<{ month: string; planned: string }>>`
      SELECT month, sum("cumulativePlanned")::text AS planned FROM "PlannedInvestment" WHERE month LIKE '2024-%' GROUP BY month ORDER BY month`;
    expect(series.filter((p) => p.planned !== null).map((p) => [p.month, Number(p.planned)])).toEqual(planned.map((p) => [p.month, Number(p.planned)]));
    const actual = series.filter((p) => p.actual !== null).map((p) => Number(p.actual));
    expect(actual).toHaveLength(11);
    for (let i = 1; i < actual.length; i++) expect(actual[i]).toBeGreaterThanOrEqual(actual[i - 1]);
  });

  it("a submitted December report changes nothing leaders read", async () => {
    const sums = await getPublicationTotals(t.prisma, { publicationId: (await getReadPublication(t.prisma, 2024))!.publicationId, month: "2024-11" });
    expect(sums.projectCount).toBe(10);
    expect(sums.missing).toBe(2);
    expect(await t.prisma.monthlyReport.count({ where: { month: "2024-12", status: "SUBMITTED" } })).toBe(1);
  });
});
