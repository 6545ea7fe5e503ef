import { redirect } from "next/navigation";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth/current";
import { resolvePlanYear } from "@/server/plans/queries";
import { EmptyState } from "@/components/common/badges";

export const dynamic = "force-dynamic";

// 情况报告: the newest plan year's report.
export default async function ReportsIndex() {
  await requirePermission("data.read", "/annual-report");
  const { year } = await resolvePlanYear(db(), undefined);
  if (year === undefined) return <EmptyState>还没有年度重大项目计划。</EmptyState>;
  redirect(`/annual-report/${year}`);
}
