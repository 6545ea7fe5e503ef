// Odd input over every form: NUL, other control characters, bidirectional overrides, broken
// UTF-16 and overlong values, in every field the form has. Each is answered with a message on
// that field; nothing is written; nothing throws (no 500).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
// first, before the app: the request and database the app's code sees
import { request as h } from "../helpers/next-request";

import type { ActionState } from "@/server/action-state";
import { initialActionState } from "@/server/action-state";
import * as projects from "@/server/projects/actions";
import * as plans from "@/server/plans/actions";
import * as users from "@/server/users/actions";
import * as issues from "@/server/issues/actions";
import * as reports from "@/server/monthly-reports/actions";
import * as periods from "@/server/periods/actions";
import * as account from "@/server/account/actions";
import { loginAction } from "@/server/auth/actions";
import { milestonesSchema, planEntriesSchema, planSchema, plannedInvestmentSchema, projectSchema } from "@/lib/schemas/project";
import { changePasswordSchema, createUserSchema, endSessionSchema, resetPasswordSchema, setUserActiveSchema, updateUserSchema } from "@/lib/schemas/user";
import { acknowledgeIssueSchema, assignIssueSchema, closeIssueSchema, createIssueSchema, feedbackIssueSchema, issueProgressSchema, reviewIssueSchema } from "@/lib/schemas/issue";
import { monthlyReportSchema, reviewSchema, withdrawSchema } from "@/lib/schemas/monthly-report";
import { openPeriodSchema, publishPeriodSchema } from "@/lib/schemas/period";
import { CONTROL_MESSAGE, FIELD_MAX_CHARS } from "@/lib/schemas/text";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { actorsOf, sessionToken } from "../helpers/actors";
import { fingerprint, formData } from "../helpers/fingerprint";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

const fieldsOf = (schema: z.ZodType) => Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape);

/** Every form action and the fields its form posts. */
const FORMS: Array<[string, Action, string[]]> = [
  ["createProjectAction", projects.createProjectAction, fieldsOf(projectSchema)],
  ["updateProjectAction", projects.updateProjectAction, fieldsOf(projectSchema)],
  ["savePlanAction", plans.savePlanAction, fieldsOf(planSchema)],
  ["createPlanAction", plans.createPlanAction, fieldsOf(planSchema)],
  ["planEntriesAction", plans.planEntriesAction, [...fieldsOf(planEntriesSchema), "entry_1"]],
  ["plannedInvestmentAction", projects.plannedInvestmentAction, [...fieldsOf(plannedInvestmentSchema), "m_2024-01"]],
  ["milestonesAction", projects.milestonesAction, fieldsOf(milestonesSchema)],
  ["createUserAction", users.createUserAction, fieldsOf(createUserSchema)],
  ["updateUserAction", users.updateUserAction, fieldsOf(updateUserSchema)],
  ["setUserActiveAction", users.setUserActiveAction, fieldsOf(setUserActiveSchema)],
  ["resetPasswordAction", users.resetPasswordAction, fieldsOf(resetPasswordSchema)],
  ["createIssueAction", issues.createIssueAction, fieldsOf(createIssueSchema)],
  ["assignIssueAction", issues.assignIssueAction, fieldsOf(assignIssueSchema)],
  ["issueProgressAction", issues.issueProgressAction, fieldsOf(issueProgressSchema)],
  ["closeIssueAction", issues.closeIssueAction, fieldsOf(closeIssueSchema)],
  ["acknowledgeIssueAction", issues.acknowledgeIssueAction, fieldsOf(acknowledgeIssueSchema)],
  ["feedbackIssueAction", issues.feedbackIssueAction, fieldsOf(feedbackIssueSchema)],
  ["reviewIssueAction", issues.reviewIssueAction, fieldsOf(reviewIssueSchema)],
  ["saveReportAction", reports.saveReportAction, fieldsOf(monthlyReportSchema)],
  ["reviewReportAction", reports.reviewReportAction, fieldsOf(reviewSchema)],
  ["withdrawReportAction", reports.withdrawReportAction, fieldsOf(withdrawSchema)],
  ["unlockLoginAction", users.unlockLoginAction, ["username"]],
  ["publishPeriodAction", periods.publishPeriodAction, fieldsOf(publishPeriodSchema)],
  ["reopenPeriodAction", periods.reopenPeriodAction, ["month", "version", "reason", "reauthPassword"]],
  ["openPeriodAction", periods.openPeriodAction, fieldsOf(openPeriodSchema)],
  ["requestCorrectionAction", periods.requestCorrectionAction, ["month", "projectCode", "reason"]],
  ["declineCorrectionAction", periods.declineCorrectionAction, ["requestId", "version", "reply"]],
  ["changePasswordAction", account.changePasswordAction, fieldsOf(changePasswordSchema)],
  ["endSessionAction", account.endSessionAction, fieldsOf(endSessionSchema)],
  // its form posts no field: a stray one a hand-made request adds is checked all the same
  ["endOtherSessionsAction", account.endOtherSessionsAction, ["sessionId"]],
];

const ODD: Array<[string, (field: string) => string, string]> = [
  ["NUL", () => "厂房\u0000建设", CONTROL_MESSAGE],
  ["bell and escape", () => "a\u0007\u001b[31m", CONTROL_MESSAGE],
  ["bidi override", () => "\u202e2024-11", CONTROL_MESSAGE],
  // (a lone surrogate or invalid UTF-8 arrives as U+FFFD: FormData, like the browser, converts it)
  ["overlong", () => "长".repeat(FIELD_MAX_CHARS + 1), "内容过长"],
];

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase("seeded");
  const a = await actorsOf(t.prisma);
  h.prisma = t.prisma;
  h.token = await sessionToken(t.prisma, a.admin);
});
afterAll(async () => t?.drop());

describe("every form answers odd input on the field and changes nothing", () => {
  it("covers every exported form action", () => {
    const exported = [projects, plans, users, issues, reports, periods, account].flatMap((m) => Object.values(m)).filter((f) => typeof f === "function");
    const covered = new Set<unknown>(FORMS.map(([, action]) => action));
    expect(exported.filter((f) => !covered.has(f))).toEqual([]);
    expect(covered.size).toBe(exported.length);
  });

  for (const [name, action, fields] of FORMS) {
    for (const [kind, value, message] of ODD) {
      it(`${name}: ${kind} in every field`, async () => {
        const before = await fingerprint(t.prisma);
        const values = Object.fromEntries(fields.map((f) => [f, value(f)]));
        const state = await action(initialActionState, formData(values));
        expect(state.ok).toBe(false);
        for (const f of fields) expect(state.fieldErrors?.[f]?.join("；"), f).toContain(message);
        // what comes back to the form carries no control characters
        // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped or refused
        for (const v of Object.values(state.values ?? {})) expect(v).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e]/);
        expect(await fingerprint(t.prisma)).toBe(before);
      });
    }
  }

  it("the login form refuses a user name with a NUL byte on the field, recording nothing", async () => {
    const attempts = await t.prisma.loginAttempt.count();
    const state = await loginAction(initialActionState, formData({ username: "admin\u0000", password: "demo2024", next: "/" }));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.username?.join("")).toContain(CONTROL_MESSAGE);
    expect(await t.prisma.loginAttempt.count()).toBe(attempts);
  });
});
