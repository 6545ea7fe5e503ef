// The 数据质量 checks run on revisions (src/domain/data-quality.ts holds the rules): the facts they
// need gathered in one set-based query per batch, then each revision's flags. Used when a report
// is submitted (the form and the Excel import) and when a period is published
// (src/server/figures/publish.ts, which stores them with the publication).
//
// (No "server-only" marker: publishing runs in the seed scripts and the benchmark's loader too.)
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { Tx } from "@/server/tx";
import { figureUpToSql, revisionSql, type RevisionBasis } from "@/domain/counted-revision";
import { monthsBefore, qualityFlags, type QualityFlag, type QualityInput } from "@/domain/data-quality";
import { fundsInPlaceSql } from "@/domain/funding";
import { qualityConfig, type ProgressStage, type QualityConfig } from "@/domain/quality-config";

type Row = {
  revisionId: number;
  projectId: number;
  parkId: number;
  status: QualityInput["projectStatus"];
  totalInvestment: string;
  monthInvestment: string | null;
  cumulative: string;
  stage: ProgressStage | null;
  progressText: string;
  earlier: Record<string, string | null>;
  previousMonth: string | null;
  previousText: string | null;
  stats: string | null;
  funds: string | null;
  reuses: Array<{ projectName: string; month: string; sameProject: boolean }>;
};

const BATCH = 1000;
/** reports listed as showing the same photo (the flag's evidence), and the other uses read to find them */
const REUSE_LISTED = 20;
const REUSE_SCAN = 100;

/**
 * The checks' facts for revisions of `month`: the project's figures of the months before and its
 * previous 形象进度 under `basis` ("counted" when a report is submitted, as the cumulative check
 * reads them; "approved" when a period is published), the month's 入统数, and the other reports
 * showing one of the revision's photos.
 */
export async function qualityInputs(
  db: Db | Tx,
  month: string,
  revisionIds: readonly number[],
  basis: RevisionBasis,
  config: QualityConfig = qualityConfig(),
): Promise<Map<number, QualityInput & { projectId: number; parkId: number }>> {
  const before = monthsBefore(month, config);
  const out = new Map<number, QualityInput & { projectId: number; parkId: number }>();
  for (let i = 0; i < revisionIds.length; i += BATCH) {
    const ids = revisionIds.slice(i, i + BATCH);
    const rows = await db.$queryRaw<Row[]>(Prisma.sql`
      SELECT rv.id AS "revisionId", mr."projectId", p."parkId", p.status::text AS status,
             p."totalInvestment"::text AS "totalInvestment", rv."monthInvestment"::text AS "monthInvestment",
             rv."cumulativeInvestment"::text AS cumulative, rv."progressStage"::text AS stage, rv."progressText",
             (SELECT coalesce(json_object_agg(r.month, er."monthInvestment"::text), '{}'::json)
                FROM "MonthlyReport" r
                JOIN "MonthlyReportRevision" er ON er.id = ${revisionSql(basis)}
               WHERE r."projectId" = mr."projectId" AND r.month = ANY(${before}::text[])) AS earlier,
             prev.month AS "previousMonth", prev."progressText" AS "previousText",
             ${fundsInPlaceSql("rv")}::text AS funds,
             (SELECT sf."cumulativeInvestment"::text FROM "ProjectStatsFigure" sf
               WHERE sf."projectId" = mr."projectId" AND sf.month = mr.month) AS stats,
             (SELECT coalesce(json_agg(x ORDER BY x.month, x."projectName"), '[]'::json) FROM (
                SELECT DISTINCT u."projectName", u.month, u."sameProject" FROM (
                  -- bounded before DISTINCT: a photo shown in thousands of reports costs a hundred rows, not thousands
                  SELECT op.name AS "projectName", om.month, om."projectId" = mr."projectId" AS "sameProject"
                    FROM "RevisionPhoto" rp
                    JOIN "RevisionPhoto" o ON o."photoId" = rp."photoId" AND o."revisionId" <> rp."revisionId"
                    JOIN "MonthlyReportRevision" orv ON orv.id = o."revisionId"
                    JOIN "MonthlyReport" om ON om.id = orv."reportId"
                    JOIN "Project" op ON op.id = om."projectId"
                   WHERE rp."revisionId" = rv.id AND om.id <> mr.id
                   LIMIT ${REUSE_SCAN}) u
                 LIMIT ${REUSE_LISTED}) x) AS reuses
        FROM "MonthlyReportRevision" rv
        JOIN "MonthlyReport" mr ON mr.id = rv."reportId"
        JOIN "Project" p ON p.id = mr."projectId"
        ${figureUpToSql({ alias: "prev", basis, before: month, project: Prisma.sql`mr."projectId"` })}
       WHERE rv.id = ANY(${ids}::int[])`);
    for (const r of rows) {
      out.set(r.revisionId, {
        projectId: r.projectId,
        parkId: r.parkId,
        month,
        projectStatus: r.status,
        totalInvestment: r.totalInvestment,
        monthInvestment: r.monthInvestment,
        cumulative: r.cumulative,
        stage: r.stage,
        progressText: r.progressText,
        earlier: r.earlier,
        previous: r.previousMonth !== null ? { month: r.previousMonth, progressText: r.previousText ?? "" } : null,
        photoReuses: r.reuses,
        statsCumulative: r.stats,
        fundsInPlace: r.funds,
      });
    }
  }
  return out;
}

/** Each revision's flags (revisions without any are left out). */
export async function checkRevisions(
  db: Db | Tx,
  month: string,
  revisionIds: readonly number[],
  basis: RevisionBasis,
  config: QualityConfig = qualityConfig(),
): Promise<Map<number, { projectId: number; parkId: number; flags: QualityFlag[] }>> {
  const inputs = await qualityInputs(db, month, revisionIds, basis, config);
  const out = new Map<number, { projectId: number; parkId: number; flags: QualityFlag[] }>();
  for (const [revisionId, input] of inputs) {
    const flags = qualityFlags(input, config);
    if (flags.length) out.set(revisionId, { projectId: input.projectId, parkId: input.parkId, flags });
  }
  return out;
}

/** Stores a submitted revision's flags (RevisionQualityFlag, never changed), in the submit's transaction. */
export async function flagSubmittedRevisions(tx: Tx, month: string, revisionIds: readonly number[]): Promise<number> {
  const checked = await checkRevisions(tx, month, revisionIds, "counted");
  const data = [...checked].flatMap(([revisionId, c]) =>
    c.flags.map((f) => ({ revisionId, kind: f.kind, message: f.message.slice(0, 500), evidence: f.evidence as Prisma.InputJsonValue })),
  );
  if (data.length) await tx.revisionQualityFlag.createMany({ data });
  return data.length;
}
