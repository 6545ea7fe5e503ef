// The links from a published figure to what composes it (src/lib/explain-links.ts): each carries
// the publication read — its month and 第N次发布 — so the page explains the very figure the leader
// clicked, even after the month is published again.
import { describe, expect, it } from "vitest";
import { scopeHref, sourceHref } from "@/lib/explain-links";

const pub = { month: "2024-12", publicationNo: 2 };

describe("explain links", () => {
  it("a rate or a total of the whole list opens its projects, as of its publication", () => {
    expect(scopeHref(pub, "annual-rate")).toBe("/figures/explain?figure=annual-rate&month=2024-12&publication=2");
  });

  it("a county park's total opens the park's projects", () => {
    expect(scopeHref(pub, "total", 7)).toBe("/figures/explain?figure=total&park=7&month=2024-12&publication=2");
  });

  it("a project's figure opens its source revision, as of its publication", () => {
    expect(sourceHref(pub, "YQ2024-001")).toBe("/figures/explain?project=YQ2024-001&month=2024-12&publication=2");
  });
});
