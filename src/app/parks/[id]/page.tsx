import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/common/breadcrumbs";
import { notFound } from "next/navigation";
import { db } from "@/server/db";
import { getPark } from "@/server/parks/queries";
import { resolvePlanYear } from "@/server/plans/queries";
import { YearForm } from "@/components/common/year-select";
import { OverviewNodes } from "@/components/nodes/overview-nodes";
import { FullProductionCounts } from "@/components/benefits/benefit-counts";
import { getReadPublication } from "@/server/periods/queries";
import { DemoBadge, EmptyState } from "@/components/common/badges";
import { PublicationNote } from "@/components/figures/publication-note";
import { ParkIssues, ParkProjects, ParkStats, ParkTimeline, ParkWarnings } from "@/components/parks/park-sections";
import { businessDate } from "@/lib/month";
import { intParam, queryString, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

function parkId(id: string): number | null {
  return /^[0-9]{1,9}$/.test(id) ? Number(id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parkId((await params).id);
  const park = id === null ? null : await getPark(db(), id);
  return { title: park ? park.name : "园区不存在" };
}

export default async function ParkPage({ params, searchParams }: Props) {
  const id = parkId((await params).id);
  const sp = await searchParams;
  const prisma = db();
  const park = id === null ? null : await getPark(prisma, id);
  if (!park) notFound();
  const { years, year } = await resolvePlanYear(prisma, intParam(sp, "year"));
  if (year === undefined) return <EmptyState>还没有年度重大项目计划。</EmptyState>;
  const page = Math.max(1, intParam(sp, "page") ?? 1);
  const pub = await getReadPublication(prisma, year);
  const yearParam = sp.year === undefined ? undefined : year;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Breadcrumbs
            steps={[
              { href: `/overview${queryString({ year })}`, label: "概览" },
              { href: `/parks${queryString({ year: yearParam })}`, label: "县区园区" },
            ]}
          />
          <h1 className="mt-1 text-2xl font-semibold">
            {park.name}
            {park.isDemo && <DemoBadge />}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {park.county} · {year}年重大项目
          </p>
          <PublicationNote pub={pub} year={year} testId="park-freshness" />
        </div>
        <YearForm years={years} year={year} id="park-year" />
      </div>

      {pub && <ParkStats pub={pub} parkId={park.id} />}
      {pub && <ParkWarnings pub={pub} parkId={park.id} yearParam={yearParam} />}
      {pub && <ParkProjects pub={pub} parkId={park.id} page={page} yearParam={yearParam} />}
      <ParkTimeline year={year} pub={pub} parkId={park.id} />

      <OverviewNodes year={year} parkId={park.id} />
      <FullProductionCounts parkId={park.id} />

      <ParkIssues year={year} parkId={park.id} today={businessDate()} />
    </div>
  );
}
