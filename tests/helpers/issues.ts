// Brings a fresh issue to a given status of the 督办 loop through the services, as the office
// and the county park's account would (for tests of the later steps).
import type { Db } from "../../src/server/db/client";
import type { Actor } from "../../src/server/auth/actor";
import type { IssueStatus } from "../../src/generated/prisma/enums";
import { acknowledgeIssue, assignIssue, createIssue, feedbackIssue } from "../../src/server/issues/service";
import { acknowledgeIssueSchema, assignIssueSchema, createIssueSchema, feedbackIssueSchema } from "../../src/lib/schemas/issue";
import type { Actors } from "./actors";

let n = 0;

/**
 * A new issue about `projectCode` (default YQ2024-001, 会同) — or about the whole park when
 * `projectCode` is null — in `status`; `handler` takes the unit's steps (default 会同's account).
 */
export async function issueAt(
  prisma: Db,
  a: Actors,
  status: Exclude<IssueStatus, "CLOSED">,
  opts: { projectCode?: string | null; handler?: Actor; title?: string; raisedDate?: string; dueDate?: string; today?: string } = {},
): Promise<{ issueId: string; version: string }> {
  const code = opts.projectCode === undefined ? "YQ2024-001" : opts.projectCode;
  const handler = opts.handler ?? (code === null ? a.admin : a.huitong);
  const title = opts.title ?? `督办测试${Date.now().toString(36)}${++n}`;
  const raisedDate = opts.raisedDate ?? "2024-12-01";
  // the form raises issues about a project or a county park; the whole park's own issues come
  // from the report (the seed), so one is made here as the seed makes them
  let issue =
    code === null
      ? await prisma.issue.create({
          data: { year: 2024, category: "FACTOR", subCategory: "LAND", title, description: "全园区测试问题", raisedDate: new Date(`${raisedDate}T00:00:00Z`) },
        })
      : await createIssue(prisma, a.admin, createIssueSchema.parse({ projectCode: code, subCategory: "LAND", title, description: "测试问题", raisedDate }));
  const form = () => ({ issueId: String(issue.id), version: String(issue.version) });
  if (status === "OPEN") return form();
  issue = await assignIssue(
    prisma,
    a.admin,
    assignIssueSchema.parse({ ...form(), responsibleUnit: "县自然资源局", responsibleLeader: "李副县长", dueDate: opts.dueDate ?? "2099-12-31" }),
    opts.today,
  );
  if (status === "ASSIGNED") return form();
  issue = await acknowledgeIssue(prisma, handler, acknowledgeIssueSchema.parse({ ...form() }), opts.today);
  if (status === "IN_PROGRESS") return form();
  issue = await feedbackIssue(prisma, handler, feedbackIssueSchema.parse({ ...form(), feedback: "已完成用地交付" }), opts.today);
  return form();
}
