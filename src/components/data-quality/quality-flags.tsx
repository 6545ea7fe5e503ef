// /periods/[month]/quality: a publication's 数据质量 prompts for the office — the counts (as the
// 通报 states them), a filter by county park and kind, and one page of the prompts with their
// evidence and 核实说明, paged in SQL (src/server/data-quality/queries.ts).
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { getPublication, getReadPublication } from "@/server/periods/queries";
import { listPublicationQualityFlags, publicationQualitySummary } from "@/server/data-quality/queries";
import { qualitySentence } from "@/server/documents/quality-text";
import { Breadcrumbs } from "@/components/common/breadcrumbs";
import { DemoBadge, EmptyState } from "@/components/common/badges";
import { FilterBar } from "@/components/common/filter-bar";
import { Pagination } from "@/components/common/pagination";
import { PublishedAsOf } from "@/components/figures/published-as-of";
import { formatMonth } from "@/lib/month";
import { QUALITY_KIND_LABEL } from "@/lib/labels";
import { queryString } from "@/lib/search-params";
import type { QualityKind } from "@/generated/prisma/enums";

const PAGE_SIZE = 20;

export async function QualityFlagsPage({
  month,
  publicationNo,
  parkId,
  kind,
  page,
}: {
  month: string;
  publicationNo: number | undefined;
  parkId: number | undefined;
  kind: QualityKind | undefined;
  page: number;
}) {
  const prisma = db();
  const publication = publicationNo === undefined ? await getReadPublication(prisma, Number(month.slice(0, 4)), month) : await getPublication(prisma, month, publicationNo);
  if (publicationNo !== undefined && !publication) notFound();
  const title = `${formatMonth(month)}数据质量提示`;
  const crumbs = <Breadcrumbs steps={[{ href: `/periods/${month}`, label: `${formatMonth(month)}调度期` }]} here="数据质量提示" />;
  if (!publication || publication.month !== month) {
    return (
      <div className="space-y-3">
        {crumbs}
        <h1 className="text-2xl font-semibold">{title}</h1>
        <EmptyState>{formatMonth(month)}调度期尚未发布：数据质量提示在发布时按审核通过的报表生成。</EmptyState>
      </div>
    );
  }
  const [summary, list] = await Promise.all([
    publicationQualitySummary(prisma, publication.publicationId),
    listPublicationQualityFlags(prisma, { publicationId: publication.publicationId, parkId, kind, page, size: PAGE_SIZE }),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const filters = { publication: publicationNo, park: parkId, kind };
  const here = (n: number) => `/periods/${month}/quality${queryString({ ...filters, page: n > 1 ? n : undefined })}`;
  return (
    <div className="space-y-4">
      {crumbs}
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          <PublishedAsOf publication={publication} />
          {publication.periodReopened && <span className="text-amber-800">；该月已重新开放，以下为该次发布时的提示</span>}。
          <Link href={`/periods/${month}/bulletin${queryString({ publication: publicationNo })}#data-quality`} className="ml-1 text-sky-700 hover:underline">
            通报中的数据质量一节
          </Link>
        </p>
      </div>
      <p className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700" data-testid="quality-summary">
        {qualitySentence(summary)}
      </p>
      {summary.total > 0 && (
        <>
          <FilterBar
            label="筛选数据质量提示"
            keep={{ publication: publicationNo }}
            fields={[
              {
                kind: "select",
                name: "park",
                label: "县区园区",
                all: "全部",
                options: summary.byPark.map((p) => ({ value: p.parkId, label: `${p.parkName}（${p.count}条）` })),
                value: parkId,
              },
              {
                kind: "select",
                name: "kind",
                label: "提示类型",
                all: "全部",
                options: summary.byKind.map((k) => ({ value: k.kind, label: `${QUALITY_KIND_LABEL[k.kind]}（${k.count}条）` })),
                value: kind,
              },
            ]}
            reset={parkId !== undefined || kind !== undefined ? { href: `/periods/${month}/quality${queryString({ publication: publicationNo })}`, label: "清除" } : null}
          />
          <p className="text-sm text-slate-600" data-testid="quality-total">
            {parkId !== undefined || kind !== undefined ? `符合条件的${list.total}条` : `共${list.total}条`}，第{Math.min(page, pages)}/{pages}页
          </p>
          {list.rows.length === 0 ? (
            <EmptyState>没有符合条件的提示。</EmptyState>
          ) : (
            <ol className="space-y-2" data-testid="quality-list">
              {list.rows.map((r) => (
                <li key={`${r.code}-${r.kind}`} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="quality-row">
                  <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <Link href={`/projects/${encodeURIComponent(r.code)}`} className="font-medium text-sky-700 hover:underline">
                      {r.name}
                    </Link>
                    {r.isDemo && <DemoBadge />}
                    <span className="text-slate-600">{r.parkName}</span>
                    <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">{QUALITY_KIND_LABEL[r.kind]}</span>
                  </div>
                  <p className="mt-1 text-slate-800">{r.message}</p>
                  <p className="mt-1 text-slate-600" data-testid="quality-verification">
                    核实说明：{r.verification ?? <span className="text-amber-800">审核通过时未附核实说明</span>}
                  </p>
                </li>
              ))}
            </ol>
          )}
          <Pagination page={page} pages={pages} href={here} showPosition />
        </>
      )}
    </div>
  );
}
