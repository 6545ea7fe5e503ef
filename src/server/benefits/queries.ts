// 效益填报's reads: a project's promises against its approved deliveries per year (the project
// page and the entry page), its reports with their revisions and history, and the office's
// review queue (paged in SQL).
import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { ReportStatus } from "@/generated/prisma/enums";
import { dec, type Decimal } from "@/lib/money";
import { currentMonth } from "@/lib/month";
import {
  benefitPeriodLabel,
  benefitWarnings,
  compareWithPromise,
  fullProductionState,
  fullProductionStateSql,
  leadingPromise,
  promisedFigures,
  secondFullYear,
  type FullProductionState,
  type PromiseComparison,
  type PromisedFigure,
} from "@/domain/benefits";
import { benefitConfig } from "@/domain/benefit-config";
import type { ReportedMetric } from "./service";

const metricsSchema = z.array(z.object({ name: z.string(), unit: z.string(), value: z.string() }));

/** A revision's figures as the pages read them. */
export type BenefitFigures = { output: Decimal | null; tax: Decimal | null; jobs: number | null; metrics: ReportedMetric[]; note: string | null };

function figuresOf(r: { output: { toString(): string } | null; tax: { toString(): string } | null; jobs: number | null; metrics: unknown; note: string | null }): BenefitFigures {
  return { output: r.output === null ? null : dec(r.output), tax: r.tax === null ? null : dec(r.tax), jobs: r.jobs, metrics: metricsSchema.parse(r.metrics), note: r.note };
}

/** A delivered figure of a revision for one promise (null: not reported). */
export function deliveredValue(f: BenefitFigures, promise: PromisedFigure): Decimal | null {
  if (promise.key === "output") return f.output;
  if (promise.key === "tax") return f.tax;
  if (promise.key === "jobs") return f.jobs === null ? null : dec(f.jobs);
  const m = f.metrics.find((x) => `metric:${x.name}` === promise.key);
  return m ? dec(m.value) : null;
}

export type BenefitRow = {
  id: number;
  year: number;
  quarter: number;
  label: string;
  status: ReportStatus;
  version: number;
  returnReason: string | null;
  isDemo: boolean;
  current: (BenefitFigures & { revisionNo: number; by: string | null; at: Date }) | null;
  approved: (BenefitFigures & { revisionNo: number }) | null;
  /** the approved figures against each promise (what counts) */
  against: Array<{ promise: PromisedFigure; actual: Decimal | null; comparison: PromiseComparison | null }>;
  revisions: Array<BenefitFigures & { revisionNo: number; by: string | null; at: Date }>;
  events: Array<{ action: string; toStatus: ReportStatus; reason: string | null; by: string | null; at: Date }>;
};

export type ProjectBenefits = {
  project: { id: number; code: string; name: string; parkId: number; parkName: string; actualProductionMonth: string | null; isDemo: boolean };
  promises: PromisedFigure[];
  /** the project's named metrics in form order (metric_0 …) */
  metricFields: Array<{ name: string; unit: string }>;
  fullProduction: { planned: Date | null; actual: Date | null };
  state: FullProductionState;
  warnings: string[];
  reports: BenefitRow[];
  /** the tolerance of a 约 promise, percent (BENEFIT_ABOUT_TOLERANCE_PERCENT) */
  aboutTolerancePercent: string;
};

/** A project's promises and benefit reports (newest period first); null when the code is unknown. */
export async function getProjectBenefits(prisma: Db, code: string): Promise<ProjectBenefits | null> {
  const p = await prisma.project.findUnique({
    where: { code },
    include: {
      park: { select: { name: true } },
      metrics: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
      milestones: { where: { kind: "FULL_PRODUCTION" }, select: { plannedDate: true, actualDate: true } },
      benefitReports: {
        orderBy: [{ year: "desc" }, { quarter: "asc" }],
        include: {
          revisions: { orderBy: { revisionNo: "desc" }, include: { createdBy: { select: { displayName: true } } } },
          events: { orderBy: { id: "asc" }, include: { user: { select: { displayName: true } } } },
        },
      },
    },
  });
  if (!p) return null;
  const promises = promisedFigures(p);
  const config = benefitConfig();
  const node = p.milestones[0] ?? { plannedDate: null, actualDate: null };
  const reports: BenefitRow[] = p.benefitReports.map((r) => {
    const revisions = r.revisions.map((v) => ({ ...figuresOf(v), revisionNo: v.revisionNo, by: v.createdBy?.displayName ?? null, at: v.createdAt }));
    const current = revisions.find((v) => r.revisions.find((x) => x.id === r.currentRevisionId)?.revisionNo === v.revisionNo) ?? null;
    const approvedRaw = r.revisions.find((x) => x.id === r.approvedRevisionId);
    const approved = approvedRaw ? { ...figuresOf(approvedRaw), revisionNo: approvedRaw.revisionNo } : null;
    const against = promises.map((promise) => {
      const actual = approved ? deliveredValue(approved, promise) : null;
      return { promise, actual, comparison: actual === null ? null : compareWithPromise(actual, promise.value, promise.qualifier, config) };
    });
    return {
      id: r.id,
      year: r.year,
      quarter: r.quarter,
      label: benefitPeriodLabel(r.year, r.quarter),
      status: r.status,
      version: r.version,
      returnReason: r.returnReason,
      isDemo: r.isDemo,
      current,
      approved,
      against,
      revisions,
      events: r.events.map((e) => ({ action: e.action, toStatus: e.toStatus, reason: e.reason, by: e.user?.displayName ?? null, at: e.createdAt })),
    };
  });
  const fullProductionMonth = node.actualDate ? node.actualDate.toISOString().slice(0, 7) : null;
  const month = currentMonth();
  const leading = leadingPromise(promises);
  const second = p.actualProductionMonth ? secondFullYear(p.actualProductionMonth) : null;
  const secondRow = reports.find((r) => r.year === second && r.quarter === 0 && r.approved);
  const secondYearActual = secondRow && leading ? deliveredValue(secondRow.approved!, leading) : null;
  return {
    project: { id: p.id, code: p.code, name: p.name, parkId: p.parkId, parkName: p.park.name, actualProductionMonth: p.actualProductionMonth, isDemo: p.isDemo },
    promises,
    metricFields: p.metrics.map((m) => ({ name: m.name, unit: m.unit })),
    fullProduction: { planned: node.plannedDate, actual: node.actualDate },
    state: fullProductionState({ actualProductionMonth: p.actualProductionMonth, fullProductionMonth }, month, config),
    warnings: benefitWarnings({ actualProductionMonth: p.actualProductionMonth, fullProductionMonth, leading, secondYearActual }, month, config),
    reports,
    aboutTolerancePercent: config.aboutTolerancePercent.toFixed(),
  };
}

export const BENEFIT_REVIEW_PAGE_SIZE = 20;

export type BenefitReviewItem = {
  id: number;
  version: number;
  label: string;
  projectCode: string;
  projectName: string;
  parkName: string;
  submittedBy: string | null;
  submittedAt: Date;
  revisionNo: number;
  figures: BenefitFigures;
  isDemo: boolean;
};

/** The office's queue: submitted benefit reports, oldest first, one page (counted and paged in SQL). */
export async function getBenefitReviewQueue(prisma: Db, page = 1): Promise<{ items: BenefitReviewItem[]; total: number; page: number; pages: number }> {
  const where = { status: "SUBMITTED" as const };
  const total = await prisma.benefitReport.count({ where });
  const pages = Math.max(1, Math.ceil(total / BENEFIT_REVIEW_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await prisma.benefitReport.findMany({
    where,
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    skip: (current - 1) * BENEFIT_REVIEW_PAGE_SIZE,
    take: BENEFIT_REVIEW_PAGE_SIZE,
    include: { project: { select: { code: true, name: true, park: { select: { name: true } } } }, currentRevision: { include: { createdBy: { select: { displayName: true } } } } },
  });
  return {
    total,
    page: current,
    pages,
    items: rows.map((r) => ({
      id: r.id,
      version: r.version,
      label: benefitPeriodLabel(r.year, r.quarter),
      projectCode: r.project.code,
      projectName: r.project.name,
      parkName: r.project.park.name,
      submittedBy: r.currentRevision?.createdBy?.displayName ?? null,
      submittedAt: r.currentRevision?.createdAt ?? r.updatedAt,
      revisionNo: r.currentRevision?.revisionNo ?? 0,
      figures: figuresOf(r.currentRevision ?? { output: null, tax: null, jobs: null, metrics: [], note: null }),
      isDemo: r.isDemo,
    })),
  };
}

export type FullProductionCounts = Record<Exclude<FullProductionState, "NOT_IN_PRODUCTION">, number> & {
  /** the 投产超期未达产 projects, longest in production first (at most `limit`) */
  overdue: Array<{ code: string; name: string; actualProductionMonth: string }>;
};

/**
 * Projects in production counted by 达产 state as of `month` (default this month), for the
 * whole park or one county park: one grouped query, and the overdue ones listed (LIMIT in SQL).
 */
export async function getFullProductionCounts(prisma: Db, opts: { parkId?: number; month?: string; limit?: number } = {}): Promise<FullProductionCounts> {
  const month = opts.month ?? currentMonth();
  const config = benefitConfig();
  const state = fullProductionStateSql(Prisma.sql`p."actualProductionMonth"`, Prisma.sql`to_char(m."actualDate", 'YYYY-MM')`, month, config);
  const park = opts.parkId === undefined ? Prisma.empty : Prisma.sql`AND p."parkId" = ${opts.parkId}`;
  const from = Prisma.sql`FROM "Project" p LEFT JOIN "Milestone" m ON m."projectId" = p.id AND m.kind = 'FULL_PRODUCTION'
    WHERE p."actualProductionMonth" IS NOT NULL ${park}`;
  // the rule applied once per (production month, 达产 month) pair, not once per project: at 20,000
  // projects in production, evaluating it row by row cost more than reading them
  const grouped = fullProductionStateSql(Prisma.sql`g.production`, Prisma.sql`g.reached`, month, config);
  const rows = await prisma.$queryRaw<Array<{ state: string; n: number }>>`
    SELECT ${grouped} AS state, sum(g.n)::int AS n
      FROM (SELECT p."actualProductionMonth" AS production, to_char(m."actualDate", 'YYYY-MM') AS reached, count(*) AS n ${from} GROUP BY 1, 2) g
     GROUP BY 1`;
  const overdue = await prisma.$queryRaw<Array<{ code: string; name: string; actualProductionMonth: string }>>`
    SELECT p.code, p.name, p."actualProductionMonth" ${from} AND ${state} = 'OVERDUE'
    ORDER BY p."actualProductionMonth", p.code LIMIT ${opts.limit ?? 10}`;
  const n = (s: string) => rows.find((r) => r.state === s)?.n ?? 0;
  return { REACHED: n("REACHED"), PENDING: n("PENDING"), OVERDUE: n("OVERDUE"), overdue };
}
