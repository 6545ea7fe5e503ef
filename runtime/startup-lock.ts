// When several app servers start at the same moment on one PostgreSQL database (several
// park-projects@ instances, a rolling upgrade), the database's preparation — migrations, the
// audit retention setting, the first seeding of an empty database — must run once, not once per
// server: two seedings at once both found the database empty, and the second failed with
// "Unique constraint failed on the fields: (`year`)". Each `npm start` therefore prepares the
// database holding a PostgreSQL advisory lock (session-level, on a connection of its own, one
// fixed key): the others wait, then find the work done. The lock ends with its connection, so a
// start killed half-way never leaves it held. The embedded database is opened by one process
// only (its data folder is locked: src/server/db/embedded.ts) and needs none.
import pg from "pg";

/** The advisory lock's key: "ppt-startup" as a number, chosen once; nothing else uses it. */
export const STARTUP_LOCK_KEY = 0x7070_7473_7461_7274n; // "pptstart"

export async function withStartupLock<T>(url: string, work: () => Promise<T>, log: (line: string) => void = console.log): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "park-projects startup" });
  await client.connect();
  // a dropped connection (database restarted) must not crash the start with an unhandled error;
  // the work's own connections report it
  client.on("error", () => {});
  try {
    const key = STARTUP_LOCK_KEY.toString();
    const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [key]);
    if (!rows[0].ok) {
      log("另一台应用服务正在准备同一数据库（迁移、初始数据），等待其完成…");
      await client.query("SELECT pg_advisory_lock($1::bigint)", [key]);
    }
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [key]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
