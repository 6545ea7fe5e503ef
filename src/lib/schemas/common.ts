// Field rules shared by the forms (client) and the server actions.
import { z } from "zod";
import { currentMonth, isMonth } from "@/lib/month";

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
      if (options.required && v === "") return void ctx.addIssue({ code: "custom", message: `请填写${label}` });
      if ([...v].length > max) return void ctx.addIssue({ code: "custom", message: `${label}不能超过${max}个字` });
      if (TAG.test(v)) ctx.addIssue({ code: "custom", message: `${label}不能包含网页标签（如 <script>）` });
    });
}

/** A calendar month YYYY-MM, not in the future (China time). */
export function monthField(label: string, options: { optional?: boolean } = {}) {
  return z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim())
    .superRefine((v, ctx) => {
      if (v === "") {
        if (!options.optional) ctx.addIssue({ code: "custom", message: `请选择${label}` });
        return;
      }
      if (!isMonth(v)) return void ctx.addIssue({ code: "custom", message: `${label}格式应为 年-月，如 2024-09` });
      if (v > currentMonth()) ctx.addIssue({ code: "custom", message: `${label}不能晚于本月（${currentMonth()}）` });
    })
    .transform((v) => (v === "" ? null : v));
}

export const versionField = z.coerce
  .number({ error: "表单版本无效，请刷新页面" })
  .int("表单版本无效，请刷新页面")
  .min(0, "表单版本无效，请刷新页面");
