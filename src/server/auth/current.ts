// The signed-in user of the current request (Next.js cookies), for pages, actions and routes.
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/server/db";
import type { Actor } from "./actor";
import { actorForToken, requestIsHttps, sessionIdOf, sessionToken } from "./sessions";
import { can, type Action, type Permission, type Target } from "./permissions";
import { resolveClientAddress, trustedHops } from "@/server/http/client-address";
import { CHANGE_PASSWORD_PATH } from "@/lib/account-paths";

/** The session token of the current request (src/server/auth/sessions.ts: either cookie name). */
export async function currentSessionToken(): Promise<string | undefined> {
  return sessionToken(await cookies(), { https: await isHttps() });
}

/** The id of the current request's session (to mark it among the user's sessions), or null. */
export async function currentSessionId(): Promise<string | null> {
  const token = await currentSessionToken();
  return token ? sessionIdOf(token) : null;
}

/**
 * The signed-in user, looked up once per render: the page frame (the menu) and the page itself both
 * ask, and each lookup is a statement (React's cache lasts one server render; an action's own
 * check, outside a render, looks up again).
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  // the request's cookies first: reading them is what makes a page dynamic for Next.js, also
  // while it prerenders (where db() throws, having no database)
  const token = await currentSessionToken();
  return actorForToken(db(), token);
});

/** For the page frame: the signed-in user, or null also when the database cannot be reached. */
export async function currentActorOrNull(): Promise<Actor | null> {
  try {
    return await currentActor();
  } catch {
    return null;
  }
}

/**
 * For pages: the signed-in user, or a redirect to the login page (or, while the password an
 * administrator set is not yet changed, to /account/password; the proxy redirects first).
 */
export async function requireActor(next?: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/login${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  if (actor.mustChangePassword) redirect(`${CHANGE_PASSWORD_PATH}${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  return actor;
}

/** For /account/password: the signed-in user, whether or not a password change is due. */
export async function requireSignedIn(next: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/login?next=${encodeURIComponent(next)}`);
  return actor;
}

/** For pages: the signed-in user holding `permission` (on `target`), or the login page / a 403 message. */
export async function requirePermission(permission: Action | Permission, next?: string, target?: Target): Promise<Actor> {
  const actor = await requireActor(next);
  if (!can(actor, permission, target)) redirect("/forbidden");
  return actor;
}

export async function clientAddress(): Promise<string | null> {
  return resolveClientAddress(await headers(), trustedHops(process.env.TRUST_PROXY));
}

/** Whether the current request came over HTTPS (COOKIE_SECURE, else X-Forwarded-Proto). */
export async function isHttps(): Promise<boolean> {
  return requestIsHttps(await headers());
}
