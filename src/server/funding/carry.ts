// 资金到位 on a monthly report: each source's cumulative money in place, as typed, or — left
// empty — the previous counted figure's amount (src/domain/funding.ts), so a revision always states
// the month's money in place and the published figure follows the counted revision.
// (No "server-only" marker: the Excel import's pure row checks use it too.)
import { FUNDS_COLUMNS, type FundsColumn } from "@/domain/funding-sources";

export type FundsValues = Record<FundsColumn, string | null>;

/** The funds a new revision stores: typed amounts, else the previous figure's (null: never stated). */
export function carriedFunds(input: Partial<Record<FundsColumn, string | null | undefined>>, previous: FundsValues | null): FundsValues {
  return Object.fromEntries(FUNDS_COLUMNS.map((c) => [c, input[c] ?? previous?.[c] ?? null])) as FundsValues;
}
