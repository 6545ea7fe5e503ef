// 调度期's sections: the heading with its links, publishing and reopening, the county parks'
// progress, the projects not yet approved and the publications. Each fetches what it shows; the
// period and its progress are read once per request (React cache) however many sections use them.
import { cache } from "react";
import Link from "next/link";
import { db } from "@/server/db";
import { getLeftBehind, getPeriod, getPeriodProgress, listPendingCorrections, listUnapprovedProjects, type LeftBehindRow } from "@/server/periods/queries";
import { listPublicationSummaries } from "@/server/figures/queries";
import { listPublicationCounts, type PublicationCounts } from "@/server/documents/queries";
import { qualityCountsOfMonth, type QualityCount } from "@/server/data-quality/queries";
import { DeclineCorrectionForm, DeadlineForm, PublishForm, ReopenForm } from "@/components/periods/period-forms";
import { DemoBadge, EmptyState, Section } from "@/components/common/badges";
import { Pagination } from "@/components/common/pagination";
import { ExportLink } from "@/components/excel/export-link";
import { businessDate, formatDateTime, formatDay } from "@/lib/month";
import {
  LEFT_BEHIND_LABEL,
  PERIOD_STATUS_LABEL,
  REOPEN_REASON_DEFAULT_MAX,
  defaultDeadline,
  isPastDeadline,
  leftBehindText,
  leftBehindToken,
  needsPublishConfirmation,
  parkProgressPage,
  periodTitle,
  progressTotals,
  type LeftBehindGroup,
} from "@/domain/periods";
import { REPORT_STATUS_LABEL } from "@/lib/labels";
import { formatYi } from "@/lib/money";
import { ScrollTable } from "@/components/common/scroll-table";

const PAGE_SIZE = 20;
const PARK_PAGE_SIZE = 20;
/** How many projects each group of the publish block names (the full list is below, by group). */
const LEFT_BEHIND_SHOWN = 8;
/** How many pending 申请更正 the re-open block shows. */
const CORRECTIONS_SHOWN = 10;

// a month nobody has opened or reported yet has no row: it is shown as not open
const periodOf = cache((month: string) => getPeriod(db(), month));
const progressOf = cache((month: string) => getPeriodProgress(db(), month));

async function periodDeadline(month: string): Promise<string> {
  const period = await periodOf(month);
  return period ? period.deadline.toISOString().slice(0, 10) : defaultDeadline(month);
}

export async function PeriodHeader({ month, parkId, qualityDetail }: { month: string; parkId: number | undefined; qualityDetail: boolean }) {
  const [period, deadline] = await Promise.all([periodOf(month), periodDeadline(month)]);
  const title = periodTitle(month);
  const today = businessDate();
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold">
          {title}
          {period?.isDemo && <DemoBadge />}
        </h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="period-status">
          {period ? (
            <>
              <span className={`mr-2 rounded px-1.5 py-0.5 text-xs ${period.status === "PUBLISHED" ? "bg-emerald-100 text-emerald-800" : "bg-sky-100 text-sky-800"}`}>
                {PERIOD_STATUS_LABEL[period.status]}
              </span>
              县区报送截止 {formatDay(period.deadline)}
              {period.status === "OPEN" && isPastDeadline(deadline, today) && <span className="text-amber-800">（已过截止日）</span>}
              {period.reopenReason && <>；重新开放原因：{period.reopenReason}</>}
            </>
          ) : (
            <>尚未开放：县区首次填报本月时自动开放，截止日默认为 {deadline}。</>
          )}
        </p>
      </div>
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <ExportLink href={`/periods/${month}/schedule${parkId ? `?park=${parkId}` : ""}`} label={`导出${parkId ? "本园区" : ""}调度表（Excel）`} testId="schedule-export" />
        {period?.currentPublicationId && (
          <>
            <Link href={`/periods/${month}/bulletin`} className="text-sm text-sky-700 hover:underline" data-testid="bulletin-link">
              月度通报
            </Link>
            <Link href={`/annual-report/${month.slice(0, 4)}?month=${month}`} className="text-sm text-sky-700 hover:underline" data-testid="report-link">
              情况报告（截至本月）
            </Link>
            {qualityDetail && (
              <Link href={`/periods/${month}/quality`} className="text-sm text-sky-700 hover:underline" data-testid="quality-link">
                数据质量提示
              </Link>
            )}
          </>
        )}
        <Link href="/periods" className="text-sm text-sky-700 hover:underline">
          全部调度期
        </Link>
      </div>
    </div>
  );
}

export async function PeriodActionsSection({ month }: { month: string }) {
  const [period, deadline] = await Promise.all([periodOf(month), periodDeadline(month)]);
  const title = periodTitle(month);
  return (
    <Section title="发布与开放" id="period-actions">
      {!period ? (
        <DeadlineForm month={month} deadline={deadline} label="开放本期" />
      ) : period.status === "OPEN" ? (
        <div className="space-y-4">
          <PublishBlock month={month} version={period.version} title={title} />
          <DeadlineForm month={month} deadline={deadline} label="修改截止日" />
        </div>
      ) : (
        <ReopenBlock month={month} version={period.version} title={title} />
      )}
    </Section>
  );
}

const GROUP_NOTE: Record<LeftBehindGroup, string> = {
  submitted: "须先审核通过或退回，才能发布",
  returned: "发布后按未报处理",
  draft: "发布后按未报处理",
  missing: "发布后按未报处理",
  correction: "已审核过，更正未提交：按原审核通过的数据发布",
};

/** The publish block: every project of the month not approved, named and grouped by where it stands, then the publish form. */
async function PublishBlock({ month, version, title }: { month: string; version: number; title: string }) {
  // the groups' counts, and the parks that hold each group's first names, from the progress the
  // page reads anyway (one pass over the list, not three)
  const { counts, rows } = await getLeftBehind(db(), month, LEFT_BEHIND_SHOWN, progressOf(month));
  const groups = (["submitted", "returned", "draft", "missing", "correction"] as const).filter((g) => counts[g] > 0);
  const confirm = needsPublishConfirmation(counts) ? { text: leftBehindText(counts), token: leftBehindToken(counts) } : null;
  const projectHref = (g: LeftBehindGroup, r: LeftBehindRow) => (g === "submitted" ? `/review?month=${month}` : `/monthly-report/${encodeURIComponent(r.code)}?month=${month}`);
  return (
    <div className="space-y-3" data-testid="publish-block">
      {groups.length === 0 ? (
        <p className="text-sm text-emerald-800">本月清单上的项目均已审核通过。</p>
      ) : (
        <div className="grid gap-3 md:grid-cols-2">
          {groups.map((g) => (
            <div key={g} className={`rounded-md border p-3 ${g === "submitted" ? "border-red-200 bg-red-50/40" : "border-slate-200"}`} data-testid={`left-${g}`}>
              <h3 className="text-sm font-semibold">
                {LEFT_BEHIND_LABEL[g]} <span data-testid={`left-${g}-count`}>{counts[g]}</span>个<span className="ml-2 text-xs font-normal text-slate-500">{GROUP_NOTE[g]}</span>
              </h3>
              <ul className="mt-1 divide-y divide-slate-100 text-sm">
                {rows[g].map((r) => (
                  <li key={r.code} className="flex flex-wrap items-baseline justify-between gap-x-2 py-1">
                    <Link href={projectHref(g, r)} className="min-w-0 text-sky-700 hover:underline">
                      {r.name}
                    </Link>
                    <span className="text-xs whitespace-nowrap text-slate-500">
                      {r.code} · {r.parkName}
                    </span>
                    {r.returnReason && g === "returned" && <span className="w-full text-xs text-red-700">退回原因：{r.returnReason}</span>}
                  </li>
                ))}
              </ul>
              {counts[g] > rows[g].length && (
                <p className="mt-1 text-right text-xs">
                  <Link href={`/periods/${month}?state=${g}#period-missing`} className="text-sky-700 hover:underline">
                    还有{counts[g] - rows[g].length}个，查看全部{counts[g]}个 →
                  </Link>
                </p>
              )}
            </div>
          ))}
        </div>
      )}
      <PublishForm month={month} version={version} pending={counts.submitted} title={title} confirm={confirm} />
    </div>
  );
}

/** A published month: the 申请更正 waiting for the office (decline here, or re-open with the reason filled in), then re-opening. */
async function ReopenBlock({ month, version, title }: { month: string; version: number; title: string }) {
  const { total, rows } = await listPendingCorrections(db(), { month, limit: CORRECTIONS_SHOWN });
  const suggested = rows.length ? `应${rows.map((r) => `${r.parkName}申请更正${r.name}：${r.reason}`).join("；")}`.slice(0, REOPEN_REASON_DEFAULT_MAX) : undefined;
  return (
    <div className="space-y-4">
      {total > 0 && (
        <div id="corrections" className="space-y-2" data-testid="period-corrections">
          <h3 className="text-sm font-semibold">
            县区的更正申请（{total}个待处理）
            <span className="ml-2 text-xs font-normal text-slate-500">重新开放即同意全部申请（原因作为答复）；也可逐个答复不同意</span>
          </h3>
          <ul className="space-y-2">
            {rows.map((r) => (
              <li key={r.id} className="rounded-md border border-amber-200 bg-amber-50/50 p-3 text-sm" data-testid={`correction-${r.code}`}>
                <p className="font-medium">
                  <Link href={`/monthly-report/${encodeURIComponent(r.code)}?month=${month}`} className="text-sky-700 hover:underline">
                    {r.name}
                  </Link>{" "}
                  <span className="text-xs font-normal text-slate-500">
                    {r.code} · {r.parkName} · {r.requestedBy} {formatDateTime(r.createdAt)}申请
                  </span>
                </p>
                <p className="text-slate-700">更正原因：{r.reason}</p>
                <div className="mt-2">
                  <DeclineCorrectionForm requestId={r.id} version={r.version} />
                </div>
              </li>
            ))}
          </ul>
          {total > rows.length && <p className="text-xs text-slate-500">另有{total - rows.length}个申请，处理上面的之后显示。</p>}
        </div>
      )}
      <ReopenForm month={month} version={version} title={title} reason={suggested} />
    </div>
  );
}

export async function PeriodProgressSection({ month, parkId, parkPage }: { month: string; parkId: number | undefined; parkPage: number }) {
  const progress = await progressOf(month);
  // the county parks with the most projects still to approve first, PARK_PAGE_SIZE at a time
  const { rows, page: current, pages } = parkProgressPage(progress, parkPage, PARK_PAGE_SIZE);
  const totals = progressTotals(progress);
  const parkPageHref = (n: number) => `/periods/${month}?${new URLSearchParams({ ...(parkId ? { park: String(parkId) } : {}), parks: String(n) })}#period-progress`;
  return (
    <Section
      title="各县区园区填报进度"
      id="period-progress"
      aside={`${totals.projects}个项目：已审核${totals.approved}，待审核${totals.submitted}，退回${totals.returned}，草稿${totals.draft}，未报${totals.missing}`}
    >
      <ScrollTable>
        <table className="w-full text-sm" data-testid="progress-table">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="py-1 pr-2">县区园区</th>
              <th className="num py-1 pr-2 text-right">项目数</th>
              <th className="num py-1 pr-2 text-right">{REPORT_STATUS_LABEL.APPROVED}</th>
              <th className="num py-1 pr-2 text-right">待审核</th>
              <th className="num py-1 pr-2 text-right">{REPORT_STATUS_LABEL.RETURNED}</th>
              <th className="num py-1 pr-2 text-right">{REPORT_STATUS_LABEL.DRAFT}</th>
              <th className="num py-1 text-right">未报</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.parkId} className="border-t border-slate-100">
                <td className="py-1 pr-2 whitespace-nowrap">
                  <Link href={`/periods/${month}?park=${p.parkId}`} className="text-sky-700 hover:underline">
                    {p.parkName}
                  </Link>
                </td>
                <td className="num py-1 pr-2 text-right">{p.projects}</td>
                <td className="num py-1 pr-2 text-right">{p.approved}</td>
                <td className="num py-1 pr-2 text-right">{p.submitted}</td>
                <td className="num py-1 pr-2 text-right">{p.returned}</td>
                <td className="num py-1 pr-2 text-right">{p.draft}</td>
                <td className={`num py-1 text-right ${p.missing > 0 ? "font-semibold text-amber-800" : ""}`}>{p.missing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {pages > 1 && (
        <>
          <p className="mt-2 text-xs text-slate-500">按尚未审核通过的项目数从多到少排列。</p>
          <Pagination page={current} pages={pages} href={parkPageHref} className="mt-2" showPosition />
        </>
      )}
    </Section>
  );
}

export async function UnapprovedSection({ month, parkId, page, group }: { month: string; parkId: number | undefined; page: number; group?: LeftBehindGroup }) {
  const progress = await progressOf(month);
  page = Math.max(1, page);
  const missing = await listUnapprovedProjects(db(), month, { parkId, group, page, size: PAGE_SIZE, progress });
  const pages = Math.max(1, Math.ceil(missing.total / PAGE_SIZE));
  const pageHref = (n: number) =>
    `/periods/${month}?${new URLSearchParams({ ...(parkId ? { park: String(parkId) } : {}), ...(group ? { state: group } : {}), page: String(n) })}#period-missing`;
  return (
    <Section
      title={`尚未审核通过的项目${group ? `：${LEFT_BEHIND_LABEL[group]}` : ""}（${missing.total}个）`}
      id="period-missing"
      aside={
        parkId || group ? (
          <Link href={`/periods/${month}#period-missing`} className="text-sky-700 hover:underline">
            {group ? "看全部未审核通过的项目" : "看全部园区"}
          </Link>
        ) : undefined
      }
    >
      {missing.total === 0 ? (
        <EmptyState>所有项目本期报表均已审核通过。</EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-slate-100 text-sm" data-testid="missing-list">
            {missing.rows.map((m) => (
              <li key={m.code} className="flex flex-wrap items-baseline justify-between gap-2 py-1.5">
                <Link href={`/projects/${encodeURIComponent(m.code)}`} className="min-w-0 text-sky-700 hover:underline">
                  {m.name}
                </Link>
                <span className="text-xs text-slate-500">
                  {m.parkName} · {m.status ? REPORT_STATUS_LABEL[m.status as keyof typeof REPORT_STATUS_LABEL] : "未报"}
                </span>
              </li>
            ))}
          </ul>
          <Pagination page={page} pages={pages} href={pageHref} className="mt-3" showPosition />
        </>
      )}
    </Section>
  );
}

export async function PublicationsSection({ month, qualityDetail }: { month: string; qualityDetail: boolean }) {
  const [period, publications, counts, quality] = await Promise.all([
    periodOf(month),
    listPublicationSummaries(db(), month),
    listPublicationCounts(db(), month),
    qualityCountsOfMonth(db(), month),
  ]);
  return (
    <Section title="发布记录" id="period-publications">
      {publications.length === 0 ? (
        <EmptyState>本期尚未发布。发布前，领导看到的是上一个已发布调度期的数据。</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="publications">
          {publications.map((p) => (
            <li key={p.publicationNo} className="rounded border border-slate-200 p-3 text-sm" data-testid={`publication-${p.publicationNo}`}>
              <p className="font-medium">
                第{p.publicationNo}次发布 · {formatDateTime(p.publishedAt)} · {p.publishedBy ?? "系统导入"}
                {p.current ? (
                  <span className="ml-2 rounded bg-emerald-100 px-1.5 text-xs text-emerald-800">
                    {period?.status === "OPEN" ? "更正期间领导仍看到此版本" : "领导当前看到的版本"}
                  </span>
                ) : (
                  <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-600">已被后续发布取代</span>
                )}
              </p>
              {p.reopenReason && <p className="text-slate-600">重新开放原因：{p.reopenReason}</p>}
              <p className="num text-slate-700">
                {p.projectCount}个项目，本年完成投资 {formatYi(p.yearInvestment)}，开工至今累计 {formatYi(p.cumulative)}；未报{p.missing}个；红色预警{p.red}个、黄色预警{p.yellow}个
              </p>
              <PublicationCountsLine counts={counts.get(p.publicationNo)} />
              <PublicationQualityLine month={month} publicationNo={p.publicationNo} quality={quality.get(p.publicationNo)} detail={qualityDetail} />
              <p className="mt-1 flex flex-wrap gap-x-3 text-sky-700" data-testid={`publication-${p.publicationNo}-documents`}>
                <Link href={`/periods/${month}/bulletin?publication=${p.publicationNo}`} className="hover:underline">
                  该次发布的通报
                </Link>
                <Link href={`/annual-report/${month.slice(0, 4)}?month=${month}&publication=${p.publicationNo}`} className="hover:underline">
                  情况报告
                </Link>
                <a href={`/periods/${month}/schedule?publication=${p.publicationNo}`} className="hover:underline">
                  调度表（Excel）
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The publication's 数据质量 prompts: the office opens them one by one, everyone else reads the 通报's counts. */
function PublicationQualityLine({ month, publicationNo, quality, detail }: { month: string; publicationNo: number; quality: QualityCount | undefined; detail: boolean }) {
  if (!quality) return <p className="text-slate-600">该次发布时尚未启用数据质量检查</p>;
  const href = detail ? `/periods/${month}/quality?publication=${publicationNo}` : `/periods/${month}/bulletin?publication=${publicationNo}#data-quality`;
  return (
    <p className="num text-slate-600" data-testid="publication-quality">
      数据质量提示
      <Link href={href} className="mx-0.5 text-sky-700 hover:underline">
        {quality.count}条
      </Link>
      {quality.count > 0 && `（涉及${quality.projects}个项目）`}
    </p>
  );
}

/** What a publication stored besides its figures, as of its day: issues, nodes, 入库. */
function PublicationCountsLine({ counts }: { counts: PublicationCounts | undefined }) {
  if (!counts) return null;
  const { issues: i, operations: o } = counts;
  return (
    <p className="num text-slate-600" data-testid="publication-counts">
      发布时：问题台账{i.yearRaised}个，已办结{i.yearClosed}个（办结率{i.closureRate ?? "—"}），逾期{i.overdue}个，升级督办{i.escalated}个；超期节点{o.nodesOverdue}个，临期节点
      {o.nodesDueSoon}个；已开工未入库
      {o.startedNotEntered}个
    </p>
  );
}
