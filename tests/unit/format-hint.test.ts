// A date input's hint follows the order the browser shows its fields in (components/forms/format-hint.tsx).
import { describe, expect, it } from "vitest";
import { formatHintText } from "@/components/forms/format-hint";

describe("the format beside a date or month input", () => {
  it("a Chinese browser reads 年/月/日, an American one 月/日/年, a British one 日/月/年", () => {
    expect(formatHintText("date", "zh-CN")).toBe("年/月/日，如 2024/11/05");
    expect(formatHintText("date", "en-US")).toBe("月/日/年，如 11/05/2024");
    expect(formatHintText("date", "en-GB")).toBe("日/月/年，如 05/11/2024");
    expect(formatHintText("date", "en-US", true)).toBe("月/日/年");
  });
  it("a month: 年-月 in Chinese, the browser's order otherwise", () => {
    expect(formatHintText("month", "zh-CN")).toBe("年-月，如 2024年11月");
    expect(formatHintText("month", "en-US")).toBe("月/年，如 11/2024");
  });
});
