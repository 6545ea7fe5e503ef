// After the rush: the database against what the clients were told (SQL on the run's database).
// - every acknowledged save and submit is a revision with that project and number (none lost),
//   and the month holds no revision nobody was told about, beyond writes whose outcome was unknown;
// - no duplicate: one revision per (report, number), no acknowledgement given twice;
// - nothing half-written: every revision has its report event and audit entry, every report
//   points at its newest revision;
// - every approval's revision exists and is the report's approved one;
// - the publication's totals (per county park) equal the sums of its project figures, and each
//   approved project's published figure is the figure its county submitted.
import pg from "pg";
import type { Ledger } from "./workload";

export type CheckResult = { name: string; ok: boolean; detail: string };

export async function checkData(url: string, month: string, ledger: Ledger): Promise<{ checks: CheckResult[]; counts: Record<string, number> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const checks: CheckResult[] = [];
  const add = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  try {
    // statistics that know the month's new rows (autovacuum may not have caught up): without them the
    // planner takes the month for empty and checks each revision against every report event
    await client.query("ANALYZE");
    const revs = (
      await client.query<{ code: string; revisionNo: number; id: number; reportId: number }>(
        `SELECT p.code, rv."revisionNo", rv.id, rv."reportId" FROM "MonthlyReportRevision" rv
           JOIN "MonthlyReport" r ON r.id = rv."reportId" JOIN "Project" p ON p.id = r."projectId" WHERE r.month = $1`,
        [month],
      )
    ).rows;
    const inDb = new Set(revs.map((r) => `${r.code}#${r.revisionNo}`));
    const acked = ledger.acks.map((a) => `${a.code}#${a.revisionNo}`);
    const ackedSet = new Set(acked);
    const lost = [...ackedSet].filter((k) => !inDb.has(k));
    const extra = [...inDb].filter((k) => !ackedSet.has(k));
    add(
      "revisions = acknowledged saves and submits",
      lost.length === 0 && extra.length <= ledger.unknown.length,
      `${revs.length} revisions in the database, ${acked.length} acknowledged (${ledger.acks.filter((a) => a.intent === "save").length} saves, ${ledger.acks.filter((a) => a.intent === "submit").length} submits); ` +
        `lost (acknowledged, not stored): ${lost.length}${lost.length ? ` (${lost.slice(0, 5).join(", ")})` : ""}; ` +
        `stored but not acknowledged: ${extra.length}${extra.length ? ` (${extra.slice(0, 5).join(", ")})` : ""}, against ${ledger.unknown.length} writes whose answer was lost at a fault`,
    );
    const dupAck = acked.length - ackedSet.size;
    const dupDb = (
      await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT rv."reportId", rv."revisionNo" FROM "MonthlyReportRevision" rv JOIN "MonthlyReport" r ON r.id = rv."reportId"
          WHERE r.month = $1 GROUP BY 1, 2 HAVING count(*) > 1) x`,
        [month],
      )
    ).rows[0].n;
    const reports = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "MonthlyReport" WHERE month = $1`, [month])).rows[0].n;
    const projectsWithTwoReports = (
      await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT "projectId" FROM "MonthlyReport" WHERE month = $1 GROUP BY 1 HAVING count(*) > 1) x`, [month])
    ).rows[0].n;
    add(
      "no duplicates",
      dupAck === 0 && dupDb === 0 && projectsWithTwoReports === 0,
      `acknowledgements given twice for one revision: ${dupAck}; (report, revision number) stored twice: ${dupDb}; projects with two reports for the month: ${projectsWithTwoReports}; ${reports} reports`,
    );
    const half = (
      await client.query<{ noEvent: number; noAudit: number; notNewest: number }>(
        `SELECT
           (SELECT count(*)::int FROM "MonthlyReportRevision" rv JOIN "MonthlyReport" r ON r.id = rv."reportId"
             WHERE r.month = $1 AND NOT EXISTS (SELECT 1 FROM "ReportEvent" e WHERE e."reportId" = rv."reportId" AND e."revisionId" = rv.id AND e.action IN ('SAVE', 'SUBMIT'))) AS "noEvent",
           (SELECT count(*)::int FROM "MonthlyReportRevision" rv JOIN "MonthlyReport" r ON r.id = rv."reportId" WHERE r.month = $1)
             - (SELECT count(*)::int FROM "AuditLog" a WHERE a.action IN ('report.save', 'report.submit') AND a.after->>'month' = $1) AS "noAudit",
           (SELECT count(*)::int FROM "MonthlyReport" r WHERE r.month = $1
             AND r."currentRevisionId" IS DISTINCT FROM (SELECT max(rv.id) FROM "MonthlyReportRevision" rv WHERE rv."reportId" = r.id)) AS "notNewest"`,
        [month],
      )
    ).rows[0];
    add(
      "nothing half-written",
      half.noEvent === 0 && half.noAudit === 0 && half.notNewest === 0,
      `revisions without their SAVE/SUBMIT event: ${half.noEvent}; revisions minus report.save/report.submit audit entries: ${half.noAudit}; reports not pointing at their newest revision: ${half.notNewest}`,
    );
    const approvals = (
      await client.query<{ events: number; missingRevision: number; notApproved: number; approvedReports: number }>(
        `SELECT
           (SELECT count(*)::int FROM "ReportEvent" e JOIN "MonthlyReport" r ON r.id = e."reportId" WHERE r.month = $1 AND e.action = 'APPROVE') AS events,
           (SELECT count(*)::int FROM "ReportEvent" e JOIN "MonthlyReport" r ON r.id = e."reportId"
             WHERE r.month = $1 AND e.action = 'APPROVE' AND (e."revisionId" IS NULL OR NOT EXISTS (SELECT 1 FROM "MonthlyReportRevision" rv WHERE rv.id = e."revisionId" AND rv."reportId" = r.id))) AS "missingRevision",
           (SELECT count(*)::int FROM "ReportEvent" e JOIN "MonthlyReport" r ON r.id = e."reportId"
             WHERE r.month = $1 AND e.action = 'APPROVE' AND r."approvedRevisionId" IS DISTINCT FROM e."revisionId") AS "notApproved",
           (SELECT count(*)::int FROM "MonthlyReport" r WHERE r.month = $1 AND r.status = 'APPROVED') AS "approvedReports"`,
        [month],
      )
    ).rows[0];
    add(
      "every approval's revision exists",
      approvals.missingRevision === 0 && approvals.notApproved === 0 && approvals.events >= ledger.approvals.length,
      `${approvals.events} APPROVE events (${ledger.approvals.length} acknowledged to the office), ${approvals.approvedReports} approved reports; approvals whose revision is missing: ${approvals.missingRevision}; not the report's approved revision: ${approvals.notApproved}`,
    );
    const pub = (
      await client.query<{ id: number }>(
        `SELECT pp.id FROM "PeriodPublication" pp JOIN "ReportingPeriod" rp ON rp.id = pp."periodId" WHERE rp.month = $1 ORDER BY pp."publicationNo" DESC LIMIT 1`,
        [month],
      )
    ).rows[0];
    if (!pub) add("publication totals = sum of its projects", false, "no publication for the month");
    else {
      const totals = (
        await client.query<{ parks: number; bad: number; projects: number; sumProjects: number }>(
          `WITH f AS (
             SELECT "parkId", count(*)::int AS projects, sum("totalInvestment") AS ti, sum(cumulative) AS cum, sum("yearInvestment") AS yi,
                    count(*) FILTER (WHERE missing)::int AS missing, count(*) FILTER (WHERE "warningLevel" = 'RED')::int AS red,
                    count(*) FILTER (WHERE "warningLevel" = 'YELLOW')::int AS yellow, count(*) FILTER (WHERE "warningLevel" = 'GREEN')::int AS green
               FROM "ProjectFigure" WHERE "publicationId" = $1 GROUP BY "parkId")
           SELECT count(*)::int AS parks,
                  count(*) FILTER (WHERE f."parkId" IS NULL OR t."parkId" IS NULL OR t.projects <> f.projects OR t."totalInvestment" <> f.ti
                    OR t.cumulative <> coalesce(f.cum, 0) OR t."yearInvestment" <> f.yi OR t.missing <> f.missing OR t.red <> f.red OR t.yellow <> f.yellow OR t.green <> f.green)::int AS bad,
                  coalesce(sum(t.projects), 0)::int AS projects, coalesce(sum(f.projects), 0)::int AS "sumProjects"
             FROM (SELECT * FROM "PublicationParkTotal" WHERE "publicationId" = $1) t FULL JOIN f ON f."parkId" = t."parkId"`,
          [pub.id],
        )
      ).rows[0];
      add(
        "publication totals = sum of its projects",
        totals.bad === 0,
        `publication ${pub.id}: ${totals.parks} county parks, ${totals.sumProjects} project figures; parks whose totals (projects, 总投资, 累计, 本年, 未报, red/yellow/green) differ from the sums of their projects: ${totals.bad}`,
      );
      const figures = (
        await client.query<{ approved: number; differ: number; missing: number }>(
          `SELECT count(*)::int AS approved,
                  count(*) FILTER (WHERE f."revisionId" IS DISTINCT FROM r."approvedRevisionId" OR f.cumulative <> rv."cumulativeInvestment" OR f."monthInvestment" <> rv."monthInvestment")::int AS differ,
                  (SELECT count(*)::int FROM "ProjectFigure" WHERE "publicationId" = $1 AND missing) AS missing
             FROM "MonthlyReport" r JOIN "MonthlyReportRevision" rv ON rv.id = r."approvedRevisionId"
             LEFT JOIN "ProjectFigure" f ON f."publicationId" = $1 AND f."projectId" = r."projectId"
            WHERE r.month = $2 AND r.status = 'APPROVED'`,
          [pub.id, month],
        )
      ).rows[0];
      add(
        "published figures = approved submissions",
        figures.differ === 0,
        `${figures.approved} approved reports; published figure not the approved revision's: ${figures.differ}; projects published as 未报: ${figures.missing}`,
      );
    }
    return { checks, counts: { revisions: revs.length, reports, approvedReports: approvals.approvedReports } };
  } finally {
    await client.end();
  }
}
