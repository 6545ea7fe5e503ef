// Money is exact: stored as decimals in 万元, shown as 亿元 or 万元 with the unit always visible.
import Decimal from "decimal.js";

export { Decimal };
export type DecimalLike = Decimal.Value | { toString(): string };

const TEN_THOUSAND = new Decimal(10000);

export function dec(value: DecimalLike): Decimal {
  // Stryker disable next-line ConditionalExpression: a string's or a number's toString() gives Decimal the same value
  return value instanceof Decimal ? value : new Decimal(typeof value === "object" ? value.toString() : value);
}

/** An amount's exact text as the database gave it (what a page or a client component receives); null stays null. */
export function decimalText(value: { toString(): string } | null): string | null {
  return value === null ? null : value.toString();
}

/** Sums exactly; null and undefined count as nothing. */
export function sum(values: Iterable<DecimalLike | null | undefined>): Decimal {
  let total = new Decimal(0);
  for (const v of values) if (v !== null && v !== undefined) total = total.plus(dec(v));
  return total;
}

/**
 * Parses an amount as a document writes it — "33亿元", "5000万元", "1.5 亿", "15亿" — into 万元.
 * A bare number is taken as 万元. Throws on anything else.
 */
export function parseAmountToWan(text: string): Decimal {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(亿元|亿|万元|万)?\s*$/.exec(text);
  if (!m) throw new Error(`无法识别的金额：「${text}」`);
  const value = new Decimal(m[1]);
  return m[2]?.startsWith("亿") ? value.times(TEN_THOUSAND) : value;
}

/** `d` to at most `maxPlaces` (≥ 1) decimals, without trailing zeros. */
function trimZeros(d: Decimal, maxPlaces: number): string {
  return d.toFixed(maxPlaces).replace(/\.?0+$/, "");
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Thousands separators in the integer part (a leading minus sign is never followed by a comma). */
function withGrouping(text: string): string {
  const [i, f] = text.split(".");
  return group(i) + (f ? "." + f : "");
}

/** 万元 → 亿元 as an exact decimal. */
export function wanToYi(wan: DecimalLike): Decimal {
  return dec(wan).dividedBy(TEN_THOUSAND);
}

/**
 * Formats an amount held in 万元 as 亿元, exactly (no rounding away of stored digits):
 * 538000 → "53.8亿元", 1234.56 → "0.123456亿元".
 */
export function formatYi(wan: DecimalLike, options: { unit?: boolean; places?: number } = {}): string {
  const yi = wanToYi(wan);
  const text = options.places === undefined ? trimZeros(yi, 6) : yi.toFixed(options.places);
  return withGrouping(text) + (options.unit === false ? "" : "亿元");
}

/** Formats an amount held in 万元 as 万元: 5000 → "5,000万元", 1234.5 → "1,234.5万元". */
export function formatWan(wan: DecimalLike, options: { unit?: boolean } = {}): string {
  return withGrouping(trimZeros(dec(wan), 2)) + (options.unit === false ? "" : "万元");
}

/** 亿元 for amounts of at least 1亿, 万元 below, as a reader of the report would write them. */
export function formatMoney(wan: DecimalLike): string {
  return dec(wan).abs().greaterThanOrEqualTo(TEN_THOUSAND) ? formatYi(wan) : formatWan(wan);
}

/** part / whole as a percentage with `places` decimals, or null when whole is zero. */
export function percent(part: DecimalLike, whole: DecimalLike, places = 1): string | null {
  const w = dec(whole);
  if (w.isZero()) return null;
  return dec(part).dividedBy(w).times(100).toFixed(places) + "%";
}
