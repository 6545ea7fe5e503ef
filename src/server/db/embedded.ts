// The embedded database: PostgreSQL compiled to WebAssembly (PGlite), persisted in a data
// folder and served on a loopback port, so the app, `prisma migrate` and the tests all reach
// it through the same pg / adapter-pg path as a real PostgreSQL server.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { ProtocolAwareQueue } from "./embedded-queue";
import { dataFolderPassword, PasswordGate, randomPassword } from "./embedded-auth";

export type EmbeddedDatabase = {
  url: string;
  /** folder holding the PostgreSQL data files, or "memory" */
  location: string;
  db: PGlite;
  stop(): Promise<void>;
};

/**
 * How many client connections the socket server accepts (it closes any beyond) and
 * multiplexes onto PGlite's one session; the app's pool uses fewer (EMBEDDED_POOL_MAX), so a
 * connection being replaced, or a second client, never hits the limit.
 */
export const EMBEDDED_MAX_CONNECTIONS = 32;
export const EMBEDDED_POOL_MAX = 8;

export function defaultDataDir(): string {
  return path.resolve(process.env.DATA_DIR || "data");
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** One process at a time may open a data folder: a second PGlite on it would corrupt it. */
function acquireLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "pglite.lock");
  try {
    const pid = Number(fs.readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && isRunning(pid)) {
      throw new Error(`数据目录 ${dataDir} 正被进程 ${pid} 使用。请先停止该进程，或用 DATA_DIR 指定其他目录。`);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      /* already gone */
    }
  };
}

/**
 * Opens (creating if needed) the embedded database and serves it on 127.0.0.1.
 * `dataDir: null` keeps it in memory (tests).
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string | null;
  port?: number;
  /** start from a copy of another database (a tarball from PGlite's dumpDataDir) */
  loadDataDir?: Blob;
}): Promise<EmbeddedDatabase> {
  let release = () => {};
  let dataPath: string | undefined;
  let password = randomPassword();
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    try {
      fs.chmodSync(options.dataDir, 0o700); // a folder made by an earlier version, too
    } catch {
      /* not ours to change: the password file is still 0600 */
    }
    release = acquireLock(options.dataDir);
    dataPath = path.join(options.dataDir, "pgdata");
    try {
      password = dataFolderPassword(options.dataDir);
    } catch (e) {
      release();
      throw e;
    }
  }
  let db: PGlite;
  try {
    db = await PGlite.create({ ...(dataPath ? { dataDir: dataPath } : {}), ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  } catch (e) {
    release();
    throw e;
  }
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  // replace the server's queue before any connection is made (handlers take it on connect)
  (server as unknown as { queryQueue: ProtocolAwareQueue }).queryQueue = new ProtocolAwareQueue(db, new PasswordGate(password));
  await server.start();
  const address = server.getServerConn(); // "127.0.0.1:PORT"
  let stopped = false;
  return {
    url: `postgresql://postgres:${password}@${address}/postgres?sslmode=disable`,
    location: dataPath ?? "memory",
    db,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      release();
    },
  };
}
