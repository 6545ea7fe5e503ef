// What leaders would read if a month were published now: publishes it inside a transaction (the
// period row created when the month has none), reads the new publication's sums and one figure
// per project, and rolls everything back — the database is left as it was.
import type { Db } from "../../src/server/db/client";
import { publishFigures } from "../../src/server/figures/publish";
import { getPublicationTotals, type PublicationTotals } from "../../src/server/figures/queries";
import { countLeftBehind } from "../../src/server/periods/left-behind";
import { leftBehindToken } from "../../src/domain/periods";

const ROLLBACK = Symbol("rollback");

export async function publishedIfNow(
  prisma: Db,
  month: string,
  asOfDate: string,
): Promise<{
  totals: PublicationTotals;
  figures: Map<string, { cumulative: string | null; yearInvestment: string; annualRate: string | null; figureMonth: string | null; missing: boolean }>;
}> {
  let result: Awaited<ReturnType<typeof publishedIfNow>> | undefined;
  await prisma
    .$transaction(async (tx) => {
      if (!(await tx.reportingPeriod.findUnique({ where: { month } }))) {
        await tx.reportingPeriod.create({ data: { month, deadline: new Date(`${month}-28T00:00:00Z`) } });
      }
      const { publicationId } = await publishFigures(tx, { month, publishedById: null, asOfDate });
      const totals = await getPublicationTotals(tx as unknown as Db, { publicationId, month });
      const rows = await tx.$queryRaw<
        Array<{
          code: string;
          cumulative: { toString(): string } | null;
          yearInvestment: { toString(): string };
          annualRate: { toString(): string } | null;
          figureMonth: string | null;
          missing: boolean;
        }>
      >`
        SELECT p.code, f.cumulative, f."yearInvestment", f."annualRate", f."figureMonth", f.missing
          FROM "ProjectFigure" f JOIN "Project" p ON p.id = f."projectId"
         WHERE f."publicationId" = ${publicationId}`;
      const figures = new Map(
        rows.map((r) => [
          r.code,
          {
            cumulative: r.cumulative?.toString() ?? null,
            yearInvestment: r.yearInvestment.toString(),
            annualRate: r.annualRate?.toString() ?? null,
            figureMonth: r.figureMonth,
            missing: r.missing,
          },
        ]),
      );
      result = { totals, figures };
      throw ROLLBACK;
    })
    .catch((e) => {
      if (e !== ROLLBACK) throw e;
    });
  return result!;
}

/**
 * What the office confirms on the publish block for `month` now (src/domain/periods.ts
 * leftBehindToken): publishing a month that leaves projects 未报 needs it.
 */
export async function leftBehindConfirmation(prisma: Db, month: string): Promise<string> {
  return leftBehindToken(await countLeftBehind(prisma, month));
}
