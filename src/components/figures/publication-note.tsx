import type { PublicationRef } from "@/server/periods/queries";
import { formatMonth } from "@/lib/month";
import { PublishedAsOf } from "./published-as-of";

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
      <PublishedAsOf publication={pub} />
      {pub.periodReopened && (
        <span className="mt-1 block text-amber-800" data-testid={`${testId}-reopened`}>
          {formatMonth(pub.month)}调度期已重新开放更正，以下为最近一次发布的数据。
        </span>
      )}
    </p>
  );
}
