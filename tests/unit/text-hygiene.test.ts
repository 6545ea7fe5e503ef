import { describe, expect, it } from "vitest";
import { cleanStoredText, CONTROL_MESSAGE, FIELD_MAX_CHARS, hygieneErrors, textProblem } from "@/lib/schemas/text";
import { textField } from "@/lib/schemas/common";

describe("input hygiene: invisible control characters are refused with a message on the field", () => {
  it.each([
    ["NUL", "厂房\u0000建设"],
    ["bell", "a\u0007b"],
    ["escape", "\u001b[31m红"],
    ["DEL", "a\u007f"],
    ["C1", "a\u0085b"],
    ["bidi override", "a\u202eb"],
    ["lone surrogate", "a\ud800b"],
  ])("%s", (_name, value) => {
    expect(textProblem(value)).toBe(CONTROL_MESSAGE);
    const r = textField("形象进度", 100).safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe(`形象进度${CONTROL_MESSAGE}`);
  });

  it("accepts ordinary multi-line Chinese text, tabs and emoji", () => {
    for (const v of ["主体完工\n设备安装中", "a\tb", "第一行\r\n第二行", "进度 👍"]) expect(textProblem(v)).toBeNull();
    expect(textField("形象进度", 100).safeParse("主体完工\n设备安装中").success).toBe(true);
  });

  it("names every bad field, and only those", () => {
    expect(hygieneErrors({ a: "ok", b: "x\u0000", c: "y".repeat(FIELD_MAX_CHARS + 1) })).toEqual({
      b: [`${CONTROL_MESSAGE}`],
      c: ["内容过长"],
    });
    expect(hygieneErrors({ username: "a\u0000" }, { username: "用户名" })).toEqual({ username: [`用户名${CONTROL_MESSAGE}`] });
  });

  it("stored strings from outside are bounded and cleaned", () => {
    expect(cleanStoredText("Mozilla\u0000/5.0\u001b", 300)).toBe("Mozilla/5.0");
    expect(cleanStoredText("长".repeat(400), 300)).toHaveLength(300);
    expect(cleanStoredText(null, 10)).toBeNull();
    expect(cleanStoredText("a\ud800", 10)).toBe("a\ufffd");
  });
});

describe("hygiene edge cases", () => {
  it("a field of exactly the largest size is accepted", () => {
    expect(hygieneErrors({ a: "y".repeat(FIELD_MAX_CHARS) })).toEqual({});
  });
  it("stored text: undefined is null; surrogate pairs kept, lone halves replaced, length counted in characters", () => {
    expect(cleanStoredText(undefined, 10)).toBeNull();
    expect(cleanStoredText("😀a", 10)).toBe("😀a");
    expect(cleanStoredText("\udc00a", 10)).toBe("\ufffda");
    expect(cleanStoredText("a\ud83d\ude00b\ud800", 10)).toBe("a😀b\ufffd");
    expect(cleanStoredText("😀😀😀", 2)).toBe("😀😀");
  });
});
