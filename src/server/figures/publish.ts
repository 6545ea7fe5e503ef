// Publishing a 调度期 computes, once, every figure leaders read for that month, and stores it in
// ProjectFigure under a new PeriodPublication. What counts is defined in src/domain:
//
//   A published figure is the project's newest APPROVED revision of a month up to and including
//   the period's month, carried forward and marked 未报 when it is not the period's own month
//   (src/domain/counted-revision.ts), so no total and no chart falls because a project did not
//   report. 年度投资完成率 is like for like (src/domain/annual-rate.ts).
//
// 本年累计完成投资 is the carried cumulative minus the newest approved cumulative up to the
// previous December (至上年底累计). The 三色预警 colour is evaluated by src/domain/warnings.ts on
// the approved history of the year and the carried figure (a 未报 month is judged against its own
// plan, and consecutive 未报 months count), as of the period's month; overdue issues as of the day of
// publication (asOfDate); 入库 (已开工未入库, src/lib/stats-entry.ts) as of the period's month.
//
// The publication is frozen: with the figures it stores the project facts they are printed with
// (ProjectFigure: code, name, 建设内容, … and the open issues as of asOfDate), each park's name
// (PublicationParkTotal; its sums per 产业 in PublicationIndustryTotal), and what the documents state besides (PublicationDocumentInputs:
// src/server/documents/inputs.ts) — nothing a publication shows is read live afterwards.
//
// 数据质量 (src/domain/data-quality.ts): the figures of the projects that reported the month (an
// approved revision of the month itself, not a carried 未报 figure) are checked on the approved
// history, batch by batch, and their flags stored with the publication (PublicationQualityFlag,
// never changed) with the 核实说明 given when the revision was approved; the publication says it
// was checked (qualityChecked), so its 通报 can tell "nothing flagged" from "not checked".
//
// (No "server-only" marker: the seed scripts publish too.)
// Projects are processed in batches of BATCH (keyset on project id), so memory stays bounded
// whatever the size of the list; each batch is one SELECT and one INSERT of figures, then the
// 数据质量 checks' one SELECT and, when anything is flagged, one INSERT of flags.
import { Prisma, type WarningLevel } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { dec } from "@/lib/money";
import { dayToDate } from "@/lib/month";
import { evaluateWarning, type MonthPoint } from "@/domain/warnings";
import { approvedFigureUpTo, isMissing, revisionSql } from "@/domain/counted-revision";
import { planScopeSumsSql, projectAnnualRate } from "@/domain/annual-rate";
import { warningConfig } from "@/domain/warning-config";
import { overdueSql } from "@/domain/overdue";
import { byDeadlineSql } from "@/domain/deadlines";
import { openIssuesSql, storeDocumentInputs } from "@/server/documents/inputs";
import { checkRevisions } from "@/server/data-quality/checks";
import { FUNDS_COLUMNS, fundingScopeSumsSql, fundsInPlace as sumFunds, projectFundingRate, type FundsBySource } from "@/domain/funding";

type Tx = Prisma.TransactionClient | Db;

const BATCH = 1000;

const LEVEL: Record<"red" | "yellow" | "green", WarningLevel> = { red: "RED", yellow: "YELLOW", green: "GREEN" };

type SourceRow = {
  projectId: number;
  parkId: number;
  industry: string | null;
  listOrder: number;
  projectDemo: boolean;
  totalInvestment: Prisma.Decimal;
  annualPlanned: Prisma.Decimal | null;
  figureMonth: string | null;
  revisionId: number | null;
  cumulative: Prisma.Decimal | null;
  monthInvestment: Prisma.Decimal | null;
  figureDemo: boolean | null;
  /** the plan figure of figureMonth (which may be last year's) */
  figurePlanned: Prisma.Decimal | null;
  figurePlannedDemo: boolean | null;
  priorYearCumulative: Prisma.Decimal | null;
  actualStartMonth: string | null;
  actualProductionMonth: string | null;
  /** 入库 month, when in or before the period's month */
  statsEnteredMonth: string | null;
  /** 资金计划: Σ planned over the sources (null: no plan) */
  fundingPlanned: Prisma.Decimal | null;
  history: Array<{ month: string; planned: string | null; plannedDemo: boolean; actual: string | null; actualDemo: boolean }>;
  overdueIssues: number;
  // and fundsFiscal … fundsOther: the counted figure's money in place by source (carried with it when 未报)
} & FundsBySource<Prisma.Decimal | null>;

export type PublishOptions = {
  /** the period's month, "YYYY-MM" */
  month: string;
  publishedById: number | null;
  /** why the period was re-opened before this publication */
  reopenReason?: string | null;
  /** business date ("YYYY-MM-DD") on which overdue issues are judged */
  asOfDate: string;
  /** the publication's 发布时间 on the business clock (src/lib/month.ts businessInstant); default now */
  publishedAt?: Date;
  /** the month's figures rest on demo data (default: the period's flag) */
  periodIsDemo?: boolean;
};

/**
 * Creates the period's next publication with every project's figures and makes it the one
 * leaders read. Run it inside the caller's transaction (with the period row locked); the
 * period must exist and the year's plan must exist.
 */
export async function publishFigures(tx: Tx, opts: PublishOptions): Promise<{ publicationId: number; projects: number; qualityFlags: number }> {
  const year = Number(opts.month.slice(0, 4));
  const plan = await tx.annualPlan.findUnique({ where: { year }, select: { id: true, startDeadline: true, productionDeadline: true } });
  if (!plan) throw new Error(`没有${year}年的重大项目计划，不能发布该调度期。`);
  const period = await tx.reportingPeriod.findUniqueOrThrow({ where: { month: opts.month } });
  const last = await tx.periodPublication.findFirst({
    where: { periodId: period.id },
    orderBy: { publicationNo: "desc" },
    select: { publicationNo: true },
  });
  const publication = await tx.periodPublication.create({
    data: {
      periodId: period.id,
      publicationNo: (last?.publicationNo ?? 0) + 1,
      publishedById: opts.publishedById,
      reopenReason: opts.reopenReason ?? null,
      asOfDate: dayToDate(opts.asOfDate),
      qualityChecked: true,
      fundingCounted: true,
      ...(opts.publishedAt ? { publishedAt: opts.publishedAt } : {}),
    },
  });

  const first = `${year}-01`;
  const priorEnd = `${year - 1}-12`;
  const startDeadline = plan.startDeadline.toISOString().slice(0, 10);
  const config = warningConfig();
  let afterId = 0;
  let projects = 0;
  let qualityFlags = 0;
  for (;;) {
    const rows = await tx.$queryRaw<SourceRow[]>(Prisma.sql`
      SELECT p.id AS "projectId", p."parkId", p.industry, e."sortOrder" AS "listOrder", p."isDemo" AS "projectDemo",
             p."totalInvestment", e."annualPlannedInvestment" AS "annualPlanned",
             cur.month AS "figureMonth", cur."revisionId", cur."cumulativeInvestment" AS cumulative,
             cur."monthInvestment", cur."isDemo" AS "figureDemo",
             cur."fundsFiscal", cur."fundsBond", cur."fundsBank", cur."fundsSelf", cur."fundsOther",
             (SELECT sum(fpl.planned) FROM "ProjectFundingPlan" fpl WHERE fpl."projectId" = p.id) AS "fundingPlanned",
             fp."cumulativePlanned" AS "figurePlanned", fp."isDemo" AS "figurePlannedDemo",
             base."cumulativeInvestment" AS "priorYearCumulative",
             CASE WHEN p."actualStartMonth" <= ${opts.month} THEN p."actualStartMonth" END AS "actualStartMonth",
             CASE WHEN p."actualProductionMonth" <= ${opts.month} THEN p."actualProductionMonth" END AS "actualProductionMonth",
             CASE WHEN p."statsEnteredMonth" <= ${opts.month} THEN p."statsEnteredMonth" END AS "statsEnteredMonth",
             coalesce((
               SELECT json_agg(json_build_object(
                        'month', coalesce(a.month, pl.month),
                        'planned', pl."cumulativePlanned"::text,
                        'plannedDemo', coalesce(pl."isDemo", false),
                        'actual', a."cumulativeInvestment"::text,
                        'actualDemo', coalesce(a."isDemo", false))
                      ORDER BY coalesce(a.month, pl.month))
                 FROM (SELECT r.month, rv."cumulativeInvestment", r."isDemo"
                         FROM "MonthlyReport" r
                         JOIN "MonthlyReportRevision" rv ON rv.id = ${revisionSql("approved")}
                        WHERE r."projectId" = p.id AND r.month BETWEEN ${first} AND ${opts.month}) a
                 FULL JOIN (SELECT pi.month, pi."cumulativePlanned", pi."isDemo"
                              FROM "PlannedInvestment" pi
                             WHERE pi."projectId" = p.id AND pi.month BETWEEN ${first} AND ${opts.month}) pl
                   ON pl.month = a.month
             ), '[]'::json) AS history,
             (SELECT count(*)::int FROM "Issue" i
               WHERE i."projectId" = p.id AND ${overdueSql(opts.asOfDate)}) AS "overdueIssues"
        FROM "AnnualPlanEntry" e
        JOIN "Project" p ON p.id = e."projectId"
        ${approvedFigureUpTo(opts.month, "cur")}
        ${approvedFigureUpTo(priorEnd, "base")}
        LEFT JOIN "PlannedInvestment" fp ON fp."projectId" = p.id AND fp.month = cur.month
       WHERE e."planId" = ${plan.id} AND p.id > ${afterId}
       ORDER BY p.id
       LIMIT ${BATCH}`);
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1].projectId;
    projects += rows.length;
    await insertFigures(tx, publication.id, opts.month, year, startDeadline, rows, config, opts.asOfDate);
    qualityFlags += await insertQualityFlags(tx, publication.id, opts.month, rows);
    if (rows.length < BATCH) break;
  }

  await insertParkTotals(tx, publication.id, plan, year);
  await insertIndustryTotals(tx, publication.id);
  await storeDocumentInputs(tx, { publicationId: publication.id, month: opts.month, asOf: opts.asOfDate, periodIsDemo: opts.periodIsDemo ?? period.isDemo });
  await tx.reportingPeriod.update({
    where: { id: period.id },
    data: { currentPublicationId: publication.id },
  });
  return { publicationId: publication.id, projects, qualityFlags };
}

function toFigure(month: string, startDeadline: string, r: SourceRow, config: ReturnType<typeof warningConfig>) {
  const missing = isMissing(r.figureMonth, month);
  const prior = r.priorYearCumulative === null ? dec(0) : dec(r.priorYearCumulative);
  const cumulative = r.cumulative === null ? null : dec(r.cumulative);
  const yearInvestment = cumulative === null ? dec(0) : cumulative.minus(prior);
  const total = dec(r.totalInvestment);
  const annualPlanned = r.annualPlanned === null ? null : dec(r.annualPlanned);
  const history: MonthPoint[] = r.history.map((h) => ({
    month: h.month,
    planned: h.planned === null ? null : dec(h.planned).toString(),
    plannedDemo: h.plannedDemo,
    actual: h.actual === null ? null : dec(h.actual).toString(),
    actualDemo: h.actualDemo,
  }));
  const planned = history.find((h) => h.month === month)?.planned ?? null;
  const warning = evaluateWarning(
    {
      startDeadline,
      actualStartMonth: r.actualStartMonth,
      totalInvestment: r.totalInvestment,
      referenceMonth: month,
      history,
      carried:
        r.figureMonth === null || r.cumulative === null
          ? null
          : {
              month: r.figureMonth,
              actual: dec(r.cumulative).toString(),
              demo: r.figureDemo ?? false,
              planned: r.figurePlanned === null ? null : dec(r.figurePlanned).toString(),
              plannedDemo: r.figurePlannedDemo ?? false,
            },
      overdueOpenIssues: r.overdueIssues,
      statsEnteredMonth: r.statsEnteredMonth,
    },
    config,
  );
  const funds = FUNDS_COLUMNS.map((c) => r[c]);
  const fundingInPlace = sumFunds(funds);
  const fundingPlanned = r.fundingPlanned === null ? null : dec(r.fundingPlanned);
  return {
    fundingPlanned: fundingPlanned?.toFixed(2) ?? null,
    fundsFiscal: r.fundsFiscal === null ? null : dec(r.fundsFiscal).toFixed(2),
    fundsBond: r.fundsBond === null ? null : dec(r.fundsBond).toFixed(2),
    fundsBank: r.fundsBank === null ? null : dec(r.fundsBank).toFixed(2),
    fundsSelf: r.fundsSelf === null ? null : dec(r.fundsSelf).toFixed(2),
    fundsOther: r.fundsOther === null ? null : dec(r.fundsOther).toFixed(2),
    fundingInPlace: fundingInPlace?.toFixed(2) ?? null,
    fundingRate: projectFundingRate({ fundingPlanned, fundingInPlace })?.toFixed(2) ?? null,
    projectId: r.projectId,
    parkId: r.parkId,
    industry: r.industry,
    listOrder: r.listOrder,
    totalInvestment: total.toFixed(2),
    annualPlanned: annualPlanned?.toFixed(2) ?? null,
    figureMonth: r.figureMonth,
    revisionId: r.revisionId,
    missing,
    cumulative: cumulative?.toFixed(2) ?? null,
    monthInvestment: !missing && r.monthInvestment !== null ? dec(r.monthInvestment).toFixed(2) : null,
    priorYearCumulative: prior.toFixed(2),
    yearInvestment: yearInvestment.toFixed(2),
    plannedCumulative: planned === null ? null : dec(planned).toFixed(2),
    annualRate: projectAnnualRate({ yearInvestment, annualPlanned })?.toFixed(2) ?? null,
    totalRate: cumulative === null || total.isZero() ? null : cumulative.dividedBy(total).times(100).toFixed(2),
    lagPoints: warning.lagPoints === null ? null : dec(warning.lagPoints).toFixed(2),
    actualStartMonth: r.actualStartMonth,
    actualProductionMonth: r.actualProductionMonth,
    warningLevel: LEVEL[warning.level],
    warningReasons: warning.reasons,
    isDemo: r.projectDemo || (r.figureDemo ?? false) || warning.demo,
  };
}

async function insertFigures(
  tx: Tx,
  publicationId: number,
  month: string,
  year: number,
  startDeadline: string,
  rows: SourceRow[],
  config: ReturnType<typeof warningConfig>,
  asOfDate: string,
) {
  const figures = rows.map((r) => toFigure(month, startDeadline, r, config));
  const col = <K extends keyof (typeof figures)[number]>(k: K) => figures.map((f) => f[k]);
  // one INSERT per batch: arrays of each column, unnested in the database; the project's printed
  // facts and open issues joined in the same statement
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "ProjectFigure" ("publicationId", "projectId", month, "planYear", "parkId", industry, "listOrder",
      "totalInvestment", "annualPlanned", "figureMonth", "revisionId", missing, cumulative, "monthInvestment",
      "priorYearCumulative", "yearInvestment", "plannedCumulative", "annualRate", "totalRate", "lagPoints",
      "actualStartMonth", "actualProductionMonth", "warningLevel", "warningReasons", "isDemo",
      code, name, enterprise, "projectStatus", "constructionContent", "startMonth", "endMonth", "responsibleLeader", "openIssues",
      "fundingPlanned", "fundsFiscal", "fundsBond", "fundsBank", "fundsSelf", "fundsOther", "fundingInPlace", "fundingRate")
    SELECT ${publicationId}, t."projectId", ${month}, ${year}, t."parkId", t.industry, t."listOrder",
           t."totalInvestment", t."annualPlanned", t."figureMonth", t."revisionId", t.missing, t.cumulative,
           t."monthInvestment", t."priorYearCumulative", t."yearInvestment", t."plannedCumulative", t."annualRate",
           t."totalRate", t."lagPoints", t."actualStartMonth", t."actualProductionMonth", t."warningLevel"::"WarningLevel",
           ARRAY(SELECT json_array_elements_text(t.reasons)), t."isDemo",
           p.code, p.name, p.enterprise, p.status, p."constructionContent",
           coalesce(p."actualStartMonth", p."plannedStartMonth"), coalesce(p."actualProductionMonth", p."plannedProductionMonth"),
           p."responsibleLeader", ${openIssuesSql(Prisma.sql`t."projectId"`, asOfDate)},
           t."fundingPlanned", t."fundsFiscal", t."fundsBond", t."fundsBank", t."fundsSelf", t."fundsOther", t."fundingInPlace", t."fundingRate"
      FROM unnest(
        ${col("projectId")}::int[], ${col("parkId")}::int[], ${col("industry")}::text[], ${col("listOrder")}::int[],
        ${col("totalInvestment")}::numeric[], ${col("annualPlanned")}::numeric[], ${col("figureMonth")}::text[],
        ${col("revisionId")}::int[], ${col("missing")}::boolean[], ${col("cumulative")}::numeric[],
        ${col("monthInvestment")}::numeric[], ${col("priorYearCumulative")}::numeric[], ${col("yearInvestment")}::numeric[],
        ${col("plannedCumulative")}::numeric[], ${col("annualRate")}::numeric[], ${col("totalRate")}::numeric[],
        ${col("lagPoints")}::numeric[], ${col("actualStartMonth")}::text[], ${col("actualProductionMonth")}::text[],
        ${col("warningLevel")}::text[], ${figures.map((f) => JSON.stringify(f.warningReasons))}::json[], ${col("isDemo")}::boolean[],
        ${col("fundingPlanned")}::numeric[], ${col("fundsFiscal")}::numeric[], ${col("fundsBond")}::numeric[], ${col("fundsBank")}::numeric[],
        ${col("fundsSelf")}::numeric[], ${col("fundsOther")}::numeric[], ${col("fundingInPlace")}::numeric[], ${col("fundingRate")}::numeric[]
      ) AS t("projectId", "parkId", industry, "listOrder", "totalInvestment", "annualPlanned", "figureMonth", "revisionId",
             missing, cumulative, "monthInvestment", "priorYearCumulative", "yearInvestment", "plannedCumulative",
             "annualRate", "totalRate", "lagPoints", "actualStartMonth", "actualProductionMonth", "warningLevel", reasons, "isDemo",
             "fundingPlanned", "fundsFiscal", "fundsBond", "fundsBank", "fundsSelf", "fundsOther", "fundingInPlace", "fundingRate")
      JOIN "Project" p ON p.id = t."projectId"`);
}

/** The 数据质量 message column's length (VARCHAR(500)). */
const MESSAGE_MAX = 500;

/**
 * The 数据质量 flags of a batch's projects that reported the month (their approved revision of the
 * month), checked on the approved history, stored with the publication: one set-based SELECT of the
 * checks' facts and, when anything is flagged, one INSERT, whatever the batch's size. Each flag
 * carries the project's county park as published and the 核实说明 of the newest 审核通过 of that
 * revision (the APPROVE event's reason; null without one).
 */
async function insertQualityFlags(tx: Tx, publicationId: number, month: string, rows: SourceRow[]): Promise<number> {
  const reported = rows.filter((r) => r.revisionId !== null && r.figureMonth === month);
  if (reported.length === 0) return 0;
  const checked = await checkRevisions(
    tx,
    month,
    reported.map((r) => r.revisionId!),
    "approved",
  );
  if (checked.size === 0) return 0;
  const flags = reported.flatMap((r) =>
    (checked.get(r.revisionId!)?.flags ?? []).map((f) => ({
      projectId: r.projectId,
      parkId: r.parkId,
      revisionId: r.revisionId!,
      kind: f.kind,
      message: f.message.slice(0, MESSAGE_MAX),
      evidence: JSON.stringify(f.evidence),
    })),
  );
  const col = <K extends keyof (typeof flags)[number]>(k: K) => flags.map((f) => f[k]);
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "PublicationQualityFlag" ("publicationId", "projectId", "parkId", kind, message, evidence, verification)
    SELECT ${publicationId}, t."projectId", t."parkId", t.kind::"QualityKind", t.message, t.evidence::jsonb,
           (SELECT nullif(btrim(e.reason), '')
              FROM "MonthlyReportRevision" rv
              JOIN "ReportEvent" e ON e."reportId" = rv."reportId" AND e."revisionId" = rv.id AND e.action = 'APPROVE'
             WHERE rv.id = t."revisionId"
             ORDER BY e."createdAt" DESC, e.id DESC
             LIMIT 1)
      FROM unnest(${col("projectId")}::int[], ${col("parkId")}::int[], ${col("revisionId")}::int[], ${col("kind")}::text[],
                  ${col("message")}::text[], ${col("evidence")}::text[])
        AS t("projectId", "parkId", "revisionId", kind, message, evidence)`);
  return flags.length;
}

/**
 * The publication's sums per 产业 ("" for none), from the figures just written: what the
 * overview's 各产业完成率 reads (getFigureBreakdown). One statement.
 */
async function insertIndustryTotals(tx: Tx, publicationId: number) {
  const planScope = planScopeSumsSql(Prisma.sql`f."yearInvestment"`, Prisma.sql`f."annualPlanned"`);
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "PublicationIndustryTotal" ("publicationId", industry, projects, "totalInvestment", "annualPlanned",
      "withAnnualPlan", "yearInvestmentOfPlanned", "yearInvestment", cumulative, missing, red, yellow, "demoFigures")
    SELECT ${publicationId}, coalesce(f.industry, ''), count(*)::int, sum(f."totalInvestment"), ${planScope.annualPlanned},
           ${planScope.projectsWithAnnualPlan}, ${planScope.yearInvestmentOfPlanned},
           sum(f."yearInvestment"), coalesce(sum(f.cumulative), 0),
           count(*) FILTER (WHERE f.missing)::int, count(*) FILTER (WHERE f."warningLevel" = 'RED')::int,
           count(*) FILTER (WHERE f."warningLevel" = 'YELLOW')::int, count(*) FILTER (WHERE f."isDemo")::int
      FROM "ProjectFigure" f
     WHERE f."publicationId" = ${publicationId}
     GROUP BY coalesce(f.industry, '')`);
}

/**
 * The publication's sums per county park, from the figures just written, with each park's
 * planned cumulative for every month of the year (index 0 = January). One statement.
 */
async function insertParkTotals(tx: Tx, publicationId: number, plan: { id: number; startDeadline: Date; productionDeadline: Date }, year: number) {
  const planScope = planScopeSumsSql(Prisma.sql`f."yearInvestment"`, Prisma.sql`f."annualPlanned"`);
  const fundingScope = fundingScopeSumsSql(Prisma.sql`f."fundingPlanned"`, Prisma.sql`f."fundingInPlace"`);
  await tx.$executeRaw(Prisma.sql`
    WITH pm AS (
      SELECT p."parkId", pi.month, sum(pi."cumulativePlanned") AS planned, count(*)::int AS n
        FROM "AnnualPlanEntry" e
        JOIN "Project" p ON p.id = e."projectId"
        JOIN "PlannedInvestment" pi ON pi."projectId" = p.id AND pi.month BETWEEN ${`${year}-01`} AND ${`${year}-12`}
       WHERE e."planId" = ${plan.id}
       GROUP BY 1, 2
    ), parks AS (
      SELECT DISTINCT "parkId" FROM "ProjectFigure" WHERE "publicationId" = ${publicationId}
    ), arr AS (
      SELECT parks."parkId", array_agg(pm.planned ORDER BY gs.m) AS planned, array_agg(coalesce(pm.n, 0) ORDER BY gs.m) AS n
        FROM parks
        CROSS JOIN generate_series(1, 12) AS gs(m)
        LEFT JOIN pm ON pm."parkId" = parks."parkId" AND pm.month = ${`${year}-`} || lpad(gs.m::text, 2, '0')
       GROUP BY parks."parkId"
    )
    INSERT INTO "PublicationParkTotal" ("publicationId", "parkId", projects, "totalInvestment", "annualPlanned",
      "withAnnualPlan", "yearInvestmentOfPlanned", "yearInvestment", cumulative, "plannedAtMonth", "actualOfPlanned",
      started, "startedByDeadline", "inProduction", "inProductionByDeadline", missing, red, yellow, green, "demoFigures",
      "plannedByMonth", "plannedProjectsByMonth", "parkName", county, "parkSortOrder",
      "fundingPlanned", "withFundingPlan", "fundingInPlaceOfPlanned", "fundingInPlace")
    SELECT ${publicationId}, f."parkId", count(*)::int, sum(f."totalInvestment"), ${planScope.annualPlanned},
           ${planScope.projectsWithAnnualPlan}, ${planScope.yearInvestmentOfPlanned},
           sum(f."yearInvestment"), coalesce(sum(f.cumulative), 0), sum(f."plannedCumulative"),
           sum(coalesce(f.cumulative, 0)) FILTER (WHERE f."plannedCumulative" IS NOT NULL),
           count(f."actualStartMonth")::int, count(*) FILTER (WHERE ${byDeadlineSql(Prisma.sql`f."actualStartMonth"`, plan.startDeadline)})::int,
           count(f."actualProductionMonth")::int, count(*) FILTER (WHERE ${byDeadlineSql(Prisma.sql`f."actualProductionMonth"`, plan.productionDeadline)})::int,
           count(*) FILTER (WHERE f.missing)::int, count(*) FILTER (WHERE f."warningLevel" = 'RED')::int,
           count(*) FILTER (WHERE f."warningLevel" = 'YELLOW')::int, count(*) FILTER (WHERE f."warningLevel" = 'GREEN')::int,
           count(*) FILTER (WHERE f."isDemo")::int, arr.planned, arr.n, pk.name, pk.county, pk."sortOrder",
           ${fundingScope.fundingPlanned}, ${fundingScope.withFundingPlan}, ${fundingScope.fundingInPlaceOfPlanned}, ${fundingScope.fundingInPlace}
      FROM "ProjectFigure" f
      JOIN arr ON arr."parkId" = f."parkId"
      JOIN "Park" pk ON pk.id = f."parkId"
     WHERE f."publicationId" = ${publicationId}
     GROUP BY f."parkId", arr.planned, arr.n, pk.name, pk.county, pk."sortOrder"`);
}
