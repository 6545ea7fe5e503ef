import { describe, expect, it } from "vitest";
import { parseProjectListParams } from "@/lib/project-list";

describe("project list URL", () => {
  it("parses a shared view and ignores what it does not know", () => {
    expect(parseProjectListParams({ park: "3", status: "IN_PRODUCTION", warning: "red", q: " 金石 ", sort: "total", page: "2" })).toEqual({
      year: undefined,
      park: 3,
      status: "IN_PRODUCTION",
      industry: undefined,
      warning: "red",
      q: "金石",
      sort: "total",
      dir: "desc",
      page: 2,
      size: 20,
    });
    expect(parseProjectListParams({ size: "2" }).size).toBe(2);
    expect(parseProjectListParams({ size: "5000" }).size).toBe(100);
    expect(parseProjectListParams({ status: "DROP TABLE", sort: "name;--", page: "0", dir: "sideways" })).toMatchObject({
      status: undefined,
      sort: "list",
      dir: "asc",
      page: 1,
    });
  });
  it("knows every figure it can sort by", () => {
    for (const sort of ["list", "total", "annual", "year", "completed", "rate", "totalRate", "lag"]) expect(parseProjectListParams({ sort }).sort).toBe(sort);
    expect(parseProjectListParams({ warning: "stale" }).warning).toBe("stale");
  });
});
