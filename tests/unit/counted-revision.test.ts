// Which revision of a monthly report counts (src/domain/counted-revision.ts): the published figure
// is the newest approved revision up to the month; the reporting check also counts a submitted
// revision while it awaits review; a month without its own figure is 未报 and carries an earlier
// one. tests/integration/figure-rules.test.ts runs the SQL forms on both engines.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { approvedFigureUpTo, COUNTED_REVISION, countedRevisionId, figureUpTo, figureUpToSql, isMissing, missingSql, revisionOf, revisionSql } from "@/domain/counted-revision";

const flat = (s: Prisma.Sql) => ({ text: s.text.replace(/\s+/g, " ").trim(), values: s.values });

type Status = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";
const report = (month: string, status: Status, currentRevisionId: number | null, approvedRevisionId: number | null) => ({ month, status, currentRevisionId, approvedRevisionId });

describe("which revision counts", () => {
  it("a submitted revision counts for the reporting check only; otherwise the approved one, or none", () => {
    const submittedCorrection = report("2024-05", "SUBMITTED", 12, 11);
    expect(revisionOf(submittedCorrection, "counted")).toBe(12);
    expect(revisionOf(submittedCorrection, "approved")).toBe(11);
    expect(countedRevisionId(submittedCorrection)).toBe(12);
    expect(countedRevisionId(report("2024-05", "SUBMITTED", 12, null))).toBe(12);
    expect(revisionOf(report("2024-05", "SUBMITTED", 12, null), "approved")).toBeNull();
    expect(countedRevisionId(report("2024-05", "RETURNED", 13, 11))).toBe(11);
    expect(countedRevisionId(report("2024-05", "DRAFT", 14, null))).toBeNull();
    expect(revisionOf(report("2024-05", "APPROVED", 15, 15), "approved")).toBe(15);
  });

  it("the published figure: the newest month up to the one asked for with an approved revision", () => {
    const reports = [
      report("2024-03", "APPROVED", 3, 3),
      report("2024-05", "RETURNED", 6, null),
      report("2024-04", "APPROVED", 4, 4),
      report("2024-06", "SUBMITTED", 7, null),
      report("2024-07", "APPROVED", 8, 8),
    ];
    expect(figureUpTo(reports, "approved", { upTo: "2024-06" })).toMatchObject({ month: "2024-04", revisionId: 4 });
    expect(figureUpTo(reports, "approved", { upTo: "2024-07" })).toMatchObject({ month: "2024-07", revisionId: 8 });
    expect(figureUpTo(reports, "approved", { upTo: "2024-04" })).toMatchObject({ month: "2024-04", revisionId: 4 });
    expect(figureUpTo(reports, "approved", { before: "2024-04" })).toMatchObject({ month: "2024-03", revisionId: 3 });
    expect(figureUpTo(reports, "approved", { upTo: "2024-02" })).toBeNull();
    expect(figureUpTo(reports, "approved", { before: "2024-03" })).toBeNull();
    expect(figureUpTo([], "approved", { upTo: "2024-12" })).toBeNull();
    // in whatever order the reports come
    expect(figureUpTo([report("2024-04", "APPROVED", 4, 4), report("2024-03", "APPROVED", 3, 3)], "approved", { upTo: "2024-06" })).toMatchObject({ month: "2024-04" });
  });

  it("the reporting check counts the month awaiting review, never a later month", () => {
    const reports = [report("2024-04", "APPROVED", 4, 4), report("2024-06", "SUBMITTED", 7, null), report("2024-05", "RETURNED", 6, null)];
    expect(figureUpTo(reports, "counted", { upTo: "2024-06" })).toMatchObject({ month: "2024-06", status: "SUBMITTED", revisionId: 7 });
    expect(figureUpTo(reports, "counted", { before: "2024-06" })).toMatchObject({ month: "2024-04", revisionId: 4 });
    expect(figureUpTo(reports, "counted", { upTo: "2024-05" })).toMatchObject({ month: "2024-04", revisionId: 4 });
  });

  it("未报: the figure comes from another month, or there is none", () => {
    expect(isMissing("2024-06", "2024-06")).toBe(false);
    expect(isMissing("2024-05", "2024-06")).toBe(true);
    expect(isMissing(null, "2024-06")).toBe(true);
    expect(flat(missingSql(Prisma.sql`f.month`, "2024-06"))).toEqual({ text: "(f.month IS DISTINCT FROM $1)", values: ["2024-06"] });
  });

  it("the SQL forms: the revision column, and the newest counting month as a LATERAL join", () => {
    expect(flat(revisionSql("approved")).text).toBe('r."approvedRevisionId"');
    const counted = `CASE WHEN r.status = 'SUBMITTED' THEN r."currentRevisionId" ELSE r."approvedRevisionId" END`;
    expect(flat(revisionSql("counted")).text).toBe(counted);
    expect(flat(COUNTED_REVISION).text).toBe(counted);

    const lateral = (rev: string, project: string, bound: string, alias: string) =>
      `LEFT JOIN LATERAL ( SELECT r.month, r.status, rv.id AS "revisionId", rv."cumulativeInvestment", rv."monthInvestment", rv."progressText", r."isDemo", rv."fundsFiscal", rv."fundsBond", rv."fundsBank", rv."fundsSelf", rv."fundsOther" FROM "MonthlyReport" r JOIN "MonthlyReportRevision" rv ON rv.id = ${rev} WHERE r."projectId" = ${project} AND ${bound} ORDER BY r.month DESC LIMIT 1 ) "${alias}" ON true`;
    expect(flat(approvedFigureUpTo("2024-06", "pub"))).toEqual({ text: lateral('r."approvedRevisionId"', "p.id", "r.month <= $1", "pub"), values: ["2024-06"] });
    expect(flat(figureUpToSql({ alias: 'la"st', basis: "counted", before: "2024-06", project: Prisma.sql`x."projectId"` }))).toEqual({
      text: lateral(counted, 'x."projectId"', "r.month < $1", "last"),
      values: ["2024-06"],
    });
    expect(flat(figureUpToSql({ alias: "f", basis: "approved", before: "2024-06", upTo: "2024-09" }))).toEqual({
      text: lateral('r."approvedRevisionId"', "p.id", "r.month < $1", "f"),
      values: ["2024-06"],
    });
    expect(() => figureUpToSql({ alias: "f", basis: "approved" })).toThrow("figureUpToSql: upTo or before");
  });
});
