// Repeated failed sign-ins slow down: after THRESHOLD failures in a row, each new attempt must wait
// 2^(failures-THRESHOLD) seconds since the last failure (capped), whatever the password.
export const THROTTLE_THRESHOLD = 3;
export const THROTTLE_MAX_SECONDS = 15 * 60;

export function throttleWaitSeconds(failedLogins: number): number {
  if (failedLogins < THROTTLE_THRESHOLD) return 0;
  return Math.min(THROTTLE_MAX_SECONDS, 2 ** (failedLogins - THROTTLE_THRESHOLD));
}

/** Seconds the user must still wait at `now`, 0 when an attempt is allowed. */
export function secondsUntilNextAttempt(failedLogins: number, lastFailedAt: Date | null, now: Date): number {
  const wait = throttleWaitSeconds(failedLogins);
  if (wait === 0 || !lastFailedAt) return 0;
  const elapsed = (now.getTime() - lastFailedAt.getTime()) / 1000;
  return Math.max(0, Math.ceil(wait - elapsed));
}
