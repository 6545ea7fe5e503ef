// 效益填报 (达产与效益): shared by the form and the server action. Rules needing the project (its
// production month, its named metrics) live in the service (src/server/benefits/service.ts).
import { z } from "zod";
import { optionalAmountField, optionalCountField, textField, versionField } from "./common";
import { EXPLANATION_MAX, METRIC_ROWS } from "@/lib/text-limits";

/** At most this many named metrics on a report (a project's 主要指标 rows). */
export const BENEFIT_METRIC_FIELDS = METRIC_ROWS;

const yearField = z
  .string({ error: "请选择年度" })
  .trim()
  .refine((v) => /^[0-9]{4}$/.test(v) && Number(v) >= 2000 && Number(v) <= 2100, "年度格式应为四位数字，如 2025")
  .transform(Number);

const quarterField = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim() || "0")
  .refine((v) => /^[0-4]$/.test(v), "期间无效：请选择全年或第1–4季度")
  .transform(Number);

/** A named metric's value (e.g. 年供电量 in 亿千瓦时): empty is null, else a number ≥ 0 with at most four decimals. */
export function metricValueProblem(label: string, raw: string): string | null {
  const v = raw.trim().replace(/,/g, "");
  if (v === "") return null;
  if (/^-/.test(v)) return `${label}不能为负数`;
  if (!/^[0-9]+(\.[0-9]+)?$/.test(v)) return `${label}须为数字`;
  const [int, frac = ""] = v.split(".");
  if (frac.length > 4) return `${label}最多保留四位小数`;
  if (int.replace(/^0+(?=\d)/, "").length > 13) return `${label}数值过大`;
  return null;
}

const metricText = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim().replace(/,/g, ""));

export const benefitReportSchema = z.object({
  projectCode: z.string().trim().min(1, "缺少项目代码").max(40, "项目代码无效"),
  year: yearField,
  quarter: quarterField,
  output: optionalAmountField("产值"),
  tax: optionalAmountField("税收"),
  jobs: optionalCountField("新增就业人数"),
  /** the project's named metrics, in its order (主要指标 rows); checked against them by the service */
  metric_0: metricText,
  metric_1: metricText,
  metric_2: metricText,
  metric_3: metricText,
  note: textField("说明", EXPLANATION_MAX),
  version: versionField,
  intent: z.enum(["save", "submit"], { error: "无效的操作" }),
});
export type BenefitReportInput = z.infer<typeof benefitReportSchema>;
