// Admin forms for projects, annual plans, planned investment (倒排工期) and milestones.
import { z } from "zod";
import { CONTENT_MAX, METRIC_ROWS } from "@/lib/text-limits";
import {
  amountField,
  checkboxField,
  countField,
  dayField,
  idField,
  monthField,
  optionalAmountField,
  optionalCountField,
  plannedMonthField,
  stampField,
  textField,
  versionField,
} from "./common";
import { PROJECT_STATUS_LABEL } from "@/lib/labels";
import { NODE_KINDS, productionBeforeStart } from "@/domain/node-order";

export const PROJECT_STATUSES = Object.keys(PROJECT_STATUS_LABEL) as Array<keyof typeof PROJECT_STATUS_LABEL>;
export { CONTENT_MAX, METRIC_ROWS };

export const projectCodeField = z
  .string({ error: "请填写项目代码" })
  .trim()
  .min(1, "请填写项目代码")
  .max(40, "项目代码不能超过40个字符")
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "项目代码只能包含字母、数字、短横线和下划线，如 YQ2024-005");

const metricValue = /^[0-9]+(\.[0-9]{1,4})?$/;

/** The project form. Named metrics come as metricName_i / metricValue_i / metricUnit_i / metricQualifier_i rows. */
export const projectSchema = z
  .object({
    code: projectCodeField,
    version: versionField,
    name: textField("项目名称", 200, { required: true }),
    parkId: idField("请选择县区园区"),
    enterprise: textField("建设单位", 200),
    industry: textField("所属产业", 60),
    level: textField("项目级别", 40),
    totalInvestment: amountField("总投资"),
    plannedStartMonth: plannedMonthField("计划开工月份"),
    actualStartMonth: monthField("实际开工月份", { optional: true }),
    plannedProductionMonth: plannedMonthField("计划投产月份"),
    actualProductionMonth: monthField("实际投产月份", { optional: true }),
    status: z.enum(PROJECT_STATUSES, { error: "请选择项目状态" }),
    constructionContent: textField("主要建设内容", CONTENT_MAX),
    expectedOutput: optionalAmountField("预计年产值"),
    expectedOutputAtLeast: checkboxField,
    expectedJobs: optionalCountField("年新增就业人数"),
    expectedJobsAtLeast: checkboxField,
    expectedTax: optionalAmountField("预计年税收"),
    expectedTaxAtLeast: checkboxField,
    responsibleLeader: textField("包保领导", 60),
    contactName: textField("联系人", 60),
    contactPhone: z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim())
      .refine((s) => s === "" || /^[0-9+\-() ]{5,40}$/.test(s), "联系电话只能包含数字、空格、+、-、括号"),
    ...(Object.fromEntries(
      Array.from({ length: METRIC_ROWS }, (_, i) => [
        [`metricName_${i}`, textField("指标名称", 60)],
        [
          `metricValue_${i}`,
          z
            .string()
            .optional()
            .transform((s) => (s ?? "").trim().replace(/,/g, "")),
        ],
        [`metricUnit_${i}`, textField("单位", 30)],
        [
          `metricQualifier_${i}`,
          z
            .enum(["", "约", "以上"], { error: "限定词只能为“约”或“以上”" })
            .optional()
            .transform((s) => s ?? ""),
        ],
      ]).flat(),
    ) as Record<string, z.ZodType<string, string | undefined>>),
  })
  .superRefine((v, ctx) => {
    const row = v as unknown as Record<string, string>;
    const seen = new Set<string>();
    for (let i = 0; i < METRIC_ROWS; i++) {
      const name = row[`metricName_${i}`];
      const value = row[`metricValue_${i}`];
      const unit = row[`metricUnit_${i}`];
      if (!name && !value && !unit) continue;
      if (!name) ctx.addIssue({ code: "custom", path: [`metricName_${i}`], message: "请填写指标名称" });
      else if (seen.has(name)) ctx.addIssue({ code: "custom", path: [`metricName_${i}`], message: `指标「${name}」重复` });
      seen.add(name);
      if (!metricValue.test(value)) ctx.addIssue({ code: "custom", path: [`metricValue_${i}`], message: "指标数值须为非负数字，最多四位小数" });
      else if (value.split(".")[0].length > 14) ctx.addIssue({ code: "custom", path: [`metricValue_${i}`], message: "指标数值过大" });
      if (!unit) ctx.addIssue({ code: "custom", path: [`metricUnit_${i}`], message: "请填写单位" });
    }
    const productionProblem = productionBeforeStart(v.actualStartMonth, v.actualProductionMonth);
    if (productionProblem) ctx.addIssue({ code: "custom", path: ["actualProductionMonth"], message: productionProblem });
    if (v.plannedStartMonth && v.plannedProductionMonth && v.plannedProductionMonth < v.plannedStartMonth) {
      ctx.addIssue({ code: "custom", path: ["plannedProductionMonth"], message: "计划投产月份不能早于计划开工月份" });
    }
    if (v.status !== "NOT_STARTED" && !v.actualStartMonth) {
      ctx.addIssue({ code: "custom", path: ["actualStartMonth"], message: "已开工的项目请填写实际开工月份" });
    }
  });
export type ProjectInput = z.infer<typeof projectSchema>;

export function projectMetrics(input: ProjectInput) {
  const row = input as unknown as Record<string, string>;
  const out: Array<{ name: string; value: string; unit: string; qualifier: string | null; sortOrder: number }> = [];
  for (let i = 0; i < METRIC_ROWS; i++) {
    if (!row[`metricName_${i}`]) continue;
    out.push({ name: row[`metricName_${i}`], value: row[`metricValue_${i}`], unit: row[`metricUnit_${i}`], qualifier: row[`metricQualifier_${i}`] || null, sortOrder: out.length });
  }
  return out;
}

/** The annual plan's declared figures. */
export const planSchema = z
  .object({
    year: countField("年度", 2000, 2100),
    stamp: stampField,
    title: textField("计划名称", 200, { required: true }),
    declaredProjectCount: countField("计划项目个数", 0, 100000),
    declaredTotalInvestment: amountField("计划总投资"),
    declaredAnnualInvestment: amountField("年度计划投资"),
    startDeadline: dayField("开工截止日期"),
    startTargetLabel: textField("开工目标", 40, { required: true }),
    productionDeadline: dayField("投产截止日期"),
    productionTargetLabel: textField("投产目标", 40, { required: true }),
    targetText: textField("目标表述", 200, { required: true }),
  })
  .superRefine((v, ctx) => {
    if (v.startDeadline && v.productionDeadline && v.productionDeadline < v.startDeadline) {
      ctx.addIssue({ code: "custom", path: ["productionDeadline"], message: "投产截止日期不能早于开工截止日期" });
    }
    for (const [key, day] of [
      ["startDeadline", v.startDeadline],
      ["productionDeadline", v.productionDeadline],
    ] as const) {
      if (day && Number(day.slice(0, 4)) !== v.year) ctx.addIssue({ code: "custom", path: [key], message: `日期应在${v.year}年内` });
    }
  });
export type PlanInput = z.infer<typeof planSchema>;

/** Which projects are on a year's list, with their annual planned investment: on_<code>, annual_<code>. */
export const planEntriesSchema = z.object({ year: countField("年度", 2000, 2100), stamp: stampField }).catchall(z.string());
export type PlanEntriesInput = z.infer<typeof planEntriesSchema>;

/** 倒排工期: m_<YYYY-MM> → cumulative planned investment at the end of that month (万元). */
export const plannedInvestmentSchema = z.object({ code: projectCodeField, version: versionField, year: countField("年度", 2000, 2100) }).catchall(z.string());
export type PlannedInvestmentInput = z.infer<typeof plannedInvestmentSchema>;

/** Node plans (节点计划): per kind planned_/actual_ dates, unit_ and person_ (责任单位/责任人), evidence_ (佐证). */
export const MILESTONE_KINDS = NODE_KINDS;
export const EVIDENCE_MAX = 500;
export const milestonesSchema = z.object({
  code: projectCodeField,
  version: versionField,
  ...(Object.fromEntries(
    MILESTONE_KINDS.flatMap((k) => [
      [`planned_${k}`, dayField("计划日期", { optional: true })],
      [`actual_${k}`, dayField("实际日期", { optional: true, notFuture: true })],
      [`unit_${k}`, textField("责任单位", 100)],
      [`person_${k}`, textField("责任人", 60)],
      [`evidence_${k}`, textField("佐证材料", EVIDENCE_MAX)],
    ]),
  ) as Record<string, z.ZodType<string | null, string | undefined>>),
});
export type MilestonesInput = z.infer<typeof milestonesSchema>;

/** The month rows of a 倒排工期 form: every filled month is a valid amount and the cumulative never decreases. */
export function parsePlannedMonths(input: PlannedInvestmentInput): { rows: Array<{ month: string; cumulative: string }>; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const rows: Array<{ month: string; cumulative: string }> = [];
  const record = input as unknown as Record<string, string>;
  const months = Object.keys(record)
    .filter((k) => k.startsWith("m_"))
    .map((k) => k.slice(2))
    .sort();
  const field = amountField("计划累计投资");
  let previous: { month: string; value: string } | null = null;
  for (const month of months) {
    const key = `m_${month}`;
    if (!/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(month) || Number(month.slice(0, 4)) !== input.year) {
      errors[key] = [`月份无效，应为${input.year}年内的月份`];
      continue;
    }
    if (record[key].trim() === "") continue;
    const parsed = field.safeParse(record[key]);
    if (!parsed.success) {
      errors[key] = [parsed.error.issues[0].message];
      continue;
    }
    if (previous && compareDecimalStrings(parsed.data, previous.value) < 0) {
      errors[key] = [`计划累计投资不能少于上月（${Number(previous.month.slice(5))}月 ${previous.value}万元）`];
    }
    rows.push({ month, cumulative: parsed.data });
    previous = { month, value: parsed.data };
  }
  return { rows, errors };
}

/** Compares two non-negative decimal strings exactly. */
function compareDecimalStrings(a: string, b: string): number {
  const [ai, af = ""] = a.split(".");
  const [bi, bf = ""] = b.split(".");
  if (ai.length !== bi.length) return ai.length - bi.length;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const len = Math.max(af.length, bf.length);
  const x = af.padEnd(len, "0");
  const y = bf.padEnd(len, "0");
  return x === y ? 0 : x < y ? -1 : 1;
}
