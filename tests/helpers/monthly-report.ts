// The monthly-report form (月报) as a county posts it, on the seed's data: 中伟新材料 (YQ2024-001)
// for 2024-12 after November's approved 累计 150,000万元, so 本月 5,000 and 累计 155,000 agree;
// submitted, as a new report (version 0). `over` replaces any field.
import { monthlyReportSchema } from "../../src/lib/schemas/monthly-report";

/** The form's fields as the browser posts them (for formData and the actions). */
export const monthlyReportFields = (over: Record<string, string> = {}): Record<string, string> => ({
  projectCode: "YQ2024-001",
  month: "2024-12",
  monthInvestment: "5000",
  cumulativeInvestment: "155000",
  progressText: "主体厂房封顶",
  version: "0",
  intent: "submit",
  ...over,
});

/** The same form read by its schema, as the save action hands it to the service. */
export const monthlyReportForm = (over: Record<string, string> = {}) => monthlyReportSchema.parse(monthlyReportFields(over));
