// A publication's sums per 产业 (PublicationIndustryTotal) are written with its figures and never
// change: every publication's rows equal its figures grouped by industry (counted here on their
// own), the overview's 各产业完成率 reads them, and the migration that made the table filled them
// for the publications made before it from their stored figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { getFigureBreakdown, listPublicationIndustries } from "@/server/figures/queries";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { databaseBefore } from "../helpers/migrations";

type Sums = {
  industry: string;
  projects: number;
  totalInvestment: string;
  annualPlanned: string;
  withAnnualPlan: number;
  yearInvestmentOfPlanned: string;
  yearInvestment: string;
  cumulative: string;
  missing: number;
  red: number;
  yellow: number;
  demoFigures: number;
};

/** The figures of a publication grouped by industry, with JavaScript sums over their rows (not the publishing SQL). */
async function fromFigures(client: { $queryRaw: TestDatabase["prisma"]["$queryRaw"] }, publicationId: number): Promise<Sums[]> {
  const rows = await client.$queryRaw<
    Array<{
      industry: string | null;
      totalInvestment: Prisma.Decimal;
      annualPlanned: Prisma.Decimal | null;
      yearInvestment: Prisma.Decimal;
      cumulative: Prisma.Decimal | null;
      missing: boolean;
      warningLevel: string;
      isDemo: boolean;
    }>
  >(
    Prisma.sql`SELECT industry, "totalInvestment", "annualPlanned", "yearInvestment", cumulative, missing, "warningLevel"::text AS "warningLevel", "isDemo" FROM "ProjectFigure" WHERE "publicationId" = ${publicationId}`,
  );
  const by = new Map<string, Sums>();
  const add = (a: string, b: Prisma.Decimal | null) => new Prisma.Decimal(a).plus(b ?? 0).toString();
  for (const r of rows) {
    const k = r.industry ?? "";
    const s = by.get(k) ?? {
      industry: k,
      projects: 0,
      totalInvestment: "0",
      annualPlanned: "0",
      withAnnualPlan: 0,
      yearInvestmentOfPlanned: "0",
      yearInvestment: "0",
      cumulative: "0",
      missing: 0,
      red: 0,
      yellow: 0,
      demoFigures: 0,
    };
    s.projects++;
    s.totalInvestment = add(s.totalInvestment, r.totalInvestment);
    if (r.annualPlanned !== null) {
      s.annualPlanned = add(s.annualPlanned, r.annualPlanned);
      s.withAnnualPlan++;
      s.yearInvestmentOfPlanned = add(s.yearInvestmentOfPlanned, r.yearInvestment);
    }
    s.yearInvestment = add(s.yearInvestment, r.yearInvestment);
    s.cumulative = add(s.cumulative, r.cumulative);
    if (r.missing) s.missing++;
    if (r.warningLevel === "RED") s.red++;
    if (r.warningLevel === "YELLOW") s.yellow++;
    if (r.isDemo) s.demoFigures++;
    by.set(k, s);
  }
  return [...by.values()].sort((a, b) => (a.industry < b.industry ? -1 : 1));
}

async function stored(client: { $queryRaw: TestDatabase["prisma"]["$queryRaw"] }, publicationId: number): Promise<Sums[]> {
  const rows = await client.$queryRaw<Array<Record<string, unknown>>>(Prisma.sql`
    SELECT industry, projects, "totalInvestment", "annualPlanned", "withAnnualPlan", "yearInvestmentOfPlanned", "yearInvestment", cumulative, missing, red, yellow, "demoFigures"
      FROM "PublicationIndustryTotal" WHERE "publicationId" = ${publicationId} ORDER BY industry`);
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Prisma.Decimal ? v.toString() : v])) as Sums);
}

describe("a publication's sums per 产业", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("seeded");
  });
  afterAll(async () => t?.drop());

  it("equal its figures grouped by industry, for every publication, and cannot be changed", async () => {
    const pubs = await t.prisma.periodPublication.findMany({ select: { id: true } });
    expect(pubs.length).toBeGreaterThan(0);
    let industries = 0;
    for (const { id } of pubs) {
      const expected = await fromFigures(t.prisma, id);
      expect(await stored(t.prisma, id)).toEqual(expected);
      industries = Math.max(industries, expected.length);
    }
    expect(industries).toBeGreaterThan(2);
    await expect(t.prisma.$executeRaw`UPDATE "PublicationIndustryTotal" SET projects = projects + 1`).rejects.toThrow(/published figures cannot be changed/);
  });

  it("are what the overview's breakdown and the project list's 产业 filter read", async () => {
    const { id } = await t.prisma.periodPublication.findFirstOrThrow({ orderBy: { id: "desc" } });
    const expected = await fromFigures(t.prisma, id);
    const rows = await getFigureBreakdown(t.prisma, id, "industry");
    expect(rows.map((r) => [r.key, r.projectCount, r.totalInvestment, r.cumulative, r.red, r.yellow]).sort()).toEqual(
      expected.map((e) => [e.industry, e.projects, e.totalInvestment, e.cumulative, e.red, e.yellow]).sort(),
    );
    // largest total investment first
    const totals = rows.map((r) => new Prisma.Decimal(r.totalInvestment));
    expect(totals.every((x, i) => i === 0 || totals[i - 1].gte(x))).toBe(true);
    expect(await listPublicationIndustries(t.prisma, id)).toEqual(expected.map((e) => e.industry).filter((i) => i !== ""));
  });
});

const MIGRATION = "20261209000000_publication_industry_totals";

describe(`migration ${MIGRATION}`, () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it("fills the sums of the publications made before it from their stored figures", async () => {
    const { client, run, drop } = await databaseBefore(MIGRATION);
    cleanups.push(drop);

    await client.query(`
      INSERT INTO "Park" (id, name, county, "sortOrder", "updatedAt") VALUES (1, '会同县园区', '会同县', 1, now());
      INSERT INTO "Project" (id, code, name, "parkId", "totalInvestment", "updatedAt") VALUES
        (1, 'A-1', '甲', 1, 1000, now()), (2, 'A-2', '乙', 1, 500, now()), (3, 'A-3', '丙', 1, 200, now());
      INSERT INTO "ReportingPeriod" (id, month, deadline, status, "updatedAt") VALUES (1, '2024-11', '2024-12-05', 'PUBLISHED', now());
      INSERT INTO "PeriodPublication" (id, "periodId", "publicationNo", "asOfDate") VALUES (1, 1, 1, '2024-12-05');
      INSERT INTO "ProjectFigure" ("publicationId", "projectId", month, "planYear", "parkId", "totalInvestment", "annualPlanned", cumulative,
                                   missing, "priorYearCumulative", "yearInvestment", "warningLevel", "warningReasons", industry, code, name, "projectStatus", "isDemo")
        VALUES (1, 1, '2024-11', 2024, 1, 1000, 300, 400, false, 100, 300, 'RED', '{}', '新材料', 'A-1', '甲', 'UNDER_CONSTRUCTION', false),
               (1, 2, '2024-11', 2024, 1, 500, NULL, 250.5, true, 0, 250.5, 'YELLOW', '{}', '新材料', 'A-2', '乙', 'UNDER_CONSTRUCTION', true),
               (1, 3, '2024-11', 2024, 1, 200, 100, NULL, false, 0, 0, 'GREEN', '{}', NULL, 'A-3', '丙', 'NOT_STARTED', false);`);

    await run(MIGRATION);

    const rows = await client.query(`SELECT industry, projects, "totalInvestment"::text, "annualPlanned"::text, "withAnnualPlan", "yearInvestmentOfPlanned"::text,
      "yearInvestment"::text, cumulative::text, missing, red, yellow, "demoFigures" FROM "PublicationIndustryTotal" ORDER BY industry`);
    expect(rows.rows).toEqual([
      {
        industry: "",
        projects: 1,
        totalInvestment: "200.00",
        annualPlanned: "100.00",
        withAnnualPlan: 1,
        yearInvestmentOfPlanned: "0.00",
        yearInvestment: "0.00",
        cumulative: "0.00",
        missing: 0,
        red: 0,
        yellow: 0,
        demoFigures: 0,
      },
      {
        industry: "新材料",
        projects: 2,
        totalInvestment: "1500.00",
        annualPlanned: "300.00",
        withAnnualPlan: 1,
        yearInvestmentOfPlanned: "300.00",
        yearInvestment: "550.50",
        cumulative: "650.50",
        missing: 1,
        red: 1,
        yellow: 1,
        demoFigures: 1,
      },
    ]);
    await expect(client.query(`UPDATE "PublicationIndustryTotal" SET projects = 0`)).rejects.toThrow(/published figures cannot be changed/);
  });
});
