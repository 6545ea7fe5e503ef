// 构成 (/figures/explain): what composes a published figure — the projects a total or a rate runs
// over, or the source revision of one project's figure. Everything shown comes computed from
// src/server/figures/explain.ts; nothing is calculated here.
import Link from "next/link";
import type { FigureScope, ProjectSource, ScopeColumn, ScopeSort, SourceStep } from "@/server/figures/explain";
import { SCOPE_COLUMN_LABEL, sourceLine } from "@/server/figures/explain";
import type { PublicationRef } from "@/server/periods/queries";
import { DemoBadge, EmptyState, Section } from "@/components/common/badges";
import { Pagination } from "@/components/common/pagination";
import { Th } from "@/components/common/table";
import { MissingBadge } from "@/components/figures/figure-badges";
import { dec, formatWan } from "@/lib/money";
import { formatDateTime, formatMonth } from "@/lib/month";
import { scopeHref, sourceHref } from "@/lib/explain-links";
import { queryString } from "@/lib/search-params";
import { ScrollTable } from "@/components/common/scroll-table";

const wan = (v: string | null) => (v === null ? "—" : formatWan(v, { unit: false }));

function ScopeSums({ scope }: { scope: FigureScope }) {
  const cols = scope.definition.columns;
  return (
    <p className="num text-sm text-slate-800" data-testid="scope-listed">
      下列{scope.listed.projects}个项目合计：
      {cols.map((c, i) => (
        <span key={c}>
          {i > 0 && " ÷ "}
          {SCOPE_COLUMN_LABEL[c].replace(/（万元）$/, "")}
          <span className="whitespace-nowrap" data-testid={`scope-sum-${c}`}>
            {formatWan(scope.listed[c])}
          </span>
        </span>
      ))}
    </p>
  );
}

function SortLinks({ sort, href }: { sort: ScopeSort; href: (sort: ScopeSort) => string }) {
  const item = (s: ScopeSort, label: string) =>
    s === sort ? (
      <span className="font-medium text-slate-900" aria-current="true">
        {label}
      </span>
    ) : (
      <Link href={href(s)} className="text-blue-700 hover:underline">
        {label}
      </Link>
    );
  return (
    <p className="text-sm text-slate-600">
      排序：{item("amount", "按金额从大到小")} · {item("list", "按年度清单顺序")}
    </p>
  );
}

function SourceCell({ pub, row }: { pub: PublicationRef; row: FigureScope["rows"][number] }) {
  return (
    <>
      {row.missing && <MissingBadge figureMonth={row.figureMonth} />}
      {row.isDemo && <DemoBadge />}{" "}
      <Link href={sourceHref(pub, row.code)} className="whitespace-nowrap text-blue-700 hover:underline" data-testid={`source-link-${row.code}`}>
        来源
      </Link>
    </>
  );
}

export function ScopeView({ pub, scope, park, sort }: { pub: PublicationRef; scope: FigureScope; park: { id: number; name: string } | null; sort: ScopeSort }) {
  const cols: readonly ScopeColumn[] = scope.definition.columns;
  const parkId = park?.id;
  const parkName = park?.name ?? null;
  const href = (page: number, s: ScopeSort = sort) =>
    `/figures/explain${queryString({ figure: scope.figure, park: parkId, month: pub.month, publication: pub.publicationNo, sort: s === "amount" ? undefined : s, page: page > 1 ? page : undefined })}`;
  const offset = (scope.page - 1) * scope.size;
  return (
    <div className="space-y-4">
      <Section id="figure-heading" title={`发布的${scope.definition.title}${parkName ? `（${parkName}）` : ""}`}>
        <p className="num text-base font-semibold" data-testid="scope-statement">
          {scope.statement}
        </p>
        <p className="mt-2 text-sm text-slate-600">口径：{scope.definition.scope}。</p>
        <div className="mt-2">
          <ScopeSums scope={scope} />
        </div>
      </Section>
      <section aria-labelledby="scope-list-heading" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="scope-list-heading" className="text-lg font-semibold">
            计入的项目
            <span className="ml-2 text-sm font-normal text-slate-500" data-testid="scope-count">
              共{scope.listed.projects}个{scope.pages > 1 && `，第${scope.page}/${scope.pages}页`}
            </span>
          </h2>
          <SortLinks sort={sort} href={(s) => href(1, s)} />
        </div>
        {scope.rows.length === 0 ? (
          <EmptyState>没有计入该数字的项目。</EmptyState>
        ) : (
          <>
            <ScrollTable className="hidden rounded-lg border border-slate-200 bg-white md:block">
              <table className="w-full text-sm" data-testid="scope-table">
                <thead className="bg-slate-100 text-left align-bottom text-slate-600">
                  <tr>
                    <Th className="px-3 py-2 text-right">序号</Th>
                    <Th className="min-w-[12rem] px-3 py-2">项目</Th>
                    {parkName === null && <Th className="px-3 py-2">县区园区</Th>}
                    {cols.map((c) => (
                      <Th key={c} className="px-3 py-2 text-right">
                        {SCOPE_COLUMN_LABEL[c]}
                      </Th>
                    ))}
                    <Th className="px-3 py-2">数据来源</Th>
                  </tr>
                </thead>
                <tbody>
                  {scope.rows.map((r, i) => (
                    <tr key={r.code} className="border-t border-slate-100" data-testid={`scope-row-${r.code}`}>
                      <td className="num px-3 py-2 text-right text-slate-500">{offset + i + 1}</td>
                      <td className="px-3 py-2">
                        <Link href={`/projects/${encodeURIComponent(r.code)}`} className="text-blue-700 hover:underline">
                          {r.name}
                        </Link>
                      </td>
                      {parkName === null && <td className="px-3 py-2 whitespace-nowrap">{r.parkName}</td>}
                      {cols.map((c) => (
                        <td key={c} className="num px-3 py-2 text-right whitespace-nowrap" data-col={c}>
                          {wan(r[c])}
                        </td>
                      ))}
                      <td className="px-3 py-2">
                        <SourceCell pub={pub} row={r} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            <ul className="space-y-2 md:hidden" data-testid="scope-cards">
              {scope.rows.map((r, i) => (
                <li key={r.code} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                  <p>
                    <span className="num mr-1 text-slate-500">{offset + i + 1}.</span>
                    <Link href={`/projects/${encodeURIComponent(r.code)}`} className="font-medium text-blue-700 hover:underline">
                      {r.name}
                    </Link>
                  </p>
                  {parkName === null && <p className="text-xs text-slate-500">{r.parkName}</p>}
                  <dl className="mt-1 grid grid-cols-2 gap-2">
                    {cols.map((c) => (
                      <div key={c}>
                        <dt className="text-xs text-slate-500">{SCOPE_COLUMN_LABEL[c]}</dt>
                        <dd className="num">{wan(r[c])}</dd>
                      </div>
                    ))}
                  </dl>
                  <p className="mt-1">
                    <SourceCell pub={pub} row={r} />
                  </p>
                </li>
              ))}
            </ul>
            <Pagination page={scope.page} pages={scope.pages} href={(p) => href(p)} />
          </>
        )}
        <p className="text-xs text-slate-500">金额为该调度期发布时计算并保存的数，单位万元；点“来源”查看每个项目的数来自哪一版月报、由谁提交和审核。</p>
      </section>
    </div>
  );
}

function Step({ label, step, testId }: { label: string; step: SourceStep | null; testId: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm" data-testid={testId}>
        {step ? (
          <>
            {step.by ?? step.note ?? "未记录账号"}，{formatDateTime(step.at)}
          </>
        ) : (
          "未记录"
        )}
      </dd>
    </div>
  );
}

function Amount({ label, value, testId, note }: { label: string; value: React.ReactNode; testId?: string; note?: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="num text-sm font-semibold" data-testid={testId}>
        {value}
      </dd>
      {note && <dd className="text-xs text-slate-500">{note}</dd>}
    </div>
  );
}

export function SourceView({ pub, source }: { pub: PublicationRef; source: ProjectSource }) {
  const s = source;
  return (
    <div className="space-y-4">
      <Section id="source-heading" title="数据来源">
        <p className={`text-base font-semibold ${s.missing ? "text-amber-800" : ""}`} data-testid="source-line">
          {sourceLine(s)}
          {s.isDemo && <DemoBadge />}
        </p>
        {s.figureMonth !== null && (
          <dl className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-4">
            <div>
              <dt className="text-xs text-slate-500">月报月份</dt>
              <dd className="text-sm" data-testid="source-month">
                {formatMonth(s.figureMonth)}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">版本</dt>
              <dd className="text-sm" data-testid="source-revision">
                {s.revisionNo === null ? "—" : `第${s.revisionNo}版`}
              </dd>
            </div>
            <Step label="提交" step={s.submitted} testId="source-submitted" />
            <Step label="审核通过" step={s.approved} testId="source-approved" />
          </dl>
        )}
        {s.missing && (
          <p className="mt-2 text-sm text-slate-600">
            {formatMonth(s.month)}没有审核通过的月报：不假定有进度，{formatMonth(s.month)}的本月完成投资为空，累计沿用上面这一版的已审核数。
          </p>
        )}
      </Section>
      <Section id="source-figures-heading" title={`${formatMonth(s.month)}发布的数`}>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Amount label="开工至今累计完成投资" value={s.cumulative === null ? "—" : formatWan(s.cumulative)} testId="source-cumulative" />
          <Amount label="本月完成投资" value={s.missing ? "未报" : s.monthInvestment === null ? "—" : formatWan(s.monthInvestment)} testId="source-month-investment" />
          <Amount label="至上年底累计完成投资" value={formatWan(s.priorYearCumulative)} />
          <Amount
            label="本年累计完成投资"
            value={formatWan(s.yearInvestment)}
            testId="source-year"
            note={s.cumulative === null ? undefined : `= 开工至今累计${formatWan(s.cumulative)} − 至上年底累计${formatWan(s.priorYearCumulative)}`}
          />
          <Amount
            label="年度计划投资"
            value={s.annualPlanned === null ? "未列（不计入年度投资完成率）" : formatWan(s.annualPlanned)}
            note={s.annualRate === null ? undefined : `年度投资完成率${dec(s.annualRate).toFixed(1)}%`}
          />
          <Amount label="总投资" value={formatWan(s.totalInvestment)} note={s.totalRate === null ? undefined : `开累完成率${dec(s.totalRate).toFixed(1)}%`} />
        </dl>
        <p className="mt-3 text-sm">
          <Link href={`/projects/${encodeURIComponent(s.code)}`} className="text-blue-700 hover:underline">
            项目页
          </Link>
          {" · "}
          <Link href={scopeHref(pub, "total", s.parkId)} className="text-blue-700 hover:underline">
            {s.parkName}的全部项目
          </Link>
        </p>
      </Section>
    </div>
  );
}
