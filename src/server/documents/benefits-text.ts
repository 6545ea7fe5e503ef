// 投产项目效益 in the 通报 and the 情况报告: each listed project in production, in the seed's words
// ("项目建成达产后，预计年产值可达50亿元" → "2025年实现产值32亿元，为承诺的64%"), from what was stored
// with the publication (src/server/documents/inputs.ts).
import type { DocBlock } from "./model";
import type { BenefitDocumentRow } from "./inputs";
import { formatMonth } from "@/lib/month";

export function benefitBlocks(rows: BenefitDocumentRow[] | undefined, heading: DocBlock): DocBlock[] {
  const blocks: DocBlock[] = [heading];
  if (rows === undefined) return [...blocks, { kind: "note", text: "该次发布早于投产项目效益存档，本节未列出。" }];
  if (rows.length === 0) return [...blocks, { kind: "p", text: `截至本期，清单内没有已投产的项目。` }];
  blocks.push({ kind: "p", text: `清单内已投产项目${rows.length}个，其中已达产${rows.filter((r) => r.state === "已达产").length}个。` });
  for (const r of rows) {
    const parts = [`${formatMonth(r.productionMonth)}投产，${r.state}。`];
    if (r.promised) parts.push(`项目承诺达产后${r.promised}。`);
    parts.push(r.sentences.length ? `${r.sentences.join("；")}。` : "尚无审核通过的年度效益数据。");
    if (r.isDemo) parts.push("（演示数据）");
    blocks.push({ kind: "p", lead: `${r.parkName}${r.name}。`, text: parts.join("") });
  }
  blocks.push({
    kind: "note",
    text: "达产率 = 审核通过的年度实际数 ÷ 承诺数；标“以上”或无修饰的承诺，实际达到承诺数才算“已达到承诺”，标“约”的承诺差距在容差以内为“基本达到承诺（约数）”。",
  });
  return blocks;
}
