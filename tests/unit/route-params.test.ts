import { describe, expect, it } from "vitest";
import { idParam, routeParam, yearParam } from "@/lib/route-params";
import { MALFORMED_PATHS, UNKNOWN_PATHS } from "../fixtures/odd-paths";

describe("path parameters are validated before any query", () => {
  it.each([
    ["/projects/YQ2024-001", { kind: "project", code: "YQ2024-001" }],
    ["/monthly-report/DEMO-001", { kind: "project", code: "DEMO-001" }],
    ["/admin/projects/YQ2024-001/edit", { kind: "project", code: "YQ2024-001" }],
    ["/parks/3", { kind: "park", id: 3 }],
    ["/issues/12", { kind: "issue", id: 12 }],
    ["/issues/12/print", { kind: "issue", id: 12 }],
    ["/admin/plans/2024", { kind: "plan", year: 2024 }],
    ["/periods/2024-11", { kind: "period", month: "2024-11" }],
    ["/periods/2024-11/bulletin", { kind: "period", month: "2024-11" }],
    ["/annual-report/2024", { kind: "plan", year: 2024 }],
    ["/annual-report/2024/edit", { kind: "plan", year: 2024 }],
  ])("%s names %o", (path, expected) => {
    expect(routeParam(path)).toEqual(expected);
  });

  it.each([
    "/projects/%00",
    "/projects/%E0%A4%A",
    "/projects/%",
    "/projects/a%2Fb",
    "/projects/<x>",
    `/projects/${"A".repeat(41)}`,
    "/parks/0",
    "/parks/-1",
    "/parks/1e3",
    "/parks/%00",
    "/issues/9999999999",
    "/issues/abc",
    "/issues/abc/print",
    "/issues/0/print",
    "/admin/plans/99",
    "/admin/plans/2024x",
    "/monthly-report/%C0%AF",
    "/periods/2024-13",
    "/periods/2024-1",
    "/periods/%00",
    "/periods/2024-11x",
    "/periods/2024-13/bulletin",
    "/annual-report/24",
    "/annual-report/2024x/edit",
  ])("%s is malformed", (path) => {
    expect(routeParam(path)).toBe("invalid");
  });

  it.each([
    "/",
    "/projects",
    "/issues/new",
    "/issues/stats",
    "/admin/plans/new",
    "/admin/projects/new",
    "/login",
    "/api/health",
    "/projects/export",
    "/issues/export",
    "/imports/12",
    "/periods/2024-11/schedule",
  ])("%s is not a dynamic page", (path) => {
    expect(routeParam(path)).toBeNull();
  });
});

describe("only the dynamic pages' own shapes are checked", () => {
  it.each([
    "/foo/projects/X/edit",
    "/admin/other/X/edit",
    "/admin/projects/X/view",
    "/admin/projects/X/edit/more",
    "/projects/A/B",
    "/monthly-report/A/B",
    "/parks/1/x",
    "/issues/1/x",
    "/admin/plans/2024/x",
    "/admin/x/2024",
    "/x/plans/2024",
    "/foo/1",
    "/annual-report/2024/docx",
    "/periods/2024-11/bulletin/docx",
  ])("%s is left to the router", (path) => {
    expect(routeParam(path)).toBeNull();
  });
  it("a year must be the whole segment", () => {
    expect(routeParam("/admin/plans/x2024")).toBe("invalid");
    expect(routeParam("/admin/plans/2024")).toEqual({ kind: "plan", year: 2024 });
  });
});

describe("the odd paths of the browser test", () => {
  it.each(MALFORMED_PATHS.map((p) => [p.length > 60 ? `${p.slice(0, 60)}…` : p, p]))("%s is malformed: 404 without a query", (_label, path) => {
    expect(routeParam(path)).toBe("invalid");
  });
  it.each(UNKNOWN_PATHS)("%s is well-formed: looked up in the database", (path) => {
    expect(routeParam(path)).toMatchObject({ kind: expect.any(String) });
  });
});

describe("one path parameter on its own", () => {
  it("an id is a whole number from 1 to 999999999, percent-encoded or not", () => {
    expect(idParam("7")).toBe(7);
    expect(idParam("%37")).toBe(7);
    expect(idParam("999999999")).toBe(999999999);
    for (const raw of ["0", "07", "-1", "1000000000", "1.5", "1e3", " 7", "7x", "", "%E0%A4%A"]) expect(idParam(raw), raw).toBeNull();
  });
  it("a plan year is four digits from 1900 to 2199, the whole segment", () => {
    expect(yearParam("2024")).toBe(2024);
    expect(yearParam("1900")).toBe(1900);
    expect(yearParam("2199")).toBe(2199);
    for (const raw of ["1899", "2200", "x2024", "2024x", "202", "20245", ""]) expect(yearParam(raw), raw).toBeNull();
  });
});

describe("which paths carry a parameter", () => {
  it.each([
    ["/issues/12/print", { kind: "issue", id: 12 }],
    ["/annual-report/2024/edit", { kind: "plan", year: 2024 }],
    ["/annual-report/2024", { kind: "plan", year: 2024 }],
    ["/monthly-report/YQ2024-001", { kind: "project", code: "YQ2024-001" }],
    // only the project list has an export page; a project coded "export" has its monthly report
    ["/monthly-report/export", { kind: "project", code: "export" }],
    ["/admin/projects/YQ2024-001/edit", { kind: "project", code: "YQ2024-001" }],
  ])("%s", (path, expected) => {
    expect(routeParam(path)).toEqual(expected);
  });
  it.each([
    "/projects/export",
    "/monthly-report/YQ2024-001/x",
    "/issues/12/history",
    "/issues/12/print/x",
    "/parks/3/print",
    "/foo/12/print",
    "/annual-report/2024/x",
    "/annual-report/2024/edit/x",
    "/reports/2024/edit",
  ])("%s is left to the router", (path) => {
    expect(routeParam(path)).toBeNull();
  });
});

describe("a month in the path", () => {
  it("is a whole YYYY-MM of a real month", () => {
    expect(routeParam("/periods/2024-11")).toEqual({ kind: "period", month: "2024-11" });
    for (const path of ["/periods/x2024-11", "/periods/2024-00", "/periods/2024-13", "/periods/2024-11x"]) expect(routeParam(path), path).toBe("invalid");
  });
});
