// Shared by client forms and server actions: the result shape of every form action.
import type { ConflictDetails, FieldErrors } from "@/server/errors";

export type ActionState = {
  ok: boolean;
  message?: string;
  /** after a success: where to go next (the item just created, what blocks the action) */
  link?: ActionLink;
  fieldErrors?: FieldErrors;
  conflict?: ConflictDetails | null;
  /** the submitted values, so the form keeps what the user typed */
  values?: Record<string, string>;
};

/** A link an action's answer offers: a path inside the app and its label. */
export type ActionLink = { href: string; label: string };

/** What a service-backed action answers on success: a message, or a message with a link. */
export type ActionOutcome = string | { message: string; link?: ActionLink } | void;

export const initialActionState: ActionState = { ok: false };
