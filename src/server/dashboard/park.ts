// A county park's dashboard (/parks/[id]): its projects, curve, totals, freshness and issues for
// a plan year, with the figures computed here rather than in the page.
import "server-only";
import type { Db } from "@/server/db/client";
import { listYearProjects } from "@/server/projects/queries";
import { getCompletionBreakdown, getInvestmentTimeline } from "@/server/dashboard/queries";
import { getIssueSummary, listIssues } from "@/server/issues/queries";
import { formatPercent, rate } from "@/lib/progress";

export async function getParkDashboard(prisma: Db, parkId: number, year: number, today: string) {
  const [projects, timeline, breakdown, issueSummary, issues] = await Promise.all([
    listYearProjects(prisma, { year, today, parkId }),
    getInvestmentTimeline(prisma, { year, parkId }),
    getCompletionBreakdown(prisma, year, "park"),
    getIssueSummary(prisma, { year, today, parkId }),
    listIssues(prisma, { year, today, parkId }),
  ]);
  const totals = breakdown.find((r) => r.key === String(parkId)) ?? null;
  const reported = projects.items.filter((p) => p.reportedMonth !== null);
  return {
    projects,
    timeline,
    totals,
    /** completed ÷ total investment of the park's projects, as shown ("—" without projects) */
    completionRate: totals ? formatPercent(rate(totals.completed, totals.totalInvestment)) : "—",
    /** the newest month any of its projects reported, how many figures await review, any demo figure */
    latestMonth: reported.map((p) => p.reportedMonth!).sort().at(-1) ?? null,
    submittedOnly: projects.items.filter((p) => p.reportedStatus === "SUBMITTED").length,
    demo: projects.items.some((p) => p.reportedDemo),
    issueSummary,
    issues,
  };
}
