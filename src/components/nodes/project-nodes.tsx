// The project page's 节点计划 and 入库/纳统 sections: each fetches its own data. Counties record
// their own park's nodes and 入统数 here (node.record); the plan itself is the office's.
import { db } from "@/server/db";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { getProjectStats, listProjectNodes } from "@/server/nodes/queries";
import { DemoBadge, EmptyState, Section } from "@/components/common/badges";
import { NodeOwners, NodeStateBadge } from "./node-state-badge";
import { NodeRecordForm, StatsFigureForm } from "./node-forms";
import { NODE_KINDS, NODE_KIND_LABEL, nodeDueSoonDays, nodeState, type NodeKind, type NodeProjectFacts, isDueForStatsEntry, STATS_ENTRY_MIN_INVESTMENT } from "@/domain/nodes";
import { currentMonth, formatDateTime, formatDay, formatMonth } from "@/lib/month";
import { formatWan } from "@/lib/money";
import { Th } from "@/components/common/table";
import { ScrollTable } from "@/components/common/scroll-table";

type ProjectRef = { id: number; code: string; parkId: number } & NodeProjectFacts;

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function ProjectNodesSection({ project, actor, today }: { project: ProjectRef; actor: Actor | null; today: string }) {
  const nodes = await listProjectNodes(db(), project.id);
  const days = nodeDueSoonDays();
  const mayRecord = can(actor, "node.record", { parkId: project.parkId });
  return (
    <Section id="milestones-heading" title="节点计划" aside={nodes.some((m) => m.isDemo) ? <DemoBadge /> : `临期：${days}天内到期`}>
      {nodes.length === 0 ? (
        <EmptyState>尚未设置节点目标。</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100" data-testid="milestones">
          {nodes.map((m) => {
            const state = nodeState({ kind: m.kind, planned: iso(m.plannedDate), actual: iso(m.actualDate) }, project, today, days);
            const recordable = mayRecord && !m.actualDate && (NODE_KINDS as readonly string[]).includes(m.kind);
            return (
              <li key={m.id} className="py-2 text-sm" data-testid={`node-${m.kind}`}>
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="font-medium">{m.name}</span>
                  {m.name !== NODE_KIND_LABEL[m.kind] && <span className="text-xs text-slate-500">（{NODE_KIND_LABEL[m.kind]}）</span>}
                  <NodeStateBadge state={state} planned={iso(m.plannedDate)} today={today} />
                  {m.isDemo && <DemoBadge />}
                </div>
                <p className="text-slate-600">
                  计划 {m.plannedDate ? formatDay(m.plannedDate) : "未定"}
                  {" · "}实际{" "}
                  {m.actualDate
                    ? formatDay(m.actualDate)
                    : m.kind === "START" && project.actualStartMonth
                      ? `${formatMonth(project.actualStartMonth)}（据项目资料，具体日期未填报）`
                      : m.kind === "PRODUCTION" && project.actualProductionMonth
                        ? `${formatMonth(project.actualProductionMonth)}（据项目资料）`
                        : m.kind === "STATS_ENTRY" && project.statsEnteredMonth
                          ? `${formatMonth(project.statsEnteredMonth)}（已登记入库）`
                          : "未完成"}
                  <NodeOwners unit={m.responsibleUnit} person={m.responsiblePerson} />
                </p>
                {m.evidence && (
                  <p className="text-xs text-slate-500">
                    佐证：{m.evidence}
                    {m.actualRecordedBy && `（${m.actualRecordedBy.displayName}${m.actualRecordedAt ? ` ${formatDateTime(m.actualRecordedAt)}` : ""}登记）`}
                  </p>
                )}
                {recordable && state !== "done" && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-sky-700">登记完成</summary>
                    <div className="mt-2">
                      <NodeRecordForm code={project.code} kind={m.kind} label={NODE_KIND_LABEL[m.kind as NodeKind]} stamp={m.updatedAt.toISOString()} today={today} />
                    </div>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

/** 入库/纳统: whether and when the project entered the statistics, and its 入统数 by month. */
export async function ProjectStatsSection({ project, actor, today }: { project: ProjectRef; actor: Actor | null; today: string }) {
  const stats = await getProjectStats(db(), project.id);
  const due = isDueForStatsEntry(stats.totalInvestment);
  const mayRecord = can(actor, "node.record", { parkId: project.parkId });
  const entryNode = await db().milestone.findFirst({ where: { projectId: project.id, kind: "STATS_ENTRY" }, select: { updatedAt: true } });
  return (
    <Section id="stats-heading" title="入库/纳统" aside="入统数与调度数分开登记，互不混用">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3" data-testid="stats-entry">
        <div>
          <dt className="text-xs text-slate-500">入库情况</dt>
          <dd>
            {!due ? (
              `总投资不足${STATS_ENTRY_MIN_INVESTMENT}万元，不纳统`
            ) : stats.statsEnteredMonth ? (
              `${formatMonth(stats.statsEnteredMonth)}入库`
            ) : stats.actualStartMonth ? (
              <span className="text-red-700">已开工未入库</span>
            ) : (
              "未开工，尚未入库"
            )}
          </dd>
        </div>
        {stats.statsRecordedBy && (
          <div>
            <dt className="text-xs text-slate-500">登记人</dt>
            <dd>
              {stats.statsRecordedBy.displayName}
              {stats.statsRecordedAt && <span className="block text-xs text-slate-500">{formatDateTime(stats.statsRecordedAt)}</span>}
            </dd>
          </div>
        )}
      </dl>
      {stats.figures.length > 0 && (
        <ScrollTable className="mt-3">
          <table className="w-full text-sm" data-testid="stats-figures">
            <thead className="bg-slate-100 text-left text-slate-600">
              <tr>
                <Th>月份</Th>
                <Th numeric>入统累计投资</Th>
                <Th>登记人</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {stats.figures.map((f) => (
                <tr key={f.id}>
                  <td className="whitespace-nowrap px-2 py-1">{formatMonth(f.month)}</td>
                  <td className="num whitespace-nowrap px-2 py-1 text-right">{formatWan(f.cumulativeInvestment)}</td>
                  <td className="px-2 py-1 text-slate-600">{f.recordedBy?.displayName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {mayRecord && due && !stats.statsEnteredMonth && (
        <div className="mt-3">
          <NodeRecordForm code={project.code} kind="STATS_ENTRY" label="入库" stamp={entryNode?.updatedAt.toISOString() ?? ""} today={today} submitLabel="登记入库" />
        </div>
      )}
      {mayRecord && stats.statsEnteredMonth && (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm text-sky-700">登记入统数</summary>
          <div className="mt-2">
            <StatsFigureForm code={project.code} month={currentMonth()} />
          </div>
        </details>
      )}
    </Section>
  );
}
