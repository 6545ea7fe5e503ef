// Shared by client forms and server actions: the result shape of every form action.
import type { ConflictDetails, FieldErrors } from "@/server/errors";

export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  conflict?: ConflictDetails | null;
  /** the submitted values, so the form keeps what the user typed */
  values?: Record<string, string>;
};

export const initialActionState: ActionState = { ok: false };
