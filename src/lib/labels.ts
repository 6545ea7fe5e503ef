// Chinese labels of the enums, in one place.
import { ISSUE_TOP_CATEGORY_LABEL } from "@/domain/issue-categories";

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

/** 问题类别 (top level); the sub-categories are in src/domain/issue-categories.ts. */
export const ISSUE_CATEGORY_LABEL = ISSUE_TOP_CATEGORY_LABEL;

export const ROLE_LABEL = {
  ADMIN: "园区管理员",
  COUNTY: "县区填报员",
  LEADER: "领导",
  AUDITOR: "审计员",
} as const;

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
  FULL_PRODUCTION: "达产",
  OTHER: "其他",
} as const;

/** 形象进度 stages (optional on a monthly report), in the order a project passes them. */
export const PROGRESS_STAGE_LABEL = {
  PRELIMINARY: "前期",
  FOUNDATION: "基础施工",
  STRUCTURE: "主体施工",
  STRUCTURE_DONE: "主体完工",
  EQUIPMENT: "设备安装",
  COMMISSIONING: "调试",
  PRODUCTION: "投产",
} as const;

/** 数据质量 checks (src/domain/data-quality.ts). */
export const QUALITY_KIND_LABEL = {
  JUMP: "本月投资突增",
  OVER_TOTAL: "累计超过总投资",
  AHEAD_OF_STAGE: "投资与形象进度不符",
  PHOTO_REUSED: "照片重复使用",
  TEXT_UNCHANGED: "形象进度未更新",
  ZERO_STREAK: "在建连续零投资",
  STATS_APART: "调度数与入统数相差大",
  FUNDS_SHORT: "投资超过到位资金",
} as const;
