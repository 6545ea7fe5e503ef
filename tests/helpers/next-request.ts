// Calling server actions as the browser's request would, without Next.js around them: the app's
// database handle is the test's, next/cache does nothing, and next/headers answers from a cookie
// jar and request headers the test controls. Import it first in a test file, before anything
// from the app, and set `request.prisma` once the test database exists:
//   import { request as h } from "../helpers/next-request";
//   h.prisma = t.prisma;
//   h.token = await sessionToken(t.prisma, a.admin);   // signed in as the administrator
import { vi } from "vitest";
import type { Db } from "../../src/server/db/client";

/** The plain (non-HTTPS) session cookie's name, as src/server/auth/sessions.ts sets it over HTTP. */
const SESSION = "ppt_session";

export const request = {
  /** what db() returns in the app */
  prisma: null as unknown as Db,
  /** the browser's cookies */
  jar: new Map<string, string>(),
  /** what the responses set, in order: [name, value, options] (a deleted cookie: value "", { deleted: true }) */
  set: [] as Array<[string, string, Record<string, unknown>]>,
  /** the request's headers */
  headers: { "user-agent": "vitest" } as Record<string, string>,
  /** the session cookie: a token, or undefined when signed out */
  get token(): string | undefined {
    return this.jar.get(SESSION);
  },
  set token(value: string | undefined) {
    if (value === undefined) this.jar.delete(SESSION);
    else this.jar.set(SESSION, value);
  },
};

vi.mock("@/server/db", () => ({ db: () => request.prisma }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name)! } : undefined),
    set: (name: string, value: string, options: Record<string, unknown> = {}) => {
      request.set.push([name, value, options]);
      if (value) request.jar.set(name, value);
      else request.jar.delete(name);
    },
    delete: (name: string) => {
      request.set.push([name, "", { deleted: true }]);
      request.jar.delete(name);
    },
  }),
  headers: async () => new Headers(request.headers),
}));
