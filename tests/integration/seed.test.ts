import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/server/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const TABLES = [
  "AnnualPlan",
  "AnnualPlanEntry",
  "AuditLog",
  "Issue",
  "MonthlyReport",
  "MonthlyReportRevision",
  "Park",
  "Project",
  "ProjectMetric",
  "ReportEvent",
  "ReportSection",
  "ReportingPeriod",
  "PeriodPublication",
  "ProjectFigure",
] as const;

async function snapshot(t: TestDatabase) {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [{ n }] = await t.prisma.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "${table}"`);
    counts[table] = n;
  }
  const projects = await t.prisma.project.findMany({
    orderBy: { code: "asc" },
    include: { park: true, metrics: { orderBy: { sortOrder: "asc" } } },
  });
  const reports = await t.prisma.monthlyReport.findMany({ orderBy: { id: "asc" }, include: { revisions: true } });
  const plan = await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } });
  const issues = await t.prisma.issue.findMany({ orderBy: { sortOrder: "asc" } });
  return { counts, projects: JSON.stringify(projects), reports: JSON.stringify(reports), plan: JSON.stringify(plan), issues: JSON.stringify(issues) };
}

describe("seeding the 2024 report", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  it("loads, and loading again changes nothing", async () => {
    const first = await seedDatabase(t.prisma);
    expect(first.created).toMatchObject({ annualPlan: 1, park: 4, project: 4, annualPlanEntry: 4, monthlyReport: 4, issue: 7, reportSection: 6, periodPublication: 1 });
    const before = await snapshot(t);
    const second = await seedDatabase(t.prisma);
    expect(second.created).toEqual({});
    const after = await snapshot(t);
    expect(after).toEqual(before);
    // the seed itself, and the publication of its month (2024-11) as the system
    expect(before.counts.AuditLog).toBe(2);
    expect(before.counts.ProjectFigure).toBe(4);
  });

  it("reads back the plan exactly", async () => {
    const plan = await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } });
    expect(plan.declaredProjectCount).toBe(50);
    expect(plan.declaredTotalInvestment.toFixed(2)).toBe("1336000.00"); // 133.6亿元
    expect(plan.declaredAnnualInvestment.toFixed(2)).toBe("336000.00"); // 33.6亿元
    expect(plan.startDeadline.toISOString().slice(0, 10)).toBe("2024-04-30");
    expect(plan.productionDeadline.toISOString().slice(0, 10)).toBe("2024-06-30");
    expect(plan.productionTargetShare).toBeNull();
    expect(plan.productionTargetLabel).toBe("大部分投产");
    expect(plan.targetText).toBe("四月底前全部开工，六月底前大部分投产");
    expect(plan.factorGuarantees).toEqual(["土地", "资金", "能源", "环保", "用水用电"]);
  });

  it("reads back every figure of the four projects exactly", async () => {
    const projects = await t.prisma.project.findMany({
      orderBy: { code: "asc" },
      include: {
        park: true,
        metrics: { orderBy: { sortOrder: "asc" } },
        monthlyReports: { include: { approvedRevision: true } },
      },
    });
    const view = projects.map((p) => ({
      park: p.park.name,
      name: p.name,
      total: p.totalInvestment.toFixed(2),
      start: p.actualStartMonth,
      status: p.status,
      completed: p.monthlyReports.map((r) => [r.month, r.status, r.approvedRevision!.cumulativeInvestment.toFixed(2)]),
      output: [p.expectedOutput?.toFixed(2) ?? null, p.expectedOutputAtLeast],
      jobs: [p.expectedJobs, p.expectedJobsAtLeast],
      tax: [p.expectedTax?.toFixed(2) ?? null, p.expectedTaxAtLeast],
      metrics: p.metrics.map((m) => [m.name, m.qualifier, m.value.toString(), m.unit]),
    }));
    expect(view).toEqual([
      {
        park: "会同县园区",
        name: "中伟新材料项目",
        total: "330000.00",
        start: "2024-09",
        status: "UNDER_CONSTRUCTION",
        completed: [["2024-11", "APPROVED", "150000.00"]],
        output: ["500000.00", false],
        jobs: [150, true],
        tax: ["5000.00", true],
        metrics: [],
      },
      {
        park: "洞口县园区",
        name: "金石资源再生利用及高端制造项目",
        total: "538000.00",
        start: "2024-08",
        status: "UNDER_CONSTRUCTION",
        completed: [["2024-11", "APPROVED", "170000.00"]],
        output: ["1500000.00", true],
        jobs: [200, true],
        tax: ["10000.00", true],
        metrics: [],
      },
      {
        park: "溆浦县园区",
        name: "锐业制药抗凝血原料药二期项目",
        total: "300000.00",
        start: "2024-10",
        status: "UNDER_CONSTRUCTION",
        completed: [["2024-11", "APPROVED", "56000.00"]],
        output: ["500000.00", true],
        jobs: [100, true],
        tax: ["5000.00", true],
        metrics: [],
      },
      {
        park: "新晃县园区",
        name: "华润电力天然气热电联产项目",
        total: "300000.00",
        start: "2024-11",
        status: "UNDER_CONSTRUCTION",
        completed: [["2024-11", "APPROVED", "47000.00"]],
        output: [null, false],
        jobs: [null, false],
        tax: [null, false],
        metrics: [
          ["年供热量", "约", "41", "万吨标煤"],
          ["年供电量", "约", "13", "亿千瓦时"],
        ],
      },
    ]);
    expect(projects[1].constructionContent).toBe(
      "废旧锂电池回收利用一期、二期项目；综合料场、危废收集中心建设项目；碳酸锂综合利用一期、二期项目；电池拆解与资源回收一期、二期项目；石墨制品加工项目。",
    );
    // the four projects total 146.8亿元, exactly, summed by the database
    const [{ total }] = await t.prisma.$queryRaw<Array<{ total: { toFixed(n: number): string } }>>`SELECT sum("totalInvestment") AS total FROM "Project"`;
    expect(total.toFixed(2)).toBe("1468000.00");
  });

  it("records the report's problems in the issue ledger under its taxonomy", async () => {
    const issues = await t.prisma.issue.findMany({ orderBy: { sortOrder: "asc" } });
    expect(issues.map((i) => [i.category, i.subCategory, i.status])).toEqual([
      ["FUNDING", "LAND_COST", "OPEN"],
      ["FUNDING", "MATERIAL_PRICE", "OPEN"],
      ["FUNDING", "BUSINESS_DIFFICULTY", "OPEN"],
      ["FACTOR", "TALENT", "OPEN"],
      ["FACTOR", "ENERGY_CONTROL", "OPEN"],
      ["INSTITUTIONAL", "MANAGEMENT", "OPEN"],
      ["INSTITUTIONAL", "POLICY", "OPEN"],
    ]);
    expect(issues[0].raisedDate).toBeNull();
  });

  it("keeps monthly report revisions immutable in the database itself", async () => {
    const revision = await t.prisma.monthlyReportRevision.findFirstOrThrow();
    await expect(t.prisma.monthlyReportRevision.update({ where: { id: revision.id }, data: { progressText: "改写" } })).rejects.toThrow(/immutable/);
    await expect(t.prisma.monthlyReportRevision.delete({ where: { id: revision.id } })).rejects.toThrow(/immutable/);
  });
});
