// Beside a generated document (never printed, never in the .docx): which publication of the month
// it is, that it is frozen, and what has happened to the month since — re-opened for correction
// (with the reason), or published again (with the reason and a link to the newer one). The
// document itself states only what was fixed when it was published.
import Link from "next/link";
import { db } from "@/server/db";
import { getPeriod } from "@/server/periods/queries";
import { listPublicationSummaries } from "@/server/figures/queries";
import { formatDateTime, formatMonth } from "@/lib/month";

export async function PublicationBanner({ month, publicationNo, hrefOf }: { month: string; publicationNo: number; hrefOf: (publicationNo: number) => string }) {
  const prisma = db();
  const [period, publications] = await Promise.all([getPeriod(prisma, month), listPublicationSummaries(prisma, month)]);
  const shown = publications.find((p) => p.publicationNo === publicationNo);
  if (!shown) return null;
  const newer = publications.filter((p) => p.publicationNo > publicationNo).sort((a, b) => a.publicationNo - b.publicationNo);
  const latest = newer[newer.length - 1];
  return (
    <div className="no-print mb-4 space-y-1 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" data-testid="publication-banner">
      <p>
        本文件为{formatMonth(month)}第{shown.publicationNo}次发布（{formatDateTime(shown.publishedAt)}）时存档的数据：数字、预警、问题和报告文字均为发布时的内容，此后不再变化；
        如需更改，须重新开放该月并再次发布。
      </p>
      {shown.reopenReason && <p>本次发布前重新开放的原因：{shown.reopenReason}</p>}
      {newer.map((p) => (
        <p key={p.publicationNo} className="text-amber-800" data-testid="publication-superseded">
          该月已于{formatDateTime(p.publishedAt)}第{p.publicationNo}次发布{p.reopenReason ? `（重新开放原因：${p.reopenReason}）` : ""}。
          {p === latest && (
            <Link href={hrefOf(p.publicationNo)} className="ml-1 text-sky-700 hover:underline">
              查看第{p.publicationNo}次发布 →
            </Link>
          )}
        </p>
      ))}
      {period?.status === "OPEN" && (
        <p className="text-amber-800" data-testid="publication-reopened">
          该月已重新开放更正{period.reopenReason ? `（原因：${period.reopenReason}）` : ""}；重新发布前，领导看到的仍是最近一次发布的数据。
        </p>
      )}
      {publications.length > 1 && (
        <p className="text-xs text-slate-500">
          各次发布：
          {[...publications]
            .sort((a, b) => a.publicationNo - b.publicationNo)
            .map((p) =>
              p.publicationNo === publicationNo ? (
                <span key={p.publicationNo} className="mx-1 font-medium">
                  第{p.publicationNo}次
                </span>
              ) : (
                <Link key={p.publicationNo} href={hrefOf(p.publicationNo)} className="mx-1 text-sky-700 hover:underline">
                  第{p.publicationNo}次
                </Link>
              ),
            )}
        </p>
      )}
    </div>
  );
}
