// 达产 on the overview and a county park's page: projects in production counted by 达产 state
// (evaluated when read, as of today), with the 投产超期未达产 ones named.
import Link from "next/link";
import { db } from "@/server/db";
import { getFullProductionCounts } from "@/server/benefits/queries";
import { Section } from "@/components/common/badges";
import { FULL_PRODUCTION_STATE_LABEL } from "@/domain/benefits";
import { benefitConfig } from "@/domain/benefit-config";
import { businessDate, dayToDate, formatDay, formatMonth } from "@/lib/month";

export async function FullProductionCounts({ parkId }: { parkId?: number }) {
  const today = businessDate();
  const counts = await getFullProductionCounts(db(), { parkId, month: today.slice(0, 7) });
  const total = counts.REACHED + counts.PENDING + counts.OVERDUE;
  const cards = [
    { id: "full-production-reached", state: "REACHED" as const, tone: "text-emerald-700" },
    { id: "full-production-pending", state: "PENDING" as const, tone: "text-slate-700" },
    { id: "full-production-overdue", state: "OVERDUE" as const, tone: "text-red-700" },
  ];
  return (
    <Section id="full-production-heading" title="投产项目达产情况" aside={`已投产${total}个 · 截至${formatDay(dayToDate(today))}（实时）`}>
      <div className="grid grid-cols-3 gap-3">
        {cards.map((c) => (
          <div key={c.id} className="rounded border border-slate-200 p-3">
            <span className="block text-xs text-slate-500">{FULL_PRODUCTION_STATE_LABEL[c.state]}</span>
            <span className={`num text-2xl font-semibold ${counts[c.state] > 0 ? c.tone : "text-slate-700"}`} data-testid={c.id}>
              {counts[c.state]}
            </span>
            <span className="text-xs text-slate-500">个</span>
          </div>
        ))}
      </div>
      {counts.overdue.length > 0 && (
        <ul className="mt-3 space-y-1 text-sm" aria-label="投产超期未达产的项目">
          {counts.overdue.map((p) => (
            <li key={p.code}>
              <Link href={`/projects/${encodeURIComponent(p.code)}#benefits`} className="underline underline-offset-2">
                {p.name}
              </Link>{" "}
              <span className="text-slate-600">
                {formatMonth(p.actualProductionMonth)}投产，超过{benefitConfig().overdueMonths}个月未达产
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
