// Puts the request gate where the app's HTTP server (scripts/serve.mjs) finds it: a global under
// a registered symbol, set once per server process by src/instrumentation.ts. The gate checks
// sessions with the app's own rule and database pool.
import { db } from "@/server/db";
import { actorForToken, SESSION_COOKIE } from "@/server/auth/sessions";
import { actionManifestReader } from "./action-manifest";
import { createRequestGate } from "./request-gate";
import { uploadSettings } from "./request-limits";
import { uploadSlots } from "./upload-slots";

export const GATE_KEY = Symbol.for("ppt.requestGate");

/** The session token in a Cookie header (the `__Host-` name on HTTPS, or the plain one). */
export function sessionTokenFromCookieHeader(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (name === SESSION_COOKIE || name === `__Host-${SESSION_COOKIE}`) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function installRequestGate() {
  const g = globalThis as Record<symbol, unknown>;
  if (g[GATE_KEY]) return;
  g[GATE_KEY] = createRequestGate({
    actionName: actionManifestReader(),
    sessionValid: async (cookieHeader) => (await actorForToken(db(), sessionTokenFromCookieHeader(cookieHeader))) !== null,
    slots: uploadSlots(uploadSettings()),
  });
}
