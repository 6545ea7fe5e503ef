import { describe, expect, it } from "vitest";
import { heapFlags } from "../../runtime/heap-flags";

describe("the app server's heap bound", () => {
  it("bounds the heap at 256 MB by default so the server collects before it grows past 300 MB", () => {
    expect(heapFlags({})).toEqual(["--max-old-space-size=256", "--max-semi-space-size=4"]);
  });
  it("takes APP_MAX_HEAP_MB, and 0 for Node's own defaults", () => {
    expect(heapFlags({ APP_MAX_HEAP_MB: "1024" })).toEqual(["--max-old-space-size=1024", "--max-semi-space-size=4"]);
    expect(heapFlags({ APP_MAX_HEAP_MB: "0" })).toEqual([]);
  });
  it("refuses a value that is not a whole number of megabytes, or too small to serve pages", () => {
    expect(() => heapFlags({ APP_MAX_HEAP_MB: "256m" })).toThrow("APP_MAX_HEAP_MB 须为整数");
    expect(() => heapFlags({ APP_MAX_HEAP_MB: "-1" })).toThrow("APP_MAX_HEAP_MB 须为整数");
    expect(() => heapFlags({ APP_MAX_HEAP_MB: "64" })).toThrow("不能小于 128");
    expect(heapFlags({ APP_MAX_HEAP_MB: "128" })).toEqual(["--max-old-space-size=128", "--max-semi-space-size=4"]);
  });
});
