// The administrator's forms as the browser posts them, built from what is stored: a project's facts
// (项目信息) and a year's plan (年度计划). `over` replaces any field.
import type { AnnualPlan, Project } from "../../src/generated/prisma/client";

/** A stored project's edit form, unchanged unless `over` says otherwise. */
export const projectFields = (p: Project, over: Record<string, string> = {}): Record<string, string> => ({
  code: p.code,
  name: p.name,
  parkId: String(p.parkId),
  totalInvestment: p.totalInvestment.toString(),
  status: p.status,
  actualStartMonth: p.actualStartMonth ?? "",
  plannedStartMonth: p.plannedStartMonth ?? "",
  version: String(p.version),
  ...over,
});

/** A plan form for `year` with the seed's targets (四月底前全部开工，六月底前大部分投产). */
export const planFields = (year: number | string, over: Record<string, string> = {}): Record<string, string> => ({
  year: String(year),
  stamp: new Date(0).toISOString(),
  title: `市工业园区${year}年重大项目计划`,
  declaredProjectCount: "30",
  declaredTotalInvestment: "800000",
  declaredAnnualInvestment: "200000.5",
  startDeadline: `${year}-04-30`,
  startTargetLabel: "全部开工",
  productionDeadline: `${year}-06-30`,
  productionTargetLabel: "大部分投产",
  targetText: "四月底前全部开工，六月底前大部分投产",
  ...over,
});

/** The stored plan's form, unchanged unless `over` says otherwise. */
export const storedPlanFields = (plan: AnnualPlan, over: Record<string, string> = {}): Record<string, string> =>
  planFields(plan.year, {
    stamp: plan.updatedAt.toISOString(),
    title: plan.title,
    declaredProjectCount: String(plan.declaredProjectCount),
    declaredTotalInvestment: plan.declaredTotalInvestment.toString(),
    declaredAnnualInvestment: plan.declaredAnnualInvestment.toString(),
    startDeadline: plan.startDeadline.toISOString().slice(0, 10),
    startTargetLabel: plan.startTargetLabel,
    productionDeadline: plan.productionDeadline.toISOString().slice(0, 10),
    productionTargetLabel: plan.productionTargetLabel,
    targetText: plan.targetText,
    ...over,
  });
