// The password rule, in one place (pure; the schema in src/lib/schemas/user.ts applies it, the
// forms show it): at least PASSWORD_MIN_LENGTH characters (default 12, never below 8), at most
// 128, with at least one letter and one digit (等保2.0 asks for complexity). Any printable
// character is allowed, Chinese included; nothing is truncated. The rule applies when a password
// is set: existing passwords keep working.

export const PASSWORD_DEFAULT_MIN = 12;
/** PASSWORD_MIN_LENGTH is never taken below this. */
export const PASSWORD_FLOOR = 8;
/** PASSWORD_MIN_LENGTH is never taken above this (a longer minimum would leave no room). */
export const PASSWORD_CEILING = 64;
export const PASSWORD_MAX = 128;

/**
 * The configured minimum length: PASSWORD_MIN_LENGTH, a whole number taken within 8–64 (6 counts
 * as 8); unset or unreadable, the default 12.
 */
export function passwordMinLength(raw: string | undefined = process.env.PASSWORD_MIN_LENGTH): number {
  const value = raw?.trim();
  if (!value || !/^[0-9]{1,3}$/.test(value)) return PASSWORD_DEFAULT_MIN;
  return Math.min(Math.max(Number(value), PASSWORD_FLOOR), PASSWORD_CEILING);
}

/** Characters as a person counts them (code points: 中 is one, not two UTF-16 units). */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** Why `password` does not meet the rule (each reason once, in Chinese), or [] when it does. */
export function passwordProblems(password: string, min: number): string[] {
  const problems: string[] = [];
  const length = passwordLength(password);
  if (length < min) problems.push(`密码至少${min}位`);
  if (length > PASSWORD_MAX) problems.push(`密码不能超过${PASSWORD_MAX}位`);
  if (!/\p{L}/u.test(password) || !/[0-9]/.test(password)) problems.push("密码须同时包含字母和数字");
  return problems;
}

/** The rule as a form's hint shows it. */
export function passwordRuleText(min: number): string {
  return `至少${min}位，须同时包含字母和数字`;
}
