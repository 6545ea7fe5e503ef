// The dashboards' data functions on the seed report alone (what PostgreSQL deployments and the
// e2e server get), and the query count of each aggregate as rows grow.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { createAdapter } from "@/server/db/adapter";
import { seedDatabase } from "@/server/seed";
import { getPlanSummary } from "@/server/plans/queries";
import { listYearProjects } from "@/server/projects/queries";
import { getCompletionBreakdown, getInvestmentTimeline } from "@/server/dashboard/queries";
import { getIssueCountsByPark, getIssueSummary, listIssues } from "@/server/issues/queries";
import { listIndustries, listParks } from "@/server/parks/queries";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const TODAY = "2026-11-26";

describe("dashboards on the seed report", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDatabase(t.prisma);
  });
  afterAll(async () => t?.drop());

  it("sums the completed investment within the plan year", async () => {
    const plan = (await getPlanSummary(t.prisma, 2024))!;
    expect(plan.computed.completedInvestment).toBe("423000");
    expect(plan.computed.completedThisYear).toBe("423000");
    expect(plan.computed.latestMonth).toBe("2024-11");
    expect(plan.computed.demoReports).toBe(0);
  });

  it("flags all four projects yellow for starting after 2024-04-30, none stale", async () => {
    const { referenceMonth, referenceFromReports, items } = await listYearProjects(t.prisma, { year: 2024, today: TODAY });
    expect(referenceMonth).toBe("2024-11");
    expect(referenceFromReports).toBe(true);
    expect(items.map((p) => [p.code, p.warning.level, p.warning.stale, p.completionRate])).toEqual([
      ["YQ2024-001", "yellow", false, "45.5%"],
      ["YQ2024-002", "yellow", false, "31.6%"],
      ["YQ2024-003", "yellow", false, "18.7%"],
      ["YQ2024-004", "yellow", false, "15.7%"],
    ]);
    expect(items[0].warning.reasons).toEqual(["开工晚于计划截止日期 2024年4月30日（2024年9月开工）"]);
    expect(items[3].warning.reasons).toEqual(["开工晚于计划截止日期 2024年4月30日（2024年11月开工）"]);
    expect(items[1].history).toEqual([{ month: "2024-11", planned: null, plannedDemo: false, actual: "170000", actualDemo: false }]);
  });

  it("filters, searches and sorts in the database", async () => {
    const q = (over: object) => listYearProjects(t.prisma, { year: 2024, today: TODAY, ...over }).then((r) => r.items.map((p) => p.code));
    expect(await q({ q: "金石" })).toEqual(["YQ2024-002"]);
    expect(await q({ q: "yq2024-003" })).toEqual(["YQ2024-003"]);
    expect(await q({ q: "100%" })).toEqual([]);
    expect(await q({ status: "NOT_STARTED" })).toEqual([]);
    expect(await q({ industry: "能源" })).toEqual(["YQ2024-004"]);
    const parks = await listParks(t.prisma);
    const dongkou = parks.find((p) => p.name === "洞口县园区")!;
    expect(await q({ parkId: dongkou.id })).toEqual(["YQ2024-002"]);
    expect(await q({ sort: "total", dir: "desc" })).toEqual(["YQ2024-002", "YQ2024-001", "YQ2024-003", "YQ2024-004"]);
    expect(await q({ sort: "rate", dir: "asc" })).toEqual(["YQ2024-004", "YQ2024-003", "YQ2024-002", "YQ2024-001"]);
    expect(await q({ sort: "completed", dir: "desc" })).toEqual(["YQ2024-002", "YQ2024-001", "YQ2024-003", "YQ2024-004"]);
    expect(await listIndustries(t.prisma, 2024)).toEqual(["新材料", "生物医药", "能源", "资源循环利用"].sort());
    expect((await listYearProjects(t.prisma, { year: 2023, today: TODAY })).items).toEqual([]);
  });

  it("gives the month-by-month sums without inventing a plan curve", async () => {
    expect(await getInvestmentTimeline(t.prisma, { year: 2024 })).toEqual([
      { month: "2024-11", planned: null, plannedProjects: 0, plannedDemo: false, actual: "423000", reportedProjects: 4, submittedOnly: 0, actualDemo: false, plannedOfReported: null },
    ]);
    const parks = await listParks(t.prisma);
    const huitong = parks.find((p) => p.name === "会同县园区")!;
    expect((await getInvestmentTimeline(t.prisma, { year: 2024, parkId: huitong.id }))[0].actual).toBe("150000");
    expect(await getInvestmentTimeline(t.prisma, { year: 2025 })).toEqual([]);
  });

  it("breaks completion down by county park and by industry", async () => {
    const parks = await getCompletionBreakdown(t.prisma, 2024, "park");
    expect(parks.every((r) => r.staleProjects === 0 && r.reportedProjects === 1)).toBe(true);
    expect(parks.map((r) => [r.label, r.projectCount, r.totalInvestment, r.completed])).toEqual([
      ["会同县园区", 1, "330000", "150000"],
      ["洞口县园区", 1, "538000", "170000"],
      ["溆浦县园区", 1, "300000", "56000"],
      ["新晃县园区", 1, "300000", "47000"],
    ]);
    const industries = await getCompletionBreakdown(t.prisma, 2024, "industry");
    expect(industries[0]).toMatchObject({ label: "资源循环利用", totalInvestment: "538000", completed: "170000", annualPlanned: "0", projectsWithAnnualPlan: 0 });
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
    expect(await getIssueCountsByPark(t.prisma, { year: 2024, today: TODAY })).toEqual([
      { parkId: null, parkName: null, total: 7, open: 7, overdue: 0 },
    ]);
  });
});

describe("the aggregates stay on a fixed number of queries as rows grow", () => {
  let t: TestDatabase;
  let counted: PrismaClient<"query">;
  const queries: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDatabase(t.prisma);
    counted = new PrismaClient({ adapter: createAdapter(t.url, 2), log: [{ emit: "event", level: "query" }] }) as PrismaClient<"query">;
    counted.$on("query", (e) => queries.push(e.query));
  });
  afterAll(async () => {
    await counted?.$disconnect();
    await t?.drop();
  });

  async function count(fn: () => Promise<unknown>): Promise<number> {
    queries.length = 0;
    await fn();
    return queries.length;
  }
  // the data functions take the app's client type; the logging client is the same class
  const db = () => counted as unknown as PrismaClient;
  const all = () => ({
    list: () => listYearProjects(db(), { year: 2024, today: TODAY }),
    timeline: () => getInvestmentTimeline(db(), { year: 2024 }),
    parks: () => getCompletionBreakdown(db(), 2024, "park"),
    industries: () => getCompletionBreakdown(db(), 2024, "industry"),
    issues: () => getIssueSummary(db(), { year: 2024, today: TODAY }),
    issuesByPark: () => getIssueCountsByPark(db(), { year: 2024, today: TODAY }),
    summary: () => getPlanSummary(db(), 2024),
  });

  it("issues the same queries for 4 projects and for 204 projects with 11 months each", async () => {
    const before: Record<string, number> = {};
    for (const [name, fn] of Object.entries(all())) before[name] = await count(fn);
    expect(before).toEqual({ list: 1, timeline: 1, parks: 1, industries: 1, issues: 1, issuesByPark: 1, summary: 2 });

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

    // and the sums are right: 200 × 7,700万元 more in November, 200 × 8,800万元 planned
    const timeline = await getInvestmentTimeline(db(), { year: 2024 });
    expect(timeline.find((p) => p.month === "2024-11")).toMatchObject({ actual: "1963000", reportedProjects: 204, planned: "1760000", plannedProjects: 200, plannedOfReported: "1760000" });
    expect(timeline.find((p) => p.month === "2024-12")).toMatchObject({ actual: null, reportedProjects: 0, planned: "1920000" });
    const list = await listYearProjects(db(), { year: 2024, today: TODAY });
    expect(list.items).toHaveLength(204);
    // 11 points behind (8,800 planned vs 7,700 of 10,000): yellow
    expect(list.items.find((p) => p.code === "BULK-1")!.warning).toMatchObject({ level: "yellow", lagPoints: "11.0" });
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
        year: 2025, title: "市工业园区2025年重大项目计划", declaredProjectCount: 1, declaredTotalInvestment: "330000",
        declaredAnnualInvestment: "100000", startDeadline: new Date("2025-04-30T00:00:00Z"), productionDeadline: new Date("2025-06-30T00:00:00Z"),
        productionTargetLabel: "大部分投产", targetText: p2024.targetText,
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
    const y2025 = (await getPlanSummary(t.prisma, 2025))!;
    expect(y2025.computed).toMatchObject({ completedInvestment: "200000", completedThisYear: "50000", latestMonth: "2025-02", annualInvestment: "100000" });
    const y2024 = (await getPlanSummary(t.prisma, 2024))!;
    expect(y2024.computed).toMatchObject({ completedInvestment: "423000", completedThisYear: "423000", latestMonth: "2024-11" });
    expect((await getPlanSummary(t.prisma))!.year).toBe(2025);
  });

  it("keeps each year's warnings, chart and breakdown apart", async () => {
    const list = await listYearProjects(t.prisma, { year: 2025, today: TODAY });
    expect(list.referenceMonth).toBe("2025-02");
    expect(list.items.map((p) => [p.code, p.warning.level, p.completedInvestment, p.annualPlannedInvestment])).toEqual([
      ["YQ2024-001", "green", "200000", "100000"], // started 2024-09, before the 2025 deadline
    ]);
    expect((await listYearProjects(t.prisma, { year: 2024, today: TODAY })).items.find((p) => p.code === "YQ2024-001")!.completedInvestment).toBe("150000");
    expect(await getInvestmentTimeline(t.prisma, { year: 2025 })).toEqual([
      { month: "2025-02", planned: null, plannedProjects: 0, plannedDemo: false, actual: "200000", reportedProjects: 1, submittedOnly: 0, actualDemo: false, plannedOfReported: null },
    ]);
    const parks = await getCompletionBreakdown(t.prisma, 2025, "park");
    expect(parks.map((r) => [r.label, r.completed, r.annualPlanned, r.projectsWithAnnualPlan])).toEqual([["会同县园区", "200000", "100000", 1]]);
  });
});
