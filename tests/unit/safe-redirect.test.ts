import { describe, expect, it } from "vitest";
import { safeRedirect } from "@/lib/safe-redirect";
import { OFFSITE_NEXT, SAME_SITE_NEXT } from "../fixtures/redirect-battery";
import { RAW_LOGIN_ADDRESSES } from "../fixtures/odd-paths";

describe("after signing in, the browser stays on this site", () => {
  const base = "https://park.example.gov";
  it.each(OFFSITE_NEXT.map((v) => [JSON.stringify(v), v]))("refuses %s and goes to the overview", (_label, next) => {
    const target = safeRedirect(next);
    expect(target).toBe("/");
  });

  it.each(OFFSITE_NEXT.map((v) => [JSON.stringify(v), v]))("whatever a browser makes of the answer to %s stays on the site", (_label, next) => {
    expect(new URL(safeRedirect(next), base).origin).toBe(base);
  });

  it.each(SAME_SITE_NEXT)("keeps the same-site target %s", (next, expected) => {
    expect(safeRedirect(next)).toBe(expected);
  });

  it("refuses what is not a single string", () => {
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(["/projects"])).toBe("/");
    expect(safeRedirect("")).toBe("/");
    expect(safeRedirect(`/${"a".repeat(3000)}`)).toBe("/");
  });
});

describe("redirect edge cases", () => {
  it("refuses targets the URL API or percent-decoding cannot read", () => {
    expect(safeRedirect("/%E0%A4%A")).toBe("/");
    expect(safeRedirect("//[")).toBe("/");
  });
  it("keeps a doubled slash inside a path, and a long but bounded target", () => {
    expect(safeRedirect("/projects//x")).toBe("/projects//x");
    const long = `/${"a".repeat(1999)}`;
    expect(safeRedirect(long)).toBe(long);
    expect(safeRedirect(`${long}a`)).toBe("/");
  });
});

describe("the addresses of the browser test, as the proxy reads them", () => {
  // the proxy reads `next` with URLSearchParams, after the address's own decoding
  const read = (address: string) => new URL(address, "http://127.0.0.1:3203").searchParams.get("next");
  it.each(RAW_LOGIN_ADDRESSES)("%s goes to /", (address) => {
    expect(safeRedirect(read(address))).toBe("/");
  });
  it("an encoded same-site target is kept with its query", () => {
    expect(safeRedirect(read("/login?next=%2Fprojects%3Fq%3D%25E5%258E%2582"))).toBe("/projects?q=%E5%8E%82");
  });
});
