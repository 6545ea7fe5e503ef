// npm run db:synth: the same dataset every time, consistent the way the app's own workflow
// would leave it, and never written into a database that is not its own.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, synthPlan } from "../../bench/synth/generate";
import { finishSynth, loadSynth, synthMarker, synthRowsMarker, type SynthSummary } from "../../bench/synth/load";
import { embeddedTarget, postgresTarget } from "../../bench/synth/target";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** what a person comparing two loads would compare: row counts and money sums of every table */
const FINGERPRINT = `SELECT json_build_object(
  'projects', (SELECT json_build_array(count(*), sum("totalInvestment"), string_agg(code || status::text, ',' ORDER BY id)) FROM "Project"),
  'parks', (SELECT count(*) FROM "Park"),
  'users', (SELECT string_agg(username || role::text, ',' ORDER BY id) FROM "User"),
  'plans', (SELECT json_agg(json_build_array(year, "declaredProjectCount", "declaredTotalInvestment", "declaredAnnualInvestment") ORDER BY year) FROM "AnnualPlan"),
  'entries', (SELECT json_build_array(count(*), sum("annualPlannedInvestment")) FROM "AnnualPlanEntry"),
  'planned', (SELECT json_build_array(count(*), sum("cumulativePlanned")) FROM "PlannedInvestment"),
  'reports', (SELECT json_agg(json_build_array(status, n) ORDER BY status) FROM (SELECT status, count(*) n FROM "MonthlyReport" GROUP BY status) s),
  'revisions', (SELECT json_build_array(count(*), sum("monthInvestment"), sum("cumulativeInvestment")) FROM "MonthlyReportRevision"),
  'events', (SELECT count(*) FROM "ReportEvent"),
  'issues', (SELECT json_agg(json_build_array(status, n, due) ORDER BY status) FROM (SELECT status, count(*) n, max("dueDate")::text due FROM "Issue" GROUP BY status) s),
  'milestones', (SELECT count(*) FROM "Milestone"),
  'periods', (SELECT string_agg(month || status::text, ',' ORDER BY month) FROM "ReportingPeriod")
) AS f`;

describe("synthetic benchmark dataset", () => {
  const options = { scale: 0.2 } as const; // 10 projects, 4 parks, 12 months, 40 issues
  let a: TestDatabase;
  let b: TestDatabase;
  let summary: SynthSummary;

  beforeAll(async () => {
    a = await createTestDatabase();
    b = await createTestDatabase();
    summary = await loadSynth(a.url, options);
    await loadSynth(b.url, options);
  });
  afterAll(async () => {
    await a?.drop();
    await b?.drop();
  });

  it("is the same dataset on every load", async () => {
    const [fa] = await query<{ f: unknown }>(a.url, FINGERPRINT);
    const [fb] = await query<{ f: unknown }>(b.url, FINGERPRINT);
    expect(fa.f).toEqual(fb.f);
    expect(summary.rows.Project).toBe(10);
    expect(summary.rows.Issue).toBe(40);
    expect(summary.rows.Park).toBe(4);
    // a different seed gives different figures
    const other = generate({ ...options, seed: 7 }, "x").tables.find((t) => t.name === "MonthlyReportRevision")!;
    const mine = generate(options, "x").tables.find((t) => t.name === "MonthlyReportRevision")!;
    expect(other.rows.map((r) => r[4])).not.toEqual(mine.rows.map((r) => r[4]));
  });

  it("has 12 monthly periods, every one published except the newest, which is open", async () => {
    const periods = await query<{ month: string; status: string }>(a.url, `SELECT month, status::text FROM "ReportingPeriod" ORDER BY month`);
    const plan = synthPlan(options);
    expect(periods.map((p) => p.month)).toEqual(plan.months);
    expect(periods.filter((p) => p.status === "OPEN").map((p) => p.month)).toEqual([plan.openMonth]);
    // each published month has its publication, with a figure for every project on the year's list
    const published = await query<{ month: string; figures: string; listed: string }>(
      a.url,
      `SELECT p.month, (SELECT count(*) FROM "ProjectFigure" f WHERE f."publicationId" = p."currentPublicationId") AS figures,
              (SELECT count(*) FROM "AnnualPlanEntry" e JOIN "AnnualPlan" ap ON ap.id = e."planId" WHERE ap.year = left(p.month, 4)::int) AS listed
         FROM "ReportingPeriod" p WHERE p.status = 'PUBLISHED' ORDER BY p.month`,
    );
    expect(published).toHaveLength(11);
    expect(summary.publications).toBe(11);
    for (const p of published) expect([p.month, Number(p.figures)]).toEqual([p.month, Number(p.listed)]);
    expect(published.some((p) => Number(p.figures) > 0)).toBe(true);
    const [open] = await query<{ pub: number | null }>(a.url, `SELECT "currentPublicationId" AS pub FROM "ReportingPeriod" WHERE status = 'OPEN'`);
    expect(open.pub).toBeNull();
  });

  it("publishes only approved figures: drafts, returned revisions and pending corrections leave them as approved", async () => {
    // every figure of a reported month is the report's approved revision; a month without one is carried forward (未报)
    const [row] = await query<Record<string, string>>(
      a.url,
      `SELECT count(*) AS figures,
              count(*) FILTER (WHERE NOT f.missing AND f."revisionId" IS DISTINCT FROM r."approvedRevisionId") AS wrong_revision,
              count(*) FILTER (WHERE f.missing AND r."approvedRevisionId" IS NOT NULL) AS wrongly_missing,
              count(*) FILTER (WHERE f.missing) AS carried
         FROM "ReportingPeriod" p
         JOIN "ProjectFigure" f ON f."publicationId" = p."currentPublicationId"
         LEFT JOIN "MonthlyReport" r ON r."projectId" = f."projectId" AND r.month = f.month`,
    );
    expect(row).toMatchObject({ wrong_revision: "0", wrongly_missing: "0" });
    expect(Number(row.carried)).toBeGreaterThan(0);
  });

  it("counted revisions form a chain: cumulative = previous approved cumulative + this month", async () => {
    const rows = await query<{ total: string; bad: string }>(
      a.url,
      `WITH c AS (
         SELECT v."cumulativeInvestment" AS cum, v."monthInvestment" AS m,
                lag(v."cumulativeInvestment") OVER (PARTITION BY r."projectId" ORDER BY r.month) AS prev
         FROM "MonthlyReport" r JOIN "MonthlyReportRevision" v ON v.id = r."approvedRevisionId")
       SELECT count(*) AS total, count(*) FILTER (WHERE prev IS NOT NULL AND cum <> prev + m) AS bad FROM c`,
    );
    expect(Number(rows[0].total)).toBeGreaterThan(50);
    expect(Number(rows[0].bad)).toBe(0);
    // no project's counted cumulative exceeds its total investment
    const [over] = await query<{ n: string }>(
      a.url,
      `SELECT count(*) AS n FROM "MonthlyReport" r JOIN "MonthlyReportRevision" v ON v.id = r."approvedRevisionId"
       JOIN "Project" p ON p.id = r."projectId" WHERE v."cumulativeInvestment" > p."totalInvestment"`,
    );
    expect(Number(over.n)).toBe(0);
  });

  it("each report points at its newest revision, and at its newest approved one when it has one", async () => {
    const [row] = await query<Record<string, string>>(
      a.url,
      `WITH last AS (SELECT DISTINCT ON ("reportId") "reportId", id FROM "MonthlyReportRevision" ORDER BY "reportId", "revisionNo" DESC),
            approved AS (SELECT DISTINCT ON ("reportId") "reportId", "revisionId" AS id FROM "ReportEvent" WHERE action = 'APPROVE' ORDER BY "reportId", id DESC)
       SELECT
         count(*) AS reports,
         count(*) FILTER (WHERE r."currentRevisionId" IS DISTINCT FROM last.id) AS bad_current,
         count(*) FILTER (WHERE r."approvedRevisionId" IS DISTINCT FROM approved.id) AS bad_approved,
         count(*) FILTER (WHERE r.status = 'APPROVED' AND r."approvedRevisionId" IS DISTINCT FROM r."currentRevisionId") AS bad_status,
         count(*) FILTER (WHERE r.status IN ('DRAFT', 'RETURNED') AND r."approvedRevisionId" IS NOT NULL) AS bad_uncounted,
         count(*) FILTER (WHERE r.status = 'SUBMITTED' AND r."approvedRevisionId" IS NOT NULL) AS corrections_pending,
         count(*) FILTER (WHERE r.status = 'RETURNED') AS returned,
         count(*) FILTER (WHERE r.status = 'DRAFT') AS drafts
       FROM "MonthlyReport" r JOIN last ON last."reportId" = r.id LEFT JOIN approved ON approved."reportId" = r.id`,
    );
    expect(row).toMatchObject({ bad_current: "0", bad_approved: "0", bad_status: "0", bad_uncounted: "0" });
    expect(Number(row.returned) + Number(row.drafts) + Number(row.corrections_pending)).toBeGreaterThan(0);
  });

  it("refuses to write into a database that already has data", async () => {
    await expect(loadSynth(a.url, options)).rejects.toThrow(/已有数据/);
  });

  it("a load interrupted while publishing resumes at the first month without a publication and ends as a complete load does", async () => {
    const c = await createTestDatabase();
    try {
      // stopped after its third publication (PostgreSQL restarted, the process killed…)
      let published = 0;
      const stop = new Error("interrupted");
      await expect(
        loadSynth(c.url, {
          ...options,
          log: (line) => {
            if (line.includes("发布 20") && ++published === 3) throw stop;
          },
        }),
      ).rejects.toBe(stop);
      expect(await synthMarker(c.url)).toBeNull();
      const rows = await synthRowsMarker(c.url);
      expect(rows).toMatchObject({ scale: options.scale, rows: summary.rows });
      const lines: string[] = [];
      const publications = await finishSynth(c.url, synthPlan(options), rows!.rows as Record<string, number>, { log: (l) => lines.push(l) });
      expect(publications).toBe(11);
      expect(lines[0]).toContain("已发布 3 个月");
      expect(lines.filter((l) => l.includes("发布 20"))).toHaveLength(8);
      // the same publications, and the same figures in them, as the uninterrupted load
      const PUBLISHED = `SELECT json_agg(json_build_array(rp.month, pp."publicationNo", (SELECT json_build_array(count(*), sum(f.cumulative)) FROM "ProjectFigure" f WHERE f."publicationId" = pp.id)) ORDER BY rp.month) AS f
        FROM "PeriodPublication" pp JOIN "ReportingPeriod" rp ON rp.id = pp."periodId"`;
      const [pc] = await query<{ f: unknown }>(c.url, PUBLISHED);
      const [pa] = await query<{ f: unknown }>(a.url, PUBLISHED);
      expect(pc.f).toEqual(pa.f);
      expect(await synthMarker(c.url)).toMatchObject({ scale: options.scale, publications: 11 });
    } finally {
      await c.drop();
    }
  });

  it("only ever targets a database or folder of its own", () => {
    expect(() => postgresTarget({ scale: 1, databaseUrl: "postgresql://postgres@127.0.0.1:5432/postgres" })).toThrow(/拒绝/);
    expect(postgresTarget({ scale: 100, serverUrl: "postgresql://postgres@127.0.0.1:5432/postgres" })).toMatchObject({ database: "ppt_synth_s100" });
    expect(embeddedTarget({ scale: 0.1 })).toMatchObject({ engine: "embedded", dataDir: expect.stringMatching(/data-synth-s0_1$/) });
  });
});
