// The signed-in user of the current request (Next.js cookies), for pages, actions and routes.
import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/server/db";
import type { Actor } from "./actor";
import { actorForToken, SESSION_COOKIE } from "./sessions";
import { can, type Action, type Permission, type Target } from "./permissions";
import { resolveClientAddress, trustedHops } from "@/server/http/client-address";

export async function currentActor(): Promise<Actor | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return actorForToken(db(), token);
}

/** For the page frame: the signed-in user, or null also when the database cannot be reached. */
export async function currentActorOrNull(): Promise<Actor | null> {
  try {
    return await currentActor();
  } catch {
    return null;
  }
}

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireActor(next?: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/login${next ? `?next=${encodeURIComponent(next)}` : ""}`);
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

export async function isHttps(): Promise<boolean> {
  if (process.env.COOKIE_SECURE) return process.env.COOKIE_SECURE === "true";
  return (await headers()).get("x-forwarded-proto") === "https";
}
