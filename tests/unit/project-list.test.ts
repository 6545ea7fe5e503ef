import { describe, expect, it } from "vitest";
import { matchesWarning, paginate, parseProjectListParams } from "@/lib/project-list";
import type { Warning } from "@/lib/warnings";

const w = (level: Warning["level"], stale = false): Warning => ({ level, stale, reasons: [], lagPoints: null, demo: false });

describe("project list URL", () => {
  it("parses a shared view and ignores what it does not know", () => {
    expect(parseProjectListParams({ park: "3", status: "IN_PRODUCTION", warning: "red", q: " 金石 ", sort: "total", page: "2" })).toEqual({
      year: undefined, park: 3, status: "IN_PRODUCTION", industry: undefined, warning: "red", q: "金石", sort: "total", dir: "desc", page: 2, size: 20,
    });
    expect(parseProjectListParams({ size: "2" }).size).toBe(2);
    expect(parseProjectListParams({ size: "5000" }).size).toBe(100);
    expect(parseProjectListParams({ status: "DROP TABLE", sort: "name;--", page: "0", dir: "sideways" })).toMatchObject({
      status: undefined, sort: "list", dir: "asc", page: 1,
    });
  });
  it("filters by colour or staleness", () => {
    expect(matchesWarning(w("red"), "red")).toBe(true);
    expect(matchesWarning(w("yellow"), "red")).toBe(false);
    expect(matchesWarning(w("green", true), "stale")).toBe(true);
    expect(matchesWarning(w("green"), undefined)).toBe(true);
  });
  it("paginates, clamping a page past the end", () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    expect(paginate(items, 1)).toMatchObject({ page: 1, pages: 3, total: 45, rows: items.slice(0, 20) });
    expect(paginate(items, 3).rows).toEqual([40, 41, 42, 43, 44]);
    expect(paginate(items, 9).page).toBe(3);
    expect(paginate([], 1)).toEqual({ rows: [], page: 1, pages: 1, total: 0 });
  });
});
