// The period page reads the left-behind groups' counts from its progress per park
// (leftBehindFromProgress); publishing's guard counts them itself (countLeftBehind). Both must say
// the same for every state a listed project's report of the month can be in. The page also reads
// its lists (each group's first names, the page of projects not approved) from the county parks
// the progress says hold them: the same rows as reading the whole list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEFT_BEHIND_GROUPS, leftBehindFromProgress } from "@/domain/periods";
import { countLeftBehind } from "@/server/periods/left-behind";
import { getLeftBehind, getPeriodProgress, listUnapprovedProjects } from "@/server/periods/queries";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

describe("left-behind counts from the period's progress", () => {
  let t: TestDatabase;
  let month = "";
  beforeAll(async () => {
    t = await createTestDatabase("demo");
  });
  afterAll(async () => t?.drop());

  it("equal the guard's own counts with every state present, approved corrections included", async () => {
    // a month of a demo list with at least seven of its projects not reported yet
    let found: { month: string; entries: Array<{ projectId: number }> } | null = null;
    for (const plan of await t.prisma.annualPlan.findMany({ orderBy: { year: "desc" } })) {
      for (let m = 12; m >= 1 && !found; m--) {
        const month = `${plan.year}-${String(m).padStart(2, "0")}`;
        const entries = await t.prisma.annualPlanEntry.findMany({
          where: { planId: plan.id, project: { monthlyReports: { none: { month } } } },
          orderBy: { id: "asc" },
          select: { projectId: true },
        });
        if (entries.length >= 7) found = { month, entries };
      }
      if (found) break;
    }
    expect(found).not.toBeNull();
    const { month: MONTH, entries } = found!;
    month = MONTH;
    const before = await countLeftBehind(t.prisma, MONTH);
    // approved; submitted; returned; returned after an approval (a correction); draft after an approval; draft; two none
    const states: Array<["APPROVED" | "SUBMITTED" | "RETURNED" | "DRAFT", boolean]> = [
      ["APPROVED", true],
      ["SUBMITTED", false],
      ["RETURNED", false],
      ["RETURNED", true],
      ["DRAFT", true],
      ["DRAFT", false],
      ["RETURNED", true],
    ];
    for (const [i, [status, approvedBefore]] of states.entries()) {
      const r = await t.prisma.monthlyReport.create({ data: { projectId: entries[i].projectId, month: MONTH, status } });
      const rv = await t.prisma.monthlyReportRevision.create({ data: { reportId: r.id, revisionNo: 1, cumulativeInvestment: 100, monthInvestment: 10, progressText: "—" } });
      await t.prisma.monthlyReport.update({ where: { id: r.id }, data: { currentRevisionId: rv.id, approvedRevisionId: approvedBefore ? rv.id : null } });
    }
    const guard = await countLeftBehind(t.prisma, MONTH);
    expect(guard).toEqual({
      submitted: before.submitted + 1,
      returned: before.returned + 1,
      draft: before.draft + 1,
      correction: before.correction + 3,
      missing: before.missing - states.length,
    });
    expect(leftBehindFromProgress(await getPeriodProgress(t.prisma, MONTH))).toEqual(guard);
  });

  it("each group's first names and every page of the projects not approved are the same read from the parks the progress names", async () => {
    expect(month).not.toBe("");
    const progress = await getPeriodProgress(t.prisma, month);
    expect(progress.length).toBeGreaterThan(1);
    for (const perGroup of [1, 2, 5]) {
      const whole = await getLeftBehind(t.prisma, month, perGroup);
      const narrowed = await getLeftBehind(t.prisma, month, perGroup, Promise.resolve(progress));
      expect(narrowed).toEqual(whole);
    }
    const scopes = [undefined, progress[0].parkId, progress[progress.length - 1].parkId];
    for (const parkId of scopes) {
      for (const group of [undefined, ...LEFT_BEHIND_GROUPS]) {
        for (const size of [1, 3]) {
          const first = await listUnapprovedProjects(t.prisma, month, { parkId, group, page: 1, size });
          const pages = Math.max(1, Math.ceil(first.total / size)) + 1;
          for (let page = 1; page <= pages; page++) {
            const whole = await listUnapprovedProjects(t.prisma, month, { parkId, group, page, size });
            expect(await listUnapprovedProjects(t.prisma, month, { parkId, group, page, size, progress })).toEqual(whole);
          }
        }
      }
    }
  });
});
