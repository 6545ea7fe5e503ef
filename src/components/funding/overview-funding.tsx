// The cockpit's 资金到位: the publication's 资金到位率 for the whole list with its numerator and
// denominator (src/domain/funding.ts), and by county park, as published (frozen with it).
import { db } from "@/server/db";
import type { PublicationRef } from "@/server/periods/queries";
import { getPublicationFunding } from "@/server/funding/queries";
import { DemoBadge, Section } from "@/components/common/badges";
import { PublishedAsOf } from "@/components/figures/published-as-of";
import { ScrollTable } from "@/components/common/scroll-table";
import { NumTd, RowTh, TableHead } from "@/components/common/table";
import { FUNDING_RATE_RULE, fundingRateScope, fundingRateText } from "@/domain/funding";
import { reportAmount } from "@/domain/report-wording";
import { dec } from "@/lib/money";

export async function OverviewFunding({ publication }: { publication: PublicationRef }) {
  const f = await getPublicationFunding(db(), publication.publicationId);
  return (
    <Section id="funding" title="资金到位" aside={<PublishedAsOf publication={publication} short />}>
      {!f.counted ? (
        <p className="text-sm text-slate-600" data-testid="funding-not-counted">
          本期发布时尚未统计资金到位。
        </p>
      ) : f.total.withFundingPlan === 0 && dec(f.total.fundingInPlace).isZero() ? (
        // nothing entered yet: one line, not a table of zeros
        <p className="text-sm text-slate-600" data-testid="funding-none">
          本期发布的{f.total.projectCount}个项目均未录入资金计划，也未填报到位资金。
        </p>
      ) : (
        <div className="space-y-3" data-testid="overview-funding">
          <p>
            <span className="num text-2xl font-semibold" data-testid="funding-rate">
              资金到位率 {fundingRateText(f.total.rate)}
            </span>
            {publication.isDemo && <DemoBadge className="ml-2" />}
          </p>
          <p className="text-sm text-slate-700" data-testid="funding-equation">
            {fundingRateScope({ ...f.total, projectCount: f.total.projectCount })}
          </p>
          {f.total.withFundingPlan < f.total.projectCount && (
            <p className="text-xs text-slate-500">
              全部{f.total.projectCount}个项目累计到位资金{reportAmount(f.total.fundingInPlace)}（含未录入资金计划的项目）
            </p>
          )}
          <ScrollTable>
            <table className="w-full text-sm" data-testid="funding-by-park">
              <TableHead columns={[{ label: "县区园区" }, { label: "计划资金", numeric: true }, { label: "到位资金", numeric: true }, { label: "资金到位率", numeric: true }]} />
              <tbody className="divide-y divide-slate-100">
                {f.parks.map((p) => (
                  <tr key={p.parkId}>
                    <RowTh>
                      {p.parkName}
                      <span className="block text-xs text-slate-500">
                        有资金计划{p.withFundingPlan}/{p.projectCount}个项目
                      </span>
                    </RowTh>
                    <NumTd nowrap>{reportAmount(p.fundingPlanned)}</NumTd>
                    <NumTd nowrap>{reportAmount(p.fundingInPlaceOfPlanned)}</NumTd>
                    <NumTd nowrap>{fundingRateText(p.rate)}</NumTd>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <p className="text-xs text-slate-500">{FUNDING_RATE_RULE}。</p>
        </div>
      )}
    </Section>
  );
}
