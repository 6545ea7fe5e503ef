import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/server/auth/current";
import { QualityFlagsPage } from "@/components/data-quality/quality-flags";
import { isMonth } from "@/lib/month";
import { QUALITY_KIND_LABEL } from "@/lib/labels";
import { intParam, oneOf, param, type RawSearchParams } from "@/lib/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "数据质量提示" };

const KINDS = Object.keys(QUALITY_KIND_LABEL) as Array<keyof typeof QUALITY_KIND_LABEL>;

// The office's list of a publication's 数据质量 prompts (quality.detail): each with its project,
// county park, kind, evidence and 核实说明, as stored when the month was published. Leaders read
// the counts in the 月度通报.
export default async function QualityPage({ params, searchParams }: { params: Promise<{ month: string }>; searchParams: Promise<RawSearchParams> }) {
  const { month } = await params;
  if (!isMonth(month)) notFound();
  await requirePermission("quality.detail", `/periods/${month}/quality`);
  const sp = await searchParams;
  return (
    <QualityFlagsPage
      month={month}
      publicationNo={intParam(sp, "publication")}
      parkId={intParam(sp, "park")}
      kind={oneOf(param(sp, "kind"), KINDS)}
      page={intParam(sp, "page") ?? 1}
    />
  );
}
