// What the screens of accountants' mandates show: the affiliate's list of mandates, the accountant's portfolio.

/** The client whose file the accountant opened from the portfolio (a dossier id; the mandate is checked on every
 *  request, so the cookie alone opens nothing). Readable by the page's script, which reloads a tab left on another client. */
export const ACTING_COOKIE = "caisse-acting-for";

/** A mandate as read on a given day: asked, active, not started yet, ended by its date, refused or revoked. */
export type MandateState = "REQUESTED" | "ACTIVE" | "UPCOMING" | "ENDED" | "REFUSED" | "REVOKED";

export type AccountantMandateView = {
  id: string;
  state: MandateState;
  accountantName: string;
  itaaNumber: string;
  clientName: string;
  canFileRequests: boolean;
  receivesNotices: boolean;
  validFrom: string;
  validUntil: string | null;
  askedByAccountant: boolean;
  createdAt: string;
};

/** One client of the portfolio and what matters this week. */
export type PortfolioClient = {
  affiliateId: string;
  name: string;
  memberNumber: string;
  canFileRequests: boolean;
  receivesNotices: boolean;
  validFrom: string;
  validUntil: string | null;
  /** still owed, of which overdue (the one definition of what is owed) */
  owedCents: number;
  overdueCents: number;
  /** the next due date of a call still owed, if any */
  nextDueOn: string | null;
  /** requests still open at the fund, of which the fund waits for an answer from the client */
  openRequests: number;
  waitingForClient: number;
};

export const PORTFOLIO_FILTERS = ["all", "overdue", "dueSoon", "waiting"] as const;
export type PortfolioFilter = (typeof PORTFOLIO_FILTERS)[number];
