// 达产与效益 on the project page and the entry page: the 达产 node, the benefit warnings, and the
// promise against the approved delivery of each year (each figure with its unit and qualifier).
import Link from "next/link";
import type { ProjectBenefits } from "@/server/benefits/queries";
import { DemoBadge, Section } from "@/components/common/badges";
import { ScrollTable } from "@/components/common/scroll-table";
import { Th } from "@/components/common/table";
import { figureText, formatBenefitRate, FULL_PRODUCTION_STATE_LABEL, PROMISE_STATE_LABEL, type PromiseState } from "@/domain/benefits";
import { formatDay, formatMonth } from "@/lib/month";
import { REPORT_STATUS_LABEL } from "@/lib/labels";

const STATE_CLASS: Record<PromiseState, string> = {
  REACHED: "text-emerald-700",
  ABOUT: "text-sky-700",
  SHORT: "text-amber-800",
};

export function BenefitsSection({ b, entryHref }: { b: ProjectBenefits; entryHref?: string }) {
  const years = b.reports.filter((r) => r.quarter === 0 && r.approved);
  const pending = b.reports.filter((r) => !r.approved || r.status !== "APPROVED");
  return (
    <Section
      title="达产与效益"
      id="benefits"
      aside={
        entryHref ? (
          <Link href={entryHref} className="text-sm font-medium text-sky-700 underline underline-offset-2">
            填报效益
          </Link>
        ) : undefined
      }
    >
      <dl className="mb-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-slate-500">投产</dt>
          <dd>{b.project.actualProductionMonth ? formatMonth(b.project.actualProductionMonth) : "未投产"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">计划达产</dt>
          <dd>{b.fullProduction.planned ? formatDay(b.fullProduction.planned) : "未填写"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">实际达产</dt>
          <dd>{b.fullProduction.actual ? formatDay(b.fullProduction.actual) : "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">达产状态</dt>
          <dd data-testid="full-production-state">{FULL_PRODUCTION_STATE_LABEL[b.state]}</dd>
        </div>
      </dl>
      {b.warnings.length > 0 && (
        <ul className="mb-3 space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" aria-label="效益预警">
          {b.warnings.map((w) => (
            <li key={w}>效益预警：{w}</li>
          ))}
        </ul>
      )}
      {b.promises.length === 0 ? (
        <p className="text-sm text-slate-600">项目未说明承诺效益，无法计算达产率。</p>
      ) : (
        <ScrollTable>
          <table className="min-w-full text-sm" aria-label="承诺与实际效益">
            <caption className="sr-only">承诺效益与各年度实际效益（审核通过的数据）</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <Th className="sticky left-0 bg-slate-50 px-2 py-1">指标</Th>
                <Th numeric>承诺（达产后每年）</Th>
                {years.map((y) => (
                  <Th key={y.id} numeric>
                    {y.label}实际
                    {y.isDemo && <DemoBadge />}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.promises.map((p, i) => (
                <tr key={p.key} className="border-t border-slate-100">
                  <th scope="row" className="sticky left-0 bg-white px-2 py-1 text-left font-normal">
                    {p.label}
                  </th>
                  <td className="px-2 py-1 text-right whitespace-nowrap">{figureText(p.value, p.unit, p.qualifier)}</td>
                  {years.map((y) => {
                    const x = y.against[i];
                    return (
                      <td key={y.id} className="px-2 py-1 text-right whitespace-nowrap">
                        {x.actual === null ? (
                          "未填报"
                        ) : (
                          <>
                            {figureText(x.actual, p.unit, null)}
                            <span className={`block text-xs ${STATE_CLASS[x.comparison!.state]}`}>
                              为承诺的{formatBenefitRate(x.comparison!.rate)}·{PROMISE_STATE_LABEL[x.comparison!.state]}
                            </span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {b.promises.length > 0 && years.length === 0 && <p className="mt-2 text-sm text-slate-600">尚无审核通过的年度效益数据。</p>}
      {pending.length > 0 && (
        <p className="mt-2 text-xs text-slate-600">
          未计入：
          {pending.map((r) => `${r.label}${REPORT_STATUS_LABEL[r.status]}（第${r.current?.revisionNo ?? "—"}版）`).join("、")}
          （审核通过后计入）
        </p>
      )}
      <p className="mt-2 text-xs text-slate-500">
        达产率 = 实际 ÷ 承诺；标“以上”或无修饰的承诺，实际达到承诺数才算“已达到承诺”；标“约”的承诺，差距在{b.aboutTolerancePercent}%以内为“基本达到承诺”。
      </p>
    </Section>
  );
}
