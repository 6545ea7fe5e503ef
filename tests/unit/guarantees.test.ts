// Figures as a reader checks them, each against a one-line bug that once went unnoticed.
import { describe, expect, it } from "vitest";
import { formatMoney, formatWan } from "@/lib/money";
import { countGap, investmentGap } from "@/lib/plan-gaps";

describe("amounts keep their cents", () => {
  it("万元 are shown with both decimals, never rounded to one", () => {
    expect(formatWan("1234.56")).toBe("1,234.56万元");
    expect(formatWan("0.05")).toBe("0.05万元");
    expect(formatMoney("9999.99")).toBe("9,999.99万元");
  });
});

describe("plan gaps say only what is true", () => {
  it("no message when the count matches, and never 尚缺0个", () => {
    expect(countGap(4, 4)).toEqual({ kind: "ok", message: null });
    expect(countGap(5, 4).message).toContain("尚缺1个");
    const short = investmentGap({ declaredTotal: "1000", computedTotal: "900", declaredCount: 4, computedCount: 4 });
    expect(short.message).not.toMatch(/尚有0个|尚缺0个/);
    expect(short.message).toBe("已录入项目总投资比申报数少0.01亿元，请核实。");
  });
});
