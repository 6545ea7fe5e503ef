import { PrismaClient } from "@/generated/prisma/client";
import { createAdapter } from "./adapter";

export type Db = PrismaClient;

export function createPrismaClient(connectionString: string, maxConnections = 10): PrismaClient {
  return new PrismaClient({ adapter: createAdapter(connectionString, maxConnections) });
}
