// 调度期's sections: the heading with its links, publishing and reopening, the county parks'
// progress, the projects not yet approved and the publications. Each fetches what it shows; the
// period and its progress are read once per request (React cache) however many sections use them.
import { cache } from "react";
import Link from "next/link";
import { db } from "@/server/db";
import { getPeriod, getPeriodProgress, listUnapprovedProjects } from "@/server/periods/queries";
import { listPublicationSummaries } from "@/server/figures/queries";
import { listPublicationCounts, type PublicationCounts } from "@/server/documents/queries";
import { DeadlineForm, PublishForm, ReopenForm } from "@/components/periods/period-forms";
import { DemoBadge, EmptyState, Section } from "@/components/common/badges";
import { Pagination } from "@/components/common/pagination";
import { ExportLink } from "@/components/excel/export-link";
import { businessDate, formatDateTime, formatDay } from "@/lib/month";
import { PERIOD_STATUS_LABEL, defaultDeadline, isPastDeadline, parkProgressPage, periodTitle, progressTotals, unapprovedCount } from "@/domain/periods";
import { REPORT_STATUS_LABEL } from "@/lib/labels";
import { formatYi } from "@/lib/money";

const PAGE_SIZE = 20;
const PARK_PAGE_SIZE = 20;

// a month nobody has opened or reported yet has no row: it is shown as not open
const periodOf = cache((month: string) => getPeriod(db(), month));
const progressOf = cache((month: string) => getPeriodProgress(db(), month));

async function periodDeadline(month: string): Promise<string> {
  const period = await periodOf(month);
  return period ? period.deadline.toISOString().slice(0, 10) : defaultDeadline(month);
}

export async function PeriodHeader({ month, parkId }: { month: string; parkId: number | undefined }) {
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
  const [period, deadline, progress] = await Promise.all([periodOf(month), periodDeadline(month), progressOf(month)]);
  const title = periodTitle(month);
  const pending = progressTotals(progress).submitted;
  return (
    <Section title="发布与开放" id="period-actions">
      {!period ? (
        <DeadlineForm month={month} deadline={deadline} label="开放本期" />
      ) : period.status === "OPEN" ? (
        <div className="space-y-4">
          <PublishForm month={month} version={period.version} pending={pending} title={title} />
          <DeadlineForm month={month} deadline={deadline} label="修改截止日" />
        </div>
      ) : (
        <ReopenForm month={month} version={period.version} title={title} />
      )}
    </Section>
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
      <div className="overflow-x-auto">
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
      </div>
      {pages > 1 && (
        <>
          <p className="mt-2 text-xs text-slate-500">按尚未审核通过的项目数从多到少排列。</p>
          <Pagination page={current} pages={pages} href={parkPageHref} className="mt-2" showPosition />
        </>
      )}
    </Section>
  );
}

export async function UnapprovedSection({ month, parkId, page }: { month: string; parkId: number | undefined; page: number }) {
  const progress = await progressOf(month);
  page = Math.max(1, page);
  const missing = await listUnapprovedProjects(db(), month, { parkId, page, size: PAGE_SIZE, total: unapprovedCount(progress, parkId) });
  const pages = Math.max(1, Math.ceil(missing.total / PAGE_SIZE));
  const pageHref = (n: number) => `/periods/${month}?${new URLSearchParams({ ...(parkId ? { park: String(parkId) } : {}), page: String(n) })}`;
  return (
    <Section
      title={`尚未审核通过的项目（${missing.total}个）`}
      id="period-missing"
      aside={
        parkId ? (
          <Link href={`/periods/${month}`} className="text-sky-700 hover:underline">
            看全部园区
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

export async function PublicationsSection({ month }: { month: string }) {
  const [period, publications, counts] = await Promise.all([periodOf(month), listPublicationSummaries(db(), month), listPublicationCounts(db(), month)]);
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
