// Which revision of a project's monthly report counts, and for which month — the one definition,
// in SQL and in TypeScript side by side (tests/integration/figure-rules.test.ts pins each pair to
// the same answers on both engines):
//
//   - the published figure (what leaders read, basis "approved"): the project's newest APPROVED
//     revision of a month up to and including the month asked for. Drafts, returned revisions,
//     corrections awaiting review and later months never count. A project without an approved
//     report for the month carries that figure forward from its own, earlier month and is 未报.
//   - the reporting check (basis "counted"): the same, except that a month awaiting review counts
//     with its submitted revision — what a county's next month is checked against
//     (累计 = 上期累计 + 本月) and what the reporting pages and the import template show.
//
// Pure: no database handle. To change which revision counts, change it here and in that test.
import { Prisma, type ReportStatus } from "@/generated/prisma/client";

/** "approved": the published figure; "counted": a submitted revision stands until it is reviewed. */
export type RevisionBasis = "approved" | "counted";

const REVISION_SQL: Record<RevisionBasis, Prisma.Sql> = {
  approved: Prisma.sql`r."approvedRevisionId"`,
  counted: Prisma.sql`CASE WHEN r.status = 'SUBMITTED' THEN r."currentRevisionId" ELSE r."approvedRevisionId" END`,
};

/** SQL, over report alias `r`: the id of the revision that counts under `basis` (NULL: none). */
export function revisionSql(basis: RevisionBasis): Prisma.Sql {
  return REVISION_SQL[basis];
}

/** The reporting check's revision (revisionSql("counted")): the submitted one while it awaits review, else the approved one. */
export const COUNTED_REVISION = revisionSql("counted");

export type ReportRevisions = { status: ReportStatus; currentRevisionId: number | null; approvedRevisionId: number | null };

/** TypeScript twin of revisionSql. */
export function revisionOf(report: ReportRevisions, basis: RevisionBasis): number | null {
  return basis === "counted" && report.status === "SUBMITTED" ? report.currentRevisionId : report.approvedRevisionId;
}

/** TypeScript twin of COUNTED_REVISION. */
export function countedRevisionId(report: ReportRevisions): number | null {
  return revisionOf(report, "counted");
}

const ident = (alias: string) => Prisma.raw(`"${alias.replace(/"/g, "")}"`);

/**
 * LEFT JOIN LATERAL giving, for a project (`project`, default `p.id`), the newest month that has a
 * revision counting under `basis` — up to and including `upTo`, or strictly before `before` — as
 * `alias`: month, status, "revisionId", "cumulativeInvestment", "monthInvestment", "progressText",
 * "isDemo" and the money in place by source ("fundsFiscal" … "fundsOther", src/domain/funding.ts) (all NULL when there is none). Months without such a revision are skipped, so an older
 * figure shows: the figure is carried forward.
 */
export function figureUpToSql(options: { alias: string; basis: RevisionBasis; upTo?: string | Prisma.Sql; before?: string | Prisma.Sql; project?: Prisma.Sql }): Prisma.Sql {
  const bound = options.before !== undefined ? Prisma.sql`r.month < ${options.before}` : options.upTo !== undefined ? Prisma.sql`r.month <= ${options.upTo}` : null;
  if (bound === null) throw new Error("figureUpToSql: upTo or before");
  return Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT r.month, r.status, rv.id AS "revisionId", rv."cumulativeInvestment", rv."monthInvestment", rv."progressText", r."isDemo",
           rv."fundsFiscal", rv."fundsBond", rv."fundsBank", rv."fundsSelf", rv."fundsOther"
      FROM "MonthlyReport" r
      JOIN "MonthlyReportRevision" rv ON rv.id = ${revisionSql(options.basis)}
     WHERE r."projectId" = ${options.project ?? Prisma.sql`p.id`} AND ${bound}
     ORDER BY r.month DESC
     LIMIT 1
  ) ${ident(options.alias)} ON true`;
}

/** The published figure's LATERAL join (figureUpToSql, basis "approved", up to `upTo`). */
export function approvedFigureUpTo(upTo: string, alias: string): Prisma.Sql {
  return figureUpToSql({ alias, basis: "approved", upTo });
}

/** TypeScript twin of figureUpToSql: of one project's reports, the one whose figure counts (null: none). */
export function figureUpTo<R extends ReportRevisions & { month: string }>(
  reports: readonly R[],
  basis: RevisionBasis,
  bound: { upTo: string } | { before: string },
): (R & { revisionId: number }) | null {
  let best: (R & { revisionId: number }) | null = null;
  for (const r of reports) {
    const within = "upTo" in bound ? r.month <= bound.upTo : r.month < bound.before;
    const revisionId = revisionOf(r, basis);
    // Stryker disable next-line EqualityOperator: a project has one report a month, so two months are never equal
    if (within && revisionId !== null && (best === null || r.month > best.month)) best = { ...r, revisionId };
  }
  return best;
}

/** 未报: the figure counted for `month` comes from another (earlier) month, or there is none. */
export function isMissing(figureMonth: string | null, month: string): boolean {
  return figureMonth !== month;
}

/** SQL twin of isMissing, over an expression giving the figure's month (may be NULL). */
export function missingSql(figureMonth: Prisma.Sql, month: string): Prisma.Sql {
  return Prisma.sql`(${figureMonth} IS DISTINCT FROM ${month})`;
}
