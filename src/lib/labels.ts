// Chinese labels of the enums, in one place.
export const PROJECT_STATUS_LABEL = {
  NOT_STARTED: "未开工",
  UNDER_CONSTRUCTION: "在建",
  IN_PRODUCTION: "已投产",
  COMPLETED: "已竣工",
} as const;

export const REPORT_STATUS_LABEL = {
  DRAFT: "草稿",
  SUBMITTED: "已提交",
  APPROVED: "已审核",
  RETURNED: "退回",
} as const;

export const ISSUE_STATUS_LABEL = {
  OPEN: "待交办",
  ASSIGNED: "待签收",
  IN_PROGRESS: "办理中",
  FEEDBACK: "待复核",
  CLOSED: "已办结",
} as const;

export const ISSUE_CATEGORY_LABEL = {
  FUNDING: "资金问题",
  FACTOR: "要素保障问题",
  INSTITUTIONAL: "体制机制问题",
  LAND: "土地",
  ENERGY: "能源",
  ENVIRONMENT: "环保",
  WATER_POWER: "用水用电",
  APPROVAL: "审批",
} as const;

export const ROLE_LABEL = {
  ADMIN: "园区管理员",
  COUNTY: "县区填报员",
  LEADER: "领导",
  AUDITOR: "审计员",
} as const;

/** Named sub-problems per category, from the seed report's taxonomy (二、问题). */
export const ISSUE_SUBCATEGORIES: Record<keyof typeof ISSUE_CATEGORY_LABEL, readonly string[]> = {
  FUNDING: ["土地成本增加", "原材料价格上涨", "部分企业经营困难"],
  FACTOR: ["技术人才不足", "能耗双控压力大"],
  INSTITUTIONAL: ["管理模式粗放", "政策落实不到位"],
  // the plan names these factor guarantees without sub-problems: the sub-category is free text
  LAND: [],
  ENERGY: [],
  ENVIRONMENT: [],
  WATER_POWER: [],
  APPROVAL: [],
};

export const MILESTONE_KIND_LABEL = {
  LAND: "土地摘牌",
  PLANNING_PERMIT: "规划许可",
  CONSTRUCTION_PERMIT: "施工许可",
  START: "开工",
  MAIN_STRUCTURE: "主体完工",
  EQUIPMENT: "设备安装",
  PRODUCTION: "投产",
  STATS_ENTRY: "入库",
  COMPLETION: "竣工",
  OTHER: "其他",
} as const;
