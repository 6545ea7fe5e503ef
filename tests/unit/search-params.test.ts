import { describe, expect, it } from "vitest";
import { intParam, oneOf, param, queryString } from "@/lib/search-params";

describe("search parameters", () => {
  it("reads the first value and ignores blanks and nonsense", () => {
    expect(param({ q: ["金石", "x"] }, "q")).toBe("金石");
    expect(param({ q: "  " }, "q")).toBeUndefined();
    expect(intParam({ page: "2" }, "page")).toBe(2);
    expect(intParam({ page: "-1" }, "page")).toBeUndefined();
    expect(intParam({ page: "1e3" }, "page")).toBeUndefined();
    expect(oneOf("red", ["red", "yellow"] as const)).toBe("red");
    expect(oneOf("blue", ["red", "yellow"] as const)).toBeUndefined();
  });
  it("builds query strings without empty entries", () => {
    expect(queryString({ park: 3, q: "", sort: undefined, page: 2 })).toBe("?park=3&page=2");
    expect(queryString({})).toBe("");
    expect(queryString({ q: "a&b" })).toBe("?q=a%26b");
  });
});

describe("odd URL parameters", () => {
  it("a value with a NUL or another control character is ignored, as if absent", () => {
    expect(param({ q: "厂\u0000" }, "q")).toBeUndefined();
    expect(param({ q: ["\u001b[31m"] }, "q")).toBeUndefined();
    expect(param({ q: " 厂房 " }, "q")).toBe("厂房");
  });
});
