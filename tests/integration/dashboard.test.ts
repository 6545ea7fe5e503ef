// The dashboards' data functions on the seed report alone (what PostgreSQL deployments and the
// e2e server get), and the query count of each aggregate as rows grow.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/server/seed";
import { resolvePlanYear } from "@/server/plans/queries";
import { leftBehindConfirmation, publishedIfNow } from "../helpers/publication";
import { getReadPublication } from "@/server/periods/queries";
import {
  getFigureBreakdown,
  listPublicationIndustries,
  getMonthlySeries,
  getProjectFigureHistory,
  getPublicationTotals,
  listFigures,
  type FigureQuery,
} from "@/server/figures/queries";
import { publishPeriod, reopenPeriod } from "@/server/periods/service";
import { getProjectListPage } from "@/server/figures/project-list";
import { parseProjectListParams } from "@/lib/project-list";
import { dec } from "@/lib/money";
import { getIssueCountsByPark, getIssueSummary, listIssues } from "@/server/issues/queries";
import { listParks } from "@/server/parks/queries";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { actorsOf, type Actors } from "../helpers/actors";
import { countingClient, type CountingClient } from "../helpers/query-count";

const TODAY = "2026-11-26";

describe("dashboards on the seed report", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDatabase(t.prisma);
  });
  afterAll(async () => t?.drop());

  it("sums the completed investment within the plan year", async () => {
    const pub = (await getReadPublication(t.prisma, 2024))!;
    const totals = await getPublicationTotals(t.prisma, { publicationId: pub.publicationId, month: pub.month });
    expect(totals.cumulative).toBe("423000");
    expect(totals.yearInvestment).toBe("423000");
    expect([pub.month, totals.missing]).toEqual(["2024-11", 0]);
    expect(totals.demoFigures).toBe(0);
  });

  // the project list and park pages read the published 2024-11 (the seed report, approved)
  const published = async (over: Partial<FigureQuery> = {}) => {
    const pub = (await getReadPublication(t.prisma, 2024))!;
    return listFigures(t.prisma, { publicationId: pub.publicationId, page: 1, size: 20, ...over });
  };

  it("flags all four projects yellow for starting after 2024-04-30, none 未报", async () => {
    expect((await getReadPublication(t.prisma, 2024))!.month).toBe("2024-11");
    const { total, rows } = await published();
    expect(total).toBe(4);
    expect(rows.map((p) => [p.code, p.warningLevel, p.missing, p.figureMonth, dec(p.totalRate!).toFixed(1)])).toEqual([
      ["YQ2024-001", "YELLOW", false, "2024-11", "45.5"],
      ["YQ2024-002", "YELLOW", false, "2024-11", "31.6"],
      ["YQ2024-003", "YELLOW", false, "2024-11", "18.7"],
      ["YQ2024-004", "YELLOW", false, "2024-11", "15.7"],
    ]);
    expect(rows[0].warningReasons).toEqual(["开工晚于计划截止日期 2024年4月30日（2024年9月开工）"]);
    expect(rows[3].warningReasons).toEqual(["开工晚于计划截止日期 2024年4月30日（2024年11月开工）"]);
    // no annual plan figure per project in the report: no 年度投资完成率 to show
    expect(rows.every((p) => p.annualPlanned === null && p.annualRate === null)).toBe(true);
    const history = await getProjectFigureHistory(t.prisma, rows[1].projectId, 2024);
    expect(history.map((h) => [h.month, h.cumulative?.toString(), h.missing, h.plannedCumulative])).toEqual([["2024-11", "170000", false, null]]);
  });

  it("filters, searches and sorts in the database", async () => {
    const q = (over: Partial<FigureQuery>) => published(over).then((r) => r.rows.map((p) => p.code));
    expect(await q({ q: "金石" })).toEqual(["YQ2024-002"]);
    expect(await q({ q: "yq2024-003" })).toEqual(["YQ2024-003"]);
    expect(await q({ q: "100%" })).toEqual([]);
    expect(await q({ status: "NOT_STARTED" })).toEqual([]);
    expect(await q({ industry: "能源" })).toEqual(["YQ2024-004"]);
    const parks = await listParks(t.prisma);
    const dongkou = parks.find((p) => p.name === "洞口县园区")!;
    expect(await q({ parkId: dongkou.id })).toEqual(["YQ2024-002"]);
    expect(await q({ sort: "total", dir: "desc" })).toEqual(["YQ2024-002", "YQ2024-001", "YQ2024-003", "YQ2024-004"]);
    expect(await q({ sort: "totalRate", dir: "asc" })).toEqual(["YQ2024-004", "YQ2024-003", "YQ2024-002", "YQ2024-001"]);
    expect(await q({ sort: "completed", dir: "desc" })).toEqual(["YQ2024-002", "YQ2024-001", "YQ2024-003", "YQ2024-004"]);
    expect(await q({ warning: "yellow" })).toHaveLength(4);
    expect(await q({ warning: "red" })).toEqual([]);
    expect(await q({ warning: "stale" })).toEqual([]);
    // the 产业 filter offers the industries of the publication the list shows
    const pub = (await getReadPublication(t.prisma, 2024))!;
    expect(await listPublicationIndustries(t.prisma, pub.publicationId)).toEqual(["新材料", "生物医药", "能源", "资源循环利用"].sort());
    // nothing is published for a year without a list
    expect(await getReadPublication(t.prisma, 2023)).toBeNull();
    expect(await getProjectListPage(t.prisma, 2023, parseProjectListParams({}))).toMatchObject({ pub: null, total: 0, rows: [] });
  });

  it("gives the published month-by-month sums without inventing a plan curve", async () => {
    const pub = (await getReadPublication(t.prisma, 2024))!;
    expect(await getMonthlySeries(t.prisma, 2024, pub.publicationId)).toEqual([
      { month: "2024-11", planned: null, plannedProjects: 0, actual: "423000", publishedProjects: 4, missing: 0, plannedOfPlanned: null, actualOfPlanned: null, demo: false },
    ]);
    const parks = await listParks(t.prisma);
    const huitong = parks.find((p) => p.name === "会同县园区")!;
    expect((await getMonthlySeries(t.prisma, 2024, pub.publicationId, huitong.id))[0].actual).toBe("150000");
    expect(await getMonthlySeries(t.prisma, 2025, null)).toEqual([]);
  });

  it("breaks the published completion down by county park and by industry", async () => {
    const pub = (await getReadPublication(t.prisma, 2024))!;
    const parks = await getFigureBreakdown(t.prisma, pub.publicationId, "park");
    expect(parks.every((r) => r.missing === 0 && r.projectCount === 1)).toBe(true);
    expect(parks.map((r) => [r.label, r.projectCount, r.totalInvestment, r.cumulative])).toEqual([
      ["会同县园区", 1, "330000", "150000"],
      ["洞口县园区", 1, "538000", "170000"],
      ["溆浦县园区", 1, "300000", "56000"],
      ["新晃县园区", 1, "300000", "47000"],
    ]);
    const industries = await getFigureBreakdown(t.prisma, pub.publicationId, "industry");
    expect(industries[0]).toMatchObject({ label: "资源循环利用", totalInvestment: "538000", cumulative: "170000", annualPlanned: "0", projectsWithAnnualPlan: 0 });
  });

  it("summarises the report's problems: seven open, none overdue (no due dates), none closed", async () => {
    const s = await getIssueSummary(t.prisma, { year: 2024, today: TODAY });
    expect(s).toMatchObject({ total: 7, closed: 0, overdue: 0, demo: 0 });
    expect(s.byCategory.map((c) => [c.category, c.counts.OPEN, c.total])).toEqual([
      ["FUNDING", 3, 3],
      ["FACTOR", 2, 2],
      ["INSTITUTIONAL", 2, 2],
    ]);
    const issues = await listIssues(t.prisma, { year: 2024, today: TODAY });
    expect(issues).toHaveLength(7);
    expect(issues[0]).toMatchObject({ title: "土地成本增加", overdue: false, projectCode: null });
    const parks = await listParks(t.prisma);
    expect(await listIssues(t.prisma, { year: 2024, today: TODAY, parkId: parks[0].id })).toEqual([]);
    // the report's problems concern the whole park, not one county park
    expect(await getIssueCountsByPark(t.prisma, { year: 2024, today: TODAY })).toEqual([{ parkId: null, parkName: null, total: 7, open: 7, overdue: 0 }]);
  });
});

describe("the aggregates stay on a fixed number of queries as rows grow", () => {
  let t: TestDatabase;
  let counted: CountingClient;
  let admin: Actors["admin"];
  let publicationId: number;
  beforeAll(async () => {
    t = await createTestDatabase("seeded");
    admin = (await actorsOf(t.prisma)).admin;
    publicationId = (await getReadPublication(t.prisma, 2024))!.publicationId;
    counted = countingClient(t.url);
  });
  afterAll(async () => {
    await counted?.disconnect();
    await t?.drop();
  });

  const count = async (fn: () => Promise<unknown>) => (await counted.count(fn)).statements;
  const db = () => counted.prisma;
  const all = () => ({
    list: () => getProjectListPage(db(), 2024, parseProjectListParams({})),
    series: () => getMonthlySeries(db(), 2024, publicationId),
    parks: () => getFigureBreakdown(db(), publicationId, "park"),
    industries: () => getFigureBreakdown(db(), publicationId, "industry"),
    issues: () => getIssueSummary(db(), { year: 2024, today: TODAY }),
    issuesByPark: () => getIssueCountsByPark(db(), { year: 2024, today: TODAY }),
    totals: () => getPublicationTotals(db(), { publicationId, month: "2024-11" }),
  });

  it("issues the same queries for 4 projects and for 204 projects with 11 months each", async () => {
    const before: Record<string, number> = {};
    for (const [name, fn] of Object.entries(all())) before[name] = await count(fn);
    expect(before).toEqual({ list: 3, series: 2, parks: 1, industries: 1, issues: 1, issuesByPark: 1, totals: 1 });

    await t.prisma.$executeRawUnsafe(`
      INSERT INTO "Project"(code, name, "parkId", "totalInvestment", status, "actualStartMonth", "updatedAt")
      SELECT 'BULK-' || g, '批量项目' || g, (SELECT min(id) FROM "Park"), 10000, 'UNDER_CONSTRUCTION', '2024-02', now()
        FROM generate_series(1, 200) g`);
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO "AnnualPlanEntry"("planId", "projectId", "sortOrder")
      SELECT (SELECT id FROM "AnnualPlan" WHERE year = 2024), id, 1000 FROM "Project" WHERE code LIKE 'BULK-%'`);
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO "PlannedInvestment"("projectId", month, "cumulativePlanned", "updatedAt")
      SELECT p.id, '2024-' || lpad(m::text, 2, '0'), m * 800, now() FROM "Project" p, generate_series(1, 12) m WHERE p.code LIKE 'BULK-%'`);
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO "MonthlyReport"("projectId", month, status, "updatedAt")
      SELECT p.id, '2024-' || lpad(m::text, 2, '0'), 'APPROVED', now() FROM "Project" p, generate_series(1, 11) m WHERE p.code LIKE 'BULK-%'`);
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO "MonthlyReportRevision"("reportId", "revisionNo", "cumulativeInvestment", "progressText")
      SELECT r.id, 1, substring(r.month, 6, 2)::int * 700, '批量' FROM "MonthlyReport" r JOIN "Project" p ON p.id = r."projectId" WHERE p.code LIKE 'BULK-%'`);
    await t.prisma.$executeRawUnsafe(`
      UPDATE "MonthlyReport" r SET "approvedRevisionId" = rv.id, "currentRevisionId" = rv.id
        FROM "MonthlyReportRevision" rv WHERE rv."reportId" = r.id AND r."approvedRevisionId" IS NULL`);

    const after: Record<string, number> = {};
    for (const [name, fn] of Object.entries(all())) after[name] = await count(fn);
    expect(after).toEqual(before);

    // approved reports move nothing leaders read until their month is published again
    const list = await getProjectListPage(db(), 2024, parseProjectListParams({}));
    expect(list).toMatchObject({ total: 4 });
    expect(list.rows).toHaveLength(4);

    // published again, the sums are right: 200 × 7,700万元 more in November, 200 × 8,800万元 planned
    const period = async () => t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-11" } });
    await reopenPeriod(t.prisma, admin, { month: "2024-11", version: (await period()).version, reason: "补录批量项目", reauthPassword: "demo2024" });
    await publishPeriod(t.prisma, admin, { month: "2024-11", version: (await period()).version, leftBehind: await leftBehindConfirmation(t.prisma, "2024-11") }, TODAY);
    const republished = (await getReadPublication(t.prisma, 2024))!.publicationId;
    expect(republished).not.toBe(publicationId);
    const series = await getMonthlySeries(db(), 2024, republished);
    expect(series.find((p) => p.month === "2024-11")).toMatchObject({ actual: "1963000", publishedProjects: 204, missing: 0, planned: "1760000", plannedProjects: 200 });
    expect(series.find((p) => p.month === "2024-12")).toMatchObject({ actual: null, planned: "1920000", plannedProjects: 200 });
    expect((await getProjectListPage(db(), 2024, parseProjectListParams({}))).total).toBe(204);
    // tests/integration/project-list.test.ts pages through a published list of 124 projects
  });
});

describe("a second year's list", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDatabase(t.prisma);
    const p2024 = await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } });
    const plan = await t.prisma.annualPlan.create({
      data: {
        year: 2025,
        title: "市工业园区2025年重大项目计划",
        declaredProjectCount: 1,
        declaredTotalInvestment: "330000",
        declaredAnnualInvestment: "100000",
        startDeadline: new Date("2025-04-30T00:00:00Z"),
        productionDeadline: new Date("2025-06-30T00:00:00Z"),
        productionTargetLabel: "大部分投产",
        targetText: p2024.targetText,
      },
    });
    const project = await t.prisma.project.findUniqueOrThrow({ where: { code: "YQ2024-001" } });
    await t.prisma.annualPlanEntry.create({ data: { planId: plan.id, projectId: project.id, annualPlannedInvestment: "100000" } });
    const report = await t.prisma.monthlyReport.create({ data: { projectId: project.id, month: "2025-02", status: "APPROVED" } });
    const revision = await t.prisma.monthlyReportRevision.create({
      data: { reportId: report.id, revisionNo: 1, monthInvestment: "20000", cumulativeInvestment: "200000", progressText: "测试" },
    });
    await t.prisma.monthlyReport.update({ where: { id: report.id }, data: { currentRevisionId: revision.id, approvedRevisionId: revision.id } });
  });
  afterAll(async () => t?.drop());

  it("counts only the year's own months, and the year's completion from the previous December", async () => {
    // February 2025 as it would be published (and is not: the next test reads 2025 unpublished)
    const y2025 = await publishedIfNow(t.prisma, "2025-02", "2025-02-28");
    expect(y2025.totals).toMatchObject({ cumulative: "200000", yearInvestment: "50000", annualPlanned: "100000", yearInvestmentOfPlanned: "50000" });
    expect(y2025.figures.get("YQ2024-001")).toMatchObject({ figureMonth: "2025-02", missing: false, annualRate: "50" });
    const pub2024 = (await getReadPublication(t.prisma, 2024))!;
    expect(await getPublicationTotals(t.prisma, { publicationId: pub2024.publicationId, month: pub2024.month })).toMatchObject({ cumulative: "423000", yearInvestment: "423000" });
    expect(pub2024.month).toBe("2024-11");
    expect((await resolvePlanYear(t.prisma, undefined)).year).toBe(2025);
  });

  it("keeps each year's warnings, chart and breakdown apart", async () => {
    // the project list reads publications: 2025 has none yet (its February report was never published)
    expect(await getProjectListPage(t.prisma, 2025, parseProjectListParams({}))).toMatchObject({ pub: null, total: 0 });
    const y2024 = await getProjectListPage(t.prisma, 2024, parseProjectListParams({ q: "YQ2024-001" }));
    expect(y2024.rows.map((p) => [p.code, p.cumulative, p.figureMonth])).toEqual([["YQ2024-001", "150000", "2024-11"]]);
    // and its chart has no month yet; 2024's keeps its November
    expect(await getMonthlySeries(t.prisma, 2025, null)).toEqual([]);
    const pub2024 = (await getReadPublication(t.prisma, 2024))!;
    expect((await getMonthlySeries(t.prisma, 2024, pub2024.publicationId)).map((p) => [p.month, p.actual])).toEqual([["2024-11", "423000"]]);
  });
});
