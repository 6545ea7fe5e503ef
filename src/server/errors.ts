// Errors that services raise and the action wrapper turns into messages for the user.
export type FieldErrors = Record<string, string[] | undefined>;

export class ValidationError extends Error {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "请检查标红的字段。",
  ) {
    super(message);
  }
}

export type ConflictDetails = {
  /** what is saved now, as the other person left it */
  theirs: Record<string, string | null>;
  /** what this request tried to save */
  yours: Record<string, string | null>;
  by: string | null;
  at: string | null;
};

export class ConflictError extends Error {
  constructor(
    message: string,
    readonly details: ConflictDetails | null = null,
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {}

/** A state change that the current workflow status does not allow. */
export class StateError extends Error {}
