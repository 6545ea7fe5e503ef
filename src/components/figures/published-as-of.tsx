import type { PublicationRef } from "@/server/periods/queries";
import { formatDateTime, formatMonth } from "@/lib/month";

/**
 * Which published 调度期 a figure is as of, and when it was published; while the month is
 * re-opened for corrections, that these are the last published figures.
 */
export function PublishedAsOf({ publication, short = false }: { publication: PublicationRef; short?: boolean }) {
  const when = formatDateTime(publication.publishedAt);
  return (
    <span data-testid="published-as-of">
      数据截至{formatMonth(publication.month)}（已发布{short ? "" : `，${when}${publication.publicationNo > 1 ? `第${publication.publicationNo}次发布` : "发布"}`}）
      {publication.periodReopened && short && <span className="text-amber-800">·更正中</span>}
      {publication.isDemo && "·含演示数据"}
    </span>
  );
}
