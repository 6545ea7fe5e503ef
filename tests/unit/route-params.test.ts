import { describe, expect, it } from "vitest";
import { routeParam } from "@/lib/route-params";
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
