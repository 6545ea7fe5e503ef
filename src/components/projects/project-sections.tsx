// A project's page, section by section: its heading, the published figures (the publication note,
// 预警 and 项目概况), the year's published history, nodes and statistics, the monthly reports with
// their revisions, and its issues. Each fetches what it shows; the publication read is shared per
// request (React cache).
import { cache } from "react";
import Link from "next/link";
import { db } from "@/server/db";
import type { ProjectDetail } from "@/server/projects/queries";
import { getReadPublication } from "@/server/periods/queries";
import { getProjectFigure, getProjectFigureHistory } from "@/server/figures/queries";
import { listIssues } from "@/server/issues/queries";
import { countedRevisionId } from "@/domain/counted-revision";
import { currentActorOrNull } from "@/server/auth/current";
import { DemoBadge, EmptyState, Section } from "@/components/common/badges";
import { FigureBadges } from "@/components/figures/figure-badges";
import { FigureHistorySection } from "@/components/figures/figure-history";
import { PublicationNote } from "@/components/figures/publication-note";
import { IssueList } from "@/components/issues/issue-list";
import { PhotoThumbs } from "@/components/monthly-reports/photo-thumbs";
import { ProjectNodesSection, ProjectStatsSection } from "@/components/nodes/project-nodes";
import { dec, formatMoney, formatWan, formatYi } from "@/lib/money";
import { businessDate, formatDateTime, formatDay, formatMonth } from "@/lib/month";
import { PROJECT_STATUS_LABEL, REPORT_STATUS_LABEL } from "@/lib/labels";
import { sourceHref } from "@/lib/explain-links";
import { ExplainLink } from "@/components/figures/explain-link";

const ACTION_LABEL = { SAVE: "保存", SUBMIT: "提交", APPROVE: "审核通过", RETURN: "退回", WITHDRAW: "撤回" } as const;

/** The year of the project's annual list (undefined: on no list). */
const listYear = (p: ProjectDetail): number | undefined => p.planEntries[0]?.plan.year;

const publicationOf = cache((year: number) => getReadPublication(db(), year));

/** The publication leaders read for the project's year, and the project's figure in it. */
const publishedFigure = cache(async (p: ProjectDetail) => {
  const year = listYear(p);
  const pub = year === undefined ? null : await publicationOf(year);
  const item = pub ? await getProjectFigure(db(), pub.publicationId, p.id) : null;
  return { pub, item };
});

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function benefit(value: string | null, atLeast: boolean, format: (v: string) => string): string {
  return value === null ? "未说明" : `${format(value)}${atLeast ? "以上" : ""}`;
}

function Benefits({ p }: { p: ProjectDetail }) {
  const none = p.expectedOutput === null && p.expectedJobs === null && p.expectedTax === null && p.metrics.length === 0;
  if (none) return <p className="text-sm text-slate-600">未说明预期效益。</p>;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="benefits">
      {p.expectedOutput !== null && (
        <Fact label="预计年产值" testId="benefit-output">
          {benefit(p.expectedOutput.toString(), p.expectedOutputAtLeast, formatMoney)}
        </Fact>
      )}
      {p.expectedJobs !== null && (
        <Fact label="年新增就业" testId="benefit-jobs">
          {benefit(String(p.expectedJobs), p.expectedJobsAtLeast, (v) => `${v}人`)}
        </Fact>
      )}
      {p.expectedTax !== null && (
        <Fact label="预计年税收" testId="benefit-tax">
          {benefit(p.expectedTax.toString(), p.expectedTaxAtLeast, formatMoney)}
        </Fact>
      )}
      {p.metrics.map((m) => (
        <Fact key={m.id} label={m.name} testId={`metric-${m.name}`}>
          {m.qualifier === "约" ? "约" : ""}
          {m.value.toString()}
          {m.unit}
          {m.qualifier && m.qualifier !== "约" ? m.qualifier : ""}
        </Fact>
      ))}
    </dl>
  );
}

export function ProjectHeader({ p }: { p: ProjectDetail }) {
  const year = listYear(p);
  return (
    <div>
      <p className="text-sm text-slate-500">
        <Link href="/projects" className="text-blue-700 hover:underline">
          项目库
        </Link>{" "}
        / {p.code}
      </p>
      <h1 className="mt-1 text-2xl font-semibold">
        {p.name}
        {p.isDemo && <DemoBadge />}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        <Link href={`/parks/${p.park.id}`} className="text-blue-700 hover:underline">
          {p.park.name}
        </Link>
        {p.enterprise && ` · ${p.enterprise}`} · {PROJECT_STATUS_LABEL[p.status]}
        {year !== undefined && ` · ${year}年重大项目`}
      </p>
    </div>
  );
}

export async function ProjectPublicationNote({ p }: { p: ProjectDetail }) {
  const year = listYear(p);
  if (year === undefined) return null;
  return <PublicationNote pub={await publicationOf(year)} year={year} testId="project-publication" />;
}

export async function ProjectWarningSection({ p }: { p: ProjectDetail }) {
  const { item } = await publishedFigure(p);
  if (!item) return null;
  return (
    <Section id="warning-heading" title="预警" aside={<>截至{formatMonth(item.month)}（已发布）</>}>
      <div className="flex flex-wrap items-center gap-2" data-testid="project-warning">
        <FigureBadges level={item.warningLevel} missing={item.missing} figureMonth={item.figureMonth} />
        {item.isDemo && <DemoBadge />}
      </div>
      {item.warningReasons.length > 0 ? (
        <ul className="mt-2 list-disc pl-6 text-sm text-slate-700" data-testid="warning-reasons">
          {item.warningReasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-600">按期开工，投资进度符合月度计划，无逾期问题。</p>
      )}
    </Section>
  );
}

export async function ProjectFactsSection({ p }: { p: ProjectDetail }) {
  const { pub, item } = await publishedFigure(p);
  const entry = p.planEntries[0];
  return (
    <Section id="facts-heading" title="项目概况">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        <Fact label="项目代码">{p.code}</Fact>
        <Fact label="产业">{p.industry ?? "未分类"}</Fact>
        <Fact label="级别">{p.level ?? "—"}</Fact>
        <Fact label="总投资" testId="fact-total">
          {formatYi(p.totalInvestment)}
        </Fact>
        <Fact label="年度计划投资">{entry?.annualPlannedInvestment ? formatYi(entry.annualPlannedInvestment) : "未分解到项目"}</Fact>
        <Fact label="开工至今累计完成（开累完成率）" testId="fact-completed">
          {item?.cumulative ? (
            <>
              <ExplainLink href={sourceHref(pub!, p.code)} label="查看数据来源" testId="fact-completed-source">
                {formatYi(item.cumulative)}（{item.totalRate === null ? "—" : `${dec(item.totalRate).toFixed(1)}%`}）
              </ExplainLink>
              <span className="block text-xs text-slate-500">
                截至{formatMonth(item.figureMonth!)}·已发布{item.missing && `（${formatMonth(item.month)}未报）`}
                {item.isDemo && <DemoBadge />}
                <Link href={sourceHref(pub!, p.code)} className="no-print ml-1 text-blue-700 hover:underline">
                  来源
                </Link>
              </span>
            </>
          ) : (
            <span className="text-amber-700">{pub ? "暂无已发布的月度数据" : "尚未发布月度数据"}</span>
          )}
        </Fact>
        <Fact label="本年完成投资（年度投资完成率）" testId="fact-year">
          {item && item.figureMonth !== null ? (
            <>
              <ExplainLink href={sourceHref(pub!, p.code)} label="查看数据来源">
                {formatYi(item.yearInvestment)}
                {item.annualRate !== null && `（${dec(item.annualRate).toFixed(1)}%）`}
              </ExplainLink>
            </>
          ) : (
            "—"
          )}
        </Fact>
        <Fact label="计划开工">{p.plannedStartMonth ? formatMonth(p.plannedStartMonth) : entry ? `${formatDay(entry.plan.startDeadline)}前（年度计划）` : "—"}</Fact>
        <Fact label="实际开工" testId="fact-start">
          {p.actualStartMonth ? formatMonth(p.actualStartMonth) : "未开工"}
        </Fact>
        <Fact label="计划投产">{p.plannedProductionMonth ? formatMonth(p.plannedProductionMonth) : "—"}</Fact>
        <Fact label="实际投产">{p.actualProductionMonth ? formatMonth(p.actualProductionMonth) : "未投产"}</Fact>
        <Fact label="包保领导" testId="fact-leader">
          {p.responsibleLeader ?? "未填报"}
        </Fact>
        <Fact label="联系人">{p.contactName ? `${p.contactName}${p.contactPhone ? ` ${p.contactPhone}` : ""}` : "未填报"}</Fact>
      </dl>
      <h3 className="mt-4 text-sm font-medium text-slate-500">主要建设内容</h3>
      <p className="mt-1 text-sm" data-testid="construction">
        {p.constructionContent || "未填报"}
      </p>
      <h3 className="mt-4 text-sm font-medium text-slate-500">预期效益</h3>
      <div className="mt-1">
        <Benefits p={p} />
      </div>
      {p.source && <p className="mt-3 text-xs text-slate-500">来源：{p.source}</p>}
    </Section>
  );
}

export async function ProjectHistorySection({ p }: { p: ProjectDetail }) {
  const year = listYear(p);
  if (year === undefined) return null;
  return <FigureHistorySection rows={await getProjectFigureHistory(db(), p.id, year)} year={year} />;
}

export async function ProjectNodeSections({ p }: { p: ProjectDetail }) {
  const actor = await currentActorOrNull();
  const today = businessDate();
  return (
    <>
      <ProjectNodesSection project={p} actor={actor} today={today} />
      <ProjectStatsSection project={p} actor={actor} today={today} />
    </>
  );
}

export function ProjectReportsSection({ p }: { p: ProjectDetail }) {
  return (
    <Section id="reports-heading" title="月度调度与修订记录">
      {p.monthlyReports.length === 0 ? (
        <EmptyState>还没有月度调度数据。</EmptyState>
      ) : (
        <ol className="space-y-3" data-testid="reports">
          {p.monthlyReports.map((r) => {
            const counted = countedRevisionId(r);
            return (
              <li key={r.id} className="rounded border border-slate-200 p-3" data-testid={`report-${r.month}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-medium">{formatMonth(r.month)}</h3>
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{REPORT_STATUS_LABEL[r.status]}</span>
                  {r.isDemo && <DemoBadge />}
                  {r.returnReason && <span className="text-xs text-red-700">退回原因：{r.returnReason}</span>}
                </div>
                <ul className="mt-2 space-y-2 text-sm">
                  {r.revisions.map((rv) => (
                    <li key={rv.id} className={rv.id === counted ? "" : "text-slate-500"}>
                      <span className="font-medium">第{rv.revisionNo}版</span>
                      {rv.id === counted && <span className="ml-1 rounded bg-blue-50 px-1 text-xs text-blue-800">计入统计</span>}
                      ：累计完成 <span className="num">{formatYi(rv.cumulativeInvestment)}</span>
                      {rv.monthInvestment !== null && (
                        <>
                          ，本月完成 <span className="num">{formatWan(rv.monthInvestment)}</span>
                        </>
                      )}
                      <span className="text-xs text-slate-500">
                        （{formatDateTime(rv.createdAt)}
                        {rv.createdBy && ` · ${rv.createdBy.displayName}`}）
                      </span>
                      <p className="text-slate-700">{rv.progressText}</p>
                      {rv.explanation && <p className="text-xs text-slate-600">说明：{rv.explanation}</p>}
                      <PhotoThumbs photos={rv.photos.map((x) => x.photo)} label={`${formatMonth(r.month)}第${rv.revisionNo}版`} testId={`photos-${r.month}-${rv.revisionNo}`} />
                    </li>
                  ))}
                </ul>
                {r.events.length > 0 && (
                  <details className="mt-2 text-xs text-slate-600">
                    <summary className="cursor-pointer">流转记录（{r.events.length}条）</summary>
                    <ol className="mt-1 space-y-1 pl-4">
                      {r.events.map((e) => (
                        <li key={e.id}>
                          {formatDateTime(e.createdAt)} {ACTION_LABEL[e.action]}
                          {e.fromStatus && `：${REPORT_STATUS_LABEL[e.fromStatus]} → ${REPORT_STATUS_LABEL[e.toStatus]}`}
                          {!e.fromStatus && `：${REPORT_STATUS_LABEL[e.toStatus]}`}
                          {e.user && ` · ${e.user.displayName}`}
                          {e.reason && ` · ${e.reason}`}
                        </li>
                      ))}
                    </ol>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

export async function ProjectIssuesSection({ p }: { p: ProjectDetail }) {
  const issues = await listIssues(db(), { today: businessDate(), projectId: p.id });
  return (
    <Section id="issues-heading" title="问题">
      <IssueList issues={issues} showProject={false} showDescription />
    </Section>
  );
}
