import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { yearParam } from "@/lib/route-params";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { listPlanYears } from "@/server/plans/queries";
import { listPublishedMonths, listReportSections } from "@/server/documents/queries";
import { loadAnnualReport, writeAnnualReport } from "@/server/documents/annual";
import { DocumentView } from "@/components/documents/document-view";
import { DocumentToolbar } from "@/components/documents/toolbar";
import { PublicationBanner } from "@/components/documents/publication-banner";
import { EmptyState } from "@/components/common/badges";
import { formatMonth } from "@/lib/month";
import { intParam, param, queryString, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "情况报告" };

// 市工业园区重大项目情况报告 of a plan year, as of one of its published months (newest by default).
export default async function AnnualReportPage({ params, searchParams }: { params: Promise<{ year: string }>; searchParams: Promise<RawSearchParams> }) {
  const { year: raw } = await params;
  const year = yearParam(raw);
  if (year === null) notFound();
  const actor = await requirePermission("data.read", `/annual-report/${year}`);
  const prisma = db();
  const [years, months] = await Promise.all([listPlanYears(prisma), listPublishedMonths(prisma, year)]);
  if (!years.includes(year)) notFound();
  const sp = await searchParams;
  const requested = param(sp, "month");
  const month = requested && months.includes(requested) ? requested : months[0];
  const publicationNo = month === requested ? intParam(sp, "publication") : undefined;
  const data = month ? await loadAnnualReport(prisma, year, month, publicationNo) : null;
  if (!data && publicationNo !== undefined) notFound();
  const editable = can(actor, "document.edit");
  const editLink = editable ? (
    <Link href={`/annual-report/${year}/edit`} className="text-sm text-sky-700 hover:underline" data-testid="edit-report-text">
      编辑报告文字
    </Link>
  ) : null;
  if (!data) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{year}年重大项目情况报告</h1>
        <EmptyState>{year}年还没有已发布的调度期：报告只用已发布的数据生成。园区管理员发布调度期后即可生成。</EmptyState>
        {editLink}
      </div>
    );
  }
  // 预览 (document.edit): the report's text as it is saved now, which the next publication will take
  const preview = editable && param(sp, "preview") === "text";
  const doc = writeAnnualReport(preview ? { ...data, sections: await listReportSections(prisma, year) } : data);
  return (
    <div>
      <DocumentToolbar
        back={{ href: `/periods/${month}`, label: `${formatMonth(month!)}调度期` }}
        docxHref={`/annual-report/${year}/docx${queryString({ month, publication: publicationNo })}`}
        docxLabel="下载报告（Word）"
      >
        {months.length > 1 && (
          <form method="get" className="flex items-center gap-2 text-sm" aria-label="选择报告截至的月份">
            <label htmlFor="report-month">截至</label>
            <select id="report-month" name="month" defaultValue={month} className="rounded border border-slate-300 bg-white px-2 py-1">
              {months.map((m) => (
                <option key={m} value={m}>
                  {formatMonth(m)}（已发布）
                </option>
              ))}
            </select>
            <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-white hover:bg-slate-700">
              查看
            </button>
          </form>
        )}
        {editLink}
      </DocumentToolbar>
      {preview && (
        <p className="no-print mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="text-preview">
          预览：报告文字为当前保存的文字，将在下一次发布时写入报告；数字、问题仍为下列发布时的数据。已发布的报告不变。
          <Link href={`/annual-report/${year}${queryString({ month })}`} className="ml-1 text-sky-700 hover:underline">
            返回已发布的报告
          </Link>
        </p>
      )}
      <PublicationBanner
        month={month!}
        publicationNo={data.headline.publication!.publicationNo}
        hrefOf={(n) => `/annual-report/${year}${queryString({ month, publication: n })}`}
      />
      <DocumentView doc={doc} testId="annual-report" />
    </div>
  );
}
