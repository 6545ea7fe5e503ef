import { z } from "zod";
import { amountField, monthField, optionalAmountField, textField, versionField } from "./common";
import { FUNDING_SOURCE_LABEL, FUNDS_COLUMN, FUNDING_SOURCES } from "@/domain/funding-sources";
import { PROGRESS_STAGE_LABEL } from "@/lib/labels";

import { EXPLANATION_MAX, PROGRESS_MAX, RETURN_REASON_MAX, VERIFICATION_MAX } from "@/lib/text-limits";

export { EXPLANATION_MAX, PROGRESS_MAX, RETURN_REASON_MAX, VERIFICATION_MAX };

export type ProgressStageKey = keyof typeof PROGRESS_STAGE_LABEL;
const STAGE_KEYS = Object.keys(PROGRESS_STAGE_LABEL) as ProgressStageKey[];
/** The stages as a list, in the order a project passes them: 前期、基础施工、… */
export const PROGRESS_STAGE_LIST = STAGE_KEYS.map((s) => PROGRESS_STAGE_LABEL[s]).join("、");

/** 形象进度阶段 (optional): empty is null, otherwise one of the stages. */
const progressStageField = z
  .string()
  .optional()
  .transform((s) => (s ?? "").trim())
  .superRefine((v, ctx) => {
    if (v !== "" && !(STAGE_KEYS as string[]).includes(v)) ctx.addIssue({ code: "custom", message: `形象进度阶段无效：请从${PROGRESS_STAGE_LIST}中选择，或不选` });
  })
  .transform((v) => (v === "" ? null : (v as ProgressStageKey)));

/** 资金到位: the cumulative money in place per source, optional (empty: the previous figure's amount is kept). */
export const fundsFields = Object.fromEntries(FUNDING_SOURCES.map((s) => [FUNDS_COLUMN[s], optionalAmountField(`${FUNDING_SOURCE_LABEL[s]}累计到位`)])) as Record<
  (typeof FUNDS_COLUMN)[(typeof FUNDING_SOURCES)[number]],
  ReturnType<typeof optionalAmountField>
>;

/** 月度调度 entry: shared by the form and the server action. Month rules needing the database live in the service. */
export const monthlyReportSchema = z.object({
  projectCode: z.string().trim().min(1, "缺少项目代码").max(40, "项目代码无效"),
  month: monthField("填报月份").refine((v) => v !== null, "请选择填报月份"),
  monthInvestment: amountField("本月完成投资"),
  cumulativeInvestment: amountField("累计完成投资"),
  progressText: textField("形象进度", PROGRESS_MAX, { required: true }),
  progressStage: progressStageField,
  actualStartMonth: monthField("实际开工月份", { optional: true }),
  actualProductionMonth: monthField("实际投产月份", { optional: true }),
  explanation: textField("说明", EXPLANATION_MAX),
  ...fundsFields,
  version: versionField,
  intent: z.enum(["save", "submit"], { error: "无效的操作" }),
});
export type MonthlyReportInput = z.infer<typeof monthlyReportSchema>;

export const reviewSchema = z
  .object({
    reportId: z.coerce.number({ error: "报表无效" }).int("报表无效").positive("报表无效"),
    version: versionField,
    decision: z.enum(["approve", "return"], { error: "无效的审核操作" }),
    reason: textField("退回原因", RETURN_REASON_MAX),
    /** 核实说明: required (by the service) when approving a report whose revision has 数据质量提示 */
    note: textField("核实说明", VERIFICATION_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "return" && v.reason === "") ctx.addIssue({ code: "custom", path: ["reason"], message: "退回时请填写退回原因" });
    if (/[\r\n]/.test(v.note)) ctx.addIssue({ code: "custom", path: ["note"], message: "核实说明请写成一行（不要换行）" });
  });
export type ReviewInput = z.infer<typeof reviewSchema>;

/** 撤回: the county takes back its submitted report (the version seen on its page). */
export const withdrawSchema = z.object({
  reportId: z.coerce.number({ error: "报表无效" }).int("报表无效").positive("报表无效"),
  version: versionField,
});
export type WithdrawInput = z.infer<typeof withdrawSchema>;
