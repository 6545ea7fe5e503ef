// What the declared plan figures and the sums of the projects in the platform say about each
// other. The platform shows both and flags a gap; it never "fixes" either.
import { dec, formatYi, type DecimalLike } from "@/lib/money";

export type Gap = { kind: "ok" | "over" | "under"; message: string | null };

export function investmentGap(input: { declaredTotal: DecimalLike; computedTotal: DecimalLike; declaredCount: number; computedCount: number }): Gap {
  const declared = dec(input.declaredTotal);
  const computed = dec(input.computedTotal);
  const diff = computed.minus(declared);
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
