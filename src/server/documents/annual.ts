// 市工业园区重大项目情况报告: the year's report (as of a published month) in the seed report's own
// structure — 一、重大项目工作情况: (一) the plan (the stored measures text with the plan's figures
// filled in) and (二) a paragraph per project in the seed's phrasing; 二、存在的主要问题 by category
// and sub-problem: the report's stored text unchanged, the ledger's issues listed under it; 三、下一步工作计划 from the stored text — plus what the data knows and the
// seed did not state (completion against 序时进度, warnings, 办结率). Figures from one publication.
import "server-only";
import type { Db } from "@/server/db/client";
import { publicationHeadline, type OverviewHeadline } from "@/server/figures/overview";
import { compareWithSchedule, scheduleProgress } from "@/domain/schedule-progress";
import { dec } from "@/lib/money";
import { formatDay, formatMonth } from "@/lib/month";
import { ISSUE_TOP_CATEGORIES, ISSUE_TOP_CATEGORY_LABEL, subCategoryLabel } from "@/domain/issue-categories";
import { WARNING_LABEL } from "@/domain/warnings";
import { chineseNumber, fillPlaceholders, reportAmount, reportCount, reportMetric, reportMonth, scheduleGapText, type PlanPlaceholder } from "@/domain/report-wording";
import {
  DOCUMENT_LIST_LIMIT,
  listDocumentFigures,
  listPublishedMonths,
  loadDocumentPublication,
  type Bounded,
  type DocumentFigure,
  type IssueFigures,
  type IssueGroup,
  type IssueItem,
  type ProjectFacts,
  type ReportTextSection,
} from "./queries";
import { chineseQuotes, planSubject, compactSpaces, endSentence, type DocBlock, type GeneratedDocument } from "./model";
import { publishedNote } from "./bulletin";
import { issueSentence, progressSentences } from "./headline-text";
import { benefitBlocks } from "./benefits-text";
import { fundingBlocks } from "./funding-text";
import { getPublicationFunding, type PublicationFunding } from "@/server/funding/queries";
import type { BenefitDocumentRow } from "./inputs";

/** The section keys of the stored report text. */
export const SECTION_KEYS = { plan: "plan-work", next: "next-steps" } as const;

/** The plan paragraph when a year has no stored measures text: the plan's figures and targets. */
export const DEFAULT_PLAN_TEXT =
  "实施市工业园区{年度}年重大项目{项目个数}个，总投资{总投资}，年度计划投资{年度计划投资}。按照“{目标}”的目标倒排工期，细化月进度和季度目标，重点解决好{要素保障}等要素保障。";

export type AnnualReportData = {
  headline: OverviewHeadline;
  asOfDate: Date;
  sections: ReportTextSection[];
  projects: Bounded<DocumentFigure>;
  facts: Map<string, ProjectFacts>;
  issueGroups: IssueGroup[];
  issues: IssueFigures;
  /** 投产项目效益 as stored with the publication (undefined: published before it was stored) */
  benefits?: BenefitDocumentRow[];
  /** 资金到位 as frozen with the publication (src/server/funding/queries.ts) */
  funding: PublicationFunding;
  /** published before its document inputs were stored: issues, text and facts as they are now */
  legacy?: boolean;
};

/**
 * The data of `year`'s report as of the published `month` (default: the newest published month
 * of the year) — its current publication, or publication `publicationNo` of that month; null
 * without a plan or a publication. All of it as stored when that publication was made: the
 * figures, the issues, the report's text and the projects' facts.
 */
export async function loadAnnualReport(prisma: Db, year: number, month?: string, publicationNo?: number): Promise<AnnualReportData | null> {
  const asOfMonth = month ?? (await listPublishedMonths(prisma, year))[0];
  if (!asOfMonth || Number(asOfMonth.slice(0, 4)) !== year) return null;
  const doc = await loadDocumentPublication(prisma, asOfMonth, publicationNo);
  if (!doc) return null;
  const [headline, projects, funding] = await Promise.all([
    publicationHeadline(prisma, doc.publication, doc.inputs.plan),
    listDocumentFigures(prisma, { publicationId: doc.publication.publicationId, kind: "report", limit: DOCUMENT_LIST_LIMIT }),
    getPublicationFunding(prisma, doc.publication.publicationId),
  ]);
  const facts = new Map(doc.inputs.projectFacts.map((f) => [f.code, f]));
  return {
    headline,
    asOfDate: doc.asOfDate,
    sections: doc.inputs.reportSections,
    projects,
    facts,
    issueGroups: doc.inputs.issueGroups,
    issues: doc.inputs.issues,
    benefits: doc.inputs.benefits,
    funding,
    legacy: doc.legacy,
  };
}

/** The values the stored plan text's placeholders take: the plan's declared figures and targets. */
export function planValues(h: OverviewHeadline): Record<PlanPlaceholder, string> {
  return {
    年度: String(h.plan.year),
    项目个数: String(h.plan.declared.projectCount),
    总投资: reportAmount(h.plan.declared.totalInvestment),
    年度计划投资: reportAmount(h.plan.declared.annualInvestment),
    目标: h.plan.targetText,
    要素保障: h.plan.factorGuarantees.join("、"),
  };
}

/** A project's paragraph in the seed report's phrasing, then what the published figures add. */
export function projectParagraph(f: DocumentFigure, facts: ProjectFacts | undefined, month: string): string {
  const parts: string[] = [];
  let first = `总投资${reportAmount(f.totalInvestment)}`;
  if (f.actualStartMonth) first += `，于${reportMonth(f.actualStartMonth)}开工建设`;
  else first += "，尚未开工";
  if (f.cumulative !== null && (f.actualStartMonth || !dec(f.cumulative).isZero())) {
    first += `，目前已完成固定资产投资${reportAmount(f.cumulative)}`;
    if (f.missing && f.figureMonth) first += `（${reportMonth(f.figureMonth)}数，${formatMonth(month)}未报）`;
  }
  parts.push(`${first}。`);
  if (facts?.constructionContent.trim()) parts.push(`主要建设内容包括：${endSentence(facts.constructionContent)}`);
  const benefits: string[] = [];
  if (facts?.expectedOutput) benefits.push(`预计年产值可达${reportAmount(facts.expectedOutput, { atLeast: facts.expectedOutputAtLeast })}`);
  if (facts?.expectedJobs !== null && facts?.expectedJobs !== undefined)
    benefits.push(`年新增就业人数${reportCount(facts.expectedJobs, "人", { atLeast: facts.expectedJobsAtLeast })}`);
  if (facts?.expectedTax) benefits.push(`实现税收${reportAmount(facts.expectedTax, { atLeast: facts.expectedTaxAtLeast })}`);
  const metrics = (facts?.metrics ?? []).map(reportMetric);
  if (benefits.length) parts.push(`项目建成达产后，${[...benefits, ...metrics].join("，")}。`);
  else if (metrics.length) parts.push(`项目建成投运后，${metrics.join("，")}。`);
  // what the data knows beyond the seed's sentences
  const data: string[] = [];
  if (f.annualRate !== null && f.annualPlanned !== null) {
    data.push(
      `本年完成投资${reportAmount(f.yearInvestment)}，占年度计划投资${reportAmount(f.annualPlanned)}的${dec(f.annualRate).toFixed(1)}%，${scheduleGapText(compareWithSchedule(f.annualRate, scheduleProgress(month)))}`,
    );
  }
  if (f.totalRate !== null) data.push(`开累完成率${dec(f.totalRate).toFixed(1)}%`);
  const level = f.warningLevel.toLowerCase() as "red" | "yellow" | "green";
  data.push(level === "green" ? "未预警" : `${WARNING_LABEL[level]}：${compactSpaces(f.warningReasons.join("；"))}`);
  parts.push(`截至${formatMonth(month)}，${data.join("；")}。`);
  if (f.isDemo) parts.push("（演示数据）");
  return parts.join("");
}

/**
 * 二、存在的主要问题 by category (the seed report's three) and sub-problem, in the table's order
 * (src/domain/issue-categories.ts): a sub-problem's stored report text as it is — never with
 * anything spliced into it — then the ledger's issues of that sub-category as numbered items,
 * each with its title and where it stands.
 */
export function issueSection(groups: IssueGroup[]): DocBlock[] {
  const blocks: DocBlock[] = [];
  ISSUE_TOP_CATEGORIES.filter((c) => groups.some((g) => g.category === c)).forEach((c, ci) => {
    blocks.push({ kind: "h2", text: `（${chineseNumber(ci + 1)}）${ISSUE_TOP_CATEGORY_LABEL[c]}` });
    groups
      .filter((g) => g.category === c)
      .forEach((g, gi) => {
        const lead = `${chineseNumber(gi + 1)}是${subCategoryLabel(g.subCategory)}。`;
        const counts = `问题台账中本类问题${g.total}个，已办结${g.closed}个${g.overdue ? `，逾期${g.overdue}个` : ""}${g.items.length < g.total ? `，以下列出前${g.items.length}个` : ""}：`;
        if (g.reportText.length > 0) {
          g.reportText.forEach((t, ti) => blocks.push({ kind: "p", ...(ti === 0 ? { lead } : {}), text: chineseQuotes(t.description) + (t.closed ? "（已办结）" : "") }));
          if (g.total > 0) blocks.push({ kind: "p", text: counts });
        } else {
          blocks.push({ kind: "p", lead, text: counts });
        }
        g.items.forEach((item, ii) => blocks.push({ kind: "p", text: `${ii + 1}. ${item.title}（${issueItemState(item)}）${item.isDemo ? "（演示数据）" : ""}` }));
      });
  });
  return blocks;
}

function issueItemState(item: IssueItem): string {
  return item.closed ? "已办结" : item.overdue ? "未办结，已逾期" : "未办结";
}

/** Writes the report from its data: the blocks the page and the .docx both render. */
export function writeAnnualReport(d: AnnualReportData): GeneratedDocument {
  const h = d.headline;
  const pub = h.publication!;
  const month = pub.month;
  const values = planValues(h);
  const blocks: DocBlock[] = [];
  const planSections = d.sections.filter((s) => s.key === SECTION_KEYS.plan);
  const nextSections = d.sections.filter((s) => s.key === SECTION_KEYS.next);
  const base = planSubject(h.plan.title);

  blocks.push({ kind: "h1", text: "一、重大项目工作情况" });
  blocks.push({ kind: "h2", text: `（一）${base}计划` });
  if (planSections.length === 0) blocks.push({ kind: "p", text: chineseQuotes(fillPlaceholders(DEFAULT_PLAN_TEXT, values)) });
  planSections.forEach((s, i) => {
    blocks.push({ kind: "p", lead: `${chineseNumber(i + 1)}是${s.title}。`, text: chineseQuotes(fillPlaceholders(s.body, values)) });
  });

  blocks.push({ kind: "h2", text: `（二）${base}完成情况` });
  blocks.push({ kind: "p", lead: "总体进展。", text: progressSentences(h).join("") });
  d.projects.rows.forEach((f, i) => {
    blocks.push({ kind: "p", lead: `${chineseNumber(i + 1)}是${f.parkName}${f.name}。`, text: projectParagraph(f, d.facts.get(f.code), month) });
  });
  if (d.projects.total > d.projects.rows.length) {
    blocks.push({ kind: "note", text: `共${d.projects.total}个项目，以上按清单顺序列出前${d.projects.rows.length}个，其余见项目库。` });
  }

  blocks.push(...benefitBlocks(d.benefits, { kind: "h2", text: "（三）投产项目效益" }));
  // 资金到位 once some project has a funding plan (the 通报 says so either way)
  if (d.funding.counted && d.funding.total.withFundingPlan > 0) blocks.push(...fundingBlocks(d.funding, { kind: "h2", text: "（四）资金到位情况" }));

  blocks.push({ kind: "h1", text: `二、${base}推进存在的主要问题` });
  blocks.push({ kind: "p", text: issueSentence(month, formatDay(d.asOfDate), d.issues) });
  blocks.push(...issueSection(d.issueGroups));

  blocks.push({ kind: "h1", text: "三、下一步工作计划" });
  if (nextSections.length === 0) blocks.push({ kind: "note", text: `${h.plan.year}年的下一步工作计划尚未填写（园区管理员可在本页“编辑报告文字”中填写）。` });
  nextSections.forEach((s, i) => {
    blocks.push({ kind: "p", lead: `（${chineseNumber(i + 1)}）${s.title}。`, text: chineseQuotes(fillPlaceholders(s.body, values)) });
  });

  return {
    title: chineseQuotes(`${base}情况报告`),
    subtitle: `（截至${formatMonth(month)}）`,
    asOf: publishedNote(pub, d.legacy),
    blocks,
    dateLine: formatDay(d.asOfDate),
    fileName: `${base}情况报告（截至${formatMonth(month)}）.docx`,
  };
}
