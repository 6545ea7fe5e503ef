import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/auth/current";
import { can } from "@/server/auth/permissions";
import { PeriodActionsSection, PeriodHeader, PeriodProgressSection, PublicationsSection, UnapprovedSection } from "@/components/periods/period-sections";
import { isMonth } from "@/lib/month";
import { LEFT_BEHIND_GROUPS, type LeftBehindGroup } from "@/domain/periods";
import { intParam, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "调度期" };

export default async function PeriodPage({ params, searchParams }: { params: Promise<{ month: string }>; searchParams: Promise<RawSearchParams> }) {
  const { month } = await params;
  if (!isMonth(month)) notFound();
  const actor = await requirePermission("data.read", `/periods/${month}`);
  const sp = await searchParams;
  const parkId = intParam(sp, "park");
  return (
    <div className="space-y-5">
      <PeriodHeader month={month} parkId={parkId} qualityDetail={can(actor, "quality.detail")} />
      {can(actor, { action: "period.manage" }) && <PeriodActionsSection month={month} />}
      <PeriodProgressSection month={month} parkId={parkId} parkPage={intParam(sp, "parks") ?? 1} />
      <UnapprovedSection month={month} parkId={parkId} page={intParam(sp, "page") ?? 1} group={leftBehindGroupParam(sp.state)} />
      <PublicationsSection month={month} qualityDetail={can(actor, "quality.detail")} />
    </div>
  );
}

function leftBehindGroupParam(raw: string | string[] | undefined): LeftBehindGroup | undefined {
  return LEFT_BEHIND_GROUPS.find((g) => g === raw);
}
