// 审核月度调度: how far a submitted 累计完成 is from the newest approved month before it and
// from the 倒排工期 plan for the month, in 万元, exactly. Pure: used by the review queue's query.
import { dec, type Decimal, type DecimalLike } from "@/lib/money";

export type ReportDifferenceInput = {
  /** the submitted 累计完成 (null: not filled in) */
  cumulativeInvestment: DecimalLike | null;
  /** the newest approved month before this one (null: none) */
  previous: { cumulativeInvestment: DecimalLike } | null;
  /** 倒排工期: planned cumulative at the end of the month (null: no plan for it) */
  plannedCumulative: DecimalLike | null;
};

export type ReportDifferences = {
  /** 较上期已审核: submitted minus the previous approved cumulative (null: nothing to compare) */
  sinceApproved: Decimal | null;
  /** 较计划: submitted minus the planned cumulative; negative is behind plan (null: nothing to compare) */
  vsPlan: Decimal | null;
};

export function reportDifferences(r: ReportDifferenceInput): ReportDifferences {
  const submitted = r.cumulativeInvestment === null ? null : dec(r.cumulativeInvestment);
  return {
    sinceApproved: submitted && r.previous ? submitted.minus(dec(r.previous.cumulativeInvestment)) : null,
    vsPlan: submitted && r.plannedCumulative !== null ? submitted.minus(dec(r.plannedCumulative)) : null,
  };
}
