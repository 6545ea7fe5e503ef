// The figure rules of src/domain, each pinned by one test of its pair: the SQL fragment (what the
// publication, the 调度表 and the queries run) and its TypeScript twin answer the same cases, on
// whichever engine the suite runs against (embedded, or PostgreSQL with DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, type ReportStatus } from "@/generated/prisma/client";
import { COUNTED_REVISION, countedRevisionId, figureUpTo, figureUpToSql, isMissing, missingSql, revisionOf, revisionSql, type RevisionBasis } from "@/domain/counted-revision";
import { annualRankingOrderSql, annualRate, annualRateSql, planScopeSums, planScopeSumsSql, projectAnnualRate, rankByAnnualRate } from "@/domain/annual-rate";
import { belowScheduleSql, isBelowSchedule, scheduleGapPoints } from "@/domain/schedule-progress";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe("the counted revision (计入统计的版本)", () => {
  // [label, status, current, approved, counted (reporting check), approved basis (published figure)]
  const cases: Array<[string, ReportStatus, number | null, number | null, number | null, number | null]> = [
    ["first submission awaiting review", "SUBMITTED", 2, null, 2, null],
    ["correction awaiting review", "SUBMITTED", 5, 3, 5, 3],
    ["approved", "APPROVED", 5, 5, 5, 5],
    ["draft correction after approval", "DRAFT", 6, 5, 5, 5],
    ["returned correction after approval", "RETURNED", 7, 5, 5, 5],
    ["draft never submitted", "DRAFT", 1, null, null, null],
    ["returned, never approved", "RETURNED", 3, null, null, null],
  ];
  it.each([["counted", 4] as const, ["approved", 5] as const])("SQL and TypeScript give the same answers (%s)", async (basis, column) => {
    const expected = cases.map((c) => c[column]);
    const ts = cases.map(([, status, currentRevisionId, approvedRevisionId]) => revisionOf({ status, currentRevisionId, approvedRevisionId }, basis));
    const values = Prisma.join(cases.map(([, status, current, approved], k) => Prisma.sql`(${k}::int, ${status}::text, ${current}::int, ${approved}::int)`));
    const rows = await t.prisma.$queryRaw<Array<{ v: number | null }>>(Prisma.sql`
      SELECT (SELECT ${revisionSql(basis)} FROM (SELECT v.status, v."currentRevisionId", v."approvedRevisionId") AS r) AS v
        FROM (VALUES ${values}) AS v(k, status, "currentRevisionId", "approvedRevisionId") ORDER BY v.k`);
    expect(ts).toEqual(expected);
    expect(rows.map((r) => r.v)).toEqual(expected);
    if (basis === "counted") {
      expect(cases.map(([, status, currentRevisionId, approvedRevisionId]) => countedRevisionId({ status, currentRevisionId, approvedRevisionId }))).toEqual(expected);
      expect(COUNTED_REVISION.sql).toBe(revisionSql("counted").sql);
    }
  });
});

describe("the figure that counts for a month: newest up to it, carried forward, 未报", () => {
  type Report = { month: string; status: ReportStatus; currentRevisionId: number | null; approvedRevisionId: number | null };
  const reports = new Map<string, Report[]>();
  let parkId = 0;
  // per project: [month, status, current revision ("same" as the approved one, a new one, none), approved revision]
  const spec: Record<string, Array<[string, ReportStatus, "same" | "new" | null, boolean]>> = {
    A: [
      ["2023-12", "APPROVED", "same", true],
      ["2024-09", "APPROVED", "same", true],
      ["2024-10", "SUBMITTED", "new", false], // first submission awaiting review
      ["2024-11", "DRAFT", "new", false], // never submitted
      ["2024-12", "SUBMITTED", "new", true], // correction of an approved month awaiting review
    ],
    B: [
      ["2024-08", "APPROVED", "same", true],
      ["2024-10", "RETURNED", "new", false], // returned, never approved
      ["2025-01", "DRAFT", "new", true], // draft correction after approval
    ],
    C: [],
  };
  beforeAll(async () => {
    parkId = (await t.prisma.park.create({ data: { name: "规则园区", county: "规则县" } })).id;
    for (const [code, rows] of Object.entries(spec)) {
      const project = await t.prisma.project.create({ data: { code: `RULE-${code}`, name: code, parkId, totalInvestment: "1000" } });
      const list: Report[] = [];
      for (const [month, status, current, approved] of rows) {
        const r = await t.prisma.monthlyReport.create({ data: { projectId: project.id, month, status } });
        let no = 0;
        const revision = async () =>
          (await t.prisma.monthlyReportRevision.create({ data: { reportId: r.id, revisionNo: ++no, cumulativeInvestment: String(no * 10), progressText: month } })).id;
        const approvedRevisionId = approved ? await revision() : null;
        const currentRevisionId = current === "same" ? approvedRevisionId : current === "new" ? await revision() : null;
        await t.prisma.monthlyReport.update({ where: { id: r.id }, data: { currentRevisionId, approvedRevisionId } });
        list.push({ month, status, currentRevisionId, approvedRevisionId });
      }
      reports.set(`RULE-${code}`, list);
    }
  });

  const months = ["2023-11", "2023-12", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02"];
  const cases: Array<[RevisionBasis, "upTo" | "before"]> = [
    ["approved", "upTo"],
    ["approved", "before"],
    ["counted", "upTo"],
    ["counted", "before"],
  ];
  it.each(cases)("SQL and TypeScript pick the same month and revision (%s, %s), and agree on 未报", async (basis, kind) => {
    for (const month of months) {
      const rows = await t.prisma.$queryRaw<Array<{ code: string; month: string | null; revisionId: number | null; missing: boolean }>>(Prisma.sql`
        SELECT p.code, f.month, f."revisionId", ${missingSql(Prisma.sql`f.month`, month)} AS missing
          FROM "Project" p
          ${figureUpToSql({ alias: "f", basis, ...(kind === "upTo" ? { upTo: month } : { before: month }) })}
         WHERE p."parkId" = ${parkId}
         ORDER BY p.code`);
      const ts = [...reports.entries()].map(([code, list]) => {
        const f = figureUpTo(list, basis, kind === "upTo" ? { upTo: month } : { before: month });
        return { code, month: f?.month ?? null, revisionId: f?.revisionId ?? null, missing: isMissing(f?.month ?? null, month) };
      });
      expect(rows, `${basis} ${kind} ${month}`).toEqual(ts);
    }
  });

  it("the published figure: newest approved, carried forward with its own month and marked 未报", async () => {
    const pick = (code: string, month: string) => figureUpTo(reports.get(code)!, "approved", { upTo: month })?.month ?? null;
    expect(["2024-09", "2024-10", "2024-11", "2024-12", "2025-01"].map((m) => pick("RULE-A", m))).toEqual(["2024-09", "2024-09", "2024-09", "2024-12", "2024-12"]);
    expect(["2024-10", "2025-01"].map((m) => pick("RULE-B", m))).toEqual(["2024-08", "2025-01"]);
    expect(pick("RULE-C", "2024-12")).toBeNull();
    expect([isMissing("2024-09", "2024-11"), isMissing(null, "2024-11"), isMissing("2024-11", "2024-11")]).toEqual([true, true, false]);
    // the reporting check counts a first submission awaiting review
    expect(figureUpTo(reports.get("RULE-A")!, "counted", { before: "2024-11" })?.month).toBe("2024-10");
  });
});

describe("年度投资完成率, like for like (同口径)", () => {
  // groups of projects: [group, 本年完成, annual plan (null: none)]
  const projects: Array<[number, string, string | null]> = [
    [1, "300", "1000"],
    [1, "500", null], // no plan figure: in neither the numerator nor the denominator
    [1, "100", "200"],
    [2, "50", null], // a group without any plan figure: no rate
    [3, "0.01", "0"], // a plan of 0: no rate
    [4, "120", "100"], // ahead of the plan
    [5, "1", "3"], // a repeating decimal, exactly group 1's rate: the tie keeps list order
    [6, "-10", "100"], // a correction brought the year below the previous December
    [7, "300", "1000"], // 30%: below group 1 although its first project reads the same
  ];
  const groups = [...new Set(projects.map((p) => p[0]))];
  const values = () => Prisma.join(projects.map(([g, year, planned]) => Prisma.sql`(${g}::int, ${year}::numeric, ${planned}::numeric)`));

  it("per project: SQL and TypeScript give the same rate", async () => {
    const rows = await t.prisma.$queryRaw<Array<{ v: Prisma.Decimal | null }>>(Prisma.sql`
      SELECT round(${annualRateSql(Prisma.sql`v.year`, Prisma.sql`v.planned`)}, 6) AS v FROM (VALUES ${values()}) AS v(g, year, planned)`);
    const ts = projects.map(([, year, planned]) => projectAnnualRate({ yearInvestment: year, annualPlanned: planned })?.toFixed(6) ?? null);
    expect(rows.map((r) => r.v?.toFixed(6) ?? null)).toEqual(ts);
    expect(ts).toEqual(["30.000000", null, "50.000000", null, null, "120.000000", "33.333333", "-10.000000", "30.000000"]);
  });

  it("sums and rate over a scope: SQL and TypeScript give the same numerator, denominator and rate", async () => {
    const s = planScopeSumsSql(Prisma.sql`v.year`, Prisma.sql`v.planned`);
    const rows = await t.prisma.$queryRaw<Array<{ g: number; annualPlanned: Prisma.Decimal; n: number; yearOfPlanned: Prisma.Decimal; rate: Prisma.Decimal | null }>>(Prisma.sql`
      SELECT x.g, x."annualPlanned", x.n, x."yearOfPlanned", round(${annualRateSql(Prisma.sql`x."yearOfPlanned"`, Prisma.sql`x."annualPlanned"`)}, 6) AS rate
        FROM (SELECT v.g, ${s.annualPlanned} AS "annualPlanned", ${s.projectsWithAnnualPlan} AS n, ${s.yearInvestmentOfPlanned} AS "yearOfPlanned"
                FROM (VALUES ${values()}) AS v(g, year, planned) GROUP BY v.g) x
       ORDER BY x.g`);
    const ts = groups.map((g) => {
      const sums = planScopeSums(projects.filter((p) => p[0] === g).map(([, yearInvestment, annualPlanned]) => ({ yearInvestment, annualPlanned })));
      return [g, sums.annualPlanned.toString(), sums.projectsWithAnnualPlan, sums.yearInvestmentOfPlanned.toString(), annualRate(sums)?.toFixed(6) ?? null];
    });
    expect(rows.map((r) => [r.g, r.annualPlanned.toString(), r.n, r.yearOfPlanned.toString(), r.rate?.toFixed(6) ?? null])).toEqual(ts);
    // group 1: (300 + 100) ÷ (1000 + 200), the project without a plan left out of both
    expect(ts[0]).toEqual([1, "1200", 2, "400", "33.333333"]);
    expect(ts[1]).toEqual([2, "0", 0, "0", null]);
    // no projects at all: zero sums, no rate
    const [none] = await t.prisma.$queryRaw<Array<{ p: Prisma.Decimal; y: Prisma.Decimal; n: number }>>(Prisma.sql`
      SELECT ${s.annualPlanned} AS p, ${s.yearInvestmentOfPlanned} AS y, ${s.projectsWithAnnualPlan} AS n FROM (SELECT 1::numeric AS year, 1::numeric AS planned WHERE false) AS v`);
    expect([none.p.toString(), none.y.toString(), none.n]).toEqual(["0", "0", 0]);
    expect(annualRate(planScopeSums([]))).toBeNull();
  });

  it("the ranking: SQL ORDER BY and TypeScript give the same order — lowest first, no rate last, ties in list order", async () => {
    const s = planScopeSumsSql(Prisma.sql`v.year`, Prisma.sql`v.planned`);
    const rows = await t.prisma.$queryRaw<Array<{ g: number }>>(Prisma.sql`
      SELECT x.g FROM (SELECT v.g, ${s.annualPlanned} AS "annualPlanned", ${s.yearInvestmentOfPlanned} AS "yearOfPlanned"
                         FROM (VALUES ${values()}) AS v(g, year, planned) GROUP BY v.g) x
       ORDER BY ${annualRankingOrderSql(Prisma.sql`x."yearOfPlanned"`, Prisma.sql`x."annualPlanned"`)}, x.g`);
    const sums = groups.map((g) => ({ g, ...planScopeSums(projects.filter((p) => p[0] === g).map(([, yearInvestment, annualPlanned]) => ({ yearInvestment, annualPlanned }))) }));
    const ts = rankByAnnualRate(sums).map((x) => x.g);
    expect(rows.map((r) => r.g)).toEqual(ts);
    expect(ts).toEqual([6, 7, 1, 5, 4, 2, 3]);
  });
});

describe("below 序时进度 (低于序时进度)", () => {
  // [rate in percent (null: none), month, below]
  const cases: Array<[string | null, string, boolean]> = [
    ["91.66", "2024-11", true],
    ["91.67", "2024-11", false], // 序时进度 of November is 91.666…
    ["50", "2024-06", false], // equal is not below
    ["49.99", "2024-06", true],
    ["-5", "2024-01", true],
    [null, "2024-11", false],
    ["100", "2024-12", false],
  ];
  it("SQL and TypeScript give the same answers; the table prints the signed gap", async () => {
    const expected = cases.map((c) => c[2]);
    const ts = cases.map(([r, month]) => isBelowSchedule(r, month));
    const sql: boolean[] = [];
    for (const [r, month] of cases) {
      const [row] = await t.prisma.$queryRaw<Array<{ v: boolean }>>(Prisma.sql`SELECT ${belowScheduleSql(Prisma.sql`${r}::numeric`, month)} AS v`);
      sql.push(row.v);
    }
    expect(ts).toEqual(expected);
    expect(sql).toEqual(expected);
    expect(cases.map(([r, month]) => scheduleGapPoints(r, month))).toEqual(["−0.0", "+0.0", "0.0", "−0.0", "−13.3", "—", "0.0"]);
  });
});
