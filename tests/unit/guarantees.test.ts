// Figures as a reader checks them, each against a one-line bug that once went unnoticed.
import { describe, expect, it } from "vitest";
import { formatMoney, formatWan } from "@/lib/money";
import { countGap, investmentGap } from "@/domain/plan-gaps";

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

import { countGap as gap, startDeadlineGap } from "@/domain/plan-gaps";
import { formatWait } from "@/domain/login-throttle";
import { parseProjectListParams } from "@/lib/project-list";
import { scheduleProgress } from "@/domain/schedule-progress";
import { intParam, queryString } from "@/lib/search-params";

describe("messages and URL state, exactly", () => {
  it("more projects entered than declared says so", () => {
    expect(gap(3, 5)).toEqual({ kind: "over", message: "平台已录入5个项目，多于计划申报的3个。" });
    expect(gap(5, 3)).toEqual({ kind: "under", message: "计划申报5个项目，平台已录入3个，尚缺2个。" });
    expect(startDeadlineGap({ computedCount: 4, startedByDeadline: 0, startedCount: 4, deadlineText: "2024年4月30日" })).toEqual({
      kind: "under",
      message: "4个项目在2024年4月30日之后才开工。",
    });
  });
  it("a negative wait reads as none", () => {
    expect(formatWait(-5)).toBe("0秒");
  });
  it("an impossible month is named in the error", () => {
    expect(() => scheduleProgress("2024-13")).toThrow("无效月份：「2024-13」");
  });
  it("the project list reads year, industry, search and direction from the URL, bounded", () => {
    const p = parseProjectListParams({ year: "2024", industry: "新材料".repeat(30), q: "厂".repeat(150), dir: "asc", sort: "total" });
    expect(p.year).toBe(2024);
    expect(p.industry).toHaveLength(60);
    expect(p.q).toHaveLength(100);
    expect(p.dir).toBe("asc");
    expect(parseProjectListParams({ sort: "total" }).dir).toBe("desc");
  });
  it("numbers only from digits; links keep zero but drop empty and null", () => {
    expect(intParam({ page: "12" }, "page")).toBe(12);
    expect(intParam({ page: "1x" }, "page")).toBeUndefined();
    expect(intParam({}, "page")).toBeUndefined();
    expect(queryString({ a: 0, b: null, c: "", d: undefined, e: "x" })).toBe("?a=0&e=x");
  });
});
