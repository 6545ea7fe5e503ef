// The 资金到位 section of the 通报 (八) and of the 情况报告 (一（四）), from the figures frozen with the
// publication (src/domain/funding.ts):
// the whole list's 资金到位率 with its numerator and denominator, then each county park's in a table
// whose rate column can be recomputed from the columns beside it. A publication made before 资金到位
// was counted says so (never "0%").
import type { PublicationFunding } from "@/server/funding/queries";
import { FUNDING_RATE_RULE, fundingRate, fundingRateScope, fundingRateText } from "@/domain/funding";
import { reportAmount } from "@/domain/report-wording";
import { formatYi } from "@/lib/money";
import type { DocBlock } from "./model";

export function fundingBlocks(f: PublicationFunding, heading: DocBlock): DocBlock[] {
  const blocks: DocBlock[] = [heading];
  if (!f.counted) return [...blocks, { kind: "p", text: "本期发布时尚未统计资金到位。" }];
  if (f.total.withFundingPlan === 0) return [...blocks, { kind: "p", text: `${fundingRateScope(f.total)}。` }];
  const outside = f.total.projectCount - f.total.withFundingPlan;
  blocks.push({
    kind: "p",
    text: `资金到位率${fundingRateText(f.total.rate)}（${fundingRateScope(f.total)}）。${outside > 0 ? `全部${f.total.projectCount}个项目累计到位资金${reportAmount(f.total.fundingInPlace)}（含未录入资金计划的${outside}个项目）。` : ""}`,
  });
  blocks.push({
    kind: "table",
    caption: "县区园区资金到位情况",
    head: ["县区园区", "有资金计划项目（个）", "计划资金（亿元）", "到位资金（亿元）", "资金到位率（%）"],
    rows: f.parks.map((p) => [
      p.parkName,
      String(p.withFundingPlan),
      p.withFundingPlan === 0 ? "—" : formatYi(p.fundingPlanned, { unit: false }),
      p.withFundingPlan === 0 ? "—" : formatYi(p.fundingInPlaceOfPlanned, { unit: false }),
      fundingRate(p) === null ? "无资金计划" : fundingRateText(p.rate).replace("%", ""),
    ]),
    numeric: [false, true, true, true, true],
    testId: "bulletin-funding",
  });
  blocks.push({ kind: "note", text: `${FUNDING_RATE_RULE}。` });
  return blocks;
}
