import { describe, expect, it } from "vitest";
import {
  deadlineDay,
  defaultDeadline,
  isPastDeadline,
  parkProgressPage,
  parksCovering,
  parkUnapproved,
  parksMostBehindFirst,
  PERIOD_STATUS_LABEL,
  progressTotals,
  periodTitle,
} from "@/domain/periods";

describe("调度期 rules", () => {
  it("a month is reported by the configured day of the next month (default the 5th)", () => {
    expect(defaultDeadline("2024-11", 5)).toBe("2024-12-05");
    expect(defaultDeadline("2024-12", 10)).toBe("2025-01-10");
    expect(deadlineDay({})).toBe(5);
    expect(deadlineDay({ REPORT_DEADLINE_DAY: "10" })).toBe(10);
    expect(() => deadlineDay({ REPORT_DEADLINE_DAY: "31" })).toThrow(/1 到 28/);
    expect(() => deadlineDay({ REPORT_DEADLINE_DAY: "5th" })).toThrow(/REPORT_DEADLINE_DAY/);
    // the bounds: the 1st and the 28th exist in every month
    expect(deadlineDay({ REPORT_DEADLINE_DAY: "1" })).toBe(1);
    expect(deadlineDay({ REPORT_DEADLINE_DAY: "28" })).toBe(28);
    expect(deadlineDay({ REPORT_DEADLINE_DAY: " 10 " })).toBe(10);
    expect(deadlineDay({ REPORT_DEADLINE_DAY: "  " })).toBe(5);
    expect(() => deadlineDay({ REPORT_DEADLINE_DAY: "0" })).toThrow(/1 到 28/);
    expect(() => deadlineDay({ REPORT_DEADLINE_DAY: "29" })).toThrow(/1 到 28/);
  });

  it("labels", () => {
    expect(PERIOD_STATUS_LABEL).toEqual({ OPEN: "填报中", PUBLISHED: "已发布" });
  });

  it("the deadline day itself is still in time", () => {
    expect(isPastDeadline("2024-12-05", "2024-12-05")).toBe(false);
    expect(isPastDeadline("2024-12-05", "2024-12-06")).toBe(true);
  });

  it("titles", () => {
    expect(periodTitle("2024-01")).toBe("2024年1月调度");
  });

  const progress = [
    { parkId: 1, projects: 3, approved: 3 },
    { parkId: 2, projects: 5, approved: 1 },
    { parkId: 3, projects: 2, approved: 0 },
    { parkId: 4, projects: 4, approved: 2 },
  ];

  it("counts each county park's projects not yet approved", () => {
    expect(progress.map(parkUnapproved)).toEqual([0, 4, 2, 2]);
  });

  it("lists the county parks with the most projects still to approve first, ties in their usual order", () => {
    expect(parksMostBehindFirst(progress).map((p) => p.parkId)).toEqual([2, 3, 4, 1]);
    expect(progress.map((p) => p.parkId)).toEqual([1, 2, 3, 4]);
  });

  it("sums the report counts over every county park", () => {
    const rows = [
      { projects: 3, approved: 1, submitted: 1, returned: 0, draft: 1, missing: 0 },
      { projects: 6, approved: 0, submitted: 2, returned: 2, draft: 0, missing: 2 },
    ];
    expect(progressTotals(rows)).toEqual({ projects: 9, approved: 1, submitted: 3, returned: 2, draft: 1, missing: 2 });
    expect(progressTotals([])).toEqual({ projects: 0, approved: 0, submitted: 0, returned: 0, draft: 0, missing: 0 });
  });

  it("pages the progress table most behind first; a page out of range shows the nearest", () => {
    expect(parkProgressPage(progress, 1, 3)).toEqual({ rows: [progress[1], progress[2], progress[3]], page: 1, pages: 2 });
    expect(parkProgressPage(progress, 2, 3)).toEqual({ rows: [progress[0]], page: 2, pages: 2 });
    expect(parkProgressPage(progress, 9, 3).page).toBe(2);
    expect(parkProgressPage(progress, 0, 3).page).toBe(1);
    expect(parkProgressPage(progress, 1, 4)).toEqual({ rows: [progress[1], progress[2], progress[3], progress[0]], page: 1, pages: 1 });
    expect(parkProgressPage([], 3, 20)).toEqual({ rows: [], page: 1, pages: 1 });
  });
});

describe("the county parks that hold a page of a list ordered park by park", () => {
  const parks = [3, 0, 4, 10, 2].map((n, i) => ({ parkId: i + 1, n }));
  const cover = (from: number, to: number) => parksCovering(parks, (p) => p.n, from, to);
  it("names the parks holding rows from..to and how many rows come before them", () => {
    expect(cover(0, 2)).toEqual({ parkIds: [1], skipped: 0 });
    expect(cover(0, 5)).toEqual({ parkIds: [1, 3], skipped: 0 });
    expect(cover(3, 7)).toEqual({ parkIds: [3], skipped: 3 });
    expect(cover(5, 10)).toEqual({ parkIds: [3, 4], skipped: 3 });
    expect(cover(15, 19)).toEqual({ parkIds: [4, 5], skipped: 7 });
    expect(cover(17, 19)).toEqual({ parkIds: [5], skipped: 17 });
  });
  it("names none past the end, and never a park without rows", () => {
    expect(cover(19, 25)).toEqual({ parkIds: [], skipped: 0 });
    expect(cover(2, 4).parkIds).not.toContain(2);
  });
});
