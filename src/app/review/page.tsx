import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { listReviewQueue } from "@/server/reports/queries";
import { ReviewForm } from "@/components/report/review-form";
import { formatWan, percent } from "@/lib/money";
import { formatMonth } from "@/lib/month";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "审核月度调度" };

export default async function ReviewPage() {
  await requirePermission("report.review", "/review");
  const queue = await listReviewQueue(db());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">审核月度调度</h1>
      {queue.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-600">没有等待审核的报表。</p>
      ) : (
        <ul className="space-y-3" data-testid="review-queue">
          {queue.map((r) => (
            <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`review-${r.projectCode}-${r.month}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium">
                  {r.projectName} · {formatMonth(r.month)}
                  {r.isCorrection && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-800">更正已审核数据</span>}
                </p>
                <p className="text-xs text-slate-500">
                  {r.parkName} · {r.submittedBy} 提交（第{r.revisionNo}版）
                </p>
              </div>
              <dl className="num mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
                <div>
                  <dt className="text-xs text-slate-500">本月完成投资</dt>
                  <dd>{r.monthInvestment === null ? "—" : formatWan(r.monthInvestment)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">累计完成投资</dt>
                  <dd>{r.cumulativeInvestment && formatWan(r.cumulativeInvestment)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">占总投资</dt>
                  <dd>{r.cumulativeInvestment && percent(r.cumulativeInvestment, r.totalInvestment)}</dd>
                </div>
                {r.previouslyApprovedCumulative && (
                  <div>
                    <dt className="text-xs text-slate-500">原审核累计</dt>
                    <dd>{formatWan(r.previouslyApprovedCumulative)}</dd>
                  </div>
                )}
              </dl>
              <p className="mt-2 text-sm text-slate-700">形象进度：{r.progressText}</p>
              {r.explanation && <p className="text-sm text-slate-600">说明：{r.explanation}</p>}
              <Link href={`/report/${encodeURIComponent(r.projectCode)}?month=${r.month}`} className="text-sm text-sky-700 hover:underline">
                查看历次版本
              </Link>
              <div className="mt-3 border-t border-slate-100 pt-3">
                <ReviewForm reportId={r.id} version={r.version} label={`${r.projectName} ${formatMonth(r.month)}`} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
