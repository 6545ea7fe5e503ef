// A project's 资金到位 as published (frozen with the publication leaders read): the plan, the money in
// place by source, their sum and 资金到位率 with its numerator and denominator (src/domain/funding.ts).
import { db } from "@/server/db";
import { getReadPublication } from "@/server/periods/queries";
import { getProjectFunding } from "@/server/funding/queries";
import { DemoBadge, Section } from "@/components/common/badges";
import { PublishedAsOf } from "@/components/figures/published-as-of";
import { FUNDING_SOURCE_LABEL, FUNDING_SOURCES } from "@/domain/funding-sources";
import { fundingRateText } from "@/domain/funding";
import { formatWan } from "@/lib/money";
import { formatMonth } from "@/lib/month";

export async function ProjectFundingSection({ projectId, year }: { projectId: number; year: number | undefined }) {
  const pub = year === undefined ? null : await getReadPublication(db(), year);
  const f = pub ? await getProjectFunding(db(), pub.publicationId, projectId) : null;
  if (!pub || !f || (f.fundingPlanned === null && f.fundingInPlace === null)) return null;
  return (
    <Section id="funding-heading" title="资金到位" aside={<PublishedAsOf publication={pub} short />}>
      <div data-testid="project-funding" className="space-y-2">
        <p className="text-sm">
          <span className="font-semibold">资金到位率 {fundingRateText(f.fundingRate)}</span>
          {f.fundingPlanned !== null && (
            <span className="ml-2 text-slate-600">
              到位资金 {formatWan(f.fundingInPlace ?? 0)} ÷ 计划资金 {formatWan(f.fundingPlanned)}
            </span>
          )}
          {f.isDemo && <DemoBadge className="ml-2" />}
        </p>
        {f.missing && f.figureMonth && (
          <p className="text-xs text-amber-800">
            {formatMonth(pub.month)}未报，到位资金沿用{formatMonth(f.figureMonth)}的数
          </p>
        )}
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
          {FUNDING_SOURCES.map((s, i) => (
            <div key={s}>
              <dt className="text-xs text-slate-500">{FUNDING_SOURCE_LABEL[s]}累计到位</dt>
              <dd className="num">{f.funds[i] === null ? "未填" : formatWan(f.funds[i]!)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Section>
  );
}
