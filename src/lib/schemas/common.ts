// Field rules shared by the forms (client) and the server actions.
import { z } from "zod";
import { businessDate, currentMonth, isMonth } from "@/lib/month";
import { textProblem } from "./text";

/** Largest amount accepted, in 万元 (fits the database's DECIMAL(16,2) with room to spare). */
export const MAX_AMOUNT_INTEGER_DIGITS = 12;

const TAG = /<\s*\/?\s*[a-zA-Z!][^>]*>|<\s*script/i;

/** A non-negative amount in 万元 with at most two decimal places, kept as a string (exact). */
export function amountField(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .transform((s) => s.trim().replace(/,/g, "").replace(/，/g, ""))
    .superRefine((v, ctx) => {
      if (v === "") return void ctx.addIssue({ code: "custom", message: `请填写${label}（万元）` });
      if (/^-/.test(v)) return void ctx.addIssue({ code: "custom", message: `${label}不能为负数` });
      if (!/^[0-9]+(\.[0-9]+)?$/.test(v)) return void ctx.addIssue({ code: "custom", message: `${label}须为数字（单位：万元），如 1200 或 1200.50` });
      const [int, frac = ""] = v.split(".");
      if (frac.length > 2) return void ctx.addIssue({ code: "custom", message: `${label}最多保留两位小数（万元）` });
      if (int.replace(/^0+(?=\d)/, "").length > MAX_AMOUNT_INTEGER_DIGITS) {
        ctx.addIssue({ code: "custom", message: `${label}数额过大，请核对单位是否为万元` });
      }
    })
    .transform((v) => {
      const [int, frac] = v.split(".");
      return (int.replace(/^0+(?=\d)/, "") || "0") + (frac ? `.${frac}` : "");
    });
}

/** Free text: trimmed, length-limited, no HTML tags. */
export function textField(label: string, max: number, options: { required?: boolean } = {}) {
  return z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim())
    .superRefine((v, ctx) => {
      const problem = textProblem(v);
      if (problem) return void ctx.addIssue({ code: "custom", message: `${label}${problem}` });
      if (options.required && v === "") return void ctx.addIssue({ code: "custom", message: `请填写${label}` });
      if ([...v].length > max) return void ctx.addIssue({ code: "custom", message: `${label}不能超过${max}个字` });
      if (TAG.test(v)) ctx.addIssue({ code: "custom", message: `${label}不能包含网页标签（如 <script>）` });
    });
}

/**
 * A calendar date written as text (month or day): empty is null (refused unless `optional`),
 * otherwise it must pass `valid` (the message shows `format`) and, with `latest`, not come after
 * it (read when the form is checked, China time).
 */
function calendarField(label: string, optional: boolean | undefined, valid: (v: string) => boolean, format: string, latest?: { name: string; value: () => string }) {
  return z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim())
    .superRefine((v, ctx) => {
      if (v === "") {
        if (!optional) ctx.addIssue({ code: "custom", message: `请选择${label}` });
        return;
      }
      if (!valid(v)) return void ctx.addIssue({ code: "custom", message: `${label}格式应为 ${format}` });
      if (latest && v > latest.value()) ctx.addIssue({ code: "custom", message: `${label}不能晚于${latest.name}（${latest.value()}）` });
    })
    .transform((v) => (v === "" ? null : v));
}

/** A calendar month YYYY-MM, not in the future (China time). */
export function monthField(label: string, options: { optional?: boolean } = {}) {
  return calendarField(label, options.optional, isMonth, "年-月，如 2024-09", { name: "本月", value: () => currentMonth() });
}

export const versionField = z.coerce.number({ error: "表单版本无效，请刷新页面" }).int("表单版本无效，请刷新页面").min(0, "表单版本无效，请刷新页面");

/** An optional amount in 万元: empty is null, otherwise the rules of amountField. */
export function optionalAmountField(label: string) {
  const required = amountField(label);
  return z
    .string()
    .optional()
    .transform((s, ctx) => {
      if ((s ?? "").trim() === "") return null;
      const r = required.safeParse(s);
      if (r.success) return r.data;
      for (const issue of r.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
      return z.NEVER;
    });
}

/** A calendar day YYYY-MM-DD; `notFuture` refuses days after today (China time). */
export function dayField(label: string, options: { optional?: boolean; notFuture?: boolean } = {}) {
  return calendarField(label, options.optional, isDay, "年-月-日，如 2024-09-30", options.notFuture ? { name: "今天", value: () => businessDate() } : undefined);
}

/** A month YYYY-MM that may lie in the future (planned dates). */
export function plannedMonthField(label: string) {
  return z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim())
    .superRefine((v, ctx) => {
      if (v !== "" && !isMonth(v)) ctx.addIssue({ code: "custom", message: `${label}格式应为 年-月，如 2024-09` });
    })
    .transform((v) => (v === "" ? null : v));
}

/** An optional whole number ≥ 0 (e.g. new jobs). */
export function optionalCountField(label: string, max = 10_000_000) {
  return z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim().replace(/,/g, ""))
    .superRefine((v, ctx) => {
      if (v === "") return;
      if (/^-/.test(v)) return void ctx.addIssue({ code: "custom", message: `${label}不能为负数` });
      if (!/^[0-9]+$/.test(v)) return void ctx.addIssue({ code: "custom", message: `${label}须为整数` });
      if (Number(v) > max) ctx.addIssue({ code: "custom", message: `${label}数值过大` });
    })
    .transform((v) => (v === "" ? null : Number(v)));
}

/** A required whole number within [min, max]. */
export function countField(label: string, min: number, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .transform((s) => s.trim())
    .superRefine((v, ctx) => {
      if (v === "") return void ctx.addIssue({ code: "custom", message: `请填写${label}` });
      if (!/^-?[0-9]+$/.test(v)) return void ctx.addIssue({ code: "custom", message: `${label}须为整数` });
      const n = Number(v);
      if (n < min || n > max) ctx.addIssue({ code: "custom", message: `${label}应在${min}到${max}之间` });
    })
    .transform(Number);
}

/** A checkbox: present ("on") is true. */
export const checkboxField = z
  .string()
  .optional()
  .transform((s) => s === "on" || s === "true" || s === "1");

/** A positive integer id from a hidden field or a select. */
export function idField(message: string) {
  return z.coerce.number({ error: message }).int(message).positive(message);
}

/** The updatedAt stamp a form was opened with, for records without a version column. */
export const stampField = z.string({ error: "表单已过期，请刷新页面" }).refine((s) => !Number.isNaN(Date.parse(s)), "表单已过期，请刷新页面");

export function isDay(value: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
