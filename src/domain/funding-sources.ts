// The five 资金来源 of 资金到位 (./funding.ts holds the rules), apart so the browser's forms can
// read the list without the database client. Pure.
import type { FundingSource } from "@/generated/prisma/enums";

export type { FundingSource };

/** The sources in the order every form, table and column lists them. */
export const FUNDING_SOURCES = ["FISCAL", "SPECIAL_BOND", "BANK_LOAN", "SELF_RAISED", "OTHER"] as const satisfies readonly FundingSource[];

export const FUNDING_SOURCE_LABEL: Record<FundingSource, string> = {
  FISCAL: "财政资金",
  SPECIAL_BOND: "地方政府专项债券",
  BANK_LOAN: "银行贷款",
  SELF_RAISED: "企业自筹",
  OTHER: "其他",
};

/** The revision's (and ProjectFigure's) column holding a source's cumulative money in place. */
export const FUNDS_COLUMN = {
  FISCAL: "fundsFiscal",
  SPECIAL_BOND: "fundsBond",
  BANK_LOAN: "fundsBank",
  SELF_RAISED: "fundsSelf",
  OTHER: "fundsOther",
} as const satisfies Record<FundingSource, string>;

export type FundsColumn = (typeof FUNDS_COLUMN)[FundingSource];

/** A row's money in place by source, one field per column (`T`: a Decimal, its text, or null). */
export type FundsBySource<T> = Record<FundsColumn, T>;
export const FUNDS_COLUMNS = FUNDING_SOURCES.map((s) => FUNDS_COLUMN[s]);
