import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { loadBulletin, writeBulletin } from "@/server/documents/bulletin";
import { DocumentView } from "@/components/documents/document-view";
import { DocumentToolbar } from "@/components/documents/toolbar";
import { PublicationBanner } from "@/components/documents/publication-banner";
import { EmptyState } from "@/components/common/badges";
import { formatMonth, isMonth } from "@/lib/month";
import { intParam, queryString, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "月度通报" };

// 月度通报 of a published 调度期: everything from the month's current publication (or from
// ?publication=N, an earlier one), as it was published.
export default async function BulletinPage({ params, searchParams }: { params: Promise<{ month: string }>; searchParams: Promise<RawSearchParams> }) {
  const { month } = await params;
  if (!isMonth(month)) notFound();
  const actor = await requirePermission("data.read", `/periods/${month}/bulletin`);
  const publicationNo = intParam(await searchParams, "publication");
  const data = await loadBulletin(db(), month, publicationNo);
  if (!data && publicationNo !== undefined) notFound();
  if (!data) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{formatMonth(month)}重大项目通报</h1>
        <EmptyState>
          {formatMonth(month)}调度期尚未发布：通报只用已发布的数据生成。
          <Link href={`/periods/${month}`} className="ml-1 text-sky-700 hover:underline">
            查看调度期
          </Link>
        </EmptyState>
      </div>
    );
  }
  const doc = writeBulletin(data);
  const shownNo = data.headline.publication!.publicationNo;
  return (
    <div>
      <DocumentToolbar
        back={{ href: `/periods/${month}`, label: `${formatMonth(month)}调度期` }}
        docxHref={`/periods/${month}/bulletin/docx${queryString({ publication: publicationNo })}`}
        docxLabel="下载通报（Word）"
      >
        <Link href={`/annual-report/${month.slice(0, 4)}?month=${month}`} className="text-sm text-sky-700 hover:underline" data-testid="report-link">
          情况报告（截至本月）
        </Link>
        {can(actor, "quality.detail") && (
          <Link href={`/periods/${month}/quality${queryString({ publication: publicationNo })}`} className="text-sm text-sky-700 hover:underline" data-testid="quality-link">
            数据质量提示明细
          </Link>
        )}
      </DocumentToolbar>
      <PublicationBanner month={month} publicationNo={shownNo} hrefOf={(n) => `/periods/${month}/bulletin?publication=${n}`} />
      <DocumentView doc={doc} testId="bulletin" />
    </div>
  );
}
