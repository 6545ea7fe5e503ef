// 我的待办's sections: each fetches its own bounded list (with its total) and links to the full
// list where the work is done. County staff see their own park's; the office sees every park's.
import Link from "next/link";
import { db } from "@/server/db";
import { TODO_LIMIT, listAwaitingReview, listBenefitTodos, listPublishablePeriods, listPublishedLeft, listReturnedReports, listToReport } from "@/server/todo/queries";
import { benefitPeriodLabel } from "@/domain/benefits";
import { listPendingCorrections } from "@/server/periods/queries";
import { listAttentionNodes, listStartedNotEntered } from "@/server/nodes/queries";
import { DemoBadge } from "@/components/common/badges";
import { NodeOwners, NodeStateBadge } from "@/components/nodes/node-state-badge";
import { formatDateTime, formatDay, formatMonth } from "@/lib/month";
import { formatYi } from "@/lib/money";
import { CORRECTION_STATUS_LABEL, isPastDeadline, publishedMonthNotice } from "@/domain/periods";
import { daysUntil, nodeDueSoonDays } from "@/domain/nodes";
import { queryString } from "@/lib/search-params";

function TodoCard({
  id,
  title,
  count,
  aside,
  more,
  children,
}: {
  id: string;
  title: string;
  count: number;
  aside?: React.ReactNode;
  more?: { href: string; label: string };
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4" data-testid={id}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-2">
        <h2 id={id} className="text-base font-semibold">
          {title}
          <span className={`ml-2 inline-block rounded-full px-2 text-sm ${count > 0 ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-600"}`} data-testid={`${id}-count`}>
            {count}
          </span>
        </h2>
        {aside && <div className="text-xs text-slate-500">{aside}</div>}
      </div>
      {count === 0 ? <p className="text-sm text-slate-500">没有待办事项。</p> : children}
      {more && count > 0 && (
        <p className="mt-2 text-right text-sm">
          <Link href={more.href} className="text-sky-700 hover:underline">
            {count > TODO_LIMIT ? `全部${count}项 · ` : ""}
            {more.label} →
          </Link>
        </p>
      )}
    </section>
  );
}

const rowClass = "flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 py-1.5 text-sm";

// ---- county staff -------------------------------------------------------------------------

export async function ToReportSection({ parkId, today }: { parkId: number; today: string }) {
  const { period, total, rows } = await listToReport(db(), parkId);
  if (!period) {
    return (
      <TodoCard id="todo-report" title="本期待填报" count={0}>
        {null}
      </TodoCard>
    );
  }
  const deadline = period.deadline.toISOString().slice(0, 10);
  const late = isPastDeadline(deadline, today);
  const left = daysUntil(deadline, today);
  return (
    <TodoCard
      id="todo-report"
      title={`${formatMonth(period.month)}调度待填报`}
      count={total}
      aside={
        <span className={late ? "text-red-700" : ""} data-testid="todo-deadline">
          截止{formatDay(period.deadline)}
          {late ? "（已过截止日）" : left === 0 ? "（今天截止）" : `（还有${left}天）`}
        </span>
      }
      more={{ href: `/monthly-report${queryString({ month: period.month })}`, label: "去填报" }}
    >
      <ul className="divide-y divide-slate-100">
        {rows.map((r) => (
          <li key={r.code} className={rowClass}>
            <Link href={`/monthly-report/${encodeURIComponent(r.code)}${queryString({ month: period.month })}`} className="text-sky-700 hover:underline">
              {r.name}
            </Link>
            <span className="whitespace-nowrap text-xs text-slate-500">
              {r.status === "DRAFT" ? "草稿未提交" : "未填报"}
              {r.isDemo && <DemoBadge />}
            </span>
          </li>
        ))}
      </ul>
    </TodoCard>
  );
}

export async function ReturnedSection({ parkId }: { parkId: number }) {
  const { total, rows } = await listReturnedReports(db(), parkId);
  return (
    <TodoCard id="todo-returned" title="退回待修改" count={total} more={{ href: "/monthly-report", label: "月度填报" }}>
      <ul className="divide-y divide-slate-100">
        {rows.map((r) => (
          <li key={`${r.code}-${r.month}`} className="py-1.5 text-sm" data-testid={`returned-${r.code}-${r.month}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <Link href={`/monthly-report/${encodeURIComponent(r.code)}${queryString({ month: r.month })}`} className="text-sky-700 hover:underline">
                {r.name} · {formatMonth(r.month)}
              </Link>
              {r.returnedAt && <span className="whitespace-nowrap text-xs text-slate-500">{formatDateTime(r.returnedAt)}退回</span>}
            </div>
            <p className="text-red-700">退回原因：{r.reason ?? "未说明"}</p>
          </li>
        ))}
      </ul>
    </TodoCard>
  );
}

/**
 * 效益填报 waiting on the account: for a county park those the office returned (with the reason),
 * for the office those submitted. Shown only when there is one: few projects are in production.
 */
export async function BenefitTodoSection({ parkId }: { parkId?: number }) {
  const office = parkId === undefined;
  const { total, rows } = await listBenefitTodos(db(), office ? "office" : { parkId });
  if (total === 0) return null;
  return (
    <TodoCard
      id={office ? "todo-benefit-review" : "todo-benefit-returned"}
      title={office ? "待审核效益填报" : "退回的效益填报"}
      count={total}
      more={office ? { href: "/review/benefits", label: "去处理" } : undefined}
    >
      <ul className="divide-y divide-slate-100">
        {rows.map((r) => (
          <li key={`${r.code}-${r.year}-${r.quarter}`} className="py-1.5 text-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              {office ? (
                <span>
                  {r.name} · {benefitPeriodLabel(r.year, r.quarter)}
                  {r.isDemo && <DemoBadge />}
                </span>
              ) : (
                <Link href={`/benefits/${encodeURIComponent(r.code)}${queryString({ year: String(r.year), quarter: String(r.quarter) })}`} className="text-sky-700 hover:underline">
                  {r.name} · {benefitPeriodLabel(r.year, r.quarter)}
                </Link>
              )}
              <span className="whitespace-nowrap text-xs text-slate-500">{office ? `${r.parkName} · ${formatDateTime(r.at)}提交` : `${formatDateTime(r.at)}退回`}</span>
            </div>
            {!office && <p className="text-red-700">退回原因：{r.reason ?? "未说明"}</p>}
          </li>
        ))}
      </ul>
    </TodoCard>
  );
}

/**
 * The newest published month, said before anyone types: its projects of the park left without an
 * approved report are published as 未报; each offers 申请更正 (or shows the request and the reply).
 */
export async function PublishedSection({ parkId }: { parkId: number }) {
  const { month, total, unasked, rows } = await listPublishedLeft(db(), parkId);
  if (!month || total === 0) return null;
  return (
    <section aria-labelledby="todo-published" className="min-w-0 rounded-lg border border-amber-300 bg-amber-50/40 p-4" data-testid="todo-published">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-2">
        <h2 id="todo-published" className="text-base font-semibold">
          {formatMonth(month)}已发布
          <span
            className={`ml-2 inline-block rounded-full px-2 text-sm ${unasked > 0 ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-600"}`}
            data-testid="todo-published-count"
          >
            {unasked}
          </span>
        </h2>
        <span className="text-xs text-slate-500">本园区{total}个项目未审核通过</span>
      </div>
      <p className="mb-2 text-sm text-amber-900" data-testid="published-notice">
        {publishedMonthNotice(month, false)}
      </p>
      <ul className="divide-y divide-amber-100">
        {rows.map((r) => (
          <li key={r.code} className="py-1.5 text-sm" data-testid={`published-${r.code}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span>
                {r.name}
                <span className="ml-1 text-xs text-slate-500">{r.status === "RETURNED" ? "退回未改" : r.status === "DRAFT" ? "草稿未提交" : "未填报"}</span>
                {r.isDemo && <DemoBadge />}
              </span>
              <Link href={`/monthly-report/${encodeURIComponent(r.code)}${queryString({ month })}#correction`} className="whitespace-nowrap text-sky-700 hover:underline">
                {r.requestStatus === "PENDING" ? "已申请更正，等待园区处理" : r.requestStatus ? `更正申请${CORRECTION_STATUS_LABEL[r.requestStatus]}` : "申请更正"}
              </Link>
            </div>
            {r.requestStatus === "DECLINED" && r.reply && <p className="text-slate-700">园区答复：{r.reply}</p>}
          </li>
        ))}
      </ul>
      {total > rows.length && (
        <p className="mt-2 text-right text-sm">
          <Link href={`/monthly-report${queryString({ month })}`} className="text-sky-700 hover:underline">
            全部{total}个项目 · 月度填报 →
          </Link>
        </p>
      )}
    </section>
  );
}

export async function NodesSection({ parkId, today, only }: { parkId?: number; today: string; only?: "overdue" }) {
  const dueSoonDays = nodeDueSoonDays();
  const { total, rows } = await listAttentionNodes(db(), { today, dueSoonDays, parkId, only, page: 1, size: TODO_LIMIT });
  const title = only === "overdue" ? "超期节点（各园区）" : "临期和超期节点";
  return (
    <TodoCard
      id="todo-nodes"
      title={title}
      count={total}
      aside={only ? undefined : `临期：${dueSoonDays}天内到期`}
      more={{ href: `/nodes${queryString({ park: parkId, state: only })}`, label: "节点清单" }}
    >
      <ul className="divide-y divide-slate-100">
        {rows.map((n) => (
          <li key={n.id} className="py-1.5 text-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <Link href={`/projects/${encodeURIComponent(n.projectCode)}`} className="text-sky-700 hover:underline">
                {n.projectName} · {n.name}
              </Link>
              <NodeStateBadge state={n.state} planned={n.plannedDate.toISOString().slice(0, 10)} today={today} />
            </div>
            <p className="text-xs text-slate-500">
              计划{formatDay(n.plannedDate)}
              {!parkId && ` · ${n.parkName}`}
              <NodeOwners unit={n.responsibleUnit} person={n.responsiblePerson} />
              {n.isDemo && <DemoBadge />}
            </p>
          </li>
        ))}
      </ul>
    </TodoCard>
  );
}

// ---- the office ---------------------------------------------------------------------------

export async function ReviewSection() {
  const { total, rows } = await listAwaitingReview(db());
  return (
    <TodoCard id="todo-review" title="待审核月报" count={total} more={{ href: "/review", label: "去处理" }}>
      <ul className="divide-y divide-slate-100">
        {rows.map((r) => (
          <li key={`${r.code}-${r.month}`} className={rowClass}>
            <span>
              {r.name} · {formatMonth(r.month)}
              {r.isDemo && <DemoBadge />}
            </span>
            <span className="whitespace-nowrap text-xs text-slate-500">
              {r.parkName} · {formatDateTime(r.submittedAt)}提交
            </span>
          </li>
        ))}
      </ul>
    </TodoCard>
  );
}

export async function PublishSection() {
  const { total, rows } = await listPublishablePeriods(db());
  return (
    <TodoCard id="todo-publish" title="可发布的调度期" count={total}>
      <ul className="divide-y divide-slate-100">
        {rows.map((p) => (
          <li key={p.month} className={rowClass}>
            <Link href={`/periods/${p.month}`} className="text-sky-700 hover:underline">
              {formatMonth(p.month)}调度
            </Link>
            <span className="whitespace-nowrap text-xs text-slate-500">
              已审核{p.approved}个，未审核或未报{p.missing}个 · 截止{formatDay(p.deadline)}
              {p.isDemo && <DemoBadge />}
            </span>
          </li>
        ))}
      </ul>
    </TodoCard>
  );
}

/** 申请更正 waiting for the office: each opens the month's period page, where it is re-opened or declined. */
export async function CorrectionsSection() {
  const { total, rows } = await listPendingCorrections(db(), { limit: TODO_LIMIT });
  return (
    <TodoCard id="todo-corrections" title="县区更正申请" count={total}>
      <ul className="divide-y divide-slate-100">
        {rows.map((r) => (
          <li key={r.id} className="py-1.5 text-sm" data-testid={`todo-correction-${r.code}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <Link href={`/periods/${r.month}#corrections`} className="text-sky-700 hover:underline">
                {r.name} · {formatMonth(r.month)}
              </Link>
              <span className="whitespace-nowrap text-xs text-slate-500">
                {r.parkName} · {formatDateTime(r.createdAt)}
              </span>
            </div>
            <p className="text-slate-700">更正原因：{r.reason}</p>
          </li>
        ))}
      </ul>
    </TodoCard>
  );
}

export async function NotEnteredSection({ today }: { today: string }) {
  const { total, rows } = await listStartedNotEntered(db(), { month: today.slice(0, 7), limit: TODO_LIMIT });
  return (
    <TodoCard id="todo-stats" title="已开工未入库" count={total} aside="总投资500万元及以上" more={{ href: "/nodes?view=stats", label: "全部清单" }}>
      <ul className="divide-y divide-slate-100">
        {rows.map((p) => (
          <li key={p.code} className={rowClass}>
            <Link href={`/projects/${encodeURIComponent(p.code)}`} className="text-sky-700 hover:underline">
              {p.name}
            </Link>
            <span className="whitespace-nowrap text-xs text-slate-500">
              {p.parkName} · {formatMonth(p.actualStartMonth)}开工 · 总投资{formatYi(p.totalInvestment)}
              {p.isDemo && <DemoBadge />}
            </span>
          </li>
        ))}
      </ul>
    </TodoCard>
  );
}

/** Placeholder while a card loads: the app's one section skeleton. */
export { SectionSkeleton as TodoSkeleton } from "@/components/common/skeleton";
