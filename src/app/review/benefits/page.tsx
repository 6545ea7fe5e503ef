import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { getBenefitReviewQueue } from "@/server/benefits/queries";
import { reviewBenefitAction } from "@/server/benefits/actions";
import { ReviewForm } from "@/components/monthly-reports/review-form";
import { ReviewHeading } from "@/components/monthly-reports/review-heading";
import { LiveCount } from "@/components/common/live-count";
import { renderStamp } from "@/server/render-stamp";
import { Pagination } from "@/components/common/pagination";
import { DemoBadge, EmptyState } from "@/components/common/badges";
import { formatWan } from "@/lib/money";
import { formatDateTime } from "@/lib/month";
import type { RawSearchParams } from "@/lib/search-params";
import { intParam } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "审核效益填报" };

export default async function BenefitReviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("benefit.review", "/review/benefits");
  const queue = await getBenefitReviewQueue(db(), intParam(await searchParams, "page") ?? 1);
  // a decision moves this count and the menu's 我的待办 badge at once (src/components/common/live-count.tsx)
  const stamp = renderStamp();
  return (
    <div className="space-y-4">
      <ReviewHeading queue="benefits" />
      <p className="text-sm text-slate-600">
        待审核 <LiveCount name="benefit-review" base={queue.total} stamp={stamp} /> 份。审核通过的数据计入项目页的“承诺与实际效益”和达产率。
      </p>
      {queue.items.length === 0 ? (
        <EmptyState>没有待审核的效益填报。</EmptyState>
      ) : (
        <ul className="space-y-3">
          {queue.items.map((r) => (
            <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold">
                  <Link href={`/benefits/${encodeURIComponent(r.projectCode)}?year=${r.label.slice(0, 4)}`} className="underline underline-offset-2">
                    {r.projectName}
                  </Link>{" "}
                  · {r.label}
                  {r.isDemo && <DemoBadge />}
                </h2>
                <span className="text-xs text-slate-500">
                  {r.parkName} · 第{r.revisionNo}版 · {r.submittedBy ?? "—"} {formatDateTime(r.submittedAt)} 提交
                </span>
              </div>
              <dl className="mb-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
                <div>
                  <dt className="text-xs text-slate-500">产值</dt>
                  <dd>{r.figures.output === null ? "未填" : formatWan(r.figures.output)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">税收</dt>
                  <dd>{r.figures.tax === null ? "未填" : formatWan(r.figures.tax)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">新增就业</dt>
                  <dd>{r.figures.jobs === null ? "未填" : `${r.figures.jobs}人`}</dd>
                </div>
                {r.figures.metrics.map((m) => (
                  <div key={m.name}>
                    <dt className="text-xs text-slate-500">{m.name}</dt>
                    <dd>
                      {m.value}
                      {m.unit}
                    </dd>
                  </div>
                ))}
              </dl>
              {r.figures.note && <p className="mb-2 text-sm text-slate-700">说明：{r.figures.note}</p>}
              <ReviewForm
                reportId={r.id}
                version={r.version}
                label={`${r.projectName} ${r.label}效益`}
                reviewAction={reviewBenefitAction}
                counts={{ left: ["todo", "benefit-review"], approved: null, returned: null }}
              />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={queue.page} pages={queue.pages} href={(n) => (n === 1 ? "/review/benefits" : `/review/benefits?page=${n}`)} />
    </div>
  );
}
