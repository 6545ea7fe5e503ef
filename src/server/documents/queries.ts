// Reads of the generated documents (the monthly 通报 and the annual 情况报告), all from one
// publication and nothing live: the project figures and their printed facts (ProjectFigure,
// PublicationParkTotal, src/server/figures) and what the documents state besides — plan facts,
// issue counts and the issues listed, the stored report text, project facts — from the inputs
// stored when it was published (src/server/documents/inputs.ts). Each list is bounded (LIMIT,
// with its full count), so a document costs the same at 50 projects or 5,000.
import "server-only";
import { Prisma, type WarningLevel } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { belowScheduleSql } from "@/domain/schedule-progress";
import { getPublication, getReadPublication, type PublicationRef } from "@/server/periods/queries";
import { computeDocumentInputs, readDocumentInputs, readReportSections, DOCUMENT_LIST_LIMIT, type DocumentInputs, type ReportTextSection } from "./inputs";

export { DOCUMENT_LIST_LIMIT } from "./inputs";
export type { IssueFigures, IssueGroup, IssueItem, MetricRow, ProjectFacts, ReportTextSection, DocumentInputs, DocumentPlan } from "./inputs";

export type Bounded<T> = { total: number; rows: T[] };

export type DocumentFigure = {
  code: string;
  name: string;
  parkName: string;
  totalInvestment: string;
  annualPlanned: string | null;
  cumulative: string | null;
  yearInvestment: string;
  annualRate: string | null;
  totalRate: string | null;
  lagPoints: string | null;
  figureMonth: string | null;
  missing: boolean;
  actualStartMonth: string | null;
  warningLevel: WarningLevel;
  warningReasons: string[];
  isDemo: boolean;
  /** the open issues of the project on the publication's date: "土地：征地拆迁未完成" … (at most 3) */
  openIssues: string[];
};

type FigureRaw = Omit<DocumentFigure, "totalInvestment" | "annualPlanned" | "cumulative" | "yearInvestment" | "annualRate" | "totalRate" | "lagPoints"> &
  Record<"totalInvestment" | "annualPlanned" | "cumulative" | "yearInvestment" | "annualRate" | "totalRate" | "lagPoints", Prisma.Decimal | null>;

const text = (d: Prisma.Decimal | null) => (d === null ? null : d.toString());

function figureOf(r: FigureRaw): DocumentFigure {
  return {
    ...r,
    totalInvestment: r.totalInvestment!.toString(),
    annualPlanned: text(r.annualPlanned),
    cumulative: text(r.cumulative),
    yearInvestment: r.yearInvestment!.toString(),
    annualRate: text(r.annualRate),
    totalRate: text(r.totalRate),
    lagPoints: text(r.lagPoints),
  };
}

/** A publication as its documents read it: which one, as of which day, and its stored inputs. */
export type DocumentPublication = {
  /** the publication (publicationNo, publishedAt, reopenReason …); isDemo as stored with it */
  publication: PublicationRef;
  /** the business date its time-dependent rules were judged on, "YYYY-MM-DD" */
  asOf: string;
  asOfDate: Date;
  inputs: DocumentInputs;
  /** published before its inputs were stored (before the 20261206170000 migration): inputs computed now */
  legacy: boolean;
};

/**
 * The publication a document of `month` reads: publication `publicationNo` of the month when
 * given (an earlier one stays readable), else the month's current one; null when there is none.
 */
export async function loadDocumentPublication(prisma: Db, month: string, publicationNo?: number): Promise<DocumentPublication | null> {
  const ref = publicationNo === undefined ? await getReadPublication(prisma, Number(month.slice(0, 4)), month) : await getPublication(prisma, month, publicationNo);
  if (!ref || ref.month !== month) return null;
  const { asOfDate } = await prisma.periodPublication.findUniqueOrThrow({ where: { id: ref.publicationId }, select: { asOfDate: true } });
  const asOf = asOfDate.toISOString().slice(0, 10);
  const stored = await readDocumentInputs(prisma, ref.publicationId);
  const inputs = stored ?? (await computeDocumentInputs(prisma, { publicationId: ref.publicationId, month, asOf, periodIsDemo: ref.isDemo }));
  return { publication: { ...ref, isDemo: inputs.periodIsDemo }, asOf, asOfDate, inputs, legacy: stored === null };
}

export type FigureListKind = "notStarted" | "behind" | "warning" | "report";

/**
 * One of a publication's project lists, from its stored figures:
 * - notStarted: not started by the month (no actual start month in the figure);
 * - behind: 年度投资完成率 below `month`'s 序时进度 (src/domain/schedule-progress.ts), lowest first;
 * - warning: red and yellow, red first, most behind first;
 * - report: every project in list order (the annual report's paragraphs).
 */
export async function listDocumentFigures(prisma: Db, options: { publicationId: number; kind: FigureListKind; month?: string; limit?: number }): Promise<Bounded<DocumentFigure>> {
  const where: Record<FigureListKind, Prisma.Sql> = {
    notStarted: Prisma.sql`f."actualStartMonth" IS NULL`,
    behind: options.month === undefined ? Prisma.sql`false` : belowScheduleSql(Prisma.sql`f."annualRate"`, options.month),
    warning: Prisma.sql`f."warningLevel" <> 'GREEN'`,
    report: Prisma.sql`true`,
  };
  const order: Record<FigureListKind, Prisma.Sql> = {
    notStarted: Prisma.sql`f."listOrder", f.code`,
    behind: Prisma.sql`f."annualRate" ASC, f."listOrder", f.code`,
    warning: Prisma.sql`f."warningLevel", f."lagPoints" DESC NULLS LAST, f."listOrder", f.code`,
    report: Prisma.sql`f."listOrder", f.code`,
  };
  const filter = Prisma.sql`f."publicationId" = ${options.publicationId} AND ${where[options.kind]}`;
  const limit = options.limit ?? DOCUMENT_LIST_LIMIT;
  const [count, rows] = await Promise.all([
    prisma.$queryRaw<Array<{ n: number }>>(Prisma.sql`SELECT count(*)::int AS n FROM "ProjectFigure" f WHERE ${filter}`),
    prisma.$queryRaw<FigureRaw[]>(Prisma.sql`
      SELECT f.code, f.name, t."parkName", f."totalInvestment", f."annualPlanned", f.cumulative, f."yearInvestment",
             f."annualRate", f."totalRate", f."lagPoints", f."figureMonth", f.missing, f."actualStartMonth", f."warningLevel",
             f."warningReasons", f."isDemo", f."openIssues"
        FROM "ProjectFigure" f
        JOIN "PublicationParkTotal" t ON t."publicationId" = f."publicationId" AND t."parkId" = f."parkId"
       WHERE ${filter}
       ORDER BY ${order[options.kind]}
       LIMIT ${limit}`),
  ]);
  return { total: count[0]?.n ?? 0, rows: rows.map(figureOf) };
}

/** The year's stored report text as it is now (the edit page; a published document reads its own). */
export async function listReportSections(prisma: Db, year: number): Promise<ReportTextSection[]> {
  return readReportSections(prisma, year);
}

/** The published months of a year, newest first (the report's "as of" choice): at most twelve rows. */
export async function listPublishedMonths(prisma: Db, year: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ month: string }>>(Prisma.sql`
    SELECT rp.month FROM "ReportingPeriod" rp
     WHERE rp."currentPublicationId" IS NOT NULL AND rp.month BETWEEN ${`${year}-01`} AND ${`${year}-12`}
     ORDER BY rp.month DESC`);
  return rows.map((r) => r.month);
}

export type PublicationCounts = { publicationNo: number; issues: DocumentInputs["issues"]; operations: DocumentInputs["operations"] };

/** The counts stored with each publication of `month` (issues, nodes, 入库 as of its day), by publication number: one row per publication. */
export async function listPublicationCounts(prisma: Db, month: string): Promise<Map<number, PublicationCounts>> {
  const rows = await prisma.$queryRaw<Array<{ publicationNo: number; publicationId: number }>>(Prisma.sql`
    SELECT pub."publicationNo", pub.id AS "publicationId"
      FROM "ReportingPeriod" rp JOIN "PeriodPublication" pub ON pub."periodId" = rp.id
     WHERE rp.month = ${month}`);
  const out = new Map<number, PublicationCounts>();
  for (const r of rows) {
    const inputs = await readDocumentInputs(prisma, r.publicationId);
    if (inputs) out.set(r.publicationNo, { publicationNo: r.publicationNo, issues: inputs.issues, operations: inputs.operations });
  }
  return out;
}
