// 月报 form: 累计完成 (开累) worked out from the previous approved cumulative + this month's
// completion as the county types, so each figure is entered once. Pure and exact (Decimal
// strings in 万元): runs in the browser form and anywhere else.
import { dec } from "@/lib/money";

const AMOUNT = /^[0-9]+(\.[0-9]{1,2})?$/;

/**
 * The cumulative suggested for this month's figure as typed: previous cumulative + month, or
 * null while there is no previous cumulative or the month's figure is not an amount (yet).
 */
export function suggestedCumulative(previousCumulative: string | null, monthInvestment: string): string | null {
  const month = monthInvestment.trim();
  return previousCumulative !== null && AMOUNT.test(month) ? dec(previousCumulative).plus(dec(month)).toString() : null;
}

/**
 * Whether the form starts out filling in the cumulative by itself: there is a previous
 * cumulative, and the cumulative is still empty or equals previous + month.
 */
export function startsAutoCumulative(previousCumulative: string | null, monthInvestment: string, cumulative: string): boolean {
  return previousCumulative !== null && (cumulative.trim() === "" || suggestedCumulative(previousCumulative, monthInvestment) === cumulative.trim());
}
