// The overview's 督办 section: issues of the year overdue by more than ISSUE_ESCALATION_DAYS,
// escalated to their 包保领导 — the count and the oldest few, linking to the filtered ledger.
import Link from "next/link";
import { db } from "@/server/db";
import { getIssueLedger } from "@/server/issues/queries";
import { EmptyState, Section } from "@/components/common/badges";
import { EscalatedBadge } from "@/components/issues/issue-status";
import { issueEscalationDays } from "@/domain/overdue";
import { businessDate, dayToDate, formatDay } from "@/lib/month";
import { queryString } from "@/lib/search-params";

const TOP = 5;

export async function OverviewEscalations({ year }: { year: number }) {
  const today = businessDate();
  const { issues, escalated } = await getIssueLedger(db(), { year, escalated: true }, { size: TOP }, today);
  const days = issueEscalationDays();
  return (
    <Section id="escalations-heading" title="升级督办" aside={<>截至{formatDay(dayToDate(today))}</>}>
      <p className="mb-2 text-sm text-slate-700">
        逾期超过{days}天未办结、已提请包保领导协调的问题：
        <span className={`num whitespace-nowrap font-semibold ${escalated > 0 ? "text-red-700" : ""}`} data-testid="escalated-total">
          {escalated}个
        </span>
      </p>
      {issues.length === 0 ? (
        <EmptyState>没有升级督办的问题。</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="escalated-list">
          {issues.map((i) => (
            <li key={i.id} className="py-2 text-sm">
              <Link href={`/issues/${i.id}`} className="font-medium text-red-800 hover:underline">
                {i.title}
              </Link>
              <span className="ml-2 inline-block">
                <EscalatedBadge leader={i.responsibleLeader} />
              </span>
              <p className="text-xs text-slate-600">
                {i.responsibleUnit ?? "未交办"} · 办结时限 {i.dueDate ? formatDay(i.dueDate) : "—"}
              </p>
            </li>
          ))}
        </ul>
      )}
      {escalated > 0 && (
        <p className="mt-2 text-sm">
          <Link href={`/issues${queryString({ year, escalated: 1 })}`} className="text-blue-700 hover:underline">
            查看全部升级督办问题（可按包保领导筛选）→
          </Link>
        </p>
      )}
    </Section>
  );
}
