import { z } from "zod";
import { isMonth } from "@/lib/month";
import { idField, textField, versionField } from "./common";
import { reauthField } from "./user";

export const REOPEN_REASON_MAX = 500;

const periodMonth = z
  .string({ error: "缺少调度期月份" })
  .trim()
  .refine((v) => isMonth(v), "调度期月份格式应为 年-月，如 2024-11");

/**
 * 发布: the period's month, the version the office looked at and, when projects would be
 * published as 未报, the counts it confirmed ("退回,草稿,未报,更正", src/domain/periods.ts
 * leftBehindToken; absent when the box was not ticked).
 */
export const publishPeriodSchema = z.object({
  month: periodMonth,
  version: versionField,
  leftBehind: z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim() || undefined)
    .refine((v) => v === undefined || /^[0-9]{1,6}(,[0-9]{1,6}){3}$/.test(v), "确认的项目个数无效，请刷新页面后重新确认"),
});
export type PublishPeriodInput = Omit<z.infer<typeof publishPeriodSchema>, "leftBehind"> & { leftBehind?: string };

/** 重新开放: needs a reason that is kept with the next publication, and the administrator's password. */
export const reopenPeriodSchema = z
  .object({
    month: periodMonth,
    version: versionField,
    reason: textField("重新开放原因", REOPEN_REASON_MAX, { required: true }),
    /** the administrator's own password again: re-opening changes what leaders were told */
    reauthPassword: reauthField,
  })
  .superRefine((v, ctx) => {
    if (v.reason !== "" && [...v.reason].length < 4) ctx.addIssue({ code: "custom", path: ["reason"], message: "请写明重新开放的原因（至少4个字）" });
  });
export type ReopenPeriodInput = z.infer<typeof reopenPeriodSchema>;

/** 开放 (or change the deadline of) a month's period. */
export const openPeriodSchema = z.object({
  month: periodMonth,
  deadline: z
    .string({ error: "请填写截止日期" })
    .trim()
    .refine(
      (v) => /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      "截止日期格式应为 年-月-日，如 2024-12-05",
    ),
});
export type OpenPeriodInput = z.infer<typeof openPeriodSchema>;

export const CORRECTION_REASON_MAX = 500;
export const CORRECTION_REPLY_MAX = 500;

/** 申请更正: a county asks the office to re-open a published month for one of its projects. */
export const requestCorrectionSchema = z
  .object({
    month: periodMonth,
    projectCode: z.string({ error: "缺少项目代码" }).trim().min(1, "缺少项目代码").max(40, "项目代码无效"),
    reason: textField("更正原因", CORRECTION_REASON_MAX, { required: true }),
  })
  .superRefine((v, ctx) => {
    if (v.reason !== "" && [...v.reason].length < 4) ctx.addIssue({ code: "custom", path: ["reason"], message: "请写明需要更正的内容和原因（至少4个字）" });
  });
export type RequestCorrectionInput = z.infer<typeof requestCorrectionSchema>;

/** 不同意: the office declines a request, with a reply the county reads. */
export const declineCorrectionSchema = z
  .object({
    requestId: idField("更正申请无效，请刷新页面"),
    version: versionField,
    reply: textField("答复", CORRECTION_REPLY_MAX, { required: true }),
  })
  .superRefine((v, ctx) => {
    if (v.reply !== "" && [...v.reply].length < 4) ctx.addIssue({ code: "custom", path: ["reply"], message: "请写明不同意的理由（至少4个字）" });
  });
export type DeclineCorrectionInput = z.infer<typeof declineCorrectionSchema>;
