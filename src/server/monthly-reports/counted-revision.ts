// The reporting check's reads of the counted revision (which revision counts is defined once, in
// src/domain/counted-revision.ts): the previous month a county's figure is checked against.
import "server-only";
import { Prisma, type ReportStatus } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { figureUpToSql } from "@/domain/counted-revision";
import { FUNDS_COLUMNS, type FundsColumn } from "@/domain/funding";

/** The money in place by source of a counted figure, as exact strings (null: never stated). */
export type FundsFigure = Record<FundsColumn, string | null>;

const fundsOf = (row: Partial<Record<FundsColumn, Prisma.Decimal | null>>): FundsFigure =>
  Object.fromEntries(FUNDS_COLUMNS.map((c) => [c, row[c] == null ? null : row[c]!.toString()])) as FundsFigure;

/**
 * The newest month before `month` with a counted figure for the project: the previous month
 * that the cumulative check (累计 = 上期累计 + 本月) and the reporting page refer to.
 */
export async function previousCountedFigure(
  prisma: Db | Prisma.TransactionClient,
  projectId: number,
  month: string,
): Promise<{ month: string; cumulativeInvestment: string; approved: boolean; funds: FundsFigure } | null> {
  const rows = await prisma.$queryRaw<Array<{ month: string; status: ReportStatus; cumulativeInvestment: Prisma.Decimal } & Record<FundsColumn, Prisma.Decimal | null>>>(Prisma.sql`
    SELECT prev.month, prev.status, prev."cumulativeInvestment",
           prev."fundsFiscal", prev."fundsBond", prev."fundsBank", prev."fundsSelf", prev."fundsOther"
      FROM "Project" p
      ${figureUpToSql({ alias: "prev", basis: "counted", before: month })}
     WHERE p.id = ${projectId} AND prev.month IS NOT NULL`);
  const row = rows[0];
  return row ? { month: row.month, cumulativeInvestment: row.cumulativeInvestment.toString(), approved: row.status !== "SUBMITTED", funds: fundsOf(row) } : null;
}

/** previousCountedFigure for many projects at once (the Excel import): one query, keyed by project id. */
export async function previousCountedFigures(
  prisma: Db | Prisma.TransactionClient,
  projectIds: number[],
  month: string,
): Promise<Map<number, { month: string; cumulativeInvestment: string; progressText: string; funds: FundsFigure }>> {
  if (projectIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<
    Array<{ projectId: number; month: string; cumulativeInvestment: Prisma.Decimal; progressText: string } & Record<FundsColumn, Prisma.Decimal | null>>
  >(Prisma.sql`
    SELECT p.id AS "projectId", prev.month, prev."cumulativeInvestment", prev."progressText",
           prev."fundsFiscal", prev."fundsBond", prev."fundsBank", prev."fundsSelf", prev."fundsOther"
      FROM "Project" p
      ${figureUpToSql({ alias: "prev", basis: "counted", before: month })}
     WHERE p.id = ANY(${projectIds}::int[]) AND prev.month IS NOT NULL`);
  return new Map(rows.map((r) => [r.projectId, { month: r.month, cumulativeInvestment: r.cumulativeInvestment.toString(), progressText: r.progressText, funds: fundsOf(r) }]));
}
