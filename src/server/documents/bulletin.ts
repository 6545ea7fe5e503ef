// 月度通报: a published 调度期's bulletin in the usual structure — overall progress against
// 序时进度, the ranking of county parks (the same rows and order as /parks and the overview:
// listParkRanking), the projects not started, those behind 序时进度, red and yellow warnings with
// their reasons, the issues raised, closed and overdue with 办结率, and the 数据质量 prompts counted
// by kind and county park. Everything comes from one publication of the month (its current one, or
// the one asked for) as it was published.
import "server-only";
import type { Db } from "@/server/db/client";
import { publicationHeadline, type OverviewHeadline } from "@/server/figures/overview";
import { listParkRanking, type ParkRankingRow } from "@/server/figures/queries";
import { scheduleGapPoints, scheduleProgress } from "@/domain/schedule-progress";
import { annualRate } from "@/domain/annual-rate";
import { ANNUAL_RATE_RULE, rateText } from "@/domain/rate-scope";
import { formatYi } from "@/lib/money";
import { formatDateTime, formatDay, formatMonth } from "@/lib/month";
import { reportMonth } from "@/domain/report-wording";
import { WARNING_LABEL } from "@/domain/warnings";
import { listDocumentFigures, loadDocumentPublication, type Bounded, type DocumentFigure, type IssueFigures } from "./queries";
import { chineseQuotes, planSubject, compactSpaces, type DocBlock, type GeneratedDocument } from "./model";
import { issueSentence, progressSentences } from "./headline-text";
import { qualityBlocks } from "./quality-text";
import { benefitBlocks } from "./benefits-text";
import type { BenefitDocumentRow } from "./inputs";
import { publicationQualitySummary, type QualitySummary } from "@/server/data-quality/queries";
import { getPublicationFunding, type PublicationFunding } from "@/server/funding/queries";
import { fundingBlocks } from "./funding-text";

/** At most this many county parks in the ranking table (about one per county). */
const RANKING_LIMIT = 500;

export type BulletinData = {
  headline: OverviewHeadline;
  asOfDate: Date;
  ranking: ParkRankingRow[];
  notStarted: Bounded<DocumentFigure>;
  behind: Bounded<DocumentFigure>;
  warnings: Bounded<DocumentFigure>;
  issues: IssueFigures;
  /** the 数据质量 flags stored with the publication, counted by kind and county park */
  quality: QualitySummary;
  /** 投产项目效益 as stored with the publication (undefined: published before it was stored) */
  benefits?: BenefitDocumentRow[];
  /** 资金到位 as frozen with the publication (src/server/funding/queries.ts) */
  funding: PublicationFunding;
  /** published before its document inputs were stored: issues as they are now */
  legacy?: boolean;
};

/**
 * The data of a published month's 通报 — of its current publication, or of publication
 * `publicationNo` — or null when there is no such publication. All of it as stored when published.
 */
export async function loadBulletin(prisma: Db, month: string, publicationNo?: number): Promise<BulletinData | null> {
  const doc = await loadDocumentPublication(prisma, month, publicationNo);
  if (!doc) return null;
  const publicationId = doc.publication.publicationId;
  const [headline, ranking, notStarted, behind, warnings, quality, funding] = await Promise.all([
    publicationHeadline(prisma, doc.publication, doc.inputs.plan),
    listParkRanking(prisma, publicationId, { page: 1, size: RANKING_LIMIT }),
    listDocumentFigures(prisma, { publicationId, kind: "notStarted" }),
    listDocumentFigures(prisma, { publicationId, kind: "behind", month }),
    listDocumentFigures(prisma, { publicationId, kind: "warning" }),
    publicationQualitySummary(prisma, publicationId),
    getPublicationFunding(prisma, publicationId),
  ]);
  return {
    headline,
    asOfDate: doc.asOfDate,
    ranking: ranking.rows,
    notStarted,
    behind,
    warnings,
    issues: doc.inputs.issues,
    quality,
    benefits: doc.inputs.benefits,
    funding,
    legacy: doc.legacy,
  };
}

/** The ranking table's head: the rate between its numerator and denominator, the all-projects total apart. */
export const RANKING_HEAD = [
  "位次",
  "县区园区",
  "项目个数（个）",
  "其中有年度计划（个）",
  "有计划项目本年完成（亿元）",
  "年度计划投资（亿元）",
  "年度投资完成率（%）",
  "与序时进度差（个百分点）",
  "全部项目本年完成（亿元）",
];

/** The ranking table's rows as the 通报 prints them (and as /parks shows the same publication). */
export function rankingRows(rows: ParkRankingRow[], month: string): string[][] {
  return rows.map((r, i) => {
    const annual = annualRate(r);
    return [
      String(i + 1),
      r.label,
      String(r.projectCount),
      String(r.projectsWithAnnualPlan),
      r.projectsWithAnnualPlan === 0 ? "—" : formatYi(r.yearInvestmentOfPlanned, { unit: false }),
      r.projectsWithAnnualPlan === 0 ? "—" : formatYi(r.annualPlanned, { unit: false }),
      rateText(annual, { percentSign: false }),
      scheduleGapPoints(annual, month),
      formatYi(r.yearInvestment, { unit: false }),
    ];
  });
}

function more(list: Bounded<unknown>, what: string): DocBlock[] {
  return list.total > list.rows.length ? [{ kind: "note", text: `共${list.total}个${what}，以上列出前${list.rows.length}个，其余见项目库。` }] : [];
}

const demo = (f: DocumentFigure) => (f.isDemo ? "（演示数据）" : "");
const issuesText = (f: DocumentFigure) => (f.openIssues.length ? f.openIssues.join("；") : "—");

/** Writes the 通报 from its data: the blocks the page and the .docx both render. */
export function writeBulletin(d: BulletinData): GeneratedDocument {
  const h = d.headline;
  const pub = h.publication!;
  const month = pub.month;
  const schedule = scheduleProgress(month);
  const blocks: DocBlock[] = [];

  blocks.push({ kind: "h1", text: "一、总体进展" });
  for (const s of progressSentences(h)) blocks.push({ kind: "p", text: s });

  blocks.push({ kind: "h1", text: "二、县区园区推进情况" });
  blocks.push({
    kind: "p",
    text: `按年度投资完成率从低到高排列（${ANNUAL_RATE_RULE}；“全部项目本年完成”含无年度计划的项目，不参与完成率计算；${formatMonth(month)}序时进度${schedule.toFixed(1)}%）。`,
  });
  blocks.push({
    kind: "table",
    caption: `${formatMonth(month)}县区园区重大项目投资完成情况`,
    head: RANKING_HEAD,
    rows: rankingRows(d.ranking, month),
    numeric: [true, false, true, true, true, true, true, true, true],
    testId: "bulletin-ranking",
  });

  blocks.push({ kind: "h1", text: "三、未开工项目" });
  if (d.notStarted.total === 0) blocks.push({ kind: "p", text: `截至${formatMonth(month)}，清单内项目均已开工。` });
  else {
    blocks.push({ kind: "p", text: `截至${formatMonth(month)}，尚有${d.notStarted.total}个项目未开工（开工目标：${h.startDeadline}前${h.plan.startTargetLabel}）。` });
    blocks.push({
      kind: "table",
      caption: "未开工项目",
      head: ["县区园区", "项目名称", "总投资（亿元）", "存在问题"],
      rows: d.notStarted.rows.map((f) => [f.parkName, f.name + demo(f), formatYi(f.totalInvestment, { unit: false }), issuesText(f)]),
      numeric: [false, false, true, false],
      testId: "bulletin-not-started",
    });
    blocks.push(...more(d.notStarted, "未开工项目"));
  }

  blocks.push({ kind: "h1", text: "四、低于序时进度的项目" });
  if (d.behind.total === 0) {
    blocks.push({ kind: "p", text: `列有年度计划投资的项目中，没有年度投资完成率低于序时进度（${schedule.toFixed(1)}%）的项目。` });
  } else {
    blocks.push({ kind: "p", text: `${d.behind.total}个项目年度投资完成率低于序时进度（${schedule.toFixed(1)}%），按完成率从低到高排列：` });
    blocks.push({
      kind: "table",
      caption: "低于序时进度的项目",
      head: ["项目名称", "县区园区", "年度计划投资（亿元）", "本年完成投资（亿元）", "年度投资完成率（%）", "与序时进度差（个百分点）", "存在问题"],
      rows: d.behind.rows.map((f) => {
        return [
          f.name + demo(f),
          f.parkName,
          formatYi(f.annualPlanned ?? "0", { unit: false }),
          formatYi(f.yearInvestment, { unit: false }),
          Number(f.annualRate).toFixed(1),
          scheduleGapPoints(f.annualRate, month),
          issuesText(f),
        ];
      }),
      numeric: [false, false, true, true, true, true, false],
      testId: "bulletin-behind",
    });
    blocks.push(...more(d.behind, "低于序时进度的项目"));
  }

  blocks.push({ kind: "h1", text: "五、三色预警" });
  if (d.warnings.total === 0) blocks.push({ kind: "p", text: "本期没有红色、黄色预警项目。" });
  else {
    blocks.push({ kind: "p", text: `本期红色预警${h.totals!.red}个、黄色预警${h.totals!.yellow}个，预警原因如下：` });
    blocks.push({
      kind: "table",
      caption: "预警项目及原因",
      head: ["预警", "项目名称", "县区园区", "预警原因"],
      rows: d.warnings.rows.map((f) => [
        WARNING_LABEL[f.warningLevel.toLowerCase() as Lowercase<typeof f.warningLevel>],
        f.name + demo(f) + (f.missing && f.figureMonth ? `（本月未报，按${reportMonth(f.figureMonth)}数）` : ""),
        f.parkName,
        compactSpaces(f.warningReasons.join("；")) || "—",
      ]),
      numeric: [false, false, false, false],
      testId: "bulletin-warnings",
    });
    blocks.push(...more(d.warnings, "预警项目"));
  }

  blocks.push({ kind: "h1", text: "六、问题办理情况" });
  blocks.push({ kind: "p", text: issueSentence(month, formatDay(d.asOfDate), d.issues) });
  blocks.push({ kind: "note", text: "办结率 = 已办结 ÷ 问题总数；逾期：未办结且已过办结时限（按发布日判定），未设办结时限的问题不计逾期。" });

  blocks.push(...qualityBlocks(d.quality, "七、数据质量"));

  blocks.push(...fundingBlocks(d.funding, { kind: "h1", text: "八、资金到位", anchor: "funding" }));
  blocks.push(...benefitBlocks(d.benefits, { kind: "h1", text: "九、投产项目效益" }));

  return {
    title: chineseQuotes(`${planSubject(h.plan.title)}建设进展情况通报`),
    subtitle: `（${formatMonth(month)}）`,
    asOf: publishedNote(pub, d.legacy),
    blocks,
    dateLine: formatDay(d.asOfDate),
    fileName: `${formatMonth(month)}重大项目通报.docx`,
  };
}

/**
 * "数据截至2024年11月（已发布，2024-12-03 10:00发布）" — every document says which month and which
 * publication it is. Only what was fixed when it was published: whether the month has been
 * re-opened since is said beside the document (src/components/documents/publication-banner.tsx).
 */
export function publishedNote(pub: NonNullable<OverviewHeadline["publication"]>, legacy = false): string {
  return (
    `数据截至${formatMonth(pub.month)}（已发布，${formatDateTime(pub.publishedAt)}${pub.publicationNo > 1 ? `第${pub.publicationNo}次发布` : "发布"}）` +
    (pub.isDemo ? "；含演示数据" : "") +
    (legacy ? "；该次发布早于发布存档功能，问题、报告文字和项目说明按当前数据" : "")
  );
}
