import type { PublicationRef } from "@/server/periods/queries";
import { formatDateTime, formatMonth } from "@/lib/month";
import { DemoBadge } from "@/components/common/badges";

/**
 * What the figures below are: the published month leaders read, when it was published, and —
 * when the office re-opened the period to correct it — that these are its last published
 * figures. Before any publication of the year it says so plainly.
 */
export function PublicationNote({ pub, year, testId = "publication-note" }: { pub: PublicationRef | null; year: number; testId?: string }) {
  if (!pub) {
    return (
      <p className="text-sm text-amber-800" data-testid={testId}>
        {year}年还没有已发布的调度数据：园区管理员发布调度期后，这里显示已发布的数字。
      </p>
    );
  }
  return (
    <p className="text-sm text-slate-600" data-testid={testId}>
      数据截至{formatMonth(pub.month)}（已发布，{formatDateTime(pub.publishedAt)}
      {pub.publicationNo > 1 && `，第${pub.publicationNo}次发布`}）
      {pub.isDemo && <DemoBadge />}
      {pub.periodReopened && (
        <span className="mt-1 block text-amber-800" data-testid={`${testId}-reopened`}>
          {formatMonth(pub.month)}调度期已重新开放更正，以下为最近一次发布的数据。
        </span>
      )}
    </p>
  );
}
