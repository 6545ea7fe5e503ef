// The monthly 调度表 (Excel), in the columns offices use, grouped by county park with a subtotal
// row per park and a total row, and the import template of a county park (the same columns and
// three more for the import). What figures a month shows:
//   - a month with a publication (published, or re-opened after one): that publication's
//     ProjectFigure rows, what leaders read, with the project and park facts stored with them
//     (frozen when published); `?publication=N` asks for an earlier publication of the month;
//   - an open month never published: the approved figures as of the export, computed by the
//     same rule as publishing (the newest approved revision up to the month, 未报 carried
//     forward); 预警 is evaluated only when the month is published, so it reads 发布时评定.
// Sums are computed with Decimal while the rows stream by (they arrive ordered by park). Every rate
// column can be recomputed from the columns beside it, on project rows and on 小计/合计 alike:
// 占年度计划% = 其中有年度计划项目本年累计 ÷ 本年计划投资 (both over the projects with a plan
// figure, src/domain/annual-rate.ts), 占总投资% = 开工至今累计 ÷ 总投资.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { approvedFigureUpTo, figureUpToSql, missingSql } from "@/domain/counted-revision";
import { annualRate, annualRateSql, inPlanScope } from "@/domain/annual-rate";
import { Decimal, dec } from "@/lib/money";
import { formatDateTime, formatMonth } from "@/lib/month";
import { WARNING_LABEL } from "@/domain/warnings";
import { PROGRESS_STAGE_LABEL } from "@/lib/labels";
import { FUNDS_COLUMNS, fundingRate, fundingRateSql, fundsInPlace as sumFunds, fundsInPlaceSql, projectFundingRate, type FundsBySource } from "@/domain/funding";
import { moneyCell, percentCell, Sheet, type Build, type CellValue, type Column } from "./workbook";

/** Under every 调度表: how its rate columns are recomputed from the columns beside them. */
export const SCOPE_NOTE =
  "注：占年度计划%（同口径）= 其中有年度计划项目本年累计 ÷ 本年计划投资，两列只计列有年度计划投资的项目（小计、合计同）；本年累计完成投资含无年度计划的项目；占总投资% = 开工至今累计完成投资 ÷ 总投资；资金到位率%（同口径）= 其中有资金计划项目到位 ÷ 计划资金，未填到位资金的按0计；到位资金合计含无资金计划的项目。";

/** The most projects one 调度表 holds (the synthetic province scale has 5,000). */
export const SCHEDULE_EXPORT_LIMIT = 20_000;

/** Header texts, shared with the importer (src/server/excel/import-rows.ts). */
export const H = {
  no: "序号",
  code: "项目代码",
  name: "项目名称",
  park: "县区园区",
  content: "建设内容及规模",
  years: "建设起止年限",
  total: "总投资（万元）",
  prior: "至上年底累计完成投资（万元）",
  annual: "本年计划投资（万元）",
  month: "本月完成投资（万元）",
  year: "本年累计完成投资（万元）",
  yearOfPlanned: "其中有年度计划项目本年累计（万元）",
  annualRate: "占年度计划%（同口径）",
  cumulative: "开工至今累计完成投资（万元）",
  totalRate: "占总投资%",
  progress: "形象进度",
  stage: "形象进度阶段",
  warning: "预警",
  leader: "包保领导",
  unit: "责任单位",
  explanation: "说明（累计≠上月累计+本月时必填）",
  start: "实际开工月份（如2024-09）",
  production: "实际投产月份（如2024-12）",
  // 资金到位 (src/domain/funding.ts): the plan, the cumulative money in place by source (read by the import), the rate
  fundingPlanned: "计划资金（万元）",
  fundsFiscal: "财政资金累计到位（万元）",
  fundsBond: "地方政府专项债券累计到位（万元）",
  fundsBank: "银行贷款累计到位（万元）",
  fundsSelf: "企业自筹累计到位（万元）",
  fundsOther: "其他资金累计到位（万元）",
  fundingInPlace: "到位资金合计（万元）",
  fundingOfPlanned: "其中有资金计划项目到位（万元）",
  fundingRate: "资金到位率%（同口径）",
} as const;

/** The 调度表's 资金到位 columns, after 责任单位 (the template has them too: the import reads the five sources). */
const FUNDING_COLUMNS: Column[] = [
  { header: H.fundingPlanned, kind: "money", width: 14 },
  ...FUNDS_COLUMNS.map((c): Column => ({ header: H[c], kind: "money", width: 14 })),
  { header: H.fundingInPlace, kind: "money", width: 14 },
  { header: H.fundingOfPlanned, kind: "money", width: 15 },
  { header: H.fundingRate, kind: "percent", width: 11 },
];

export const SCHEDULE_COLUMNS: Column[] = [
  { header: H.no, kind: "int", width: 6 },
  { header: H.code, kind: "text", width: 14 },
  { header: H.name, kind: "wrap", width: 26 },
  { header: H.park, kind: "text", width: 13 },
  { header: H.content, kind: "wrap", width: 36 },
  { header: H.years, kind: "text", width: 11 },
  { header: H.total, kind: "money", width: 14 },
  { header: H.prior, kind: "money", width: 15 },
  { header: H.annual, kind: "money", width: 14 },
  { header: H.month, kind: "money", width: 14 },
  { header: H.year, kind: "money", width: 14 },
  { header: H.yearOfPlanned, kind: "money", width: 15 },
  { header: H.annualRate, kind: "percent", width: 11 },
  { header: H.cumulative, kind: "money", width: 15 },
  { header: H.totalRate, kind: "percent", width: 10 },
  { header: H.progress, kind: "wrap", width: 30 },
  { header: H.stage, kind: "text", width: 11 },
  { header: H.warning, kind: "text", width: 12 },
  { header: H.leader, kind: "text", width: 10 },
  { header: H.unit, kind: "text", width: 12 },
  ...FUNDING_COLUMNS,
];
/** The columns before the 资金到位 ones (the 小计/合计 rows leave the text columns empty). */
const BASE_COLUMNS = SCHEDULE_COLUMNS.length - FUNDING_COLUMNS.length;

/** The template's extra columns, read by the import. */
export const TEMPLATE_COLUMNS: Column[] = [
  ...SCHEDULE_COLUMNS.map((c) => (c.header === H.warning ? { ...c, header: "本月填报状态" } : c)),
  { header: H.explanation, kind: "wrap", width: 24 },
  { header: H.start, kind: "text", width: 13 },
  { header: H.production, kind: "text", width: 13 },
];

export type ScheduleRow = {
  projectId: number;
  code: string;
  name: string;
  parkId: number;
  parkName: string;
  county: string;
  constructionContent: string;
  startMonth: string | null;
  endMonth: string | null;
  totalInvestment: Prisma.Decimal;
  priorYearCumulative: Prisma.Decimal;
  annualPlanned: Prisma.Decimal | null;
  monthInvestment: Prisma.Decimal | null;
  yearInvestment: Prisma.Decimal;
  annualRate: Prisma.Decimal | null;
  cumulative: Prisma.Decimal | null;
  totalRate: Prisma.Decimal | null;
  progressText: string | null;
  /** 形象进度阶段 (a key of PROGRESS_STAGE_LABEL; null: not given) */
  progressStage: string | null;
  warning: string | null;
  missing: boolean;
  figureMonth: string | null;
  responsibleLeader: string | null;
  /** template only: the month's own report, as the county left it */
  explanation?: string | null;
  actualStartMonth?: string | null;
  actualProductionMonth?: string | null;
  reportStatus?: string | null;
  /** 资金到位: Σ 资金计划 (null: none), the money in place by source (null: never stated), their sum, the rate in percent */
  fundingPlanned: Prisma.Decimal | null;
  fundingInPlace: Prisma.Decimal | null;
  fundingRate: Prisma.Decimal | null;
} & FundsBySource<Prisma.Decimal | null>;

const FUNDING_PLAN_SQL = Prisma.sql`(SELECT sum(fpl.planned) FROM "ProjectFundingPlan" fpl WHERE fpl."projectId" = p.id)`;

export type ScheduleSource =
  | {
      kind: "publication";
      publicationId: number;
      publicationNo: number;
      publishedAt: Date;
      reopened: boolean;
      /** asked for by number: says nothing of the month's state since */ pinned?: boolean;
    }
  | { kind: "live" };

/**
 * Which figures the 调度表 of `month` shows (see the top of this file); with `publicationNo`, that
 * publication of the month (null when there is none).
 */
export async function scheduleSource(prisma: Db, month: string): Promise<ScheduleSource>;
export async function scheduleSource(prisma: Db, month: string, publicationNo: number): Promise<ScheduleSource | null>;
export async function scheduleSource(prisma: Db, month: string, publicationNo?: number): Promise<ScheduleSource | null> {
  if (publicationNo !== undefined) {
    const rows = await prisma.$queryRaw<Array<{ publicationId: number; publicationNo: number; publishedAt: Date }>>(Prisma.sql`
      SELECT pub.id AS "publicationId", pub."publicationNo", pub."publishedAt"
        FROM "ReportingPeriod" rp JOIN "PeriodPublication" pub ON pub."periodId" = rp.id
       WHERE rp.month = ${month} AND pub."publicationNo" = ${publicationNo}`);
    return rows[0] ? { kind: "publication", ...rows[0], reopened: false, pinned: true } : null;
  }
  const rows = await prisma.$queryRaw<Array<{ publicationId: number; publicationNo: number; publishedAt: Date; reopened: boolean }>>(Prisma.sql`
    SELECT pub.id AS "publicationId", pub."publicationNo", pub."publishedAt", (rp.status = 'OPEN') AS reopened
      FROM "ReportingPeriod" rp JOIN "PeriodPublication" pub ON pub.id = rp."currentPublicationId"
     WHERE rp.month = ${month}`);
  return rows[0] ? { kind: "publication", ...rows[0] } : { kind: "live" };
}

const parkFilter = (column: Prisma.Sql, parkId?: number) => (parkId === undefined ? Prisma.empty : Prisma.sql`AND ${column} = ${parkId}`);

/** The columns a live 调度表 row and a template row read alike from the year's list (p: Project, pk: Park, e: AnnualPlanEntry, base: 至上年底 figure). */
const LISTED_PROJECT_COLUMNS = Prisma.sql`p.id AS "projectId", p.code, p.name, p."parkId", pk.name AS "parkName", pk.county, p."constructionContent",
           coalesce(p."actualStartMonth", p."plannedStartMonth") AS "startMonth",
           coalesce(p."actualProductionMonth", p."plannedProductionMonth") AS "endMonth",
           p."totalInvestment", coalesce(base."cumulativeInvestment", 0) AS "priorYearCumulative",
           e."annualPlannedInvestment" AS "annualPlanned"`;

/** The 调度表's rows, ordered by park then list order; at most `limit`. */
export async function scheduleRows(prisma: Db, month: string, source: ScheduleSource, options: { parkId?: number; limit: number }): Promise<ScheduleRow[]> {
  if (source.kind === "publication") {
    // everything as stored with the publication; 形象进度 from the counted revision, which never changes
    return prisma.$queryRaw<ScheduleRow[]>(Prisma.sql`
      SELECT f."projectId", f.code, f.name, f."parkId", t."parkName", t.county, f."constructionContent",
             f."startMonth", f."endMonth",
             f."totalInvestment", f."priorYearCumulative", f."annualPlanned", f."monthInvestment", f."yearInvestment",
             f."annualRate", f.cumulative, f."totalRate", rv."progressText", rv."progressStage"::text AS "progressStage", f."warningLevel"::text AS warning,
             f.missing, f."figureMonth", f."responsibleLeader",
             f."fundingPlanned", f."fundsFiscal", f."fundsBond", f."fundsBank", f."fundsSelf", f."fundsOther", f."fundingInPlace", f."fundingRate"
        FROM "ProjectFigure" f
        JOIN "PublicationParkTotal" t ON t."publicationId" = f."publicationId" AND t."parkId" = f."parkId"
        LEFT JOIN "MonthlyReportRevision" rv ON rv.id = f."revisionId"
       WHERE f."publicationId" = ${source.publicationId} ${parkFilter(Prisma.sql`f."parkId"`, options.parkId)}
       ORDER BY t."parkSortOrder", t."parkName", f."listOrder", f.code
       LIMIT ${options.limit}`);
  }
  const year = Number(month.slice(0, 4));
  return prisma.$queryRaw<ScheduleRow[]>(Prisma.sql`
    SELECT ${LISTED_PROJECT_COLUMNS},
           CASE WHEN cur.month = ${month} THEN cur."monthInvestment" END AS "monthInvestment",
           coalesce(cur."cumulativeInvestment" - coalesce(base."cumulativeInvestment", 0), 0) AS "yearInvestment",
           round(${annualRateSql(Prisma.sql`coalesce(cur."cumulativeInvestment" - coalesce(base."cumulativeInvestment", 0), 0)`, Prisma.sql`e."annualPlannedInvestment"`)}, 2) AS "annualRate",
           cur."cumulativeInvestment" AS cumulative,
           CASE WHEN p."totalInvestment" > 0 THEN round(cur."cumulativeInvestment" / p."totalInvestment" * 100, 2) END AS "totalRate",
           rv."progressText", rv."progressStage"::text AS "progressStage", NULL::text AS warning, ${missingSql(Prisma.sql`cur.month`, month)} AS missing,
           cur.month AS "figureMonth", p."responsibleLeader",
           ${FUNDING_PLAN_SQL} AS "fundingPlanned",
           cur."fundsFiscal", cur."fundsBond", cur."fundsBank", cur."fundsSelf", cur."fundsOther", ${fundsInPlaceSql("cur")} AS "fundingInPlace",
           round(${fundingRateSql(Prisma.sql`coalesce(${fundsInPlaceSql("cur")}, 0)`, FUNDING_PLAN_SQL)}, 2) AS "fundingRate"
      FROM "AnnualPlan" ap
      JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
      JOIN "Project" p ON p.id = e."projectId"
      JOIN "Park" pk ON pk.id = p."parkId"
      ${approvedFigureUpTo(month, "cur")}
      ${approvedFigureUpTo(`${year - 1}-12`, "base")}
      LEFT JOIN "MonthlyReportRevision" rv ON rv.id = cur."revisionId"
     WHERE ap.year = ${year} ${parkFilter(Prisma.sql`p."parkId"`, options.parkId)}
     ORDER BY pk."sortOrder", pk.name, e."sortOrder", p.code
     LIMIT ${options.limit}`);
}

/**
 * The import template's rows for one park and month: each project of the year's list with what
 * the county would type over — the month's own report when there is one (its current revision,
 * whatever its status), otherwise 本月 empty and 累计, 形象进度 and 形象进度阶段 of the last counted month.
 */
export async function templateRows(prisma: Db, month: string, parkId: number, limit: number): Promise<ScheduleRow[]> {
  const year = Number(month.slice(0, 4));
  return prisma.$queryRaw<ScheduleRow[]>(Prisma.sql`
    SELECT ${LISTED_PROJECT_COLUMNS},
           own."monthInvestment",
           coalesce(coalesce(own."cumulativeInvestment", prev."cumulativeInvestment") - coalesce(base."cumulativeInvestment", 0), 0) AS "yearInvestment",
           round(${annualRateSql(Prisma.sql`coalesce(coalesce(own."cumulativeInvestment", prev."cumulativeInvestment") - coalesce(base."cumulativeInvestment", 0), 0)`, Prisma.sql`e."annualPlannedInvestment"`)}, 2) AS "annualRate",
           coalesce(own."cumulativeInvestment", prev."cumulativeInvestment") AS cumulative,
           CASE WHEN p."totalInvestment" > 0 THEN round(coalesce(own."cumulativeInvestment", prev."cumulativeInvestment") / p."totalInvestment" * 100, 2) END AS "totalRate",
           coalesce(own."progressText", prev."progressText") AS "progressText",
           (CASE WHEN own.status IS NULL THEN prv."progressStage" ELSE own."progressStage" END)::text AS "progressStage", NULL::text AS warning,
           own.status IS NULL AS missing, coalesce(own.month, prev.month) AS "figureMonth", p."responsibleLeader",
           own.explanation, own."actualStartMonth", own."actualProductionMonth",
           own.status::text AS "reportStatus",
           ${FUNDING_PLAN_SQL} AS "fundingPlanned",
           coalesce(own."fundsFiscal", prev."fundsFiscal") AS "fundsFiscal", coalesce(own."fundsBond", prev."fundsBond") AS "fundsBond",
           coalesce(own."fundsBank", prev."fundsBank") AS "fundsBank", coalesce(own."fundsSelf", prev."fundsSelf") AS "fundsSelf",
           coalesce(own."fundsOther", prev."fundsOther") AS "fundsOther", NULL::numeric AS "fundingInPlace", NULL::numeric AS "fundingRate"
      FROM "AnnualPlan" ap
      JOIN "AnnualPlanEntry" e ON e."planId" = ap.id
      JOIN "Project" p ON p.id = e."projectId"
      JOIN "Park" pk ON pk.id = p."parkId"
      ${approvedFigureUpTo(`${year - 1}-12`, "base")}
      LEFT JOIN LATERAL (
        SELECT r.month, r.status, rv."monthInvestment", rv."cumulativeInvestment", rv."progressText", rv."progressStage", rv.explanation,
               rv."actualStartMonth", rv."actualProductionMonth",
               rv."fundsFiscal", rv."fundsBond", rv."fundsBank", rv."fundsSelf", rv."fundsOther"
          FROM "MonthlyReport" r JOIN "MonthlyReportRevision" rv ON rv.id = r."currentRevisionId"
         WHERE r."projectId" = p.id AND r.month = ${month}
      ) own ON true
      ${figureUpToSql({ alias: "prev", basis: "counted", before: month })}
      LEFT JOIN "MonthlyReportRevision" prv ON prv.id = prev."revisionId"
     WHERE ap.year = ${year} AND p."parkId" = ${parkId}
     ORDER BY e."sortOrder", p.code
     LIMIT ${limit}`);
}

function years(row: ScheduleRow): string {
  const a = row.startMonth?.slice(0, 4);
  const b = row.endMonth?.slice(0, 4);
  return a && b ? `${a}—${b}` : a ? `${a}—` : b ? `—${b}` : "";
}

function warningText(row: ScheduleRow, live: boolean): string {
  const stale = row.missing ? (row.figureMonth ? `未报（沿用${formatMonth(row.figureMonth)}）` : "未报") : "";
  if (live) return stale || "发布时评定";
  const level = row.warning === "RED" ? WARNING_LABEL.red : row.warning === "YELLOW" ? WARNING_LABEL.yellow : WARNING_LABEL.green;
  return stale ? `${level}；${stale}` : level;
}

class Sums {
  projects = 0;
  total = new Decimal(0);
  prior = new Decimal(0);
  annual = new Decimal(0);
  month = new Decimal(0);
  year = new Decimal(0);
  /** Σ 本年累计 of the projects with an annual plan: 占年度计划 like for like */
  yearOfPlanned = new Decimal(0);
  cumulative = new Decimal(0);
  /** 资金到位: Σ plan, Σ by source, Σ in place, Σ in place of the projects with a plan (the rate's pair) */
  fundingPlanned = new Decimal(0);
  funds = FUNDS_COLUMNS.map(() => new Decimal(0));
  fundingInPlace = new Decimal(0);
  fundingOfPlanned = new Decimal(0);

  add(r: ScheduleRow) {
    const inPlace = sumFunds(FUNDS_COLUMNS.map((c) => r[c]));
    FUNDS_COLUMNS.forEach((c, i) => {
      if (r[c] !== null) this.funds[i] = this.funds[i].plus(dec(r[c]!));
    });
    if (inPlace !== null) this.fundingInPlace = this.fundingInPlace.plus(inPlace);
    if (r.fundingPlanned !== null) {
      this.fundingPlanned = this.fundingPlanned.plus(dec(r.fundingPlanned));
      if (inPlace !== null) this.fundingOfPlanned = this.fundingOfPlanned.plus(inPlace);
    }
    this.projects++;
    this.total = this.total.plus(dec(r.totalInvestment));
    this.prior = this.prior.plus(dec(r.priorYearCumulative));
    if (inPlanScope(r)) {
      this.annual = this.annual.plus(dec(r.annualPlanned!));
      this.yearOfPlanned = this.yearOfPlanned.plus(dec(r.yearInvestment));
    }
    if (r.monthInvestment !== null) this.month = this.month.plus(dec(r.monthInvestment));
    this.year = this.year.plus(dec(r.yearInvestment));
    if (r.cumulative !== null) this.cumulative = this.cumulative.plus(dec(r.cumulative));
  }

  cells(label: string, columns: number): CellValue[] {
    const rate = (part: Decimal, whole: Decimal) => (whole.isZero() ? null : part.dividedBy(whole).toDecimalPlaces(4).toNumber());
    // a percentage cell holds the fraction
    const fraction = (percent: Decimal | null) => (percent === null ? null : percent.dividedBy(100).toDecimalPlaces(4).toNumber());
    const row: CellValue[] = [
      null,
      null,
      label,
      `${this.projects}个项目`,
      null,
      null,
      this.total.toNumber(),
      this.prior.toNumber(),
      this.annual.toNumber(),
      this.month.toNumber(),
      this.year.toNumber(),
      this.yearOfPlanned.toNumber(),
      fraction(annualRate({ yearInvestmentOfPlanned: this.yearOfPlanned, annualPlanned: this.annual })),
      this.cumulative.toNumber(),
      rate(this.cumulative, this.total),
    ];
    while (row.length < BASE_COLUMNS) row.push(null);
    const funding = fundingRate({ fundingPlanned: this.fundingPlanned, fundingInPlaceOfPlanned: this.fundingOfPlanned });
    row.push(this.fundingPlanned.toNumber(), ...this.funds.map((d) => d.toNumber()), this.fundingInPlace.toNumber(), this.fundingOfPlanned.toNumber(), fraction(funding));
    while (row.length < columns) row.push(null);
    return row;
  }
}

export type ScheduleSheetInput = {
  month: string;
  title: string;
  note: string;
  rows: AsyncIterable<ScheduleRow> | Iterable<ScheduleRow>;
  live: boolean;
  template: boolean;
  /** written under the table when the row cap cut the list */
  truncatedNote?: string | null;
};

/** Writes the 调度表 (or the template) into a workbook: rows, a subtotal per park, the total. */
export function scheduleBuild(input: ScheduleSheetInput): Build {
  return async (wb) => {
    const columns = input.template ? TEMPLATE_COLUMNS : SCHEDULE_COLUMNS;
    const sheet = new Sheet(wb, { name: `${formatMonth(input.month)}调度表`, title: input.title, note: input.note, columns });
    const all = new Sums();
    let park: { id: number; name: string; sums: Sums } | null = null;
    let no = 0;
    const closePark = () => {
      if (park) sheet.add(park.sums.cells(`${park.name} 小计`, columns.length), "subtotal");
    };
    for await (const r of input.rows) {
      if (!park || park.id !== r.parkId) {
        closePark();
        park = { id: r.parkId, name: r.parkName, sums: new Sums() };
      }
      park.sums.add(r);
      all.add(r);
      const cells: CellValue[] = [
        ++no,
        r.code,
        r.name,
        r.parkName,
        r.constructionContent,
        years(r),
        moneyCell(r.totalInvestment),
        moneyCell(r.priorYearCumulative),
        moneyCell(r.annualPlanned),
        moneyCell(r.monthInvestment),
        moneyCell(r.yearInvestment),
        inPlanScope(r) ? moneyCell(r.yearInvestment) : null,
        percentCell(r.annualRate),
        moneyCell(r.cumulative),
        percentCell(r.totalRate),
        r.progressText,
        r.progressStage ? (PROGRESS_STAGE_LABEL[r.progressStage as keyof typeof PROGRESS_STAGE_LABEL] ?? null) : null,
        input.template ? (r.reportStatus ? templateStatus(r.reportStatus) : "") : warningText(r, input.live),
        r.responsibleLeader,
        r.county,
        ...fundingCells(r),
      ];
      if (input.template) cells.push(r.explanation ?? null, r.actualStartMonth ?? null, r.actualProductionMonth ?? null);
      sheet.add(cells);
    }
    closePark();
    sheet.add(all.cells("合计", columns.length), "total");
    sheet.footnote(SCOPE_NOTE);
    if (input.truncatedNote) sheet.footnote(input.truncatedNote);
    sheet.commit();
  };
}

/** A project row's 资金到位 cells: the plan, by source, their sum, the part of a planned project, the rate. */
function fundingCells(r: ScheduleRow): CellValue[] {
  const inPlace = sumFunds(FUNDS_COLUMNS.map((c) => r[c]));
  const rate = projectFundingRate({ fundingPlanned: r.fundingPlanned, fundingInPlace: inPlace });
  return [
    moneyCell(r.fundingPlanned),
    ...FUNDS_COLUMNS.map((c) => moneyCell(r[c])),
    moneyCell(inPlace),
    r.fundingPlanned !== null ? moneyCell(inPlace ?? 0) : null,
    percentCell(rate === null ? null : rate.toDecimalPlaces(2)),
  ];
}

const TEMPLATE_STATUS: Record<string, string> = { DRAFT: "本月草稿", SUBMITTED: "本月已提交待审核", APPROVED: "本月已审核", RETURNED: "本月被退回" };
function templateStatus(status: string): string {
  return TEMPLATE_STATUS[status] ?? status;
}

/** The note row of a 调度表: as of when, published or not, and what the figures are. */
export function scheduleNote(source: ScheduleSource, exportedAt: Date): string {
  const at = `导出时间：${formatDateTime(exportedAt)}`;
  if (source.kind === "live") {
    return `未发布，数据为截至导出时审核通过的数字（未报的项目沿用其最近一次审核通过的累计数）；预警在发布时评定。单位：万元。${at}`;
  }
  const pub = `第${source.publicationNo}次发布（${formatDateTime(source.publishedAt)}）`;
  if (source.pinned) return `已发布：数据为${pub}的数字，只计审核通过的月报。单位：万元。${at}`;
  return source.reopened ? `已重新开放、正在更正：数据仍为${pub}的数字，重新发布后会变化。单位：万元。${at}` : `已发布：数据为${pub}的数字，只计审核通过的月报。单位：万元。${at}`;
}
