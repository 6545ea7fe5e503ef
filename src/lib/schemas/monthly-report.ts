import { z } from "zod";
import { amountField, monthField, textField, versionField } from "./common";

export const PROGRESS_MAX = 1000;
export const EXPLANATION_MAX = 500;
export const RETURN_REASON_MAX = 500;

/** 月度调度 entry: shared by the form and the server action. Month rules needing the database live in the service. */
export const monthlyReportSchema = z.object({
  projectCode: z.string().trim().min(1, "缺少项目代码").max(40, "项目代码无效"),
  month: monthField("填报月份").refine((v) => v !== null, "请选择填报月份"),
  monthInvestment: amountField("本月完成投资"),
  cumulativeInvestment: amountField("累计完成投资"),
  progressText: textField("形象进度", PROGRESS_MAX, { required: true }),
  actualStartMonth: monthField("实际开工月份", { optional: true }),
  actualProductionMonth: monthField("实际投产月份", { optional: true }),
  explanation: textField("说明", EXPLANATION_MAX),
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
  })
  .superRefine((v, ctx) => {
    if (v.decision === "return" && v.reason === "") ctx.addIssue({ code: "custom", path: ["reason"], message: "退回时请填写退回原因" });
  });
export type ReviewInput = z.infer<typeof reviewSchema>;

/** 撤回: the county takes back its submitted report (the version seen on its page). */
export const withdrawSchema = z.object({
  reportId: z.coerce.number({ error: "报表无效" }).int("报表无效").positive("报表无效"),
  version: versionField,
});
export type WithdrawInput = z.infer<typeof withdrawSchema>;
