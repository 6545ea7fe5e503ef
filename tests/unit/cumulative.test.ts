import { describe, expect, it } from "vitest";
import { startsAutoCumulative, suggestedCumulative } from "@/domain/cumulative";

describe("月报 form: 累计 worked out as the county types", () => {
  it("previous cumulative + this month, exactly", () => {
    expect(suggestedCumulative("1000.1", "0.2")).toBe("1000.3");
    expect(suggestedCumulative("0.1", "0.2")).toBe("0.3");
    expect(suggestedCumulative("500", " 12.5 ")).toBe("512.5");
    expect(suggestedCumulative("500", "0")).toBe("500");
  });

  it("no suggestion without a previous cumulative or while the month is not an amount", () => {
    expect(suggestedCumulative(null, "10")).toBeNull();
    expect(suggestedCumulative("500", "")).toBeNull();
    expect(suggestedCumulative("500", "1.")).toBeNull();
    expect(suggestedCumulative("500", "1.234")).toBeNull();
    expect(suggestedCumulative("500", "-1")).toBeNull();
    expect(suggestedCumulative("500", "1e3")).toBeNull();
    expect(suggestedCumulative("500", "abc")).toBeNull();
    expect(suggestedCumulative("500", "12.34")).toBe("512.34");
  });

  it("starts filling in by itself only when the cumulative is empty or already previous + month", () => {
    expect(startsAutoCumulative("500", "", "")).toBe(true);
    expect(startsAutoCumulative("500", "10", "  ")).toBe(true);
    expect(startsAutoCumulative("500", "10", "510")).toBe(true);
    expect(startsAutoCumulative("500", "10", " 510 ")).toBe(true);
    expect(startsAutoCumulative("500", "10", "520")).toBe(false);
    expect(startsAutoCumulative(null, "", "")).toBe(false);
    expect(startsAutoCumulative(null, "10", "510")).toBe(false);
  });
});
