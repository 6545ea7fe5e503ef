// 构成: every published figure explains itself (issue #17). From a figure on the cockpit, a park
// page or a project page one click opens what composes it, in the publication the figure was read
// from (the month and its 第N次发布):
//   - a total or a rate: the projects in its scope — those counted in its numerator and its
//     denominator — paged and sorted in SQL over the publication's stored figures, with their sums
//     (which equal the figure's own stored sums: tests/integration/figure-explain.test.ts);
//   - a project's figure: its source revision — the month, 第N版, who submitted it and when, who
//     approved it and when — or, for a 未报 figure, the month whose approved figure it carries.
// Reads only the frozen publication and the immutable revisions and events it points at.
import "server-only";
import { Prisma, type WarningLevel } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { getPublication, getReadPublication, type PublicationRef } from "@/server/periods/queries";
import { getPublicationTotals, type PublicationTotals } from "@/server/figures/queries";
import { inPlanScopeSql } from "@/domain/annual-rate";
import { allProjectsYearText, annualRateScope } from "@/domain/rate-scope";
import { reportAmount } from "@/domain/report-wording";
import { decimalText } from "@/lib/money";
import { formatMonth } from "@/lib/month";
import { formatPercent, rate } from "@/lib/progress";

/** The figures that can be explained, as the URL names them (`?figure=`). */
export const EXPLAINED_FIGURES = ["annual-rate", "year", "total-rate", "total", "missing"] as const;
export type ExplainedFigure = (typeof EXPLAINED_FIGURES)[number];

/** The amount columns a scope list shows (万元), in order. */
export type ScopeColumn = "yearInvestment" | "annualPlanned" | "cumulative" | "totalInvestment";

export const SCOPE_COLUMN_LABEL: Record<ScopeColumn, string> = {
  yearInvestment: "本年累计完成投资（万元）",
  annualPlanned: "年度计划投资（万元）",
  cumulative: "开工至今累计完成投资（万元）",
  totalInvestment: "总投资（万元）",
};

type FigureDefinition = {
  /** what the figure is called where it stands */
  title: string;
  /** which projects it runs over, in words */
  scope: string;
  /** its amount columns: the first is the numerator (or the sum), the second the denominator of a rate */
  columns: readonly ScopeColumn[];
  /** the rows in its scope (null: every project of the publication) */
  where: Prisma.Sql | null;
};

export const FIGURE_DEFINITIONS: Record<ExplainedFigure, FigureDefinition> = {
  "annual-rate": {
    title: "年度投资完成率",
    scope: "列有年度计划投资的项目（同口径：分子为这些项目的本年累计完成投资，分母为这些项目的年度计划投资）",
    columns: ["yearInvestment", "annualPlanned"],
    where: inPlanScopeSql(Prisma.sql`f."annualPlanned"`),
  },
  year: {
    title: "本年累计完成投资（全部项目）",
    scope: "年度清单上的全部项目，含未列年度计划投资的项目",
    columns: ["yearInvestment"],
    where: null,
  },
  "total-rate": {
    title: "开累完成率",
    scope: "年度清单上的全部项目（分子为开工至今累计完成投资，分母为总投资）",
    columns: ["cumulative", "totalInvestment"],
    where: null,
  },
  total: {
    title: "总投资",
    scope: "年度清单上的全部项目",
    columns: ["totalInvestment"],
    where: null,
  },
  missing: {
    title: "未报项目",
    scope: "本月没有审核通过的月报、沿用最近一次审核数的项目",
    columns: ["cumulative"],
    where: Prisma.sql`f.missing`,
  },
};

export const SCOPE_SORTS = ["amount", "list"] as const;
export type ScopeSort = (typeof SCOPE_SORTS)[number];

/** projects per page of a scope list */
export const SCOPE_PAGE_SIZE = 50;

/**
 * The publication a figure was read from: `publicationNo` of `month` when both are given (an
 * earlier publication stays readable), else the one leaders read for `month`, else the newest of
 * `year`. Null when there is none.
 */
export async function resolveExplainedPublication(prisma: Db, input: { year: number; month?: string; publicationNo?: number }): Promise<PublicationRef | null> {
  if (input.month && input.publicationNo !== undefined) return getPublication(prisma, input.month, input.publicationNo);
  return getReadPublication(prisma, input.month ? Number(input.month.slice(0, 4)) : input.year, input.month);
}

export type ScopeRow = {
  code: string;
  name: string;
  parkId: number;
  parkName: string;
  yearInvestment: string;
  annualPlanned: string | null;
  cumulative: string | null;
  totalInvestment: string;
  missing: boolean;
  figureMonth: string | null;
  isDemo: boolean;
};

export type ScopeSums = { projects: number; yearInvestment: string; annualPlanned: string; cumulative: string; totalInvestment: string };

export type FigureScope = {
  figure: ExplainedFigure;
  definition: FigureDefinition;
  /** the figure's own sums as published (the stored park sums) */
  published: PublicationTotals;
  /** the figure as published, in the words it stands in: "有年度计划的6个项目：本年完成… ÷ 年度计划… = 74.4%" */
  statement: string;
  /** Σ over the projects listed (all pages), computed from the projects' figures */
  listed: ScopeSums;
  rows: ScopeRow[];
  page: number;
  pages: number;
  size: number;
};

type Dec = Prisma.Decimal;

/**
 * One page of the projects a figure runs over, in one publication (of one county park with
 * parkId), with the sums of the whole list: three bounded statements whatever the number of projects.
 */
export async function getFigureScope(
  prisma: Db,
  pub: PublicationRef,
  query: { figure: ExplainedFigure; parkId?: number; sort?: ScopeSort; page: number; size?: number },
): Promise<FigureScope> {
  const definition = FIGURE_DEFINITIONS[query.figure];
  const size = query.size ?? SCOPE_PAGE_SIZE;
  const where = [Prisma.sql`f."publicationId" = ${pub.publicationId}`];
  if (query.parkId !== undefined) where.push(Prisma.sql`f."parkId" = ${query.parkId}`);
  if (definition.where) where.push(definition.where);
  const filter = Prisma.join(where, " AND ");
  const first = definition.columns[0];
  const order = query.sort === "list" ? Prisma.sql`f."listOrder", f.code` : Prisma.sql`${Prisma.raw(`f."${first}"`)} DESC NULLS LAST, f."listOrder", f.code`;
  const [published, sums] = await Promise.all([
    getPublicationTotals(prisma, { publicationId: pub.publicationId, parkId: query.parkId, month: pub.month }),
    prisma.$queryRaw<Array<{ projects: number; yearInvestment: Dec; annualPlanned: Dec; cumulative: Dec; totalInvestment: Dec }>>(Prisma.sql`
      SELECT count(*)::int AS projects, coalesce(sum(f."yearInvestment"), 0) AS "yearInvestment",
             coalesce(sum(f."annualPlanned"), 0) AS "annualPlanned", coalesce(sum(f.cumulative), 0) AS cumulative,
             coalesce(sum(f."totalInvestment"), 0) AS "totalInvestment"
        FROM "ProjectFigure" f
       WHERE ${filter}`),
  ]);
  const s = sums[0];
  const pages = Math.max(1, Math.ceil(s.projects / size));
  const page = Math.min(Math.max(1, query.page), pages);
  const rows = await prisma.$queryRaw<
    Array<
      Omit<ScopeRow, "yearInvestment" | "annualPlanned" | "cumulative" | "totalInvestment"> & {
        yearInvestment: Dec;
        annualPlanned: Dec | null;
        cumulative: Dec | null;
        totalInvestment: Dec;
      }
    >
  >(Prisma.sql`
    SELECT f.code, f.name, f."parkId", t."parkName", f."yearInvestment", f."annualPlanned", f.cumulative, f."totalInvestment",
           f.missing, f."figureMonth", f."isDemo"
      FROM "ProjectFigure" f
      JOIN "PublicationParkTotal" t ON t."publicationId" = f."publicationId" AND t."parkId" = f."parkId"
     WHERE ${filter}
     ORDER BY ${order}
     LIMIT ${size} OFFSET ${(page - 1) * size}`);
  return {
    figure: query.figure,
    definition,
    published,
    statement: figureStatement(query.figure, published),
    listed: {
      projects: s.projects,
      yearInvestment: s.yearInvestment.toString(),
      annualPlanned: s.annualPlanned.toString(),
      cumulative: s.cumulative.toString(),
      totalInvestment: s.totalInvestment.toString(),
    },
    rows: rows.map((r) => ({
      ...r,
      yearInvestment: r.yearInvestment.toString(),
      annualPlanned: r.annualPlanned?.toString() ?? null,
      cumulative: r.cumulative?.toString() ?? null,
      totalInvestment: r.totalInvestment.toString(),
    })),
    page,
    pages,
    size,
  };
}

/** Who did a step of the source revision and when; `by` null when no account is recorded (seed, demo). */
export type SourceStep = { by: string | null; at: Date; note: string | null };

export type ProjectSource = {
  code: string;
  name: string;
  parkId: number;
  parkName: string;
  /** the published month */
  month: string;
  /** the month of the approved revision counted (≠ month when 未报); null: never reported */
  figureMonth: string | null;
  missing: boolean;
  revisionNo: number | null;
  submitted: SourceStep | null;
  approved: SourceStep | null;
  cumulative: string | null;
  monthInvestment: string | null;
  priorYearCumulative: string;
  yearInvestment: string;
  annualPlanned: string | null;
  totalInvestment: string;
  annualRate: string | null;
  totalRate: string | null;
  warningLevel: WarningLevel;
  isDemo: boolean;
};

/**
 * A project's published figure in one publication with its source revision: 第N版 of the month
 * counted, its submission (the newest 提交 of that revision; else who saved it) and its approval.
 * Null when the project is not on that publication. One statement.
 */
export async function getProjectSource(prisma: Db, pub: PublicationRef, code: string): Promise<ProjectSource | null> {
  type Raw = Omit<
    ProjectSource,
    "submitted" | "approved" | "cumulative" | "monthInvestment" | "priorYearCumulative" | "yearInvestment" | "annualPlanned" | "totalInvestment" | "annualRate" | "totalRate"
  > &
    Record<"cumulative" | "monthInvestment" | "annualPlanned" | "annualRate" | "totalRate", Dec | null> &
    Record<"priorYearCumulative" | "yearInvestment" | "totalInvestment", Dec> & {
      savedAt: Date | null;
      savedBy: string | null;
      submittedAt: Date | null;
      submittedBy: string | null;
      submitNote: string | null;
      approvedAt: Date | null;
      approvedBy: string | null;
      approveNote: string | null;
    };
  const rows = await prisma.$queryRaw<Raw[]>(Prisma.sql`
    SELECT f.code, f.name, f."parkId", t."parkName", f.month, f."figureMonth", f.missing, rev."revisionNo",
           f.cumulative, f."monthInvestment", f."priorYearCumulative", f."yearInvestment", f."annualPlanned", f."totalInvestment",
           f."annualRate", f."totalRate", f."warningLevel", f."isDemo",
           rev."createdAt" AS "savedAt", cu."displayName" AS "savedBy",
           sub."createdAt" AS "submittedAt", su."displayName" AS "submittedBy", sub.reason AS "submitNote",
           apr."createdAt" AS "approvedAt", au."displayName" AS "approvedBy", apr.reason AS "approveNote"
      FROM "Project" p
      JOIN "ProjectFigure" f ON f."publicationId" = ${pub.publicationId} AND f."projectId" = p.id
      JOIN "PublicationParkTotal" t ON t."publicationId" = f."publicationId" AND t."parkId" = f."parkId"
      LEFT JOIN "MonthlyReportRevision" rev ON rev.id = f."revisionId"
      LEFT JOIN "User" cu ON cu.id = rev."createdById"
      LEFT JOIN LATERAL (
        SELECT e."createdAt", e."userId", e.reason FROM "ReportEvent" e
         WHERE e."reportId" = rev."reportId" AND e."revisionId" = rev.id AND e.action = 'SUBMIT'
         ORDER BY e."createdAt" DESC, e.id DESC LIMIT 1) sub ON true
      LEFT JOIN "User" su ON su.id = sub."userId"
      LEFT JOIN LATERAL (
        SELECT e."createdAt", e."userId", e.reason FROM "ReportEvent" e
         WHERE e."reportId" = rev."reportId" AND e."revisionId" = rev.id AND e.action = 'APPROVE'
         ORDER BY e."createdAt" DESC, e.id DESC LIMIT 1) apr ON true
      LEFT JOIN "User" au ON au.id = apr."userId"
     WHERE p.code = ${code}`);
  const r = rows[0];
  if (!r) return null;
  const { savedAt, savedBy, submittedAt, submittedBy, submitNote, approvedAt, approvedBy, approveNote, ...rest } = r;
  return {
    ...rest,
    cumulative: decimalText(r.cumulative),
    monthInvestment: decimalText(r.monthInvestment),
    priorYearCumulative: r.priorYearCumulative.toString(),
    yearInvestment: r.yearInvestment.toString(),
    annualPlanned: decimalText(r.annualPlanned),
    totalInvestment: r.totalInvestment.toString(),
    annualRate: decimalText(r.annualRate),
    totalRate: decimalText(r.totalRate),
    // no 提交 recorded (figures loaded from the annual report): who saved the revision, if anyone did
    submitted: submittedAt ? { by: submittedBy, at: submittedAt, note: submitNote } : savedAt && savedBy ? { by: savedBy, at: savedAt, note: null } : null,
    approved: approvedAt ? { by: approvedBy, at: approvedAt, note: approveNote } : null,
  };
}

/**
 * Where a project's published figure comes from, in one line: "2024年12月月报第2版（已审核）";
 * "未报，沿用2024年11月的已审核数（2024年11月月报第1版）"; "尚无审核通过的月报" when it never reported.
 */
export function sourceLine(s: Pick<ProjectSource, "month" | "figureMonth" | "missing" | "revisionNo">): string {
  if (s.figureMonth === null) return `${formatMonth(s.month)}未报，尚无审核通过的月报`;
  const revision = `${formatMonth(s.figureMonth)}月报${s.revisionNo === null ? "" : `第${s.revisionNo}版`}`;
  return s.missing ? `未报，沿用${formatMonth(s.figureMonth)}的已审核数（${revision}）` : `${revision}（已审核）`;
}

/** A figure as it was published, in the words the cockpit and the park page use. */
export function figureStatement(figure: ExplainedFigure, t: PublicationTotals): string {
  switch (figure) {
    case "annual-rate":
      return annualRateScope(t);
    case "year":
      return allProjectsYearText(t);
    case "total-rate":
      return `全部${t.projectCount}个项目：开工至今累计${reportAmount(t.cumulative)} ÷ 总投资${reportAmount(t.totalInvestment)} = ${formatPercent(rate(t.cumulative, t.totalInvestment))}`;
    case "total":
      return `${t.projectCount}个项目，总投资${reportAmount(t.totalInvestment)}`;
    case "missing":
      return `${t.projectCount}个项目中${t.missing}个本月未报，按其最近一次审核数结转`;
  }
}
