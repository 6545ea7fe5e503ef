// 资金到位 by source (issue #21): the five sources, 资金到位率 like for like, and the words it is
// shown in — the one definition, in TypeScript and SQL side by side (tests/unit/funding.test.ts and
// tests/integration/funding.test.ts pin both forms to the same answers).
//
//   - A project's 资金计划 is its planned funding by source (ProjectFundingPlan); its 计划资金 is the
//     sum over the sources. A project without any source planned has no plan.
//   - Each monthly report revision states the cumulative money in place (到位资金) per source at the
//     month's end; a source left empty carries the previous counted figure's amount, so the funding
//     of a month is the counted revision's, carried with it when the month is 未报 (never improved).
//   - 资金到位率 = Σ 到位资金 ÷ Σ 计划资金 × 100 over the same projects: those with a plan (a project
//     with a plan that has not stated any money in place counts 0 in place). With no plan (or a plan
//     summing to 0) there is no rate: 「无资金计划」, never 0.0%.
// Pure: no database handle.
import { Prisma } from "@/generated/prisma/client";
import { dec, Decimal, type DecimalLike } from "@/lib/money";
import { reportAmount } from "./report-wording";
import { FUNDS_COLUMNS } from "./funding-sources";

export * from "./funding-sources";

/** What a breakdown without any funding plan shows instead of a rate. */
export const NO_FUNDING_PLAN = "无资金计划";

/** Σ 到位资金 of the amounts stated (null when none is stated). */
export function fundsInPlace(funds: Iterable<DecimalLike | null | undefined>): Decimal | null {
  let total: Decimal | null = null;
  for (const f of funds) if (f !== null && f !== undefined) total = (total ?? new Decimal(0)).plus(dec(f));
  return total;
}

/** SQL twin of fundsInPlace over a row alias holding the five funds columns. */
export function fundsInPlaceSql(alias: string): Prisma.Sql {
  const a = alias.replace(/"/g, "");
  const cols = FUNDS_COLUMNS.map((c) => `"${a}"."${c}"`);
  return Prisma.raw(`(CASE WHEN ${cols.map((c) => `${c} IS NULL`).join(" AND ")} THEN NULL ELSE ${cols.map((c) => `coalesce(${c}, 0)`).join(" + ")} END)`);
}

/** The like-for-like pair: Σ 计划资金 of the projects with a plan, Σ 到位资金 of those same projects. */
export type FundingScopeSums = { fundingPlanned: DecimalLike; fundingInPlaceOfPlanned: DecimalLike };

/** 资金到位率 in percent (exact) of scope sums; null without a positive plan. */
export function fundingRate(sums: FundingScopeSums): Decimal | null {
  const planned = dec(sums.fundingPlanned);
  return planned.greaterThan(0) ? dec(sums.fundingInPlaceOfPlanned).dividedBy(planned).times(100) : null;
}

/** SQL twin of fundingRate over a numerator and a denominator expression (NULL: no rate). */
export function fundingRateSql(inPlaceOfPlanned: Prisma.Sql, planned: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${planned} > 0 THEN ${inPlaceOfPlanned} / ${planned} * 100 END)`;
}

/** One project's 资金到位率: null without a plan; money not stated counts 0 in place. */
export function projectFundingRate(f: { fundingPlanned: DecimalLike | null; fundingInPlace: DecimalLike | null }): Decimal | null {
  if (f.fundingPlanned === null) return null;
  return fundingRate({ fundingPlanned: f.fundingPlanned, fundingInPlaceOfPlanned: f.fundingInPlace ?? 0 });
}

/** TypeScript twin of fundingScopeSumsSql. */
export function fundingScopeSums(projects: Iterable<{ fundingPlanned: DecimalLike | null; fundingInPlace: DecimalLike | null }>) {
  let fundingPlanned = new Decimal(0);
  let fundingInPlaceOfPlanned = new Decimal(0);
  let fundingInPlace = new Decimal(0);
  let withFundingPlan = 0;
  for (const p of projects) {
    if (p.fundingInPlace !== null) fundingInPlace = fundingInPlace.plus(dec(p.fundingInPlace));
    if (p.fundingPlanned === null) continue;
    withFundingPlan++;
    fundingPlanned = fundingPlanned.plus(dec(p.fundingPlanned));
    if (p.fundingInPlace !== null) fundingInPlaceOfPlanned = fundingInPlaceOfPlanned.plus(dec(p.fundingInPlace));
  }
  return { fundingPlanned, withFundingPlan, fundingInPlaceOfPlanned, fundingInPlace };
}

/** SQL aggregates over rows with columns `planned` (NULL: no plan) and `inPlace` (NULL: none stated). */
export function fundingScopeSumsSql(planned: Prisma.Sql, inPlace: Prisma.Sql) {
  return {
    fundingPlanned: Prisma.sql`coalesce(sum(${planned}), 0)`,
    withFundingPlan: Prisma.sql`count(${planned})::int`,
    fundingInPlaceOfPlanned: Prisma.sql`coalesce(sum(${inPlace}) FILTER (WHERE ${planned} IS NOT NULL), 0)`,
    fundingInPlace: Prisma.sql`coalesce(sum(${inPlace}), 0)`,
  };
}

/** A rate as printed: one decimal place with %, or 「无资金计划」. */
export function fundingRateText(rate: DecimalLike | null): string {
  return rate === null ? NO_FUNDING_PLAN : `${dec(rate).toFixed(1)}%`;
}

/**
 * The rate with its numerator and denominator, from the same projects:
 * 「有资金计划的3个项目：到位资金12亿元 ÷ 计划资金30亿元 = 40.0%」 (「全部4个项目均有资金计划：…」
 * when every project has one); 「无资金计划（4个项目均未录入资金计划）」 when none has.
 */
export function fundingRateScope(sums: FundingScopeSums & { withFundingPlan: number; projectCount: number }): string {
  const rate = fundingRate(sums);
  if (rate === null) return `${NO_FUNDING_PLAN}（${sums.projectCount}个项目均未录入资金计划）`;
  const who = sums.withFundingPlan === sums.projectCount ? `全部${sums.projectCount}个项目均有资金计划` : `有资金计划的${sums.withFundingPlan}个项目`;
  return `${who}：到位资金${reportAmount(sums.fundingInPlaceOfPlanned)} ÷ 计划资金${reportAmount(sums.fundingPlanned)} = ${fundingRateText(rate)}`;
}

/** The rule in one sentence, for notes under tables. */
export const FUNDING_RATE_RULE =
  "资金到位率 = 有资金计划项目的累计到位资金 ÷ 这些项目的计划资金（同口径，各来源合计）；未填到位资金的按0计；没有项目录入资金计划的，写“无资金计划”";

/**
 * 数据质量 「投资超过到位资金」: 开累 exceeds the money in place by more than `sharePercent` of the
 * money in place (开累 > 到位 × (1 + share)). Only when the revision states money in place.
 */
export function investmentBeyondFunds(cumulative: DecimalLike, inPlace: DecimalLike | null, sharePercent: DecimalLike): boolean {
  if (inPlace === null) return false;
  const limit = dec(inPlace).times(dec(sharePercent).dividedBy(100).plus(1));
  return dec(cumulative).greaterThan(limit);
}
