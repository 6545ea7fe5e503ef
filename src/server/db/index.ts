// The app's database client: one per server process, created on first use from DATABASE_URL
// (which `npm start` sets to the embedded database when none is configured).
import "server-only";
import { createPrismaClient, type Db } from "./client";

const globalForDb = globalThis as unknown as { __db?: Db };

export function db(): Db {
  if (!globalForDb.__db) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`.");
    // DATABASE_POOL_MAX: `npm start` sets it for the embedded database (EMBEDDED_POOL_MAX),
    // whose one session gains nothing from more connections
    const max = Number(process.env.DATABASE_POOL_MAX);
    globalForDb.__db = createPrismaClient(url, Number.isInteger(max) && max > 0 ? max : 10);
  }
  return globalForDb.__db;
}
