// What a publication's documents (月度通报, 情况报告) state besides the project figures, computed
// once in the publishing transaction (src/server/figures/publish.ts) and stored with the
// publication (PublicationDocumentInputs, one JSON document), then read from there forever:
//   - the plan's facts (title, declared figures, targets, deadlines) and whether the month is demo;
//   - the issue ledger as of the publication's date: counts, 办结率, overdue and escalated, and the
//     issues listed by category and sub-category (each with its title, description and status);
//   - the 情况报告's stored text (ReportSection) of the year as it stood;
//   - the stated facts (建设内容, expected benefits, metrics) of the projects its paragraphs print;
//   - the year's 节点 超期/临期 and 已开工未入库 counts as of that day;
//   - 投产项目效益: the listed projects in production, their promises and approved benefits.
// Every list is bounded like the documents' lists. `documentInputsSchema` validates the JSON on
// every read, so a stored document of another shape is refused rather than printed wrongly.
//
// (No "server-only" marker: the seed scripts publish too.)
import { z } from "zod";
import { IssueCategory, Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { escalatedSql, overdueSql } from "@/domain/overdue";
import { nodeAttentionSql, nodeDueSoonDays, nodeStateSql, startedNotEnteredSql } from "@/domain/nodes";
import { percent } from "@/lib/money";
import { ISSUE_SUBCATEGORIES } from "@/domain/issue-categories";
import { subCategoryLabelSql } from "@/domain/issue-categories-sql";
import { deliveredSentence, figureText, fullProductionState, FULL_PRODUCTION_STATE_LABEL, promisedFigures } from "@/domain/benefits";
import { benefitConfig } from "@/domain/benefit-config";

type Tx = Prisma.TransactionClient | Db;

/** The version of the stored shape below; bump it (and read the old one) when it changes. */
export const DOCUMENT_INPUTS_FORMAT = 1;

/** How many rows each of a document's lists shows at most (the count says how many there are). */
export const DOCUMENT_LIST_LIMIT = 50;

/** How many of the ledger's issues a sub-problem lists at most in the report (the count says how many there are). */
export const ISSUE_ITEMS_LIMIT = 10;

/** How many open issues a project's row names ("土地：征地拆迁未完成"). */
export const OPEN_ISSUES_PER_PROJECT = 3;

const money = z.string().regex(/^-?[0-9]+(\.[0-9]+)?$/);
const day = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);

const planSchema = z.object({
  year: z.number().int(),
  title: z.string(),
  targetText: z.string(),
  startTargetLabel: z.string(),
  productionTargetLabel: z.string(),
  factorGuarantees: z.array(z.string()),
  isDemo: z.boolean(),
  declared: z.object({ projectCount: z.number().int(), totalInvestment: money, annualInvestment: money }),
  /** "YYYY-MM-DD" */
  startDeadline: day,
  productionDeadline: day,
});

const issueFiguresSchema = z.object({
  /** raised and closed within the month */
  monthRaised: z.number().int(),
  monthClosed: z.number().int(),
  /** the year's ledger up to the publication's date: raised, closed, still open, overdue, escalated */
  yearRaised: z.number().int(),
  yearClosed: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  escalated: z.number().int(),
  /** 办结率 = closed ÷ raised, "85.7%" (null without issues) */
  closureRate: z.string().nullable(),
});

/** One issue of the ledger, listed under its sub-problem as a numbered item (status as of the publication's date). */
const issueItemSchema = z.object({ title: z.string(), closed: z.boolean(), overdue: z.boolean(), isDemo: z.boolean() });

/**
 * 二、存在的主要问题, one sub-problem (src/domain/issue-categories.ts): the seed report's stored text
 * for it (the issues loaded from the report: "Issue".source set, not demo data), printed unchanged;
 * then the ledger's other issues of the sub-category, counted, and the first ISSUE_ITEMS_LIMIT listed by title.
 */
const issueGroupSchema = z.object({
  category: z.enum(Object.values(IssueCategory) as [IssueCategory, ...IssueCategory[]]),
  /** the sub-category code */
  subCategory: z.string(),
  /** the report's own text of the sub-problem, as stored (one per issue loaded from it) */
  reportText: z.array(z.object({ description: z.string(), closed: z.boolean() })),
  /** the ledger's issues of the sub-category (not from the report) */
  total: z.number().int(),
  closed: z.number().int(),
  overdue: z.number().int(),
  items: z.array(issueItemSchema),
});

const reportSectionSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  sortOrder: z.number().int(),
  title: z.string(),
  body: z.string(),
  version: z.number().int(),
  updatedAt: z.coerce.date(),
});

const metricSchema = z.object({ name: z.string(), value: money, unit: z.string(), qualifier: z.string().nullable() });

const projectFactsSchema = z.object({
  code: z.string(),
  constructionContent: z.string(),
  expectedOutput: money.nullable(),
  expectedOutputAtLeast: z.boolean(),
  expectedJobs: z.number().int().nullable(),
  expectedJobsAtLeast: z.boolean(),
  expectedTax: money.nullable(),
  expectedTaxAtLeast: z.boolean(),
  metrics: z.array(metricSchema),
});

const operationsSchema = z.object({
  /** the year's listed projects' nodes 超期 and 临期 (within dueSoonDays) on the publication's day */
  nodesOverdue: z.number().int(),
  nodesDueSoon: z.number().int(),
  dueSoonDays: z.number().int(),
  /** 已开工未入库 as of the month */
  startedNotEntered: z.number().int(),
});

/**
 * 投产项目效益: a listed project in production as of the month, with its 达产 state then, what it
 * promised (with 以上/约) and the sentences of its newest approved full year up to the month's year
 * ("2025年实现产值32亿元，为承诺的64%"), worked out when published and printed as stored.
 */
const benefitRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  parkName: z.string(),
  productionMonth: z.string(),
  /** 已达产 / 投产未达产 / 投产超期未达产, as of the month */
  state: z.string(),
  /** "年产值50亿元、新增就业150人以上、税收5000万元以上" (null: no promise stated) */
  promised: z.string().nullable(),
  /** the year of the approved figures printed (null: none approved yet) */
  year: z.number().int().nullable(),
  sentences: z.array(z.string()),
  isDemo: z.boolean(),
});

export const documentInputsSchema = z.object({
  plan: planSchema,
  /** the month's figures rest on demo data */
  periodIsDemo: z.boolean(),
  issues: issueFiguresSchema,
  issueGroups: z.array(issueGroupSchema),
  reportSections: z.array(reportSectionSchema),
  /** the facts of the first DOCUMENT_LIST_LIMIT projects in list order (the 情况报告's paragraphs) */
  projectFacts: z.array(projectFactsSchema),
  operations: operationsSchema,
  /** 投产项目效益 (absent from publications made before it was stored: the documents say so) */
  benefits: z.array(benefitRowSchema).optional(),
});

export type DocumentInputs = z.infer<typeof documentInputsSchema>;
export type DocumentPlan = DocumentInputs["plan"];
export type IssueFigures = z.infer<typeof issueFiguresSchema>;
export type IssueGroup = z.infer<typeof issueGroupSchema>;
export type IssueItem = z.infer<typeof issueItemSchema>;
export type ReportTextSection = z.infer<typeof reportSectionSchema>;
export type MetricRow = z.infer<typeof metricSchema> & { code: string };
export type ProjectFacts = z.infer<typeof projectFactsSchema>;
export type PublicationOperations = z.infer<typeof operationsSchema>;
export type BenefitDocumentRow = z.infer<typeof benefitRowSchema>;

/**
 * Issues as they stood on `asOf` ("YYYY-MM-DD"): closed only if closed by that day, and only those
 * raised by then. The overdue rule (overdueSql) reads this row's status, so it judges the issue as
 * of that day.
 */
export function issuesAsOfSql(asOf: string): Prisma.Sql {
  return Prisma.sql`(
    SELECT x.id, x.year, x."projectId", x."parkId", x.category, x."subCategory", x.title, x.description, x."raisedDate",
           x."dueDate", x."closedDate", x."sortOrder", x."isDemo", x.source,
           CASE WHEN x.status = 'CLOSED' AND (x."closedDate" IS NULL OR x."closedDate" <= ${asOf}::date) THEN 'CLOSED' ELSE 'OPEN' END AS status
      FROM "Issue" x
     WHERE x."raisedDate" IS NULL OR x."raisedDate" <= ${asOf}::date)`;
}

/** SQL: the open issues of project `projectId` on `asOf` as a text array ("用水用电：电力增容未落实" …: sub-category and title), ledger order, at most OPEN_ISSUES_PER_PROJECT. */
export function openIssuesSql(projectId: Prisma.Sql, asOf: string): Prisma.Sql {
  return Prisma.sql`coalesce((
    SELECT array_agg(s.item ORDER BY s."sortOrder", s.id)
      FROM (SELECT i.id, i."sortOrder", ${subCategoryLabelSql(Prisma.sql`i."subCategory"`)} || '：' || i.title AS item
              FROM ${issuesAsOfSql(asOf)} i
             WHERE i."projectId" = ${projectId} AND i.status <> 'CLOSED'
             ORDER BY i."sortOrder", i.id LIMIT ${OPEN_ISSUES_PER_PROJECT}) s), '{}')`;
}

/**
 * The year's issues (the ledger's `year`) as of `asOf`: raised and closed in the month, and year to
 * date (raised up to `asOf`; an issue with no raised date counts in the year), with the open,
 * overdue and escalated ones on that date. One grouped query.
 */
async function issueFigures(tx: Tx, options: { year: number; month: string; asOf: string }): Promise<IssueFigures> {
  const first = `${options.month}-01`;
  const inMonth = (column: string) => Prisma.sql`(i.${Prisma.raw(`"${column}"`)} >= ${first}::date AND i.${Prisma.raw(`"${column}"`)} < (${first}::date + interval '1 month'))`;
  const [r] = await tx.$queryRaw<Array<Omit<IssueFigures, "open" | "closureRate">>>(Prisma.sql`
    SELECT count(*) FILTER (WHERE ${inMonth("raisedDate")})::int AS "monthRaised",
           count(*) FILTER (WHERE i.status = 'CLOSED' AND ${inMonth("closedDate")})::int AS "monthClosed",
           count(*)::int AS "yearRaised",
           count(*) FILTER (WHERE i.status = 'CLOSED')::int AS "yearClosed",
           count(*) FILTER (WHERE ${overdueSql(options.asOf)})::int AS overdue,
           count(*) FILTER (WHERE ${escalatedSql(options.asOf)})::int AS escalated
      FROM ${issuesAsOfSql(options.asOf)} i
     WHERE i.year = ${options.year}`);
  return { ...r, open: r.yearRaised - r.yearClosed, closureRate: percent(r.yearClosed, r.yearRaised) };
}

type IssueGroupRow = {
  category: IssueCategory;
  subCategory: string;
  fromReport: boolean;
  title: string;
  description: string;
  closed: boolean;
  overdue: boolean;
  isDemo: boolean;
  total: number;
  closedCount: number;
  overdueCount: number;
};

/**
 * 二、存在的主要问题: the year's issues on `asOf`, per sub-category in the table's order. One query,
 * bounded: every issue from the report (a handful), at most ISSUE_ITEMS_LIMIT ledger issues per
 * sub-category with their counts.
 */
async function issueGroups(tx: Tx, options: { year: number; asOf: string }): Promise<IssueGroup[]> {
  const rows = await tx.$queryRaw<IssueGroupRow[]>(Prisma.sql`
    SELECT g.category, g."subCategory", g."fromReport", g.title, g.description, g.closed, g.overdue, g."isDemo",
           g.total, g."closedCount", g."overdueCount"
      FROM (SELECT i.category, i."subCategory", (i.source IS NOT NULL AND NOT i."isDemo") AS "fromReport", i.title, i.description, i."isDemo",
                   i.status = 'CLOSED' AS closed, ${overdueSql(options.asOf)} AS overdue,
                   row_number() OVER w AS n,
                   (count(*) OVER p)::int AS total,
                   (count(*) FILTER (WHERE i.status = 'CLOSED') OVER p)::int AS "closedCount",
                   (count(*) FILTER (WHERE ${overdueSql(options.asOf)}) OVER p)::int AS "overdueCount"
              FROM ${issuesAsOfSql(options.asOf)} i
             WHERE i.year = ${options.year}
            WINDOW p AS (PARTITION BY i.category, i."subCategory", (i.source IS NOT NULL AND NOT i."isDemo")),
                   w AS (p ORDER BY i."sortOrder", i.id)) g
     WHERE g."fromReport" OR g.n <= ${ISSUE_ITEMS_LIMIT}
     ORDER BY g.category, g."subCategory", g."fromReport" DESC, g.n`);
  const groups = new Map<string, IssueGroup>();
  for (const r of rows) {
    let g = groups.get(r.subCategory);
    if (!g) groups.set(r.subCategory, (g = { category: r.category, subCategory: r.subCategory, reportText: [], total: 0, closed: 0, overdue: 0, items: [] }));
    if (r.fromReport) {
      g.reportText.push({ description: r.description, closed: r.closed });
    } else {
      g.total = r.total;
      g.closed = r.closedCount;
      g.overdue = r.overdueCount;
      g.items.push({ title: r.title, closed: r.closed, overdue: r.overdue, isDemo: r.isDemo });
    }
  }
  // the report's order of sub-problems (src/domain/issue-categories.ts)
  return ISSUE_SUBCATEGORIES.flatMap((s) => groups.get(s.code) ?? []);
}

/** The year's stored report text (一、(一) measures "plan-work", 三、下一步 "next-steps"), in order. */
export async function readReportSections(tx: Tx, year: number): Promise<ReportTextSection[]> {
  return tx.reportSection.findMany({
    where: { plan: { year } },
    orderBy: [{ key: "asc" }, { sortOrder: "asc" }],
    select: { id: true, key: true, sortOrder: true, title: true, body: true, version: true, updatedAt: true },
  });
}

/** The stated facts (建设内容, expected benefits, named metrics) of the first DOCUMENT_LIST_LIMIT projects of a publication, in list order: two queries. */
async function projectFacts(tx: Tx, publicationId: number): Promise<ProjectFacts[]> {
  const listed = Prisma.sql`SELECT f."projectId", f."listOrder", f.code FROM "ProjectFigure" f WHERE f."publicationId" = ${publicationId}
                            ORDER BY f."listOrder", f.code LIMIT ${DOCUMENT_LIST_LIMIT}`;
  type Raw = Omit<ProjectFacts, "expectedOutput" | "expectedTax" | "metrics"> & { expectedOutput: Prisma.Decimal | null; expectedTax: Prisma.Decimal | null };
  const projects = await tx.$queryRaw<Raw[]>(Prisma.sql`
      SELECT p.code, p."constructionContent", p."expectedOutput", p."expectedOutputAtLeast", p."expectedJobs", p."expectedJobsAtLeast",
             p."expectedTax", p."expectedTaxAtLeast"
        FROM (${listed}) l JOIN "Project" p ON p.id = l."projectId"
       ORDER BY l."listOrder", l.code`);
  const metrics = await tx.$queryRaw<Array<{ code: string; name: string; value: Prisma.Decimal; unit: string; qualifier: string | null }>>(Prisma.sql`
      SELECT p.code, m.name, m.value, m.unit, m.qualifier
        FROM (${listed}) l JOIN "Project" p ON p.id = l."projectId" JOIN "ProjectMetric" m ON m."projectId" = p.id
       ORDER BY p.code, m."sortOrder", m.id`);
  const facts = projects.map((p) => ({
    ...p,
    expectedOutput: p.expectedOutput?.toString() ?? null,
    expectedTax: p.expectedTax?.toString() ?? null,
    metrics: [] as ProjectFacts["metrics"],
  }));
  const byCode = new Map(facts.map((f) => [f.code, f]));
  for (const m of metrics) byCode.get(m.code)?.metrics.push({ name: m.name, value: m.value.toString(), unit: m.unit, qualifier: m.qualifier });
  return facts;
}

/** 节点 超期/临期 on `asOf` and 已开工未入库 at `month`, over the projects of the year's list: one statement. */
async function operations(tx: Tx, options: { year: number; month: string; asOf: string }): Promise<PublicationOperations> {
  const dueSoonDays = nodeDueSoonDays();
  const listed = Prisma.sql`SELECT e."projectId" FROM "AnnualPlanEntry" e JOIN "AnnualPlan" ap ON ap.id = e."planId" WHERE ap.year = ${options.year}`;
  const [r] = await tx.$queryRaw<Array<Omit<PublicationOperations, "dueSoonDays">>>(Prisma.sql`
    SELECT (SELECT count(*) FILTER (WHERE ${nodeStateSql(options.asOf, dueSoonDays)} = 'overdue')::int
              FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId"
             WHERE ${nodeAttentionSql(options.asOf, dueSoonDays)} AND p.id IN (${listed})) AS "nodesOverdue",
           (SELECT count(*) FILTER (WHERE ${nodeStateSql(options.asOf, dueSoonDays)} = 'due-soon')::int
              FROM "Milestone" m JOIN "Project" p ON p.id = m."projectId"
             WHERE ${nodeAttentionSql(options.asOf, dueSoonDays)} AND p.id IN (${listed})) AS "nodesDueSoon",
           (SELECT count(*)::int FROM "Project" p WHERE ${startedNotEnteredSql(options.month)} AND p.id IN (${listed})) AS "startedNotEntered"`);
  return { ...r, dueSoonDays };
}

/**
 * 投产项目效益 of a publication: its listed projects in production by the month (list order, at most
 * DOCUMENT_LIST_LIMIT), each with its newest approved full-year benefits of a year ended by the month.
 * Three statements.
 */
async function benefitRows(tx: Tx, options: { publicationId: number; month: string }): Promise<BenefitDocumentRow[]> {
  const projects = await tx.$queryRaw<
    Array<{ id: number; code: string; name: string; parkName: string; productionMonth: string; fullProductionMonth: string | null; isDemo: boolean }>
  >(Prisma.sql`
    SELECT p.id, p.code, p.name, pk.name AS "parkName", p."actualProductionMonth" AS "productionMonth",
           to_char(m."actualDate", 'YYYY-MM') AS "fullProductionMonth", p."isDemo"
      FROM "ProjectFigure" f JOIN "Project" p ON p.id = f."projectId" JOIN "Park" pk ON pk.id = p."parkId"
      LEFT JOIN "Milestone" m ON m."projectId" = p.id AND m.kind = 'FULL_PRODUCTION'
     WHERE f."publicationId" = ${options.publicationId} AND p."actualProductionMonth" IS NOT NULL AND p."actualProductionMonth" <= ${options.month}
     ORDER BY f."listOrder", f.code LIMIT ${DOCUMENT_LIST_LIMIT}`);
  if (projects.length === 0) return [];
  const ids = projects.map((p) => p.id);
  const promises = await tx.project.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      expectedOutput: true,
      expectedOutputAtLeast: true,
      expectedTax: true,
      expectedTaxAtLeast: true,
      expectedJobs: true,
      expectedJobsAtLeast: true,
      metrics: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { name: true, value: true, unit: true, qualifier: true } },
    },
  });
  const approved = await tx.$queryRaw<
    Array<{ projectId: number; year: number; isDemo: boolean; output: Prisma.Decimal | null; tax: Prisma.Decimal | null; jobs: number | null; metrics: unknown }>
  >(Prisma.sql`
    SELECT DISTINCT ON (r."projectId") r."projectId", r.year, r."isDemo", v.output, v.tax, v.jobs, v.metrics
      FROM "BenefitReport" r JOIN "BenefitRevision" v ON v.id = r."approvedRevisionId"
     WHERE r."projectId" IN (${Prisma.join(ids)}) AND r.quarter = 0 AND (r.year::text || '-12') <= ${options.month}
     ORDER BY r."projectId", r.year DESC`);
  const config = benefitConfig();
  return projects.map((p) => {
    const figures = promisedFigures(promises.find((x) => x.id === p.id)!);
    const a = approved.find((x) => x.projectId === p.id);
    const metrics = a ? z.array(z.object({ name: z.string(), value: z.string() })).parse(a.metrics) : [];
    const actual = (f: (typeof figures)[number]) =>
      !a
        ? null
        : f.key === "output"
          ? a.output
          : f.key === "tax"
            ? a.tax
            : f.key === "jobs"
              ? a.jobs === null
                ? null
                : String(a.jobs)
              : (metrics.find((m) => `metric:${m.name}` === f.key)?.value ?? null);
    const sentences = a ? figures.flatMap((f) => (actual(f) === null ? [] : [deliveredSentence(a.year, f, actual(f)!, config)])) : [];
    return {
      code: p.code,
      name: p.name,
      parkName: p.parkName,
      productionMonth: p.productionMonth,
      state: FULL_PRODUCTION_STATE_LABEL[fullProductionState({ actualProductionMonth: p.productionMonth, fullProductionMonth: p.fullProductionMonth }, options.month, config)],
      promised: figures.length ? figures.map((f) => `${f.key === "output" ? "年产值" : f.label}${figureText(f.value, f.unit, f.qualifier)}`).join("、") : null,
      year: a ? a.year : null,
      sentences,
      isDemo: p.isDemo || (a?.isDemo ?? false),
    };
  });
}

/** Everything the documents of a publication state besides its figures, as the database says it now (call it in the publishing transaction). */
export async function computeDocumentInputs(tx: Tx, options: { publicationId: number; month: string; asOf: string; periodIsDemo: boolean }): Promise<DocumentInputs> {
  const year = Number(options.month.slice(0, 4));
  const plan = await tx.annualPlan.findUniqueOrThrow({ where: { year } });
  // one statement after the other: inside the publishing transaction (one connection), a lost
  // connection then fails the first statement it reaches and nothing runs beside it
  const issues = await issueFigures(tx, { year, month: options.month, asOf: options.asOf });
  const groups = await issueGroups(tx, { year, asOf: options.asOf });
  const sections = await readReportSections(tx, year);
  const facts = await projectFacts(tx, options.publicationId);
  const ops = await operations(tx, { year, month: options.month, asOf: options.asOf });
  const benefits = await benefitRows(tx, { publicationId: options.publicationId, month: options.month });
  return {
    plan: {
      year: plan.year,
      title: plan.title,
      targetText: plan.targetText,
      startTargetLabel: plan.startTargetLabel,
      productionTargetLabel: plan.productionTargetLabel,
      factorGuarantees: plan.factorGuarantees,
      isDemo: plan.isDemo,
      declared: {
        projectCount: plan.declaredProjectCount,
        totalInvestment: plan.declaredTotalInvestment.toString(),
        annualInvestment: plan.declaredAnnualInvestment.toString(),
      },
      startDeadline: plan.startDeadline.toISOString().slice(0, 10),
      productionDeadline: plan.productionDeadline.toISOString().slice(0, 10),
    },
    periodIsDemo: options.periodIsDemo,
    issues,
    issueGroups: groups,
    reportSections: sections,
    projectFacts: facts,
    operations: ops,
    benefits,
  };
}

/** Computes and stores a publication's document inputs (in the publishing transaction). */
export async function storeDocumentInputs(tx: Tx, options: { publicationId: number; month: string; asOf: string; periodIsDemo: boolean }): Promise<void> {
  const inputs = documentInputsSchema.parse(await computeDocumentInputs(tx, options));
  await tx.publicationDocumentInputs.create({ data: { publicationId: options.publicationId, format: DOCUMENT_INPUTS_FORMAT, data: inputs as unknown as Prisma.InputJsonValue } });
}

/**
 * A publication's stored document inputs, validated; null for a publication made before they were
 * stored (the caller then says so). A stored document of another shape or format is an error.
 */
export async function readDocumentInputs(prisma: Tx, publicationId: number): Promise<DocumentInputs | null> {
  const row = await prisma.publicationDocumentInputs.findUnique({ where: { publicationId } });
  if (!row) return null;
  if (row.format !== DOCUMENT_INPUTS_FORMAT) throw new Error(`发布 ${publicationId} 的存档格式为 ${row.format}，本版本只读 ${DOCUMENT_INPUTS_FORMAT}。`);
  const parsed = documentInputsSchema.safeParse(row.data);
  if (!parsed.success) throw new Error(`发布 ${publicationId} 的存档不完整：${parsed.error.issues.map((i) => i.path.join(".")).join("，")}`);
  return parsed.data;
}
