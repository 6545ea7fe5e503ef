// 问题类别: two levels. The top level is the seed report's three categories (二、存在的主要问题:
// 资金问题, 要素保障问题, 体制机制问题); each has its sub-categories — the report's own sub-problems
// (一是土地成本增加 …), the factor guarantees the plan names (土地, 能源, 环保, 用水用电, 审批) placed
// under the category they belong to, and one 其他 per category. An issue stores its top category
// (enum "IssueCategory") and its sub-category's code ("Issue"."subCategory"), always one of this
// table's pairs (CHECK in migration 20261206163000_issue_subcategories, the SQL twin of this table).
// The report prints its sub-problems in this order.

export const ISSUE_TOP_CATEGORIES = ["FUNDING", "FACTOR", "INSTITUTIONAL"] as const;
export type IssueTopCategory = (typeof ISSUE_TOP_CATEGORIES)[number];

export const ISSUE_TOP_CATEGORY_LABEL: Record<IssueTopCategory, string> = {
  FUNDING: "资金问题",
  FACTOR: "要素保障问题",
  INSTITUTIONAL: "体制机制问题",
};

export type IssueSubCategoryDef = {
  code: string;
  category: IssueTopCategory;
  label: string;
  /** one of the seed report's own sub-problems (its stored text is printed under it unchanged) */
  fromReport: boolean;
};

/** One category's sub-categories in order: the report's own sub-problems first, then the ones added here. Codes are unique across categories. */
// Stryker disable BlockStatement,ArrowFunction: these mutants throw while the table is built, which fails every test file importing it, but the vitest runner reports a file that fails to load as a survivor
function group(category: IssueTopCategory, fromReport: Record<string, string>, added: Record<string, string>): IssueSubCategoryDef[] {
  const defs = (entries: Record<string, string>, report: boolean) => Object.entries(entries).map(([code, label]) => ({ code, category, label, fromReport: report }));
  return [...defs(fromReport, true), ...defs(added, false)];
}

/** Every sub-category, in the report's order. */
export const ISSUE_SUBCATEGORIES: readonly IssueSubCategoryDef[] = [
  ...group(
    "FUNDING",
    { LAND_COST: "土地成本增加", MATERIAL_PRICE: "原材料价格上涨", BUSINESS_DIFFICULTY: "部分企业经营困难" },
    { FINANCING: "融资", FUNDING_OTHER: "其他资金问题" },
  ),
  ...group(
    "FACTOR",
    { TALENT: "技术人才不足", ENERGY_CONTROL: "能耗双控压力大" },
    { LAND: "土地", ENERGY: "能源", ENVIRONMENT: "环保", WATER_POWER: "用水用电", FACTOR_OTHER: "其他要素保障问题" },
  ),
  ...group("INSTITUTIONAL", { MANAGEMENT: "管理模式粗放", POLICY: "政策落实不到位" }, { APPROVAL: "审批", INSTITUTIONAL_OTHER: "其他体制机制问题" }),
];

const BY_CODE = new Map(ISSUE_SUBCATEGORIES.map((s) => [s.code, s]));
// Stryker restore BlockStatement,ArrowFunction

export const ISSUE_SUBCATEGORY_CODES = ISSUE_SUBCATEGORIES.map((s) => s.code);

/** The sub-category of a code, or undefined for anything else. */
export function issueSubCategory(code: string | null | undefined): IssueSubCategoryDef | undefined {
  return code ? BY_CODE.get(code) : undefined;
}

/** The sub-categories of a top category, in order. */
export function subCategoriesOf(category: IssueTopCategory): IssueSubCategoryDef[] {
  return ISSUE_SUBCATEGORIES.filter((s) => s.category === category);
}

/** "要素保障问题 › 技术人才不足"; the code itself when it is unknown. */
export function issueCategoryPath(category: IssueTopCategory, code: string | null | undefined): string {
  const s = issueSubCategory(code);
  return s ? `${ISSUE_TOP_CATEGORY_LABEL[category]} › ${s.label}` : ISSUE_TOP_CATEGORY_LABEL[category];
}

/** The sub-category's label ("技术人才不足"); the stored text when it is not a code. */
export function subCategoryLabel(code: string | null | undefined): string {
  return issueSubCategory(code)?.label ?? code ?? "";
}

/**
 * The ledger's category filter: a top category (its sub-categories included) or one sub-category.
 * Sub-category codes never equal a top category's, so one parameter says which.
 */
export type IssueCategoryFilter = { category: IssueTopCategory } | { category: IssueTopCategory; subCategory: string };

export function parseIssueCategoryFilter(value: string | undefined): IssueCategoryFilter | undefined {
  if ((ISSUE_TOP_CATEGORIES as readonly string[]).includes(value as string)) return { category: value as IssueTopCategory };
  const s = issueSubCategory(value);
  return s ? { category: s.category, subCategory: s.code } : undefined;
}

/** Whether `code` is a sub-category of `category` (the CHECK of migration 20261206163000). */
export function isIssueCategoryPair(category: string, code: string): boolean {
  return issueSubCategory(code)?.category === category;
}
