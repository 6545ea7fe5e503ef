// How the generated documents (the monthly 通报 and the annual 情况报告) write figures, in the
// seed report's own words: amounts of 1亿元 or more in 亿元 with every stored digit and nothing
// more ("33亿元", "53.8亿元", "5.6亿元", "1亿元以上"), smaller amounts in 万元 ("5000万元以上"),
// never digit grouping (a 公文 writes "5000万元"); "以上" / "约" from the stated flags. Exact
// decimals throughout. Pure: the page, the .docx and the tests use the same functions.
import { dec, wanToYi, type DecimalLike } from "@/lib/money";

const YI_IN_WAN = 10000;

function plainDigits(value: DecimalLike): string {
  // toFixed() never switches to exponent notation, and a Decimal keeps no trailing zeros of the fraction
  return dec(value).toFixed();
}

/** An amount held in 万元 as the report writes it: 330000 → "33亿元", 5000 → "5000万元"; `atLeast` adds "以上". */
export function reportAmount(wan: DecimalLike, options: { atLeast?: boolean } = {}): string {
  const d = dec(wan);
  const text = d.abs().greaterThanOrEqualTo(YI_IN_WAN) ? `${plainDigits(wanToYi(d))}亿元` : `${plainDigits(d)}万元`;
  return options.atLeast ? `${text}以上` : text;
}

/** A count with its unit: 150 → "150人", with `atLeast` "150人以上". */
export function reportCount(n: number, unit: string, options: { atLeast?: boolean } = {}): string {
  return `${n}${unit}${options.atLeast ? "以上" : ""}`;
}

/** A named metric as stated: "年供热量约41万吨标煤"; a qualifier "以上" goes after the figure, any other before it. */
export function reportMetric(m: { name: string; value: DecimalLike; unit: string; qualifier: string | null }): string {
  const q = m.qualifier?.trim() ?? "";
  const figure = `${plainDigits(m.value)}${m.unit}`;
  if (q === "以上") return `${m.name}${figure}以上`;
  return `${m.name}${q}${figure}`;
}

/** "2024-09" → "2024年9月" (the month a project 开工建设). */
export function reportMonth(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** 一 … 九: the digit d is DIGITS[d - 1] */
const DIGITS = [..."一二三四五六七八九"];

/** 1 → "一", 10 → "十", 12 → "十二", 20 → "二十", 35 → "三十五" (1–99), as in 一是 / （一）. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n - 1];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens - 1]}十${ones === 0 ? "" : DIGITS[ones - 1]}`;
}

/** A percentage point gap against 序时进度, without spaces, as a document writes it. */
export function scheduleGapText(comparison: { kind: "ahead" | "behind" | "even"; points: string }): string {
  if (comparison.kind === "even") return "与序时进度持平";
  return `${comparison.kind === "ahead" ? "超" : "低于"}序时进度${comparison.points}个百分点`;
}

/**
 * The placeholders an administrator may write in the report's stored text (一、(一) measures),
 * filled from the year's plan when the report is written, so the figures never drift from the data.
 */
export const PLAN_PLACEHOLDERS = ["年度", "项目个数", "总投资", "年度计划投资", "目标", "要素保障"] as const;
export type PlanPlaceholder = (typeof PLAN_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]{1,20})\}/g;

/** Placeholders in `text` that are not known (each once), for the edit form's message. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) if (!(PLAN_PLACEHOLDERS as readonly string[]).includes(m[1])) unknown.add(m[1]);
  return [...unknown];
}

/** `text` with every known placeholder replaced by its value; unknown ones are left as written. */
export function fillPlaceholders(text: string, values: Record<PlanPlaceholder, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => ((PLAN_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as PlanPlaceholder] : whole));
}
