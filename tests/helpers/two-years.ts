// A small list that spans two years (2024 and 2025), for the published arithmetic: two county
// parks and two industries, each with projects that have an annual plan figure and (in 2025)
// one without; approved reports from December 2023 to March 2025; a project that was red in
// November 2024 and stays silent after it; a project not started. The months 2024-11 … 2025-03
// are 调度期s, open: a test publishes the ones it needs (`publishPeriod`), and 2025-03 is the
// open month whose live 调度表 is exported. Written directly (the reports as the workflow leaves
// them once approved); amounts in 万元.
import type { Db } from "../../src/server/db/client";
import type { Actor } from "../../src/server/auth/actor";

type Report = { month: string; cumulative: string; monthInvestment: string | null };
type ProjectSpec = {
  code: string;
  name: string;
  park: "甲" | "乙";
  industry: string;
  total: string;
  actualStartMonth: string | null;
  /** annual plan figure per year on whose list it is (null: on the list without one) */
  lists: Partial<Record<2024 | 2025, string | null>>;
  /** monthly planned cumulative (倒排工期) */
  planned?: Record<string, string>;
  reports: Report[];
};

/** cumulative figures and monthly amounts, in order: r(month, cumulative, 本月) */
const r = (month: string, cumulative: string, monthInvestment: string | null): Report => ({ month, cumulative, monthInvestment });

export const TWO_YEAR_PROJECTS: ProjectSpec[] = [
  {
    code: "TY-A1",
    name: "甲县新材料一期",
    park: "甲",
    industry: "新材料",
    total: "100000",
    actualStartMonth: "2023-10",
    lists: { 2024: "30000", 2025: "40000" },
    // 2024: 30000 − 10000 (至2023年底); 2025 to February: 38000 − 30000 = 8000
    reports: [
      r("2023-12", "10000", "4000"),
      r("2024-10", "20000", "3000"),
      r("2024-11", "25000", "5000"),
      r("2024-12", "30000", "5000"),
      r("2025-01", "35000", "5000"),
      r("2025-02", "38000", "3000"),
      r("2025-03", "40000", "2000"),
    ],
  },
  {
    code: "TY-A2",
    name: "甲县装备制造基地",
    park: "甲",
    industry: "装备制造",
    total: "60000",
    actualStartMonth: "2024-03",
    // on the 2025 list without an annual plan figure; does not report March 2025
    lists: { 2024: "20000", 2025: null },
    reports: [r("2024-10", "10000", "2000"), r("2024-11", "12000", "2000"), r("2024-12", "15000", "3000"), r("2025-01", "18000", "3000"), r("2025-02", "22000", "4000")],
  },
  {
    code: "TY-B1",
    name: "乙县智能装备产业园",
    park: "乙",
    industry: "装备制造",
    total: "80000",
    actualStartMonth: "2024-02",
    lists: { 2024: "25000", 2025: "30000" },
    reports: [
      r("2024-10", "30000", "5000"),
      r("2024-11", "35000", "5000"),
      r("2024-12", "40000", "5000"),
      r("2025-01", "44000", "4000"),
      r("2025-02", "50000", "6000"),
      r("2025-03", "53000", "3000"),
    ],
  },
  {
    code: "TY-B2",
    name: "乙县新材料二期",
    park: "乙",
    industry: "新材料",
    total: "35000",
    actualStartMonth: null,
    // not started, never reported: the 通报's 未开工 table
    lists: { 2025: "5000" },
    reports: [],
  },
  {
    code: "TY-S",
    name: "甲县锂电材料项目",
    park: "甲",
    industry: "新材料",
    total: "100000",
    actualStartMonth: "2024-01",
    lists: { 2024: "50000", 2025: "30000" },
    // 25 points behind in November 2024 (red), then silent
    planned: { "2024-10": "30000", "2024-11": "55000", "2024-12": "60000", "2025-01": "65000", "2025-02": "70000", "2025-03": "75000" },
    reports: [r("2024-10", "25000", "5000"), r("2024-11", "30000", "5000")],
  },
];

export const TWO_YEAR_PERIODS = ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03"];

export type TwoYears = { admin: Actor; parks: { 甲: number; 乙: number }; projects: Record<string, number> };

export async function buildTwoYears(prisma: Db): Promise<TwoYears> {
  const 甲 = await prisma.park.create({ data: { name: "甲县园区", county: "甲县", sortOrder: 1 } });
  const 乙 = await prisma.park.create({ data: { name: "乙县园区", county: "乙县", sortOrder: 2 } });
  const parks = { 甲: 甲.id, 乙: 乙.id };
  const user = await prisma.user.create({ data: { username: "office", displayName: "园区办", passwordHash: "-", role: "ADMIN" } });
  const admin: Actor = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, parkId: null };

  const plans: Record<number, number> = {};
  for (const year of [2024, 2025] as const) {
    const listed = TWO_YEAR_PROJECTS.filter((p) => year in p.lists);
    const total = listed.reduce((s, p) => s + Number(p.total), 0);
    const annual = listed.reduce((s, p) => s + Number(p.lists[year] ?? 0), 0);
    const plan = await prisma.annualPlan.create({
      data: {
        year,
        title: `${year}年重大项目计划`,
        declaredProjectCount: listed.length,
        declaredTotalInvestment: String(total),
        declaredAnnualInvestment: String(annual),
        startDeadline: new Date(`${year}-06-30T00:00:00Z`),
        productionDeadline: new Date(`${year}-12-31T00:00:00Z`),
        productionTargetLabel: "投产",
        targetText: "全部开工",
        factorGuarantees: [],
      },
    });
    plans[year] = plan.id;
  }

  const projects: Record<string, number> = {};
  for (const [i, p] of TWO_YEAR_PROJECTS.entries()) {
    const project = await prisma.project.create({
      data: {
        code: p.code,
        name: p.name,
        parkId: parks[p.park],
        industry: p.industry,
        totalInvestment: p.total,
        actualStartMonth: p.actualStartMonth,
        // entered into the statistics (入库) in its start month: no 入库 warning
        statsEnteredMonth: p.actualStartMonth,
        plannedStartMonth: p.actualStartMonth ?? "2025-09",
        status: p.actualStartMonth ? "UNDER_CONSTRUCTION" : "NOT_STARTED",
        constructionContent: `${p.name}建设`,
      },
    });
    projects[p.code] = project.id;
    for (const year of [2024, 2025] as const) {
      if (!(year in p.lists)) continue;
      await prisma.annualPlanEntry.create({ data: { planId: plans[year], projectId: project.id, annualPlannedInvestment: p.lists[year], sortOrder: i } });
    }
    for (const [month, cumulativePlanned] of Object.entries(p.planned ?? {})) {
      await prisma.plannedInvestment.create({ data: { projectId: project.id, month, cumulativePlanned } });
    }
    for (const rep of p.reports) {
      const report = await prisma.monthlyReport.create({ data: { projectId: project.id, month: rep.month, status: "APPROVED" } });
      const revision = await prisma.monthlyReportRevision.create({
        data: {
          reportId: report.id,
          revisionNo: 1,
          monthInvestment: rep.monthInvestment,
          cumulativeInvestment: rep.cumulative,
          progressText: `${rep.month}按计划施工`,
          createdById: user.id,
        },
      });
      await prisma.monthlyReport.update({ where: { id: report.id }, data: { currentRevisionId: revision.id, approvedRevisionId: revision.id } });
    }
  }

  for (const month of TWO_YEAR_PERIODS) {
    const [y, m] = month.split("-").map(Number);
    await prisma.reportingPeriod.create({ data: { month, deadline: new Date(Date.UTC(y, m, 5)) } });
  }
  return { admin, parks, projects };
}
