// The small text rules of the generated documents (src/server/documents/model.ts).
import { describe, expect, it } from "vitest";
import { chineseQuotes, compactSpaces, endSentence, planSubject } from "@/server/documents/model";

describe("document text rules", () => {
  it("writes stored ASCII quotes as Chinese quotation marks, in pairs", () => {
    expect(chineseQuotes('坚持"项目为王"理念，开展"产业项目攻坚年"行动')).toBe("坚持“项目为王”理念，开展“产业项目攻坚年”行动");
    expect(chineseQuotes('一个"没有配对')).toBe('一个"没有配对');
    expect(chineseQuotes("没有引号")).toBe("没有引号");
  });

  it("drops spaces next to Chinese text only", () => {
    expect(compactSpaces("开工晚于计划截止日期 2024年4月30日（2024年9月开工）")).toBe("开工晚于计划截止日期2024年4月30日（2024年9月开工）");
    expect(compactSpaces("落后 22.3 个百分点")).toBe("落后22.3个百分点");
    expect(compactSpaces("PPT 宣传片")).toBe("PPT宣传片");
    expect(compactSpaces("Times New Roman")).toBe("Times New Roman");
  });

  it("ends a sentence once", () => {
    expect(endSentence("附属配套设施。")).toBe("附属配套设施。");
    expect(endSentence("附属配套设施")).toBe("附属配套设施。");
    expect(endSentence("石墨制品加工项目；")).toBe("石墨制品加工项目；");
    expect(endSentence(" 配套工程 ")).toBe("配套工程。");
  });

  it("takes a plan title's subject", () => {
    expect(planSubject("市工业园区2024年重大项目计划")).toBe("市工业园区2024年重大项目");
    expect(planSubject("2026年基准园区重大项目计划（合成数据）")).toBe("2026年基准园区重大项目（合成数据）");
    expect(planSubject("计划单列市重大项目")).toBe("计划单列市重大项目");
  });
});
