// 项目库 and the park pages at more than one page of projects: 120 generated projects published
// with the seed's four. The list's data function returns exactly one page, filters and sorts
// in SQL (counts right, order right across pages), and costs the same queries at any size.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishPeriod } from "@/server/periods/service";
import { getReadPublication } from "@/server/periods/queries";
import { getProjectListPage } from "@/server/figures/project-list";
import { listFigures, listParkRanking } from "@/server/figures/queries";
import { getParkProjects, getParkStats, getParkWarnings, PARK_TOP } from "@/server/figures/park";
import { getMonthlySeries } from "@/server/figures/queries";
import { getIssueSummary, listParkIssues } from "@/server/issues/queries";
import type { Db } from "@/server/db/client";
import { listParks } from "@/server/parks/queries";
import { parseProjectListParams } from "@/lib/project-list";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { actorsOf, type Actors } from "../helpers/actors";
import { countingClient, type CountingClient } from "../helpers/query-count";
import { leftBehindConfirmation } from "../helpers/publication";

const TODAY = "2025-01-08";
const code = (g: number) => `BULK-${String(g).padStart(3, "0")}`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => code(from + i));

/** Every section loader of a park page (/parks/[id]), as the page calls them. */
async function parkPage(prisma: Db, parkId: number, year: number, today: string, page: number) {
  const pub = (await getReadPublication(prisma, year))!;
  const [totals, warnings, projects, series, issueSummary, issues] = await Promise.all([
    getParkStats(prisma, pub, parkId),
    getParkWarnings(prisma, pub, parkId),
    getParkProjects(prisma, pub, parkId, page),
    getMonthlySeries(prisma, year, pub.publicationId, parkId),
    getIssueSummary(prisma, { year, today, parkId }),
    listParkIssues(prisma, parkId, year, today, PARK_TOP),
  ]);
  return { totals, warnings, projects, series, issueSummary, issues };
}

describe("the project list with 124 published projects", () => {
  let t: TestDatabase;
  let a: Actors;
  let counted: CountingClient;
  const countedDb = () => counted.prisma;
  const list = (sp: Record<string, string>, prisma = t.prisma) => getProjectListPage(prisma, 2024, parseProjectListParams(sp));

  beforeAll(async () => {
    t = await createTestDatabase("seeded");
    a = await actorsOf(t.prisma);
    counted = countingClient(t.url);
  });
  afterAll(async () => {
    await counted?.disconnect();
    await t?.drop();
  });

  const count = async (fn: () => Promise<unknown>) => (await counted.count(fn)).statements;

  it("costs the same queries for 4 projects and for 124, and returns one page", async () => {
    const before = await count(() => list({}, countedDb()));
    expect((await list({})).rows).toHaveLength(4);

    // BULK-g, g = 1…120, round-robin over the four county parks; total 10,000 + g 万元, started and 入库 2024-02; annual plan 8,000;
    // December plan 8,000 cumulative. g ≤ 100 report December: cumulative 80·g (年度投资完成率 g%,
    // lag 80 − 0.8·g points: red for g ≤ 74). g > 100 reported only November (10,000: 125%) — 未报 in December.
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO "Project"(code, name, "parkId", "totalInvestment", status, "actualStartMonth", "statsEnteredMonth", "updatedAt")
      SELECT 'BULK-' || lpad(g::text, 3, '0'), '批量项目' || g,
             (SELECT id FROM "Park" ORDER BY "sortOrder", name OFFSET (g % 4) LIMIT 1), 10000 + g, 'UNDER_CONSTRUCTION', '2024-02', '2024-02', now()
        FROM generate_series(1, 120) g`);
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO "AnnualPlanEntry"("planId", "projectId", "annualPlannedInvestment", "sortOrder")
      SELECT (SELECT id FROM "AnnualPlan" WHERE year = 2024), id, 8000, 1000 + substring(code, 6)::int FROM "Project" WHERE code LIKE 'BULK-%'`);
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO "PlannedInvestment"("projectId", month, "cumulativePlanned", "updatedAt")
      SELECT id, '2024-12', 8000, now() FROM "Project" WHERE code LIKE 'BULK-%'`);
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO "MonthlyReport"("projectId", month, status, "updatedAt")
      SELECT id, CASE WHEN substring(code, 6)::int <= 100 THEN '2024-12' ELSE '2024-11' END, 'APPROVED', now() FROM "Project" WHERE code LIKE 'BULK-%'`);
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO "MonthlyReportRevision"("reportId", "revisionNo", "cumulativeInvestment", "progressText")
      SELECT r.id, 1, CASE WHEN r.month = '2024-12' THEN substring(p.code, 6)::int * 80 ELSE 10000 END, '批量'
        FROM "MonthlyReport" r JOIN "Project" p ON p.id = r."projectId" WHERE p.code LIKE 'BULK-%'`);
    await t.prisma.$executeRawUnsafe(`
      UPDATE "MonthlyReport" r SET "approvedRevisionId" = rv.id, "currentRevisionId" = rv.id
        FROM "MonthlyReportRevision" rv WHERE rv."reportId" = r.id AND r."approvedRevisionId" IS NULL`);
    const period = await t.prisma.reportingPeriod.findUniqueOrThrow({ where: { month: "2024-12" } });
    await publishPeriod(t.prisma, a.admin, { month: "2024-12", version: period.version, leftBehind: await leftBehindConfirmation(t.prisma, "2024-12") }, TODAY);

    expect(await count(() => list({}, countedDb()))).toBe(before);
    const first = await list({});
    expect(first).toMatchObject({ total: 124, page: 1, pages: 7 });
    expect(first.pub!.month).toBe("2024-12");
    expect(first.rows).toHaveLength(20);
    expect((await list({ size: "7", page: "3" })).rows).toHaveLength(7);
  });

  it("sorts by 年度投资完成率 in SQL, in order across pages, 未计算 last", async () => {
    const pages = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => list({ sort: "rate", dir: "asc", page: String(n) })));
    expect(pages.every((p) => p.total === 124)).toBe(true);
    const codes = pages.flatMap((p) => p.rows.map((r) => r.code));
    expect(codes).toHaveLength(124);
    expect(new Set(codes).size).toBe(124);
    expect(pages[2].rows.map((r) => r.code)).toEqual(range(41, 60));
    expect(pages[2].rows.map((r) => Number(r.annualRate))).toEqual(range(41, 60).map((c) => Number(c.slice(5))));
    // 125% for the ones that carried November forward; the seed's four have no annual plan figure
    expect(pages[5].rows.map((r) => r.code)).toEqual(range(101, 120));
    expect(pages[6].rows.map((r) => [r.code, r.annualRate])).toEqual(["YQ2024-001", "YQ2024-002", "YQ2024-003", "YQ2024-004"].map((c) => [c, null]));
    const desc = await list({ sort: "rate", dir: "desc", page: "2" });
    expect(desc.rows.map((r) => r.code)).toEqual(range(81, 100).reverse());
    const byTotal = await list({ sort: "total", dir: "desc" });
    expect(byTotal.rows.slice(0, 4).map((r) => r.code)).toEqual(["YQ2024-002", "YQ2024-001", "YQ2024-003", "YQ2024-004"]);
    expect(byTotal.rows[4].code).toBe("BULK-120");
  });

  it("filters by warning colour, 未报, park and text in SQL, and sorts the filtered list on page 3", async () => {
    const red = await list({ warning: "red", sort: "rate", dir: "asc", page: "3" });
    expect(red.total).toBeGreaterThanOrEqual(74);
    expect(red.rows.map((r) => r.code)).toEqual(range(41, 60));
    expect(red.rows.every((r) => r.warningLevel === "RED")).toBe(true);
    // BULK-075 is 5 points behind the plan (yellow from 10), BULK-074 more than 20 (red)
    const yellow = await list({ warning: "yellow", sort: "rate", dir: "asc", size: "100" });
    expect(yellow.rows.filter((r) => r.code.startsWith("BULK-") && !r.missing).map((r) => r.code)).toEqual(range(75, 87));

    const stale = await list({ warning: "stale", size: "100" });
    expect(stale.total).toBe(24);
    expect(stale.rows.filter((r) => r.code.startsWith("BULK-")).map((r) => [r.code, r.figureMonth])).toEqual(range(101, 120).map((c) => [c, "2024-11"]));

    const parks = await listParks(t.prisma);
    const park = parks[1];
    const inPark = await list({ park: String(park.id), size: "100" });
    expect(inPark.total).toBe(31);
    expect(inPark.rows.every((r) => r.parkId === park.id)).toBe(true);
    expect((await list({ q: "bulk-05" })).rows.map((r) => r.code)).toEqual(range(50, 59));
    // a page past the end shows the last page
    expect(await list({ warning: "stale", page: "9" })).toMatchObject({ page: 2, pages: 2 });
    expect((await list({ warning: "stale", page: "9" })).rows).toHaveLength(4);
  });

  it("a park page reads one page of its projects and the top of its warnings, whatever its size", async () => {
    const parks = await listParks(t.prisma);
    const park = parks[1];
    const before = await count(() => parkPage(countedDb(), parks[0].id, 2024, TODAY, 1));
    const d = await parkPage(t.prisma, park.id, 2024, TODAY, 2);
    expect(await count(() => parkPage(countedDb(), park.id, 2024, TODAY, 2))).toBe(before);
    expect(d.projects.total).toBe(31);
    expect(d.projects.rows).toHaveLength(11);
    expect(d.totals!.projectCount).toBe(31);
    expect(d.warnings.red.rows.length).toBeLessThanOrEqual(5);
    expect(d.warnings.red.total).toBeGreaterThan(5);
    // the worst first: most points behind the plan
    const lags = d.warnings.red.rows.map((r) => Number(r.lagPoints));
    expect([...lags].sort((x, y) => y - x)).toEqual(lags);
    expect(d.issues.length).toBeLessThanOrEqual(5);
  });

  it("ranks the county parks lowest 年度投资完成率 first, a page at a time", async () => {
    const pub = (await getReadPublication(t.prisma, 2024))!;
    const all = await listParkRanking(t.prisma, pub.publicationId, { page: 1, size: 10 });
    expect(all.total).toBe(4);
    const rates = all.rows.map((r) => Number(r.yearInvestmentOfPlanned) / Number(r.annualPlanned));
    expect([...rates].sort((x, y) => x - y)).toEqual(rates);
    const second = await listParkRanking(t.prisma, pub.publicationId, { page: 2, size: 3 });
    expect(second.rows.map((r) => r.key)).toEqual([all.rows[3].key]);
    // each park's sums add up to its figures
    const figures = await listFigures(t.prisma, { publicationId: pub.publicationId, parkId: all.rows[0].parkId, page: 1, size: 100 });
    expect(figures.total).toBe(all.rows[0].projectCount);
  });
});
