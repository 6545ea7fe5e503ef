// 节点与入库 on the overview and a park's page: how many of the year's nodes are 超期 and 临期 today,
// and how many projects have started but are not 入库 — live facts as of today (not published
// figures), each linking to its list.
import Link from "next/link";
import { db } from "@/server/db";
import { getNodeCounts, listStartedNotEntered } from "@/server/nodes/queries";
import { Section } from "@/components/common/badges";
import { businessDate, dayToDate, formatDay } from "@/lib/month";
import { nodeDueSoonDays } from "@/domain/nodes";
import { queryString } from "@/lib/search-params";

export async function OverviewNodes({ year, parkId }: { year: number; parkId?: number }) {
  const today = businessDate();
  const dueSoonDays = nodeDueSoonDays();
  const [nodes, notEntered] = await Promise.all([
    getNodeCounts(db(), { today, dueSoonDays, year, parkId }),
    listStartedNotEntered(db(), { month: today.slice(0, 7), year, parkId, limit: 0 }),
  ]);
  const cards: Array<{ id: string; label: string; value: number; href: string; tone: string }> = [
    { id: "nodes-overdue", label: "超期节点", value: nodes.overdue, href: `/nodes${queryString({ state: "overdue", year, park: parkId })}`, tone: "text-red-700" },
    {
      id: "nodes-due-soon",
      label: `临期节点（${dueSoonDays}天内）`,
      value: nodes.dueSoon,
      href: `/nodes${queryString({ state: "due-soon", year, park: parkId })}`,
      tone: "text-amber-700",
    },
    { id: "stats-not-entered", label: "已开工未入库", value: notEntered.total, href: `/nodes${queryString({ view: "stats", year, park: parkId })}`, tone: "text-red-700" },
  ];
  return (
    <Section id="nodes-heading" title="节点与入库" aside={`截至${formatDay(dayToDate(today))}（实时）`}>
      <div className="grid grid-cols-3 gap-3">
        {cards.map((c) => (
          <Link key={c.id} href={c.href} className="rounded border border-slate-200 p-3 hover:bg-slate-50">
            <span className="block text-xs text-slate-500">{c.label}</span>
            <span className={`num text-2xl font-semibold ${c.value > 0 ? c.tone : "text-slate-700"}`} data-testid={c.id}>
              {c.value}
            </span>
            <span className="text-xs text-slate-500">个</span>
          </Link>
        ))}
      </div>
    </Section>
  );
}
