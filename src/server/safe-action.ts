// The one shape of every form's server action: parse the form with the zod schema shared with
// the client form, identify the user, run the service (which checks permission through
// src/server/auth/permissions.ts), and turn every expected failure into a message next to the
// fields instead of an exception. While the account must still change a password an
// administrator set, every action but that change is refused here (and by assertCan).
import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { currentActor } from "@/server/auth/current";
import type { Actor } from "@/server/auth/actor";
import { AuthError, MUST_CHANGE_PASSWORD_MESSAGE } from "@/server/auth/permissions";
import { cleanStoredText, FIELD_MAX_CHARS, hygieneErrors } from "@/lib/schemas/text";
import { ConflictError, NotFoundError, StateError, ValidationError, type FieldErrors } from "@/server/errors";
import { CONNECTION_FAILURE_MESSAGE, connectionFailure } from "@/server/db/connection-errors";

import type { ActionOutcome, ActionState } from "@/server/action-state";
export type { ActionState } from "@/server/action-state";

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) values[k] = v;
  return values;
}

/**
 * What an action answers when it was posted something other than a form (a hand-made request
 * with other arguments): a message, never an exception and a 500.
 */
export const NOT_A_FORM: ActionState = { ok: false, message: "提交的内容格式不正确，请刷新页面后重试。" };

export function isForm(formData: unknown): formData is FormData {
  return formData instanceof FormData;
}

export function toActionState(error: unknown, values?: Record<string, string>): ActionState {
  if (error instanceof ValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
  if (error instanceof ConflictError) return { ok: false, message: error.message, conflict: error.details, values };
  if (error instanceof AuthError || error instanceof NotFoundError || error instanceof StateError) {
    return { ok: false, message: error.message, values };
  }
  // the database connection lost mid-way: the transaction stored nothing (or, lost during its
  // COMMIT, nobody can tell); the user is told which, not that the system failed
  const lost = connectionFailure(error);
  if (lost) {
    console.warn(`[action] database connection lost (${lost})`, error);
    return { ok: false, message: CONNECTION_FAILURE_MESSAGE[lost], values };
  }
  console.error("[action] unexpected error", error);
  return { ok: false, message: "保存失败：系统暂时无法处理，请稍后重试。您填写的内容未丢失。", values };
}

/**
 * Builds a server action for useActionState from a schema and a service call. The service
 * receives the signed-in actor (or null) and the parsed input; it must check permission.
 */
export function formAction<S extends z.ZodType>(
  schema: S,
  run: (actor: Actor | null, input: z.infer<S>, formData: FormData) => Promise<ActionOutcome>,
  options: {
    /** the one action allowed while the account must still change a password an administrator set */
    whilePasswordChangeDue?: boolean;
  } = {},
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    if (!isForm(formData)) return NOT_A_FORM;
    const submitted = formValues(formData);
    // what the form shows again after a failure: everything typed except passwords
    const values = Object.fromEntries(Object.entries(submitted).filter(([k]) => !/password/i.test(k)));
    // input hygiene first, for every field of every form (src/lib/schemas/text.ts)
    const odd = hygieneErrors(submitted);
    if (Object.keys(odd).length > 0) {
      const shown = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, cleanStoredText(v, FIELD_MAX_CHARS) ?? ""]));
      return { ok: false, message: "请检查标红的字段。", fieldErrors: odd, values: shown };
    }
    const parsed = schema.safeParse(submitted);
    if (!parsed.success) {
      return { ok: false, message: "请检查标红的字段。", fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors, values };
    }
    try {
      const actor = await currentActor();
      if (actor?.mustChangePassword && !options.whilePasswordChangeDue) return { ok: false, message: MUST_CHANGE_PASSWORD_MESSAGE, values };
      const outcome = await run(actor, parsed.data, formData);
      if (typeof outcome === "object") return { ok: true, message: outcome.message, link: outcome.link };
      return { ok: true, message: outcome ?? "已保存。" };
    } catch (e) {
      unstable_rethrow(e); // a redirect() after the write goes through to Next.js
      return toActionState(e, values);
    }
  };
}

/** After a write: every page is rendered afresh on its next visit (the figures are all connected). */
export function refreshAll(): void {
  revalidatePath("/", "layout");
}
