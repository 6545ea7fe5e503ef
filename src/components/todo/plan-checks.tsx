// 计划数据核对: the office's data-consistency prompts about a year's plan (src/server/plans/checks.ts),
// each with the fix one click away (the field on the plan page where the figure is entered). In the
// office's to-do and on the plan page; never on the leaders' cockpit or in an official document.
import Link from "next/link";
import { db } from "@/server/db";
import { getPlanChecks } from "@/server/plans/checks";
import { resolvePlanYear } from "@/server/plans/queries";

export async function PlanChecksSection({ year, testId = "todo-plan-checks" }: { year?: number; testId?: string }) {
  const prisma = db();
  const resolved = year ?? (await resolvePlanYear(prisma, undefined)).year;
  const data = resolved === undefined ? null : await getPlanChecks(prisma, resolved);
  if (!data) return null;
  const count = data.checks.length;
  return (
    <section aria-labelledby={testId} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-2">
        <h2 id={testId} className="text-base font-semibold">
          {data.year}年计划数据核对
          <span
            className={`ml-2 inline-block rounded-full px-2 text-sm ${count > 0 ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-600"}`}
            data-testid={`${testId}-count`}
          >
            {count}
          </span>
        </h2>
        <p className="text-xs text-slate-500">仅园区办公室可见；领导驾驶舱和通报、情况报告只写明口径</p>
      </div>
      {count === 0 ? (
        <p className="text-sm text-slate-500">申报数与清单一致，清单项目均已填年度计划投资。</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {data.checks.map((c) => (
            <li key={c.key} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-1.5 text-sm" data-testid={`plan-check-${c.key}`}>
              <span className="min-w-0">{c.message}</span>
              <Link href={c.href} className="whitespace-nowrap text-sky-700 hover:underline">
                {c.fix} →
              </Link>
            </li>
          ))}
        </ul>
      )}
      {data.missingPlan.rows.length > 0 && (
        <p className="mt-1 text-xs text-slate-600" data-testid={`${testId}-missing`}>
          未填年度计划投资：
          {data.missingPlan.rows.map((r, i) => (
            <span key={r.code}>
              {i > 0 && "、"}
              <Link href={`/admin/plans/${data.year}#annual_${r.code}`} className="text-sky-700 hover:underline">
                {r.parkName}
                {r.name}
              </Link>
            </span>
          ))}
          {data.missingPlan.total > data.missingPlan.rows.length && `等${data.missingPlan.total}个`}
        </p>
      )}
    </section>
  );
}
