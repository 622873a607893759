// The fund's four-eyes policy (README, "Four eyes"; docs/decisions/0030): moves in the debtor's favour that one staff
// member proposes and another approves. The amounts are the fund's choice, not legal figures.

/** Recording an INASTI acceptance that cancels more than this (contributions, fees or surcharges) needs a second advisor. */
export const INASTI_FOUR_EYES_CENTS = 250_000;

/** Whether recording an INASTI acceptance that cancels `cancelledCents` needs a second advisor. */
export function inastiAcceptanceNeedsSecondApprover(cancelledCents: number): boolean {
  return cancelledCents > INASTI_FOUR_EYES_CENTS;
}
