import type { Metadata } from "next";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { resolvePlanYear } from "@/server/plans/queries";
import { getPark } from "@/server/parks/queries";
import { EXPLAINED_FIGURES, FIGURE_DEFINITIONS, SCOPE_SORTS, getFigureScope, getProjectSource, resolveExplainedPublication } from "@/server/figures/explain";
import { Breadcrumbs } from "@/components/common/breadcrumbs";
import { EmptyState } from "@/components/common/badges";
import { PublicationNote } from "@/components/figures/publication-note";
import { ScopeView, SourceView } from "@/components/figures/explain";
import { formatMonth, isMonth } from "@/lib/month";
import { intParam, oneOf, param, queryString, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "数据构成" };

// /figures/explain: what composes a published figure (构成). ?figure=annual-rate|year|total-rate|total|missing
// [&park=id] lists the projects a total or a rate runs over; ?project=code shows the source revision of
// one project's figure. ?month and ?publication name the publication the figure was read from.
export default async function ExplainPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission("data.read", "/figures/explain");
  const sp = await searchParams;
  const prisma = db();
  const rawMonth = param(sp, "month");
  const month = rawMonth && isMonth(rawMonth) ? rawMonth : undefined;
  const { year } = await resolvePlanYear(prisma, month ? Number(month.slice(0, 4)) : intParam(sp, "year"));
  const pub = year === undefined ? null : await resolveExplainedPublication(prisma, { year, month, publicationNo: intParam(sp, "publication") });
  const code = param(sp, "project");
  const figure = oneOf(param(sp, "figure"), EXPLAINED_FIGURES) ?? "annual-rate";
  const parkId = intParam(sp, "park");
  const park = parkId === undefined ? null : await getPark(prisma, parkId);
  const back = [{ href: `/overview${queryString({ year })}`, label: "概览" }];
  if (park) back.push({ href: `/parks/${park.id}`, label: park.name });

  if (!pub) {
    return (
      <div className="space-y-4">
        <Breadcrumbs steps={back} here="数据构成" />
        <h1 className="text-2xl font-semibold">数据构成</h1>
        <EmptyState>{month ? `${formatMonth(month)}没有这一次发布。` : "还没有已发布的调度数据。"}</EmptyState>
      </div>
    );
  }
  if (code) {
    const source = await getProjectSource(prisma, pub, code);
    return (
      <div className="space-y-4">
        <Breadcrumbs steps={back} here="数据来源" />
        <h1 className="text-2xl font-semibold">{source ? `${source.name}：数据来源` : "数据来源"}</h1>
        <PublicationNote pub={pub} year={Number(pub.month.slice(0, 4))} testId="explain-publication" />
        {source ? <SourceView pub={pub} source={source} /> : <EmptyState>该项目不在这一次发布的年度清单上。</EmptyState>}
      </div>
    );
  }
  const sort = oneOf(param(sp, "sort"), SCOPE_SORTS) ?? "amount";
  const scope = await getFigureScope(prisma, pub, { figure, parkId: park?.id, sort, page: Math.max(1, intParam(sp, "page") ?? 1) });
  return (
    <div className="space-y-4">
      <Breadcrumbs steps={back} here="数据构成" />
      <h1 className="text-2xl font-semibold">
        {FIGURE_DEFINITIONS[figure].title}的构成{park && `：${park.name}`}
      </h1>
      <PublicationNote pub={pub} year={Number(pub.month.slice(0, 4))} testId="explain-publication" />
      <ScopeView pub={pub} scope={scope} park={park && { id: park.id, name: park.name }} sort={sort} />
    </div>
  );
}
