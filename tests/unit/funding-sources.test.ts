// The five 资金来源 (src/domain/funding-sources.ts) as every form, table and 调度表 column lists
// them: in the order officials know them, with their Chinese names, each with its own column.
import { describe, expect, it } from "vitest";
import { FUNDING_SOURCES, FUNDING_SOURCE_LABEL, FUNDS_COLUMN, FUNDS_COLUMNS } from "@/domain/funding-sources";

describe("资金来源", () => {
  it("are listed in the officials' order with their Chinese names", () => {
    expect(FUNDING_SOURCES.map((s) => FUNDING_SOURCE_LABEL[s])).toEqual(["财政资金", "地方政府专项债券", "银行贷款", "企业自筹", "其他"]);
  });

  it("each keeps its money in place in a column of its own, in the same order", () => {
    expect(FUNDS_COLUMNS).toEqual(["fundsFiscal", "fundsBond", "fundsBank", "fundsSelf", "fundsOther"]);
    expect(new Set(Object.values(FUNDS_COLUMN)).size).toBe(FUNDING_SOURCES.length);
  });
});
