// What the declared plan figures and the sums of the projects in the platform say about each
// other. The platform shows both and flags a gap; it never "fixes" either. These messages are
// prompts for the office (its to-do and the plan page, where the figures are entered): official
// documents and the leaders' cockpit state the scope plainly instead (./rate-scope.ts).
//
// A declared figure is a rounded one: it is compared at the precision it was declared in (whole
// 万元, or the decimal places it was written with), so a platform sum of 1336000.15万元 agrees
// with a declared 1336000万元 and raises nothing.
import { dec, Decimal, formatYi, type DecimalLike } from "@/lib/money";

export type Gap = { kind: "ok" | "over" | "under"; message: string | null };

/** The computed sum rounded (half up) to the precision of the declared figure: whole 万元 or its own decimal places. */
export function atDeclaredPrecision(declared: DecimalLike, computed: DecimalLike): Decimal {
  return dec(computed).toDecimalPlaces(Math.max(0, dec(declared).decimalPlaces()), Decimal.ROUND_HALF_UP);
}

/** computed − declared, once the computed sum is rounded as the declared figure was: zero when they agree. */
export function declaredDifference(declared: DecimalLike, computed: DecimalLike): Decimal {
  return atDeclaredPrecision(declared, computed).minus(dec(declared));
}

export function investmentGap(input: { declaredTotal: DecimalLike; computedTotal: DecimalLike; declaredCount: number; computedCount: number }): Gap {
  const declared = dec(input.declaredTotal);
  const computed = dec(input.computedTotal);
  const diff = declaredDifference(declared, computed);
  if (diff.isZero()) return { kind: "ok", message: null };
  if (diff.isPositive()) {
    return {
      kind: "over",
      message: `已录入的${input.computedCount}个项目总投资${formatYi(computed)}，比计划申报的${input.declaredCount}个项目总投资${formatYi(declared)}多${formatYi(diff)}，请核实申报口径。`,
    };
  }
  const missing = input.declaredCount - input.computedCount;
  return {
    kind: "under",
    message:
      missing > 0
        ? `尚有${missing}个申报项目未录入平台，已录入项目总投资比申报数少${formatYi(diff.negated())}。`
        : `已录入项目总投资比申报数少${formatYi(diff.negated())}，请核实。`,
  };
}

export function countGap(declaredCount: number, computedCount: number): Gap {
  if (declaredCount === computedCount) return { kind: "ok", message: null };
  // Stryker disable next-line EqualityOperator: equal counts returned above
  return declaredCount > computedCount
    ? { kind: "under", message: `计划申报${declaredCount}个项目，平台已录入${computedCount}个，尚缺${declaredCount - computedCount}个。` }
    : { kind: "over", message: `平台已录入${computedCount}个项目，多于计划申报的${declaredCount}个。` };
}

export function startDeadlineGap(input: { computedCount: number; startedByDeadline: number; startedCount: number; deadlineText: string }): Gap {
  const late = input.startedCount - input.startedByDeadline;
  const notStarted = input.computedCount - input.startedCount;
  const parts: string[] = [];
  if (late > 0) parts.push(`${late}个项目在${input.deadlineText}之后才开工`);
  if (notStarted > 0) parts.push(`${notStarted}个项目尚未开工`);
  return parts.length ? { kind: "under", message: parts.join("，") + "。" } : { kind: "ok", message: null };
}
