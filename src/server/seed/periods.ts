// Publishes the months of imported data, as the system, so that leaders read them like any
// published 调度期: the seed report's month; with the demo set, every month of its year up to it.
// The month after it is opened for reporting.
import type { Db } from "@/server/db/client";
import { addMonths, monthRange } from "@/lib/month";
import { ensurePeriodAsSystem, publishAsSystem } from "@/server/periods/service";

export async function seedPeriods(prisma: Db, options: { demo: boolean }): Promise<number> {
  const plan = await prisma.annualPlan.findFirst({ where: { isDemo: false }, orderBy: { year: "desc" }, select: { year: true } });
  if (!plan) return 0;
  const latest = await prisma.monthlyReport.findFirst({
    where: { isDemo: false, status: "APPROVED", month: { gte: `${plan.year}-01`, lte: `${plan.year}-12` } },
    orderBy: { month: "desc" },
    select: { month: true },
  });
  if (!latest) return 0;
  const months = options.demo ? monthRange(`${plan.year}-01`, latest.month) : [latest.month];
  let published = 0;
  for (const month of months) {
    const demoMonth = options.demo && month !== latest.month;
    const note = demoMonth ? "演示数据" : "据年度报告导入";
    if (await publishAsSystem(prisma, month, note, options.demo)) published++;
  }
  // the next month is the open period the counties report into
  await ensurePeriodAsSystem(prisma, addMonths(latest.month, 1));
  return published;
}
