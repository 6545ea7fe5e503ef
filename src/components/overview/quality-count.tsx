// The cockpit's 数据质量 count: how many prompts the publication leaders read carries, linking to the
// 通报's 数据质量 section (counts by county park and kind). The prompts themselves are the office's.
import Link from "next/link";
import { db } from "@/server/db";
import type { PublicationRef } from "@/server/periods/queries";
import { publicationQualitySummary } from "@/server/data-quality/queries";
import { QUALITY_SECTION_ID } from "@/server/documents/quality-text";
import { formatMonth } from "@/lib/month";

export async function OverviewQualityCount({ publication }: { publication: PublicationRef }) {
  const q = await publicationQualitySummary(db(), publication.publicationId);
  // a publication made before the checks existed has nothing to count
  if (!q.checked) return null;
  return (
    <p className="text-sm text-slate-600" data-testid="overview-quality">
      截至{formatMonth(publication.month)}（已发布）：
      <Link
        href={`/periods/${publication.month}/bulletin?publication=${publication.publicationNo}#${QUALITY_SECTION_ID}`}
        className="mx-0.5 text-blue-700 underline underline-offset-2"
      >
        数据质量提示 {q.total} 条
      </Link>
      {q.total > 0 && `，涉及${q.projects}个项目，${q.unverified === 0 ? "均已核实" : q.unverified === q.total ? "均未附核实说明" : `其中${q.unverified}条未附核实说明`}`}
    </p>
  );
}
