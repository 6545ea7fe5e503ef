// 审核月度调度's sections: the counts, the chips by status and by county park, the filter form and
// the queue, each rendering one page of getReviewPage (differences worked out by the server).
import Link from "next/link";
import { ReviewForm } from "@/components/monthly-reports/review-form";
import { LiveCount } from "@/components/common/live-count";
import { PhotoThumbs } from "@/components/monthly-reports/photo-thumbs";
import { ReportStatusBadge } from "@/components/monthly-reports/status-badge";
import { inputClass, secondaryButtonClass } from "@/components/forms/field";
import { PROGRESS_STAGE_LABEL, QUALITY_KIND_LABEL, REPORT_STATUS_LABEL } from "@/lib/labels";
import { formatWan, percent, type Decimal } from "@/lib/money";
import { formatMonth } from "@/lib/month";
import { queryString } from "@/lib/search-params";
import { ParkControl, ParkMatches } from "@/components/common/park-field";
import type { ParkFilter } from "@/server/parks/park-filter";
import { REVIEW_STATUSES, type ReviewFilters, type ReviewStatus } from "@/server/monthly-reports/queries";
import type { getReviewPage, ReviewQueueItem } from "@/server/monthly-reports/review-queries";

type ReviewPage = Awaited<ReturnType<typeof getReviewPage>>;
type Filters = ReviewFilters & { status: ReviewStatus };

/** The queue's address; the default status (awaiting review) stays out of the URL. */
export const reviewHref = (f: { park?: number; month?: string; status?: ReviewStatus; page?: number }) =>
  `/review${queryString({ ...f, status: f.status === "SUBMITTED" ? undefined : f.status })}`;

const statusName = (status: ReviewStatus) => (status === "SUBMITTED" ? "待审核" : REPORT_STATUS_LABEL[status]);

/** The submitted figures beside the previous approved month and the plan (倒排工期) for the month. */
function Comparison({ r }: { r: ReviewQueueItem }) {
  const { sinceApproved, vsPlan } = r;
  const signed = (d: Decimal) => `${d.isNegative() ? "" : "+"}${formatWan(d)}`;
  return (
    <table className="num mt-2 w-full max-w-lg text-sm" data-testid="review-compare">
      <caption className="sr-only">本次报送与上期已审核、倒排计划对比（万元）</caption>
      <thead className="text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-2 text-left font-normal"></th>
          <th scope="col" className="py-1 pr-2 text-right font-normal">
            累计完成<span className="whitespace-nowrap">（万元）</span>
          </th>
          <th scope="col" className="py-1 text-right font-normal">
            本月完成<span className="whitespace-nowrap">（万元）</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <tr className="font-medium">
          <th scope="row" className="py-0.5 pr-2 text-left font-medium">
            本次报送 <span className="whitespace-nowrap">{formatMonth(r.month)}</span>
          </th>
          <td className="whitespace-nowrap py-0.5 pr-2 text-right">{r.cumulativeInvestment ? formatWan(r.cumulativeInvestment, { unit: false }) : "—"}</td>
          <td className="whitespace-nowrap py-0.5 text-right">{r.monthInvestment === null ? "—" : formatWan(r.monthInvestment, { unit: false })}</td>
        </tr>
        {r.previouslyApprovedCumulative && (
          <tr className="text-amber-800">
            <th scope="row" className="py-0.5 pr-2 text-left font-normal">
              本月原审核
            </th>
            <td className="whitespace-nowrap py-0.5 pr-2 text-right">{formatWan(r.previouslyApprovedCumulative, { unit: false })}</td>
            <td className="py-0.5 text-right">—</td>
          </tr>
        )}
        <tr className="text-slate-700" data-testid="review-previous">
          <th scope="row" className="py-0.5 pr-2 text-left font-normal">
            上期已审核 {r.previous && <span className="whitespace-nowrap">{formatMonth(r.previous.month)}</span>}
          </th>
          <td className="whitespace-nowrap py-0.5 pr-2 text-right">{r.previous ? formatWan(r.previous.cumulativeInvestment, { unit: false }) : "无"}</td>
          <td className="whitespace-nowrap py-0.5 text-right">{r.previous?.monthInvestment ? formatWan(r.previous.monthInvestment, { unit: false }) : "—"}</td>
        </tr>
        <tr className="text-slate-700" data-testid="review-plan">
          <th scope="row" className="py-0.5 pr-2 text-left font-normal">
            倒排计划累计
          </th>
          <td className="whitespace-nowrap py-0.5 pr-2 text-right">{r.plannedCumulative ? formatWan(r.plannedCumulative, { unit: false }) : "未排"}</td>
          <td className="py-0.5 text-right">—</td>
        </tr>
      </tbody>
      <tfoot className="text-xs text-slate-600">
        <tr>
          <td colSpan={3} className="pt-1">
            {sinceApproved && <span className="mr-3 whitespace-nowrap">较上期已审核 {signed(sinceApproved)}</span>}
            {vsPlan && <span className={`mr-3 whitespace-nowrap ${vsPlan.isNegative() ? "text-red-700" : ""}`}>较计划 {signed(vsPlan)}</span>}
            {r.cumulativeInvestment && (
              <span className="whitespace-nowrap">
                开累完成率 {percent(r.cumulativeInvestment, r.totalInvestment)}（占总投资 {formatWan(r.totalInvestment)}）
              </span>
            )}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** 数据质量提示: the checks' flags on the revision under review, each with its evidence. */
function QualityFlags({ r }: { r: ReviewQueueItem }) {
  if (r.flags.length === 0) return null;
  return (
    <section className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" aria-label="数据质量提示" data-testid="quality-flags">
      <h3 className="font-medium text-amber-900">数据质量提示（{r.flags.length}项）</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {r.flags.map((f) => (
          <li key={f.kind} data-testid={`quality-flag-${f.kind}`}>
            <span className="font-medium">{QUALITY_KIND_LABEL[f.kind]}</span>：{f.message}
          </li>
        ))}
      </ul>
      {r.status === "SUBMITTED" && <p className="mt-1 text-xs text-amber-800">请核实后再审核；审核通过时须填写核实说明。</p>}
      {r.verification && (
        <p className="mt-1 text-amber-900" data-testid="review-verification">
          核实说明：{r.verification}
        </p>
      )}
    </section>
  );
}

/** Up to this many county parks get a chip each; beyond, the park select alone (with its counts). */
const PARK_CHIPS_MAX = 12;

export function ReviewCounts({ queue: { counts, page, pages }, filters, stamp }: { queue: ReviewPage; filters: Filters; stamp: string }) {
  const { status } = filters;
  return (
    <p className="text-sm text-slate-700" data-testid="review-counts">
      待审核共{" "}
      <span className="num font-semibold">
        <LiveCount name="review-all" base={counts.all} stamp={stamp} />
      </span>{" "}
      份
      {(filters.parkId !== undefined || filters.month || status !== "SUBMITTED") && (
        <>
          ，{statusName(status)}且符合筛选{" "}
          <span className="num font-semibold">{status === "SUBMITTED" ? <LiveCount name="review-filtered" base={counts.filtered} stamp={stamp} /> : counts.filtered}</span> 份
        </>
      )}
      {counts.filtered > 0 && `，第${page}/${pages}页（${status === "SUBMITTED" ? "最早提交的在前" : "最近变动的在前"}）`}
    </p>
  );
}

export function ReviewStatusChips({ counts, filters, stamp }: { counts: ReviewPage["counts"]; filters: Filters; stamp: string }) {
  const { status } = filters;
  return (
    <ul className="flex flex-wrap gap-2 text-sm" aria-label="按状态" data-testid="review-by-status">
      {counts.byStatus.map((x) => (
        <li key={x.status}>
          <Link
            href={reviewHref({ park: filters.parkId, month: filters.month, status: x.status })}
            aria-current={x.status === status ? "true" : undefined}
            className={`inline-block whitespace-nowrap rounded-full border px-3 py-0.5 ${x.status === status ? "border-sky-800 bg-sky-800 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            {x.status === "SUBMITTED" ? "待审核" : REPORT_STATUS_LABEL[x.status]}
            {x.status === "APPROVED" && !filters.month && counts.approvedMonth && `（${formatMonth(counts.approvedMonth)}）`}{" "}
            <span className="num">
              <LiveCount name={`review-${x.status}`} base={x.count} stamp={stamp} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function ReviewParkChips({ counts, filters, stamp }: { counts: ReviewPage["counts"]; filters: Filters; stamp: string }) {
  const { status } = filters;
  return (
    <>
      {/* a chip per county park while they fit on a line or two; at province scale the select below does it */}
      {counts.byPark && counts.byPark.length > 0 && counts.byPark.length <= PARK_CHIPS_MAX && (
        <ul className="flex flex-wrap gap-2 text-sm" aria-label="各县区园区待审核" data-testid="review-by-park">
          {counts.byPark.map((p) => (
            <li key={p.parkId}>
              <Link
                href={reviewHref({ park: p.parkId, month: filters.month, status })}
                aria-current={p.parkId === filters.parkId ? "true" : undefined}
                className={`inline-block whitespace-nowrap rounded border px-2 py-0.5 ${p.parkId === filters.parkId ? "border-slate-800 bg-slate-800 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
              >
                {p.parkName} <span className="num">{status === "SUBMITTED" ? <LiveCount name={`review-park-${p.parkName}`} base={p.count} stamp={stamp} /> : p.count}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ReviewFilterForm({ counts, filters, parkFilter }: { counts: ReviewPage["counts"]; filters: Filters; parkFilter: ParkFilter }) {
  const { status } = filters;
  // a city's parks: those with reports in the status shown, each with its count; a province's: a search
  const parkOptions = counts.byPark?.map((p) => ({ value: p.parkId, label: `${p.parkName}（${p.count}份）` }));
  return (
    <form method="get" className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-4" aria-label="筛选">
      <label className="text-sm">
        <span className="block text-slate-600">状态</span>
        <select name="status" defaultValue={status} className={inputClass}>
          {REVIEW_STATUSES.map((x) => (
            <option key={x} value={x}>
              {x === "SUBMITTED" ? "待审核" : REPORT_STATUS_LABEL[x]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">县区园区</span>
        <ParkControl filter={parkFilter} options={parkOptions} />
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">月份</span>
        <select name="month" defaultValue={filters.month ?? (status === "APPROVED" ? (counts.approvedMonth ?? "") : "")} className={inputClass}>
          {/* approved reports are listed one month at a time: no "all months" for them */}
          {status !== "APPROVED" && <option value="">全部</option>}
          {counts.months.map((x) => (
            <option key={x.month} value={x.month}>
              {formatMonth(x.month)}
              {x.count !== null && `（${x.count}份）`}
            </option>
          ))}
        </select>
      </label>
      <ParkMatches filter={parkFilter} href={(park) => reviewHref({ park, month: filters.month, status })} />
      <div className="flex items-end gap-2">
        <button type="submit" className={secondaryButtonClass}>
          筛选
        </button>
        <Link href="/review" className="pb-2 text-sm text-sky-700 hover:underline">
          清除
        </Link>
      </div>
    </form>
  );
}

export function ReviewQueue({ queue: { counts, items }, filters }: { queue: ReviewPage; filters: Filters }) {
  const { status } = filters;
  return (
    <>
      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-600">
          {status === "SUBMITTED" && counts.all === 0 ? "没有等待审核的报表。" : `没有符合条件的${statusName(status)}报表。`}
        </p>
      ) : (
        <ul className="space-y-3" data-testid="review-queue">
          {items.map((r) => (
            <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`review-${r.projectCode}-${r.month}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium">
                  {r.projectName} · {formatMonth(r.month)}
                  {r.status !== "SUBMITTED" && (
                    <span className="ml-2">
                      <ReportStatusBadge status={r.status} />
                    </span>
                  )}
                  {r.isCorrection && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-800">更正已审核数据</span>}
                  {r.flags.length > 0 && (
                    <span className="ml-2 whitespace-nowrap rounded border border-amber-400 bg-amber-100 px-1.5 text-xs text-amber-900" data-testid="quality-count">
                      数据质量提示 {r.flags.length}
                    </span>
                  )}
                </p>
                <p className="text-xs text-slate-500">
                  {r.parkName} · {r.submittedBy} {r.status === "SUBMITTED" ? "提交" : "填报"}（第{r.revisionNo}版）
                </p>
              </div>
              <Comparison r={r} />
              <QualityFlags r={r} />
              <p className="mt-2 text-sm text-slate-700">
                形象进度：{r.progressStage && <span className="mr-1 rounded bg-slate-100 px-1.5 text-xs text-slate-700">{PROGRESS_STAGE_LABEL[r.progressStage]}</span>}
                {r.progressText}
              </p>
              {r.explanation && <p className="text-sm text-slate-600">说明：{r.explanation}</p>}
              {r.returnReason && r.status === "RETURNED" && <p className="text-sm text-red-700">退回原因：{r.returnReason}</p>}
              <PhotoThumbs photos={r.photos} label={`${r.projectName}${formatMonth(r.month)}`} testId="review-photos" />
              <Link href={`/monthly-report/${encodeURIComponent(r.projectCode)}?month=${r.month}`} className="text-sm text-sky-700 hover:underline">
                查看历次版本
              </Link>
              {r.status === "SUBMITTED" && (
                <div className="mt-3 border-t border-slate-100 pt-3">
                  <ReviewForm
                    reportId={r.id}
                    version={r.version}
                    label={`${r.projectName} ${formatMonth(r.month)}`}
                    flagged={r.flags.length > 0}
                    counts={{
                      left: ["todo", "review-SUBMITTED", "review-all", "review-filtered", `review-park-${r.parkName}`],
                      // the 已审核 chip counts one month's approvals unless a month is chosen
                      approved: filters.month !== undefined || r.month === counts.approvedMonth ? "review-APPROVED" : null,
                      returned: "review-RETURNED",
                    }}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
