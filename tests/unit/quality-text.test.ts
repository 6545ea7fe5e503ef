// The 通报's 数据质量 sentence (src/server/documents/quality-text.ts): counts by kind (the checks'
// labels) and by county park, and whether every prompt was verified — never "0条" for a
// publication made before the checks existed, never a project's name.
import { describe, expect, it } from "vitest";
import { qualityBlocks, qualitySentence } from "@/server/documents/quality-text";
import type { QualitySummary } from "@/server/data-quality/queries";

const summary = (over: Partial<QualitySummary> = {}): QualitySummary => ({
  checked: true,
  total: 3,
  projects: 2,
  unverified: 1,
  byKind: [
    { kind: "JUMP", count: 2, projects: 2 },
    { kind: "PHOTO_REUSED", count: 1, projects: 1 },
  ],
  byPark: [
    { parkId: 1, parkName: "会同县园区", count: 2, projects: 1 },
    { parkId: 2, parkName: "洞口县园区", count: 1, projects: 1 },
  ],
  ...over,
});

describe("the 通报's 数据质量 section", () => {
  it("counts the prompts by kind and county park and names how many lack a 核实说明", () => {
    expect(qualitySentence(summary())).toBe(
      "本月审核发布的报表中，系统提示数据质量问题3条（涉及2个项目）：本月投资突增2条、照片重复使用1条；按县区：会同县园区2条、洞口县园区1条；其中1条未附核实说明。",
    );
  });

  it("says all were verified when none lacks a 核实说明, and none was when all lack one", () => {
    expect(qualitySentence(summary({ unverified: 0 }))).toMatch(/；均已由园区管理办公室核实。$/);
    expect(qualitySentence(summary({ unverified: 3 }))).toMatch(/；均未附核实说明。$/);
    expect(qualitySentence(summary({ unverified: 2 }))).toMatch(/；其中2条未附核实说明。$/);
  });

  it("a publication with no prompt says so in one line; one made before the checks says they were not in use, not 0", () => {
    const none = summary({ total: 0, projects: 0, unverified: 0, byKind: [], byPark: [] });
    expect(qualityBlocks(none, "七、数据质量")).toEqual([
      { kind: "h1", text: "七、数据质量", anchor: "data-quality" },
      { kind: "p", text: "本月审核发布的报表中，系统未提示数据质量问题。" },
    ]);
    const before = qualityBlocks({ ...none, checked: false }, "七、数据质量");
    expect(before[1]).toEqual({ kind: "p", text: "本期发布时尚未启用数据质量检查。" });
    expect(JSON.stringify(before)).not.toContain("0条");
    // with prompts, a note says what they are (and that a prompt is not an error)
    expect(qualityBlocks(summary(), "七、数据质量")[2]).toMatchObject({ kind: "note", text: expect.stringContaining("提示不等于数据有误") });
  });
});
