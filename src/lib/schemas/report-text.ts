// The report text administrators edit per year (一、(一) measures and 三、下一步工作计划): one
// paragraph at a time, each with a title and its text. Shared by the edit form and the action.
import { z } from "zod";
import { textField, versionField } from "./common";
import { PLAN_PLACEHOLDERS, unknownPlaceholders } from "@/domain/report-wording";

/** The sections of the stored report text, with the heading each belongs under. */
export const REPORT_TEXT_KEYS = { "plan-work": "一、（一）计划与工作措施", "next-steps": "三、下一步工作计划" } as const;
export type ReportTextKey = keyof typeof REPORT_TEXT_KEYS;

export const REPORT_TEXT_TITLE_MAX = 60;
export const REPORT_TEXT_BODY_MAX = 5000;

const yearField = z.coerce.number({ error: "年度无效" }).int("年度无效").min(2000, "年度无效").max(2100, "年度无效");
const optionalId = z
  .string()
  .optional()
  .transform((s) => (s ?? "").trim())
  .refine((s) => s === "" || /^[1-9][0-9]{0,8}$/.test(s), "段落编号无效，请刷新页面")
  .transform((s) => (s === "" ? null : Number(s)));

const bodyField = textField("正文", REPORT_TEXT_BODY_MAX, { required: true }).superRefine((v, ctx) => {
  const unknown = unknownPlaceholders(v);
  if (unknown.length) {
    ctx.addIssue({
      code: "custom",
      message: `未知的占位符：${unknown.map((u) => `{${u}}`).join("、")}；可用的占位符：${PLAN_PLACEHOLDERS.map((p) => `{${p}}`).join("、")}`,
    });
  }
});

export const reportSectionSchema = z.object({
  year: yearField,
  /** empty: a new paragraph at the end of its section */
  id: optionalId,
  key: z.enum(Object.keys(REPORT_TEXT_KEYS) as [ReportTextKey, ...ReportTextKey[]], { error: "段落类别无效" }),
  version: versionField.optional().default(0),
  title: textField("小标题", REPORT_TEXT_TITLE_MAX, { required: true }),
  body: bodyField,
});
export type ReportSectionInput = z.infer<typeof reportSectionSchema>;

export const deleteReportSectionSchema = z.object({
  year: yearField,
  id: z.coerce.number({ error: "段落编号无效，请刷新页面" }).int("段落编号无效，请刷新页面").min(1, "段落编号无效，请刷新页面"),
  version: versionField,
});
export type DeleteReportSectionInput = z.infer<typeof deleteReportSectionSchema>;
