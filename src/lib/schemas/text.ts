// Input hygiene, in one place: every form schema's text goes through these rules (textField and
// the other field builders in ./common, and formAction checks every submitted field with
// `hygieneErrors` before any schema runs), and every string stored from request metadata
// (user agent, address, user name of a failed login) is bounded with `cleanStoredText`.

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped or refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Bidirectional overrides and isolates (can make text read differently from what it is). */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** A UTF-16 surrogate without its pair (not a character; the database refuses it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const CONTROL_MESSAGE = "含有不可见的控制字符，请删除后重新输入";

/** Why `value` cannot be accepted as text, or null when it can. */
export function textProblem(value: string): string | null {
  return CONTROL.test(value) || BIDI.test(value) || LONE_SURROGATE.test(value) ? CONTROL_MESSAGE : null;
}

/** The largest number of characters any single form field may carry. */
export const FIELD_MAX_CHARS = 20_000;

/** Per-field messages for every submitted value that carries forbidden characters or is far too long. */
export function hygieneErrors(values: Record<string, string>, labels: Record<string, string> = {}): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(values)) {
    const label = labels[name] ?? "";
    if (value.length > FIELD_MAX_CHARS) errors[name] = [`${label}内容过长`];
    else if (textProblem(value)) errors[name] = [`${label}${CONTROL_MESSAGE}`];
  }
  return errors;
}

/** A string from outside bounded for storage: control characters removed, at most `max` characters. */
export function cleanStoredText(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = value
    // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped or refused
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
  return [...cleaned].slice(0, max).join("");
}
