// The demo set (演示数据) on top of the seed report: marked, idempotent, never contradicting the
// report, and giving each warning colour something to show.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDatabase } from "@/server/seed";
import { getProjectDetail } from "@/server/projects/queries";
import { getReadPublication } from "@/server/periods/queries";
import { getMonthlySeries, getProjectFigureHistory, getPublicationTotals, listFigures, listParkRanking } from "@/server/figures/queries";
import { listParks } from "@/server/parks/queries";
import { getIssueCountsByPark, getIssueSummary, listIssues } from "@/server/issues/queries";
import { reviewMonthlyReport } from "@/server/monthly-reports/service";
import { publishPeriod } from "@/server/periods/service";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { leftBehindConfirmation } from "../helpers/publication";
import { readDemoDate } from "@/server/seed/demo";
import { businessDate, currentMonth } from "@/lib/month";
import { isPastDeadline } from "@/domain/periods";
import { createIssue } from "@/server/issues/service";
import { createIssueSchema } from "@/lib/schemas/issue";
import { loadBulletin, writeBulletin } from "@/server/documents/bulletin";
import { loadAnnualReport, writeAnnualReport } from "@/server/documents/annual";

const TODAY = "2026-11-26";

describe("the demo set", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  it("loads once, marked as demo", async () => {
    const first = await seedDatabase(t.prisma, { demo: true });
    expect(first.created).toMatchObject({ project: 4, "demo.project": 6, "demo.annualPlanEntry": 6, "demo.issue": 6 });
    const second = await seedDatabase(t.prisma, { demo: true });
    expect(second.created).toEqual({});
    expect(await t.prisma.project.count({ where: { isDemo: true, code: { startsWith: "DEMO-" } } })).toBe(6);
    expect(await t.prisma.project.count({ where: { isDemo: true, NOT: { code: { startsWith: "DEMO-" } } } })).toBe(0);
    expect(await t.prisma.plannedInvestment.count({ where: { isDemo: false } })).toBe(0);
    expect(await t.prisma.milestone.count({ where: { isDemo: false } })).toBe(0);
    // every report not from the seed report is marked demo
    expect(await t.prisma.monthlyReport.count({ where: { isDemo: false } })).toBe(4);
  });

  it("leaves the report's own 2024-11 figures as they were", async () => {
    const reports = await t.prisma.monthlyReport.findMany({
      where: { month: "2024-11", project: { code: { startsWith: "YQ" } } },
      include: { approvedRevision: true, project: true },
      orderBy: { project: { code: "asc" } },
    });
    expect(reports.map((r) => [r.project.code, r.isDemo, r.approvedRevision!.cumulativeInvestment.toFixed(2)])).toEqual([
      ["YQ2024-001", false, "150000.00"],
      ["YQ2024-002", false, "170000.00"],
      ["YQ2024-003", false, "56000.00"],
      ["YQ2024-004", false, "47000.00"],
    ]);
    const pub = (await getReadPublication(t.prisma, 2024))!;
    expect((await getPublicationTotals(t.prisma, { publicationId: pub.publicationId, month: pub.month })).projectCount).toBe(10);
    expect((await t.prisma.annualPlan.findUniqueOrThrow({ where: { year: 2024 } })).declaredTotalInvestment.toString()).toBe("1336000");
  });

  it("gives each rule something to show, in the published November", async () => {
    const pub = (await getReadPublication(t.prisma, 2024))!;
    expect(pub.month).toBe("2024-11");
    const { rows: items } = await listFigures(t.prisma, { publicationId: pub.publicationId, page: 1, size: 20 });
    const pts = (x: string | null) => (x === null ? null : Number(x).toFixed(1));
    const view = Object.fromEntries(items.map((p) => [p.code, [p.warningLevel, p.missing, pts(p.lagPoints)]]));
    expect(view).toEqual({
      "YQ2024-001": ["YELLOW", false, "3.0"], // was red in September (21.2 points), caught up; started late
      "YQ2024-002": ["RED", false, "22.3"],
      "YQ2024-003": ["YELLOW", false, "11.3"],
      "YQ2024-004": ["YELLOW", false, "4.3"],
      "DEMO-001": ["GREEN", false, "-0.6"],
      "DEMO-002": ["YELLOW", false, "15.0"],
      "DEMO-003": ["RED", true, null], // not started, never reported: 未报
      "DEMO-004": ["YELLOW", true, "8.0"], // no November report: 未报, October carried forward and judged against November's plan
      "DEMO-005": ["YELLOW", false, "1.7"], // overdue issue
      "DEMO-006": ["GREEN", false, "0.0"],
    });
    const zw = items.find((p) => p.code === "YQ2024-001")!;
    expect(zw.warningReasons).toEqual([
      "开工晚于计划截止日期 2024年4月30日（2024年9月开工）",
      "2024年9月曾落后月度计划 21.2 个百分点（红色预警），现落后 3.0 个百分点（演示数据）",
    ]);
    const js = items.find((p) => p.code === "YQ2024-002")!;
    expect(js.warningReasons[0]).toBe("2024年11月累计完成投资落后月度计划 22.3 个百分点（演示数据）");
    expect(js.isDemo).toBe(true);
    expect(items.find((p) => p.code === "DEMO-005")!.warningReasons).toEqual(["有1个问题逾期未办结"]);
    const stale = items.find((p) => p.code === "DEMO-004")!;
    expect(stale).toMatchObject({ missing: true, figureMonth: "2024-10", cumulative: "47000" });
    expect(stale.warningReasons).toContain("2024年11月未报");
    // its history: 未报 in November with October's figure, never lower
    const history = await getProjectFigureHistory(t.prisma, stale.projectId, 2024);
    expect(history.slice(-2).map((h) => [h.month, h.cumulative?.toString(), h.missing, h.figureMonth])).toEqual([
      ["2024-10", "47000", false, "2024-10"],
      ["2024-11", "47000", true, "2024-10"],
    ]);
    // the county parks, lowest 年度投资完成率 first: 新晃 counts DEMO-004's October 4.7亿元 as 未报 rather than hiding it
    const ranking = await listParkRanking(t.prisma, pub.publicationId, { page: 1, size: 10 });
    expect(ranking.rows.map((r) => [r.label, r.projectCount, r.missing, r.cumulative, r.red, r.yellow])).toEqual([
      ["溆浦县园区", 2, 1, "56000", 1, 1],
      ["洞口县园区", 3, 0, "242000", 1, 1],
      ["新晃县园区", 2, 1, "94000", 0, 2],
      ["会同县园区", 3, 0, "213500", 0, 2],
    ]);
  });

  it("fills the month-by-month chart from the published months", async () => {
    const pub = (await getReadPublication(t.prisma, 2024))!;
    const series = await getMonthlySeries(t.prisma, 2024, pub.publicationId);
    expect(series.map((p) => p.month)).toEqual([
      "2024-01",
      "2024-02",
      "2024-03",
      "2024-04",
      "2024-05",
      "2024-06",
      "2024-07",
      "2024-08",
      "2024-09",
      "2024-10",
      "2024-11",
      "2024-12",
    ]);
    const nov = series.find((p) => p.month === "2024-11")!;
    // 423,000 (the report) + 39,500 + 42,000 + 24,000 + 30,000, and DEMO-004's October 47,000 carried forward (未报)
    expect(nov).toMatchObject({ actual: "605500", publishedProjects: 10, missing: 2, demo: true });
    expect(nov.planned).toBe("826000");
    // December is open (one report awaiting review): planned, nothing published
    expect(series.at(-1)).toMatchObject({ month: "2024-12", actual: null });
    const parks = await listParks(t.prisma);
    const xinhuang = parks.find((p) => p.name === "新晃县园区")!;
    const park = await getMonthlySeries(t.prisma, 2024, pub.publicationId, xinhuang.id);
    expect(park.find((p) => p.month === "2024-11")).toMatchObject({ actual: "94000", publishedProjects: 2, missing: 1 });
    const sums = await getPublicationTotals(t.prisma, { publicationId: pub.publicationId, month: pub.month, parkId: xinhuang.id });
    expect(sums).toMatchObject({ projectCount: 2, cumulative: "94000", missing: 1 });
  });

  it("shows the 督办 loop in several states, each with its 办理过程", async () => {
    const demo = await t.prisma.issue.findMany({ where: { isDemo: true }, orderBy: { sortOrder: "asc" }, include: { updates: { orderBy: { createdAt: "asc" } } } });
    expect(demo.map((i) => [i.status, i.updates.map((u) => u.action)])).toEqual([
      ["IN_PROGRESS", ["assign", "acknowledge"]],
      ["FEEDBACK", ["assign", "acknowledge", "feedback"]],
      ["ASSIGNED", ["assign"]],
      ["CLOSED", ["assign", "acknowledge", "feedback", "accept"]],
      ["IN_PROGRESS", ["assign", "acknowledge"]],
      ["CLOSED", ["assign", "acknowledge", "feedback", "accept"]],
    ]);
  });

  it("counts demo issues with their due dates", async () => {
    const s = await getIssueSummary(t.prisma, { year: 2024, today: TODAY });
    expect(s).toMatchObject({ total: 13, closed: 2, overdue: 4, demo: 6 });
    const byPark = await getIssueCountsByPark(t.prisma, { year: 2024, today: TODAY });
    expect(byPark.map((r) => [r.parkName, r.total, r.open, r.overdue])).toEqual([
      [null, 7, 7, 0],
      ["会同县园区", 2, 1, 1],
      ["洞口县园区", 2, 2, 2],
      ["溆浦县园区", 1, 1, 1],
      ["新晃县园区", 1, 0, 0],
    ]);
    // a park's list holds its projects' issues and its own, overdue first
    const dongkou = byPark.find((r) => r.parkName === "洞口县园区")!;
    const list = await listIssues(t.prisma, { year: 2024, today: TODAY, parkId: dongkou.parkId! });
    expect(list.map((i) => [i.title, i.overdue])).toEqual([
      ["（演示）金石项目110千伏专线报装进度滞后", true],
      ["（演示）电子元器件产业园项目贷款审批", true],
    ]);
    // the loan's due date (2025-03-31) had not passed at the end of 2024
    expect((await listIssues(t.prisma, { year: 2024, today: "2024-12-31", parkId: dongkou.parkId! })).map((i) => i.overdue)).toEqual([true, false]);
    // on the day before the earliest due date nothing is overdue yet
    expect((await getIssueSummary(t.prisma, { year: 2024, today: "2024-04-30" })).overdue).toBe(0);
  });

  it("keeps a returned revision in the project's history", async () => {
    const p = (await getProjectDetail(t.prisma, "DEMO-002"))!;
    const oct = p.monthlyReports.find((r) => r.month === "2024-10")!;
    expect(oct.status).toBe("APPROVED");
    expect(oct.revisions.map((r) => [r.revisionNo, r.cumulativeInvestment.toString()])).toEqual([
      [2, "33000"],
      [1, "35000"],
    ]);
    expect(oct.events.map((e) => e.action)).toEqual(["SUBMIT", "RETURN", "SUBMIT", "APPROVE"]);
    expect(p.milestones.map((m) => m.name)).toEqual(["开工", "主体完工", "投产"]);
  });

  it("tells its story on its own date (演示日期 2025-01-03), whatever the clock says", async () => {
    expect(await readDemoDate(t.prisma)).toBe("2025-01-03");
    vi.stubEnv("APP_TODAY", "2025-01-03");
    try {
      expect(currentMonth()).toBe("2025-01");
      // the open 2024-12 调度期 is before its deadline, as the county's journey says
      const december = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-12" } });
      expect(december.status).toBe("OPEN");
      expect(isPastDeadline(december.deadline.toISOString().slice(0, 10), businessDate())).toBe(false);
      // nodes planned relative to the demo's date: 临期 and 超期 by days, never by years
      const open = await t.prisma.milestone.findMany({ where: { isDemo: true, actualDate: null, plannedDate: { not: null } } });
      const late = open.map((m) => (Date.parse("2025-01-03") - m.plannedDate!.getTime()) / 86_400_000).filter((d) => d > 0);
      expect(late).toEqual(expect.arrayContaining([3, 10])); // "today-3", "today-10" in milestones.json
      expect(Math.max(...late)).toBeLessThan(366);
      expect(open.some((m) => m.plannedDate!.toISOString().slice(0, 10) > "2025-01-03")).toBe(true);

      await seedDatabase(t.prisma, { demo: true, demoAccounts: true });
      const user = await t.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
      const admin = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, parkId: user.parkId };
      // an issue raised in the demo is raised on its date, in its year's ledger
      const issue = await createIssue(t.prisma, admin, createIssueSchema.parse({ projectCode: "DEMO-002", subCategory: "FINANCING", title: "演示日期测试问题", description: "—" }));
      expect([issue.raisedDate!.toISOString().slice(0, 10), issue.year]).toEqual(["2025-01-03", 2024]);
      // December's report was submitted on the demo's story, not when the demo was loaded
      const submitted = await t.prisma.monthlyReport.findFirstOrThrow({ where: { month: "2024-12", status: "SUBMITTED", isDemo: true } });
      expect(businessDate(submitted.updatedAt) <= "2025-01-03").toBe(true);
      // the office reviews December and publishes it: the publication and its 通报 are dated that day
      for (const r of await t.prisma.monthlyReport.findMany({ where: { month: "2024-12", status: "SUBMITTED" } })) {
        await reviewMonthlyReport(t.prisma, admin, { reportId: r.id, version: r.version, decision: "approve", reason: "" });
      }
      const period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-12" } });
      await publishPeriod(t.prisma, admin, { month: "2024-12", version: period.version, leftBehind: await leftBehindConfirmation(t.prisma, "2024-12") });
      const pub = await t.prisma.periodPublication.findFirstOrThrow({ where: { period: { month: "2024-12" } } });
      expect(pub.asOfDate.toISOString().slice(0, 10)).toBe("2025-01-03");
      expect(businessDate(pub.publishedAt)).toBe("2025-01-03");
      const bulletin = writeBulletin((await loadBulletin(t.prisma, "2024-12"))!);
      expect(bulletin.dateLine).toBe("2025年1月3日");
      expect(bulletin.asOf).toContain("2025-01-03");
      // its 情况报告 lists the demo's issues by title under their sub-problems, never their text as the report's
      const report = writeAnnualReport((await loadAnnualReport(t.prisma, 2024))!);
      const texts = report.blocks.flatMap((b) => (b.kind === "p" ? [(b.lead ?? "") + b.text] : []));
      expect(texts).toContain("1. 演示日期测试问题（未办结）");
      expect(texts).toContain("2. （演示）电子元器件产业园项目贷款审批（未办结）（演示数据）");
      expect(texts.join("\n")).not.toContain("项目贷款3亿元待银行审批");
      // the demo's earlier months were published on their deadlines
      const november = await t.prisma.periodPublication.findFirstOrThrow({ where: { period: { month: "2024-11" } } });
      expect(businessDate(november.publishedAt)).toBe("2024-12-05");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("publishing December (the test above): a red project that did not report stays red, citing its November lag, and no colour improves by silence", async () => {
    const publication = async (month: string) => ({
      publicationId: (await t.prisma.periodPublication.findFirstOrThrow({ where: { period: { month } }, orderBy: { publicationNo: "desc" } })).id,
    });
    const november = await publication("2024-11");
    const december = await publication("2024-12");
    expect((await getReadPublication(t.prisma, 2024))!.publicationId).toBe(december.publicationId);

    const figures = async (publicationId: number) => (await listFigures(t.prisma, { publicationId, page: 1, size: 20 })).rows;
    const before = new Map((await figures(november.publicationId)).map((f) => [f.code, f]));
    const after = await figures(december.publicationId);
    const js = after.find((f) => f.code === "YQ2024-002")!;
    expect(js).toMatchObject({ missing: true, figureMonth: "2024-11", warningLevel: "RED" });
    expect(js.warningReasons).toContain("2024年11月落后月度计划 22.3 个百分点（红色预警），此后未报，预警未解除（演示数据）");
    expect(js.warningReasons).toContain("2024年12月未报");
    // not the first red month (August, 20.4 points)
    expect(js.warningReasons.some((r) => r.includes("20.4"))).toBe(false);
    // every project silent in December is at least as serious as in November
    const rank = { GREEN: 0, YELLOW: 1, RED: 2 } as const;
    const silent = after.filter((f) => f.missing);
    expect(silent.length).toBeGreaterThan(1);
    for (const f of silent) expect(rank[f.warningLevel], `${f.code}: ${f.warningReasons.join("；")}`).toBeGreaterThanOrEqual(rank[before.get(f.code)!.warningLevel]);
    const count = async (publicationId: number, month: string) => (await getPublicationTotals(t.prisma, { publicationId, month })).red;
    expect(await count(december.publicationId, "2024-12")).toBeGreaterThanOrEqual(await count(november.publicationId, "2024-11"));
  });
});
