// Loads the synthetic dataset (generate.ts) into an empty, migrated database: each table in
// batches of multi-row INSERT … SELECT FROM unnest($1::int[], …), one transaction, then the
// publication of every published month through the app's own publishFigures.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { addMonths } from "@/lib/month";
import { hashPassword } from "@/server/auth/password";
import { createPrismaClient } from "@/server/db/client";
import { publishFigures } from "@/server/figures/publish";
import { generate, synthPlan, SYNTH_PASSWORD, SYNTH_VERSION, type SynthOptions, type SynthPlan, type Table } from "./generate";

/** sha-256 of every migration's SQL: a dataset loaded under another schema is rebuilt */
export function schemaFingerprint(): string {
  const dir = path.resolve("prisma", "migrations");
  const hash = crypto.createHash("sha256");
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name, "migration.sql");
    if (fs.existsSync(file)) hash.update(name).update(fs.readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/** the AuditLog row that marks a database as a complete synthetic dataset */
export const SYNTH_MARKER = { action: "seed", entity: "Dataset", entityId: "synth" } as const;
/** the AuditLog row written with the rows (same transaction): a load interrupted while publishing resumes there */
export const SYNTH_ROWS_MARKER = { action: "seed", entity: "Dataset", entityId: "synth-rows" } as const;

type Marker = typeof SYNTH_MARKER | typeof SYNTH_ROWS_MARKER;

export type SynthSummary = {
  plan: SynthPlan;
  rows: Record<string, number>;
  publications: number;
  seconds: { generate: number; insert: number; publish: number; total: number };
};

function insertSql(table: Table): string {
  const cols = table.columns.map(([c]) => `"${c}"`).join(", ");
  const params = table.columns.map(([, type], i) => `$${i + 1}::${type === "text[]" ? "text" : type}[]`).join(", ");
  const aliases = table.columns.map((_, i) => `c${i}`);
  const select = table.columns.map(([, type], i) => (type === "text[]" ? `c${i}::text[]` : `c${i}`)).join(", ");
  return `INSERT INTO "${table.name}" (${cols}) SELECT ${select} FROM unnest(${params}) AS t(${aliases.join(", ")})`;
}

export async function insertTable(client: pg.ClientBase, table: Table, batch = 20_000): Promise<void> {
  const sql = insertSql(table);
  for (let start = 0; start < table.rows.length; start += batch) {
    const rows = table.rows.slice(start, start + batch);
    const columns = table.columns.map((_, i) => rows.map((row) => row[i]));
    await client.query(sql, columns);
  }
}

const SERIAL_TABLES = [
  "Park",
  "User",
  "Project",
  "AnnualPlan",
  "AnnualPlanEntry",
  "PlannedInvestment",
  "Milestone",
  "MonthlyReport",
  "MonthlyReportRevision",
  "Photo",
  "ReportEvent",
  "Issue",
  "ReportingPeriod",
];

async function isEmpty(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM "Project") + (SELECT count(*) FROM "User") + (SELECT count(*) FROM "Park") + (SELECT count(*) FROM "AnnualPlan") AS n`,
  );
  return Number(rows[0].n) === 0;
}

async function readMarker(url: string, marker: Marker): Promise<Record<string, unknown> | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query(`SELECT to_regclass('public."AuditLog"') IS NOT NULL AS ok`);
    if (!exists.rows[0].ok) return null;
    const { rows } = await client.query(`SELECT "after" FROM "AuditLog" WHERE "action" = $1 AND "entity" = $2 AND "entityId" = $3 ORDER BY id DESC LIMIT 1`, [
      marker.action,
      marker.entity,
      marker.entityId,
    ]);
    return rows[0]?.after ?? null;
  } finally {
    await client.end();
  }
}

/** Whether the database holds a complete synthetic dataset, and which. */
export function synthMarker(url: string): Promise<Record<string, unknown> | null> {
  return readMarker(url, SYNTH_MARKER);
}

/** Whether the database holds a synthetic dataset's rows (complete or not: publishing may have been interrupted), and which. */
export function synthRowsMarker(url: string): Promise<Record<string, unknown> | null> {
  return readMarker(url, SYNTH_ROWS_MARKER);
}

/** what both markers record of the dataset, to tell whether a database holds the one asked for */
export function datasetIdentity(plan: SynthPlan): Record<string, unknown> {
  return { version: SYNTH_VERSION, schema: schemaFingerprint(), scale: plan.scale, seed: plan.seed, end: plan.openMonth, months: plan.months.length, openMonth: plan.openMonth };
}

/**
 * Writes the dataset into the migrated, empty database at `url` (refuses any database that
 * has projects, users, parks or plans). Returns what it wrote.
 */
export async function loadSynth(url: string, options: SynthOptions & { publish?: boolean; log?: (line: string) => void }): Promise<SynthSummary> {
  const log = options.log ?? (() => {});
  const t0 = performance.now();
  const plan = synthPlan(options);
  const data = generate(options, await hashPassword(SYNTH_PASSWORD));
  const t1 = performance.now();
  log(`生成：${plan.projects} 个项目、${plan.parks} 个园区、${plan.months.length} 个月（${((t1 - t0) / 1000).toFixed(1)} 秒）`);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    if (!(await isEmpty(client))) throw new Error("目标数据库已有数据：合成数据只写入空数据库。");
    await client.query("BEGIN");
    for (const table of data.tables) {
      const s = performance.now();
      await insertTable(client, table);
      rows[table.name] = table.rows.length;
      log(`  ${table.name}: ${table.rows.length} 行（${((performance.now() - s) / 1000).toFixed(1)} 秒）`);
    }
    const p = data.reportPointers;
    for (let start = 0; start < p.id.length; start += 50_000) {
      await client.query(
        `UPDATE "MonthlyReport" r SET "currentRevisionId" = t.c, "approvedRevisionId" = t.a
         FROM unnest($1::int[], $2::int[], $3::int[]) AS t(id, c, a) WHERE r.id = t.id`,
        [p.id.slice(start, start + 50_000), p.current.slice(start, start + 50_000), p.approved.slice(start, start + 50_000)],
      );
    }
    for (const name of SERIAL_TABLES) {
      await client.query(`SELECT setval(pg_get_serial_sequence('"${name}"', 'id'), GREATEST((SELECT max(id) FROM "${name}"), 1))`);
    }
    await writeMarker(client, SYNTH_ROWS_MARKER, { ...datasetIdentity(plan), rows });
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    await client.end();
    throw e;
  }
  await client.end();
  const t2 = performance.now();
  const published = await finishSynth(url, plan, rows, options);
  const t3 = performance.now();
  const seconds = { generate: (t1 - t0) / 1000, insert: (t2 - t1) / 1000, publish: (t3 - t2) / 1000, total: (t3 - t0) / 1000 };
  return { plan, rows, publications: published, seconds };
}

/**
 * The second half of a load, after the rows are committed: the publication of every published
 * month that has none yet (each through the app's own publishFigures, in its own transaction, so
 * an interrupted load resumes at the month it stopped at), VACUUM ANALYZE, then the marker.
 * Returns the number of publications the dataset has.
 */
export async function finishSynth(url: string, plan: SynthPlan, rows: Record<string, number>, options: { publish?: boolean; log?: (line: string) => void }): Promise<number> {
  const log = options.log ?? (() => {});
  const t0 = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let publications = 0;
  try {
    await client.query("ANALYZE");
    if (options.publish !== false) {
      const admin = await client.query(`SELECT id FROM "User" WHERE username = 'bench-admin'`);
      const done = await client.query(`SELECT DISTINCT rp.month FROM "PeriodPublication" pp JOIN "ReportingPeriod" rp ON rp.id = pp."periodId"`);
      const publishedMonths = new Set<string>(done.rows.map((r: { month: string }) => r.month));
      publications = publishedMonths.size;
      if (publications) log(`  已发布 ${publications} 个月（上次中断前），继续发布其余月份`);
      // each published month gets its publication, computed by the app's own publishFigures
      const prisma = createPrismaClient(url, 2);
      try {
        for (const month of plan.months.filter((m) => m !== plan.openMonth && !publishedMonths.has(m))) {
          const s = performance.now();
          const r = await prisma.$transaction((tx) => publishFigures(tx, { month, publishedById: admin.rows[0]?.id ?? null, asOfDate: `${addMonths(month, 1)}-08` }), {
            timeout: 600_000,
            maxWait: 30_000,
          });
          publications++;
          log(`  发布 ${month}：${r.projects} 个项目（${((performance.now() - s) / 1000).toFixed(1)} 秒）`);
        }
      } finally {
        await prisma.$disconnect();
      }
      log(`  发布：${publications} 个月（${((performance.now() - t0) / 1000).toFixed(1)} 秒）`);
    }
    // the state autovacuum keeps a live database in: statistics, and the visibility map that lets
    // PostgreSQL answer from an index alone (a freshly bulk-loaded table has none)
    await client.query("VACUUM ANALYZE");
    await writeMarker(client, SYNTH_MARKER, { ...datasetIdentity(plan), rows, publications });
    return publications;
  } finally {
    await client.end();
  }
}

async function writeMarker(client: pg.ClientBase, marker: Marker, after: Record<string, unknown>): Promise<void> {
  await client.query(`INSERT INTO "AuditLog" ("actor", "action", "entity", "entityId", "after") VALUES ('system', $1, $2, $3, $4)`, [
    marker.action,
    marker.entity,
    marker.entityId,
    JSON.stringify(after),
  ]);
}

/** Records that the database holds the complete dataset `after` describes (a new marker: the newest counts). */
export async function markSynth(url: string, after: Record<string, unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await writeMarker(client, SYNTH_MARKER, after);
  } finally {
    await client.end();
  }
}
