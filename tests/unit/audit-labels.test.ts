// Every name the code can write into the audit log has a Chinese label: the action constants,
// and — read from the source of every writeAudit call and seed import — the entities, the
// fields of before/after and the seed counts. Plus how values read: 万元, 2024年11月, —, 本机.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditActionLabel } from "@/server/audit/names";
import { AUDIT_ENTITY_LABEL, AUDIT_FIELDS, auditActorLabel, auditDiff, auditIpLabel, auditLabelProblems, auditSubjectLabel, formatAuditValue } from "@/server/audit/labels";
import { csvCell } from "@/server/audit/csv";
import { PROJECT_STATUS_LABEL, REPORT_STATUS_LABEL, ISSUE_STATUS_LABEL, ROLE_LABEL, ISSUE_CATEGORY_LABEL } from "@/lib/labels";
import { PERIOD_STATUS_LABEL } from "@/domain/periods";

const CJK = /[\u4e00-\u9fff]/;
const SRC = path.resolve(import.meta.dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The text from an opening bracket at `start` to its matching close (strings skipped). */
function balanced(text: string, start: number): string {
  const open = text[start];
  const close = open === "(" ? ")" : open === "{" ? "}" : "]";
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      const end = text.indexOf(c, i + 1);
      i = end;
      continue;
    }
    if (c === "(" || c === "{" || c === "[") depth++;
    if (c === ")" || c === "}" || c === "]") depth--;
    if (depth === 0 && c === close) return text.slice(start, i + 1);
  }
  throw new Error("unbalanced");
}

/** The top-level parts of an object literal's text "{ a: 1, b, ...c(x) }". */
function parts(literal: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (let i = 1; i < literal.length - 1; i++) {
    const c = literal[i];
    if (c === '"' || c === "'" || c === "`") {
      const end = literal.indexOf(c, i + 1);
      cur += literal.slice(i, end + 1);
      i = end;
      continue;
    }
    if ("({[".includes(c)) depth++;
    if (")}]".includes(c)) depth--;
    if (c === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** The keys an expression records: an object literal's keys, a snapshot function's, an object filled as `x.key =`. */
function keysOf(expr: string, file: string, depth = 0): string[] {
  expr = expr.trim();
  if (depth > 4 || expr === "" || expr === "null" || expr === "undefined") return [];
  const ternary = /^[\w.!=\s]+\?\s*([\s\S]+)$/.exec(expr);
  if (ternary && !expr.startsWith("{")) {
    // cond ? A : B — both sides (split at the top-level colon)
    const rest = ternary[1];
    let d = 0;
    for (let i = 0; i < rest.length; i++) {
      if ("({[".includes(rest[i])) d++;
      if (")}]".includes(rest[i])) d--;
      if (rest[i] === ":" && d === 0) return [...keysOf(rest.slice(0, i), file, depth + 1), ...keysOf(rest.slice(i + 1), file, depth + 1)];
    }
  }
  if (expr.startsWith("{")) {
    return parts(balanced(expr, 0)).flatMap((p) => {
      if (p.startsWith("...")) return keysOf(p.slice(3), file, depth + 1);
      const key = /^["']?([\w\u4e00-\u9fff-]+)["']?\s*(:|$)/.exec(p);
      return key ? [key[1]] : [];
    });
  }
  const call = /^\(?([A-Za-z_]\w*)\(/.exec(expr);
  if (call) {
    // a snapshot function of the same file: its returned object literal
    const def = new RegExp(`(?:function\\s+${call[1]}\\s*\\(|const\\s+${call[1]}\\s*=\\s*\\()`).exec(file);
    if (!def) return [];
    const body = file.slice(def.index);
    const ret = /(?:return\s*|=>\s*\()(\{)/.exec(body);
    return ret ? keysOf(body.slice(ret.index + ret[0].length - 1), file, depth + 1) : [];
  }
  const ident = /^([A-Za-z_]\w*)$/.exec(expr);
  if (ident) {
    // an object built field by field (data.status = …), or a local object literal
    const assigned = [...file.matchAll(new RegExp(`\\b${ident[1]}\\.(\\w+)\\s*=[^=]`, "g"))].map((m) => m[1]);
    const local = new RegExp(`const\\s+${ident[1]}\\s*(?::[^=]+)?=\\s*(\\{)`).exec(file);
    return [...assigned, ...(local ? keysOf(file.slice(local.index + local[0].length - 1), file, depth + 1) : [])];
  }
  return [];
}

/** What the source writes into the log: actions, entities and before/after keys of every writeAudit call, seed counts. */
function writtenNames() {
  const actions = new Set<string>();
  const entities = new Set<string>();
  const fields = new Map<string, string>();
  let calls = 0;
  for (const f of sourceFiles(SRC)) {
    const text = fs.readFileSync(f, "utf8");
    const rel = path.relative(SRC, f);
    // every call, however it is wrapped; not the definition in server/audit/write.ts. A review's
    // entry is written by reviewTransition (server/report-workflow.ts: its actions and entities are
    // typed) with the before/after its callers give it.
    for (const m of text.matchAll(/(?<!function )(writeAudit|reviewTransition)\(\s*tx\b/g)) {
      calls++;
      const call = balanced(text, m.index + m[1].length);
      const entry = call.slice(call.indexOf("{"));
      for (const p of parts(balanced(entry, 0))) {
        const [key, ...rest] = p.split(":");
        const value = rest.join(":").trim();
        if (key.trim() === "action") for (const s of value.matchAll(/(?:^|[?:]\s*)"([^"]+)"/g)) actions.add(s[1]);
        if (key.trim() === "entity") for (const s of value.matchAll(/"([^"]+)"/g)) entities.add(s[1]);
        if (key.trim() === "before" || key.trim() === "after") for (const k of keysOf(value, text)) fields.set(k, rel);
      }
    }
    // seeds write the log directly: their entity/action literals and the counted kinds
    if (/auditLog\.create\(/.test(text) && rel.startsWith("server/seed")) {
      for (const c of text.matchAll(/auditLog\.create\(/g)) {
        const call = balanced(text, c.index + "auditLog.create".length);
        for (const m of call.matchAll(/action:\s*"([^"]+)"/g)) actions.add(m[1]);
        for (const m of call.matchAll(/entity:\s*"([^"]+)"/g)) entities.add(m[1]);
      }
      for (const m of text.matchAll(/count\("(\w+)"\)/g)) fields.set(m[1], rel);
    }
  }
  return { actions, entities, fields, calls };
}

describe("every name the code writes into the audit log has a Chinese label", () => {
  it("every action constant", () => {
    for (const [action, label] of Object.entries(AUDIT_ACTIONS)) {
      expect(label, action).toMatch(CJK);
      expect(label, action).not.toMatch(/[A-Za-z]/);
      expect(auditActionLabel(action)).toBe(label);
    }
  });

  it("every action, entity and before/after field in the source of the writeAudit calls and the seeds", () => {
    const written = writtenNames();
    // the scan itself sees the writes (a broken scan must not pass quietly)
    // (the issue loop's steps share one call: src/server/issues/service.ts runStep; its action names are typed AuditAction)
    expect(written.calls).toBeGreaterThanOrEqual(24);
    expect(written.fields.size).toBeGreaterThan(60);
    for (const known of [
      "approvedRevisionId",
      "returnReason",
      "cumulativeInvestment",
      "actualStartMonth",
      "totalInvestment",
      "entries",
      "months",
      "displayName",
      "waitSeconds",
      "project",
    ]) {
      expect([...written.fields.keys()], known).toContain(known);
    }
    for (const a of written.actions) expect(Object.keys(AUDIT_ACTIONS), `action ${a}`).toContain(a);
    for (const e of written.entities) expect(AUDIT_ENTITY_LABEL, `entity ${e}`).toHaveProperty([e]);
    const missing = [...written.fields].filter(([k]) => !(k in AUDIT_FIELDS)).map(([k, file]) => `${k} (${file})`);
    expect(missing).toEqual([]);
  });

  it("every label is Chinese, and so is every enum value the log stores", () => {
    for (const [k, f] of Object.entries(AUDIT_FIELDS)) expect(f.label, k).toMatch(CJK);
    for (const [k, l] of Object.entries(AUDIT_ENTITY_LABEL)) expect(l, k).toMatch(CJK);
    const enums: Array<[string, Record<string, string>]> = [
      ["Project", PROJECT_STATUS_LABEL],
      ["MonthlyReport", REPORT_STATUS_LABEL],
      ["Issue", ISSUE_STATUS_LABEL],
      ["ReportingPeriod", PERIOD_STATUS_LABEL],
    ];
    for (const [entity, labels] of enums) {
      for (const [value, label] of Object.entries(labels)) expect(formatAuditValue("status", value, entity)).toBe(label);
    }
    for (const [value, label] of Object.entries(ROLE_LABEL)) expect(formatAuditValue("role", value, "User")).toBe(label);
    for (const [value, label] of Object.entries(ISSUE_CATEGORY_LABEL)) expect(formatAuditValue("category", value, "Issue")).toBe(label);
  });

  it("the guard run on every write in the tests names what is missing", () => {
    expect(auditLabelProblems({ entity: "Project", before: { status: "NOT_STARTED" }, after: { status: "UNDER_CONSTRUCTION", totalInvestment: "1" } })).toEqual([]);
    expect(auditLabelProblems({ entity: "Widget", after: { colour: "red", status: "WEIRD" } })).toEqual(["entity Widget", "field colour", "status value WEIRD of Widget"]);
    expect(auditLabelProblems({ entity: "User", after: { role: "ROOT" } })).toEqual(["role value ROOT of User"]);
  });
});

describe("how an entry reads", () => {
  it("only the changed fields, with money in 万元, months as 2024年11月 and nothing as —", () => {
    const rows = auditDiff(
      "Project",
      { name: "热电联产", totalInvestment: "300000", status: "NOT_STARTED", actualStartMonth: null, expectedOutput: "1234.5", version: 3 },
      { name: "热电联产", totalInvestment: "305000.25", status: "UNDER_CONSTRUCTION", actualStartMonth: "2024-11", expectedOutput: null, version: 4 },
    );
    expect(rows).toEqual([
      { field: "totalInvestment", label: "总投资（万元）", before: "300,000万元", after: "305,000.25万元" },
      { field: "status", label: "状态", before: "未开工", after: "在建" },
      { field: "actualStartMonth", label: "实际开工月份", before: "—", after: "2024年11月" },
      { field: "expectedOutput", label: "预计年产值（万元）", before: "1,234.5万元", after: "—" },
    ]);
  });

  it("maps row by row: 倒排工期 by month, the plan's list by project, milestones as days", () => {
    expect(
      auditDiff(
        "Project",
        { year: 2025, months: { "2025-01": "100", "2025-02": "200" }, version: 1 },
        { year: 2025, months: { "2025-01": "100", "2025-02": "250", "2025-03": "300" }, version: 2 },
      ),
    ).toEqual([
      { field: "months.2025-02", label: "计划累计投资（万元） 2025年2月", before: "200万元", after: "250万元" },
      { field: "months.2025-03", label: "计划累计投资（万元） 2025年3月", before: "—", after: "300万元" },
    ]);
    expect(auditDiff("AnnualPlan", { entries: { "YQ2024-001": "5000", "YQ2024-004": null } }, { entries: { "YQ2024-001": "5000", "YQ2024-009": "12.5" } })).toEqual([
      { field: "entries.YQ2024-004", label: "年度清单：年度计划投资（万元） YQ2024-004", before: "在清单（未填）", after: "不在清单" },
      { field: "entries.YQ2024-009", label: "年度清单：年度计划投资（万元） YQ2024-009", before: "不在清单", after: "12.5万元" },
    ]);
    expect(auditDiff("Project", { 开工: { planned: "2024-04-30", actual: null } }, { 开工: { planned: "2024-04-30", actual: "2024-05-06" } })).toEqual([
      { field: "开工", label: "节点：开工", before: "计划 2024年4月30日，实际 —", after: "计划 2024年4月30日，实际 2024年5月6日" },
    ]);
  });

  it("people by name, loopback as 本机, subjects in words", () => {
    expect(auditActorLabel("huitong", { username: "huitong", displayName: "张填报" })).toBe("张填报（huitong）");
    expect(auditActorLabel("system", null)).toBe("系统");
    expect(auditActorLabel("gone", null)).toBe("gone");
    for (const ip of ["::1", "127.0.0.1", "::ffff:127.0.0.1"]) expect(auditIpLabel(ip)).toBe("本机");
    expect(auditIpLabel("10.2.3.4")).toBe("10.2.3.4");
    expect(auditIpLabel(null)).toBe("—");
    expect(auditSubjectLabel("ReportingPeriod", "2024-11")).toBe("调度期 2024年11月");
    expect(auditSubjectLabel("AnnualPlan", "2024")).toBe("年度计划 2024年");
    expect(auditSubjectLabel("Dataset", "demo")).toBe("数据导入 演示数据");
    expect(auditSubjectLabel("User", "7", "张三（zs）")).toBe("用户 张三（zs）");
    expect(auditSubjectLabel("User", "7")).toBe("用户 #7");
    expect(auditSubjectLabel("LoginAttempt", "huitong")).toBe("登录尝试 huitong");
  });

  it("CSV cells are quoted and never run as a formula", () => {
    expect(csvCell('说"明')).toBe('"说""明"');
    expect(csvCell("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
    expect(csvCell("-5万元")).toBe('"-5万元"');
    expect(csvCell("@x")).toBe(`"'@x"`);
  });
});

describe("internal ids never show in the audit log", () => {
  it("a revision reads as 第N版 and a publication as its month and 第N次发布, never as the row's id", () => {
    const ctx = { revisions: new Map([[58, 2]]), publications: new Map([[7, { month: "2024-12", publicationNo: 2 }]]) };
    expect(formatAuditValue("approvedRevisionId", 58, "MonthlyReport", ctx)).toBe("第2版");
    expect(formatAuditValue("currentRevisionId", 58, "MonthlyReport", ctx)).toBe("第2版");
    expect(formatAuditValue("publicationId", 7, "ReportingPeriod", ctx)).toBe("2024年12月第2次发布");
    expect(formatAuditValue("currentPublicationId", 7, "ReportingPeriod", ctx)).toBe("2024年12月第2次发布");
    expect(auditDiff("MonthlyReport", { approvedRevisionId: null }, { approvedRevisionId: 58 }, ctx)).toEqual([
      { field: "approvedRevisionId", label: "审核通过的版本", before: "—", after: "第2版" },
    ]);
    // a revision the context does not know still shows no number
    expect(formatAuditValue("approvedRevisionId", 58, "MonthlyReport")).not.toMatch(/[0-9]/);
    expect(formatAuditValue("publicationId", 7, "ReportingPeriod")).not.toMatch(/[0-9]/);
  });
});
