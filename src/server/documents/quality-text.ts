// The 通报's 数据质量 section, worded from a publication's stored flags counted by kind and by
// county park (src/server/data-quality/queries.ts): leaders read the counts; the flags themselves,
// with their evidence and 核实说明, are the office's (/periods/[month]/quality).
import type { QualitySummary } from "@/server/data-quality/queries";
import { QUALITY_KIND_LABEL } from "@/lib/labels";
import type { DocBlock } from "./model";

/** The section's anchor on the page (the cockpit's count links to it). */
export const QUALITY_SECTION_ID = "data-quality";

/** The sentence of the section: what was flagged, by kind and by county park, and whether it was verified. */
export function qualitySentence(q: QualitySummary): string {
  if (!q.checked) return "本期发布时尚未启用数据质量检查。";
  if (q.total === 0) return "本月审核发布的报表中，系统未提示数据质量问题。";
  const kinds = q.byKind.map((k) => `${QUALITY_KIND_LABEL[k.kind]}${k.count}条`).join("、");
  const parks = q.byPark.map((p) => `${p.parkName}${p.count}条`).join("、");
  const verified = q.unverified === 0 ? "均已由园区管理办公室核实" : q.unverified === q.total ? "均未附核实说明" : `其中${q.unverified}条未附核实说明`;
  return `本月审核发布的报表中，系统提示数据质量问题${q.total}条（涉及${q.projects}个项目）：${kinds}；按县区：${parks}；${verified}。`;
}

/** 数据质量: one paragraph, and a note on what the prompts are when there are any. */
export function qualityBlocks(q: QualitySummary, heading: string): DocBlock[] {
  const blocks: DocBlock[] = [
    { kind: "h1", text: heading, anchor: QUALITY_SECTION_ID },
    { kind: "p", text: qualitySentence(q) },
  ];
  if (q.checked && q.total > 0) {
    blocks.push({
      kind: "note",
      text: "数据质量提示由系统在发布时按统一规则检查本月审核通过的报表得出，提示不等于数据有误；各条提示的依据和核实说明由园区管理办公室掌握。",
    });
  }
  return blocks;
}
