import { describe, expect, it } from "vitest";
import { activeChips } from "@/components/common/filter-bar";

describe("the active filters shown as chips on a phone", () => {
  it("names a set select by its option, a search, a date and a ticked box; leaves out what is not set and views such as the year", () => {
    expect(
      activeChips([
        { kind: "search", name: "q", label: "搜索（名称、代码、企业）", value: "金石" },
        { kind: "select", name: "year", label: "年度", value: 2024, options: [{ value: 2024, label: "2024年" }] },
        { kind: "select", name: "park", label: "县区园区", value: "3", all: "全部", options: [{ value: 3, label: "会同县园区" }] },
        { kind: "select", name: "status", label: "状态", value: undefined, all: "全部", options: [{ value: "OPEN", label: "待交办" }] },
        { kind: "date", name: "from", label: "起始日期", value: "2024-12-01" },
        { kind: "date", name: "to", label: "截止日期", value: "" },
        { kind: "checkbox", name: "overdue", label: "只看逾期", checked: true },
        { kind: "checkbox", name: "escalated", label: "只看已升级督办", checked: false },
      ]),
    ).toEqual(["搜索：金石", "县区园区：会同县园区", "起始日期：2024-12-01", "只看逾期"]);
  });
  it("a value no option has (a hand-edited address) makes no chip", () => {
    expect(activeChips([{ kind: "select", name: "park", label: "县区园区", value: "999", all: "全部", options: [{ value: 3, label: "会同县园区" }] }])).toEqual([]);
  });
  it("the park filter: the drop-down's option, the park a search picked, or the text that picked none", () => {
    const park = { id: 7, name: "基准007县园区", county: "基准007县", isDemo: false };
    const href = (id: number) => `/projects?park=${id}`;
    expect(activeChips([{ kind: "park", name: "park", label: "县区园区", filter: { mode: "select", parkId: 7, parks: [park] }, href }])).toEqual(["县区园区：基准007县园区"]);
    const search = { mode: "search" as const, park: null, query: undefined, matches: [], more: false };
    expect(activeChips([{ kind: "park", name: "park", label: "县区园区", filter: { ...search, parkId: 7, park }, href }])).toEqual(["县区园区：基准007县园区"]);
    expect(activeChips([{ kind: "park", name: "park", label: "县区园区", filter: { ...search, parkId: 0, query: "基准00", matches: [park] }, href }])).toEqual([
      "县区园区：含“基准00”",
    ]);
    expect(activeChips([{ kind: "park", name: "park", label: "县区园区", filter: { ...search, parkId: undefined }, href }])).toEqual([]);
  });
});
