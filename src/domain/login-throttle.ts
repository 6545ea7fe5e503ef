// Login throttling rules (pure; the database side is src/server/auth/throttle.ts).
//
// - Per user name AND address: the first few wrong passwords cost nothing; from then on each
//   further attempt must wait a delay that doubles with every failure, up to a ceiling. Someone
//   guessing from one address is slowed down; the same user from another address is not.
// - Per address: an address that fails on many different user names within the window is
//   blocked outright (someone probing the office's accounts), as is one that fails very often.

export const LOGIN_THROTTLE = {
  /** failures counted within this many minutes */
  windowMinutes: 15,
  /** failures of one (user name, address) pair before delays begin */
  freeFailures: 4,
  /** the first delay, in seconds; doubled for every further failure */
  firstDelaySeconds: 30,
  /** the longest delay, in seconds */
  maxDelaySeconds: 15 * 60,
  /** distinct user names failing from one address that block the address */
  namesPerAddress: 10,
  /** failures from one address (any names) that block the address */
  failuresPerAddress: 50,
  /** how long a blocked address stays blocked after its last failure, in seconds */
  addressBlockSeconds: 15 * 60,
} as const;

/** Seconds a (user name, address) pair must wait after its latest failure, given its failures in the window. */
export function pairDelaySeconds(failures: number): number {
  if (failures < LOGIN_THROTTLE.freeFailures) return 0;
  const steps = failures - LOGIN_THROTTLE.freeFailures;
  return Math.min(LOGIN_THROTTLE.firstDelaySeconds * 2 ** Math.min(steps, 20), LOGIN_THROTTLE.maxDelaySeconds);
}

/** Whether an address with these failures in the window is blocked. */
export function addressBlocked(distinctNames: number, failures: number): boolean {
  return distinctNames >= LOGIN_THROTTLE.namesPerAddress || failures >= LOGIN_THROTTLE.failuresPerAddress;
}

/** "30秒", "2分钟", "15分钟": a wait as a person reads it (rounded up). */
export function formatWait(seconds: number): string {
  // Stryker disable next-line EqualityOperator: 0 seconds reads "0秒" either way
  if (seconds <= 0) return "0秒";
  if (seconds < 60) return `${Math.ceil(seconds)}秒`;
  return `${Math.ceil(seconds / 60)}分钟`;
}
