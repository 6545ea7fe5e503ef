// How long the forms' texts may be, shared by the forms (hints, maxLength) and the schemas that
// check them (src/lib/schemas/). Kept apart from the schemas so that a form in the browser does not
// load zod with them.

/** monthly report (src/lib/schemas/monthly-report.ts) */
export const PROGRESS_MAX = 1000;
export const EXPLANATION_MAX = 500;
export const RETURN_REASON_MAX = 500;
/** 核实说明: one line kept with the approval of a report with 数据质量提示 */
export const VERIFICATION_MAX = 200;

/** issue (src/lib/schemas/issue.ts) */
export const ISSUE_TITLE_MAX = 200;
export const ISSUE_TEXT_MAX = 2000;

/** project (src/lib/schemas/project.ts): 建设内容, and the rows of 主要指标 */
export const CONTENT_MAX = 4000;
export const METRIC_ROWS = 4;
