// 问题类别 in two levels (src/domain/issue-categories.ts): the table, its SQL twin (the CHECK of
// migration 20261206163000), the ledger's one-parameter filter and the form's schema.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import {
  ISSUE_SUBCATEGORIES,
  ISSUE_TOP_CATEGORIES,
  isIssueCategoryPair,
  issueCategoryPath,
  issueSubCategory,
  parseIssueCategoryFilter,
  subCategoriesOf,
  subCategoryLabel,
} from "@/domain/issue-categories";
import { subCategoryLabelSql } from "@/domain/issue-categories-sql";
import { createIssueSchema } from "@/lib/schemas/issue";

describe("问题类别", () => {
  it("has the seed report's three categories on top, each sub-problem of the report under its own, and the five factor guarantees placed under them", () => {
    expect(ISSUE_TOP_CATEGORIES).toEqual(["FUNDING", "FACTOR", "INSTITUTIONAL"]);
    expect(subCategoriesOf("FUNDING").map((s) => s.label)).toEqual(["土地成本增加", "原材料价格上涨", "部分企业经营困难", "融资", "其他资金问题"]);
    expect(subCategoriesOf("FACTOR").map((s) => s.label)).toEqual(["技术人才不足", "能耗双控压力大", "土地", "能源", "环保", "用水用电", "其他要素保障问题"]);
    expect(subCategoriesOf("INSTITUTIONAL").map((s) => s.label)).toEqual(["管理模式粗放", "政策落实不到位", "审批", "其他体制机制问题"]);
    expect(issueCategoryPath("FACTOR", "TALENT")).toBe("要素保障问题 › 技术人才不足");
    // codes are unique and never a top category's
    const codes = ISSUE_SUBCATEGORIES.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of ISSUE_TOP_CATEGORIES) expect(codes).not.toContain(c);
  });

  it("the database's CHECK allows exactly the table's pairs", () => {
    const sql = fs.readFileSync(path.resolve("prisma/migrations/20261206163000_issue_subcategories/migration.sql"), "utf8");
    const check = sql.slice(sql.indexOf("Issue_subCategory_check"));
    const pairs = [...check.matchAll(/'([A-Z_]+):([A-Z_]+)'/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(pairs).toEqual(ISSUE_SUBCATEGORIES.map((s) => `${s.category}:${s.code}`));
  });

  it("the ledger's filter takes a top category (its sub-categories with it) or one sub-category; anything else is ignored", () => {
    expect(parseIssueCategoryFilter("FACTOR")).toEqual({ category: "FACTOR" });
    expect(parseIssueCategoryFilter("LAND")).toEqual({ category: "FACTOR", subCategory: "LAND" });
    expect(parseIssueCategoryFilter("APPROVAL")).toEqual({ category: "INSTITUTIONAL", subCategory: "APPROVAL" });
    expect(parseIssueCategoryFilter("WEATHER")).toBeUndefined();
    expect(parseIssueCategoryFilter(undefined)).toBeUndefined();
  });

  it("the form sends the sub-category (the service takes the top category from it); a top category sent with it must be its own", () => {
    const base = { projectCode: "YQ2024-001", title: "缺少技术工人", description: "高技能人才短缺" };
    expect(createIssueSchema.parse({ ...base, subCategory: "TALENT" })).toMatchObject({ subCategory: "TALENT" });
    expect(createIssueSchema.parse({ ...base, category: "FACTOR", subCategory: "LAND" })).toMatchObject({ category: "FACTOR", subCategory: "LAND" });
    const wrong = createIssueSchema.safeParse({ ...base, category: "FUNDING", subCategory: "TALENT" });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["subCategory", "「资金问题」下没有「技术人才不足」，请从列表中选择"]]);
    expect(createIssueSchema.safeParse({ ...base, subCategory: "" }).error?.issues[0].message).toBe("请选择问题类别");
  });

  it("a sub-category's label, the stored text of an issue recorded before the table, and the path without a known sub-category", () => {
    expect(issueSubCategory("LAND_COST")).toEqual({ code: "LAND_COST", category: "FUNDING", label: "土地成本增加", fromReport: true });
    expect(issueSubCategory("FINANCING")).toEqual({ code: "FINANCING", category: "FUNDING", label: "融资", fromReport: false });
    expect(issueSubCategory("")).toBeUndefined();
    expect(issueSubCategory(null)).toBeUndefined();
    expect(issueSubCategory("FUNDING")).toBeUndefined();
    expect(subCategoryLabel("ENERGY")).toBe("能源");
    expect(subCategoryLabel("供电线路迁改")).toBe("供电线路迁改");
    expect(subCategoryLabel(null)).toBe("");
    expect(subCategoryLabel(undefined)).toBe("");
    expect(issueCategoryPath("FUNDING", null)).toBe("资金问题");
    expect(issueCategoryPath("INSTITUTIONAL", "供电线路迁改")).toBe("体制机制问题");
    expect(issueCategoryPath("INSTITUTIONAL", "POLICY")).toBe("体制机制问题 › 政策落实不到位");
  });

  it("a pair is allowed only when the sub-category belongs to the top category", () => {
    expect(isIssueCategoryPair("FACTOR", "TALENT")).toBe(true);
    expect(isIssueCategoryPair("FUNDING", "TALENT")).toBe(false);
    expect(isIssueCategoryPair("FACTOR", "WEATHER")).toBe(false);
    expect(isIssueCategoryPair("FACTOR", "FACTOR")).toBe(false);
  });

  it("the SQL twin of the label: every code with its label, the stored text otherwise, '' for none", () => {
    const sql = subCategoryLabelSql(Prisma.sql`i."subCategory"`);
    const whens = ISSUE_SUBCATEGORIES.map((_, k) => `WHEN $${2 * k + 1} THEN $${2 * k + 2}`).join(" ");
    expect(sql.text).toBe(`(CASE i."subCategory" ${whens} ELSE coalesce(i."subCategory", '') END)`);
    expect(sql.values).toEqual(ISSUE_SUBCATEGORIES.flatMap((s) => [s.code, s.label]));
  });
});
