// The deadline day's people, each a loop of the requests a browser makes through nginx:
// - county members open a project's form, save a draft, then submit it (one in ten with a site
//   photo); a failed step is retried after re-opening the form, as a person would;
// - the office reviews its county parks' queues and approves what was submitted;
// - leaders read the cockpit, the project list and county parks' pages, with a pause between pages;
// - at the end the office publishes the month.
// Every acknowledged write is kept with its identity (project and revision number, or report and
// version) for the checks afterwards (checks.ts).
import { actionAnswer, actionBody, hiddenInputs, pageError, type Client, type FormField, type Reply, type Sample } from "./http";
import { sleep } from "./servers";

export type Account = { username: string; cookie: string };
export type ProjectTask = { code: string; parkId: number; monthInvestment: string; cumulative: string; explanation: string };

export type Ack = { code: string; revisionNo: number; intent: "save" | "submit"; photo: boolean; at: number };
export type Approval = { reportId: number; version: number; note: boolean; at: number };
/** a write whose outcome the client could not learn (the connection failed after it was sent, or the database connection was lost during its commit) */
export type Unknown = { what: string; at: number };

export type Ledger = { acks: Ack[]; approvals: Approval[]; unknown: Unknown[]; gaveUp: string[] };

const SAVE = "src/server/monthly-reports/actions.ts#saveReportAction";
const REVIEW = "src/server/monthly-reports/actions.ts#reviewReportAction";
const PUBLISH = "src/server/periods/actions.ts#publishPeriodAction";
const CONNECTION_LOST = /数据库|连接/;

function rand(lo: number, hi: number) {
  return lo + Math.random() * (hi - lo);
}

/** A write's answer: an error message (the request failed, or the action refused) or null. */
function judgeAction(r: Reply): string | null {
  const a = actionAnswer(r.body);
  if (!a) return "no action answer";
  return a.ok ? null : `refused: ${a.message.slice(0, 80)}`;
}

async function postAction(
  client: Client,
  kind: string,
  path: string,
  cookie: string,
  actionId: string,
  fields: FormField[],
): Promise<{ answer: ReturnType<typeof actionAnswer>; error: string | null; sample: Sample }> {
  const { body, contentType } = actionBody(fields);
  const { reply, error, sample } = await client.send(kind, true, "POST", path, {
    cookie,
    body,
    headers: { "content-type": contentType, "next-action": actionId, origin: client.base, accept: "text/x-component" },
    judge: judgeAction,
  });
  return { answer: reply ? actionAnswer(reply.body) : null, error, sample };
}

/** Whether a failed write may have been stored all the same. */
function outcomeUnknown(r: { answer: ReturnType<typeof actionAnswer>; error: string | null }): boolean {
  if (!r.error) return false;
  if (!r.answer) return true; // no answer: connection error, 502, 5xx
  return !r.answer.ok && !r.answer.fieldErrors && !r.answer.conflict && CONNECTION_LOST.test(r.answer.message);
}

export type WorkloadOptions = { client: Client; ids: Record<string, string>; month: string; ledger: Ledger; photo: Buffer };

// ---------------------------------------------------------------- county

/** One county member: its projects, spread over `spreadMs` from `t0`. */
export async function countyMember(o: WorkloadOptions, who: Account, tasks: ProjectTask[], t0: number, spreadMs: number, stop: () => boolean): Promise<void> {
  for (let i = 0; i < tasks.length && !stop(); i++) {
    const due = t0 + (spreadMs * i) / tasks.length + rand(0, spreadMs / tasks.length / 2);
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    await reportProject(o, who, tasks[i], i % 10 === 0, stop);
  }
}

async function reportProject(o: WorkloadOptions, who: Account, t: ProjectTask, withPhoto: boolean, stop: () => boolean): Promise<void> {
  const path = `/monthly-report/${t.code}?month=${o.month}`;
  for (let attempt = 0; attempt < 8 && !stop(); attempt++) {
    if (attempt > 0) await sleep(rand(1000, 3000) * attempt);
    const { reply, error } = await o.client.send("county: open the report form", false, "GET", path, { cookie: who.cookie, judge: pageError });
    if (error || !reply) continue;
    // the report form's hidden fields are projectCode, month, version; a submitted month shows the withdraw form (reportId, version) instead
    const hidden = hiddenInputs(reply.body).filter(([n]) => !n.startsWith("$"));
    const at = hidden.findIndex(([n], i) => n === "projectCode" && hidden[i + 1]?.[0] === "month" && hidden[i + 2]?.[0] === "version");
    if (at < 0) {
      // submitted already (an earlier answer was lost): nothing left to do
      if (hidden.some(([n]) => n === "reportId")) return;
      continue;
    }
    let version = Number(hidden[at + 2][1]);
    const fields = (intent: "save" | "submit"): FormField[] => [
      ["projectCode", t.code],
      ["month", o.month],
      ["version", String(version)],
      ["monthInvestment", t.monthInvestment],
      ["cumulativeInvestment", t.cumulative],
      ["progressText", intent === "save" ? "主体结构施工中" : "主体结构施工中，本月完成计划节点"],
      ["progressStage", ""],
      ["actualStartMonth", ""],
      ["actualProductionMonth", ""],
      ["explanation", t.explanation],
      ["intent", intent],
    ];
    if (version === 0) {
      await sleep(rand(300, 1500)); // typing
      const saved = await postAction(o.client, "county: save a draft", path, who.cookie, o.ids[SAVE], fields("save"));
      if (saved.error) {
        if (outcomeUnknown(saved)) o.ledger.unknown.push({ what: `save ${t.code}`, at: performance.now() });
        continue;
      }
      o.ledger.acks.push({ code: t.code, revisionNo: revisionNo(saved.answer!.message), intent: "save", photo: false, at: performance.now() });
      version += 1;
    }
    await sleep(rand(300, 1500));
    const submitFields = fields("submit");
    if (withPhoto) submitFields.push(["photos", { filename: `site-${t.code}.jpg`, type: "image/jpeg", bytes: o.photo }]);
    const submitted = await postAction(o.client, withPhoto ? "county: submit (with a photo)" : "county: submit", path, who.cookie, o.ids[SAVE], submitFields);
    if (submitted.error) {
      if (outcomeUnknown(submitted)) o.ledger.unknown.push({ what: `submit ${t.code}`, at: performance.now() });
      continue;
    }
    o.ledger.acks.push({ code: t.code, revisionNo: revisionNo(submitted.answer!.message), intent: "submit", photo: withPhoto, at: performance.now() });
    return;
  }
  o.ledger.gaveUp.push(t.code);
}

function revisionNo(message: string): number {
  const m = /第(\d+)版/.exec(message);
  if (!m) throw new Error(`answer without a revision number: ${message}`);
  return Number(m[1]);
}

// ---------------------------------------------------------------- office

/** One reviewer: polls its county parks' queues for the month and approves what is there, until `done()` says the counties are finished and its queues are empty. */
export async function reviewer(o: WorkloadOptions, who: Account, parks: number[], done: () => boolean, stop: () => boolean): Promise<void> {
  for (;;) {
    if (stop()) return;
    const countiesDone = done();
    let found = 0;
    let failed = false;
    for (const park of parks) {
      const path = `/review?park=${park}&month=${o.month}`;
      const { reply, error } = await o.client.send("office: review queue", false, "GET", path, { cookie: who.cookie, judge: pageError });
      if (error || !reply) {
        failed = true;
        await sleep(1000);
        continue;
      }
      const hidden = hiddenInputs(reply.body);
      const items: Array<{ reportId: number; version: number }> = [];
      for (let i = 0; i < hidden.length - 1; i++) {
        if (hidden[i][0] === "reportId" && hidden[i + 1][0] === "version") items.push({ reportId: Number(hidden[i][1]), version: Number(hidden[i + 1][1]) });
      }
      found += items.length;
      for (const item of items) {
        if (stop()) return;
        await sleep(rand(200, 800)); // reading the figures
        const fields = (note: string): FormField[] => [
          ["reportId", String(item.reportId)],
          ["version", String(item.version)],
          ["note", note],
          ["reason", ""],
          ["decision", "approve"],
        ];
        let r = await postAction(o.client, "office: approve", path, who.cookie, o.ids[REVIEW], fields(""));
        let note = false;
        if (r.answer && !r.answer.ok && r.answer.fieldErrors && r.answer.message.length > 0 && /核实说明|请检查/.test(r.answer.message)) {
          // 数据质量提示: the office checks and says so (the refusal without a note was a correct answer, not an error)
          r.sample.error = null;
          note = true;
          r = await postAction(o.client, "office: approve", path, who.cookie, o.ids[REVIEW], fields("已核实：截止日集中报送，数据无误"));
        }
        if (r.error) {
          if (outcomeUnknown(r)) o.ledger.unknown.push({ what: `approve ${item.reportId}`, at: performance.now() });
          continue;
        }
        o.ledger.approvals.push({ reportId: item.reportId, version: item.version, note, at: performance.now() });
      }
    }
    if (countiesDone && found === 0 && !failed) return;
    if (found === 0) await sleep(rand(2000, 4000));
  }
}

/** The office publishes the month from its period page (confirming what is left behind, if anything). */
export async function publish(o: WorkloadOptions, who: Account): Promise<{ ok: boolean; message: string; ms: number | null }> {
  const path = `/periods/${o.month}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt > 0) await sleep(2000);
    const { reply, error } = await o.client.send("office: period page", false, "GET", path, { cookie: who.cookie, judge: pageError });
    if (error || !reply) continue;
    const version = hiddenInputs(reply.body).find(([n]) => n === "version")?.[1];
    const leftBehind = /<input[^>]*name="leftBehind"[^>]*>/.exec(reply.body)?.[0];
    const token = leftBehind ? /\svalue="([^"]*)"/.exec(leftBehind)?.[1] : undefined;
    const fields: FormField[] = [
      ["month", o.month],
      ["version", version ?? "0"],
    ];
    if (token) fields.push(["leftBehind", token]);
    const t = performance.now();
    const r = await postAction(o.client, "office: publish", path, who.cookie, o.ids[PUBLISH], fields);
    if (!r.error) return { ok: true, message: r.answer!.message, ms: performance.now() - t };
    if (r.answer && !outcomeUnknown(r)) return { ok: false, message: r.answer.message, ms: null };
  }
  return { ok: false, message: "发布未成功（5 次尝试）", ms: null };
}

// ---------------------------------------------------------------- leaders

export async function leader(o: WorkloadOptions, who: Account, parks: number, stop: () => boolean): Promise<void> {
  await sleep(rand(0, 5000));
  while (!stop()) {
    const x = Math.random();
    if (x < 0.4) await o.client.send("leader: cockpit /overview", false, "GET", "/overview", { cookie: who.cookie, judge: pageError });
    else if (x < 0.7) {
      const page = 1 + Math.floor(Math.random() * 20);
      const sort = ["list", "rate", "lag", "total"][Math.floor(Math.random() * 4)];
      await o.client.send("leader: project list", false, "GET", `/projects?sort=${sort}&page=${page}`, { cookie: who.cookie, judge: pageError });
    } else {
      const park = 1 + Math.floor(Math.random() * parks);
      await o.client.send("leader: county park page", false, "GET", `/parks/${park}`, { cookie: who.cookie, judge: pageError });
    }
    await sleep(rand(3000, 8000)); // reading
  }
}
