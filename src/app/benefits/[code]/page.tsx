import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { getProjectBenefits } from "@/server/benefits/queries";
import { BenefitsSection } from "@/components/benefits/benefit-sections";
import { BenefitForm } from "@/components/benefits/benefit-form";
import { Section } from "@/components/common/badges";
import { ReportStatusBadge } from "@/components/monthly-reports/status-badge";
import { inputClass, secondaryButtonClass } from "@/components/forms/field";
import { benefitPeriodEnd, benefitPeriodLabel } from "@/domain/benefits";
import { currentMonth, formatDateTime } from "@/lib/month";
import { REPORT_STATUS_LABEL } from "@/lib/labels";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "填报达产与效益" };

const ACTION_LABEL: Record<string, string> = { SAVE: "保存", SUBMIT: "提交", APPROVE: "审核通过", RETURN: "退回", WITHDRAW: "撤回" };

export default async function BenefitEntryPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ year?: string; quarter?: string }> }) {
  const { code } = await params;
  const sp = await searchParams;
  const actor = await requirePermission("data.read", `/benefits/${code}`);
  const b = await getProjectBenefits(db(), decodeURIComponent(code));
  if (!b) notFound();
  if (!can(actor, "benefit.write", { parkId: b.project.parkId })) redirect("/forbidden");
  const today = currentMonth();
  const productionYear = b.project.actualProductionMonth ? Number(b.project.actualProductionMonth.slice(0, 4)) : null;
  // the years a full year may be reported: from production to the last ended one
  const lastYear = Number(today.slice(0, 4)) - (today.endsWith("-12") ? 0 : 1);
  const years = productionYear === null ? [] : Array.from({ length: Math.max(0, lastYear - productionYear + 1) }, (_, i) => lastYear - i);
  const year = Number(sp.year) || years[0] || Number(today.slice(0, 4));
  const quarter = /^[0-4]$/.test(sp.quarter ?? "") ? Number(sp.quarter) : 0;
  const report = b.reports.find((r) => r.year === year && r.quarter === quarter);
  const label = benefitPeriodLabel(year, quarter);
  const ended = benefitPeriodEnd(year, quarter) <= today;
  const fmt = (d: { toString(): string } | null | undefined) => (d === null || d === undefined ? "" : d.toString());
  const current = report?.current;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-600">
          <Link href={`/projects/${encodeURIComponent(b.project.code)}`} className="underline underline-offset-2">
            {b.project.name}
          </Link>{" "}
          · {b.project.parkName}
        </p>
        <h1 className="text-2xl font-semibold">填报达产与效益</h1>
      </div>
      {productionYear === null ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">该项目尚未投产（无实际投产月份），投产后才能填报效益。</p>
      ) : (
        <Section title={`${label}效益`} id="entry" aside={report ? <ReportStatusBadge status={report.status} /> : "尚未填报"}>
          <form method="get" className="mb-3 flex flex-wrap items-end gap-2" aria-label="选择填报期间">
            <label className="text-sm">
              年度
              <select name="year" defaultValue={String(year)} className={`${inputClass} mt-1`}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}年
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm">
              期间
              <select name="quarter" defaultValue={String(quarter)} className={`${inputClass} mt-1`}>
                <option value="0">全年</option>
                {[1, 2, 3, 4].map((q) => (
                  <option key={q} value={q}>
                    第{q}季度
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className={secondaryButtonClass}>
              切换
            </button>
          </form>
          {report?.status === "RETURNED" && report.returnReason && <p className="mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">园区退回：{report.returnReason}</p>}
          {report?.status === "SUBMITTED" ? (
            <p role="status" className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">
              {label}效益已提交（第{current?.revisionNo}版），等待园区审核，审核前不能修改。
            </p>
          ) : !ended ? (
            <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">{label}尚未结束，结束后再填报。</p>
          ) : (
            <BenefitForm
              projectCode={b.project.code}
              year={year}
              quarter={quarter}
              version={report?.version ?? 0}
              periodLabel={label}
              metrics={b.metricFields}
              initial={{
                output: fmt(current?.output),
                tax: fmt(current?.tax),
                jobs: fmt(current?.jobs),
                note: current?.note ?? "",
                metrics: b.metricFields.map((m) => current?.metrics.find((x) => x.name === m.name)?.value ?? ""),
              }}
            />
          )}
        </Section>
      )}
      <BenefitsSection b={b} />
      {report && (
        <Section title={`${label}填报记录`} id="history">
          <ol className="space-y-1 text-sm">
            {report.events.map((e, i) => (
              <li key={i}>
                {formatDateTime(e.at)} · {e.by ?? "—"} · {ACTION_LABEL[e.action] ?? e.action} → {REPORT_STATUS_LABEL[e.toStatus]}
                {e.reason ? `（${e.reason}）` : ""}
              </li>
            ))}
          </ol>
          <p className="mt-2 text-xs text-slate-500">共{report.revisions.length}个版本，每次保存都留存一版，不覆盖。</p>
        </Section>
      )}
    </div>
  );
}
