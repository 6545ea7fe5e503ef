-- 问题类别 in two levels (src/domain/issue-categories.ts): the enum keeps the seed report's three
-- categories; "subCategory" holds a sub-category code of that table, required, and a CHECK keeps
-- every row on one of the table's (category, sub-category) pairs.
-- Existing rows: the five narrow categories become sub-categories of their parents (土地, 能源, 环保,
-- 用水用电 under 要素保障问题; 审批 under 体制机制问题); a sub-category text naming one of the report's
-- sub-problems becomes its code; any other text (or none) the category's 其他.
ALTER TABLE "Issue" ALTER COLUMN "category" TYPE TEXT USING "category"::TEXT;

UPDATE "Issue" SET
  "subCategory" = CASE
    WHEN category IN ('LAND', 'ENERGY', 'ENVIRONMENT', 'WATER_POWER', 'APPROVAL') THEN category
    WHEN category = 'FUNDING' AND btrim("subCategory") = '土地成本增加' THEN 'LAND_COST'
    WHEN category = 'FUNDING' AND btrim("subCategory") = '原材料价格上涨' THEN 'MATERIAL_PRICE'
    WHEN category = 'FUNDING' AND btrim("subCategory") = '部分企业经营困难' THEN 'BUSINESS_DIFFICULTY'
    WHEN category = 'FUNDING' AND btrim("subCategory") = '融资' THEN 'FINANCING'
    WHEN category = 'FACTOR' AND btrim("subCategory") = '技术人才不足' THEN 'TALENT'
    WHEN category = 'FACTOR' AND btrim("subCategory") = '能耗双控压力大' THEN 'ENERGY_CONTROL'
    WHEN category = 'INSTITUTIONAL' AND btrim("subCategory") = '管理模式粗放' THEN 'MANAGEMENT'
    WHEN category = 'INSTITUTIONAL' AND btrim("subCategory") = '政策落实不到位' THEN 'POLICY'
    ELSE category || '_OTHER'
  END,
  category = CASE
    WHEN category IN ('LAND', 'ENERGY', 'ENVIRONMENT', 'WATER_POWER') THEN 'FACTOR'
    WHEN category = 'APPROVAL' THEN 'INSTITUTIONAL'
    ELSE category
  END;

DROP TYPE "IssueCategory";
CREATE TYPE "IssueCategory" AS ENUM ('FUNDING', 'FACTOR', 'INSTITUTIONAL');
ALTER TABLE "Issue" ALTER COLUMN "category" TYPE "IssueCategory" USING category::"IssueCategory";
ALTER TABLE "Issue" ALTER COLUMN "subCategory" SET NOT NULL;
ALTER TABLE "Issue" ADD CONSTRAINT "Issue_subCategory_check" CHECK (
  (category::TEXT || ':' || "subCategory") IN (
    'FUNDING:LAND_COST', 'FUNDING:MATERIAL_PRICE', 'FUNDING:BUSINESS_DIFFICULTY', 'FUNDING:FINANCING', 'FUNDING:FUNDING_OTHER',
    'FACTOR:TALENT', 'FACTOR:ENERGY_CONTROL', 'FACTOR:LAND', 'FACTOR:ENERGY', 'FACTOR:ENVIRONMENT', 'FACTOR:WATER_POWER', 'FACTOR:FACTOR_OTHER',
    'INSTITUTIONAL:MANAGEMENT', 'INSTITUTIONAL:POLICY', 'INSTITUTIONAL:APPROVAL', 'INSTITUTIONAL:INSTITUTIONAL_OTHER'
  )
);
CREATE INDEX "Issue_category_subCategory_idx" ON "Issue" (category, "subCategory");
