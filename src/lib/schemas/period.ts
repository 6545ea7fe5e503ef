import { z } from "zod";
import { isMonth } from "@/lib/month";
import { textField, versionField } from "./common";
import { reauthField } from "./user";

export const REOPEN_REASON_MAX = 500;

const periodMonth = z
  .string({ error: "缺少调度期月份" })
  .trim()
  .refine((v) => isMonth(v), "调度期月份格式应为 年-月，如 2024-11");

/** 发布: the period's month and the version the office looked at. */
export const publishPeriodSchema = z.object({ month: periodMonth, version: versionField });
export type PublishPeriodInput = z.infer<typeof publishPeriodSchema>;

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
