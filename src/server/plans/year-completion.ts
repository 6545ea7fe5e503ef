// The one definition of a plan year's completion figures: 本年完成投资 is, per project on the
// list, its latest counted cumulative figure within the year minus its latest up to the previous
// December (0 when it has none), summed over the projects with a figure in the year; 完成率 is
// that sum over the plan's declared annual investment. The SQL fragment and its TypeScript twin
// say the same thing; tests/integration/rules.test.ts pins both to the same answers.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { dec, type DecimalLike } from "@/lib/money";
import { rate } from "@/lib/progress";

const ident = (alias: string) => Prisma.raw(`"${alias.replace(/"/g, "")}"`);

/**
 * SQL aggregate over rows joining, per project, `latest` (its latest counted figure of the
 * year, see latestReportUpTo) and `base` (its latest up to the previous December).
 */
export function completedThisYearSql(latest = "lr", base = "base"): Prisma.Sql {
  return Prisma.sql`coalesce(sum(${ident(latest)}."cumulativeInvestment" - coalesce(${ident(base)}."cumulativeInvestment", 0)), 0)`;
}

/** TypeScript twin of completedThisYearSql: exact decimal string in 万元. */
export function completedThisYear(projects: Array<{ latest: DecimalLike | null; base: DecimalLike | null }>): string {
  let sum = dec(0);
  for (const p of projects) if (p.latest !== null) sum = sum.plus(dec(p.latest).minus(dec(p.base ?? 0)));
  return sum.toString();
}

/** 完成率: 本年完成投资 ÷ the declared annual investment × 100 (null when none is declared). */
export function yearCompletionRate(completed: DecimalLike, declaredAnnual: DecimalLike) {
  return rate(completed, declaredAnnual);
}
