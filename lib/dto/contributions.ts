// The shapes of the contribution screens: the reduction/increase simulation, the public simulator and the
// regularisation card.
import { DB_TO_DOMAIN_CATEGORY } from "@/lib/db/enums";
import { type ContributionChange } from "@/lib/domain/contribution-change";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { type RegularisationKind } from "@/lib/domain";
import { PARAMETER_YEARS, type QuarterlyContributionResult } from "@/lib/domain";

export type ContributionChangeSimulation = ContributionChange & { year: number; category: keyof typeof DB_TO_DOMAIN_CATEGORY };

export type ChangeRefusal = "noCategory" | "parametersMissing" | "unchanged";

export type ContributionChangeFiled = { reference: string; status: RequestStatus };

/** Where the income a forecast assumes comes from. */
export type ForecastBasis =
  | { source: "tax-authority"; incomeCents: number }
  | { source: "request"; incomeCents: number; reference: string; type: "REDUCTION" | "INCREASE" }
  | { source: "declared"; incomeCents: number };

export type RegularisationForecast = {
  basis: ForecastBasis;
  /** definitive contributions (excl. fees) of the called quarters on that income */
  definitiveCents: number;
  /** supplement − refund, fees included (> 0: to pay, < 0: to be refunded) */
  netCents: number;
  kind: RegularisationKind;
};

export type PendingYear = {
  state: "pending";
  year: number;
  /** in-progress: the year is not over; waiting-income: no income from the tax authority yet (usually in expectedFromYear);
   *  income-received: the tax authority's income is known, the regularisation is about to be notified */
  status: "in-progress" | "waiting-income" | "income-received";
  expectedFromYear: number;
  /** provisional contributions called for the year (excl. fees), and the number of quarters called */
  provisionalCents: number;
  quartersCalled: number;
  forecast: RegularisationForecast | null;
  /** why there is no forecast: no income known, or the year's legal figures are missing */
  noForecastReason: "noIncome" | "parametersMissing" | "noCategory" | null;
};

export type RegularisedYear =
  | {
      state: "regularised";
      year: number;
      outcome: "supplement";
      callId: string;
      incomeCents: number | null;
      totalCents: number;
      outstandingCents: number;
      issuedOn: string;
      dueOn: string;
    }
  | { state: "regularised"; year: number; outcome: "refund"; incomeCents: number | null; refundCents: number; bookedOn: string; paidOutOn: string | null; setOffCents: number; toPayOutCents: number };

export type MyRegularisation = { applicable: boolean; years: (PendingYear | RegularisedYear)[] };

export const SIMULATOR_CATEGORIES = Object.keys(DB_TO_DOMAIN_CATEGORY) as (keyof typeof DB_TO_DOMAIN_CATEGORY)[];

export const SIMULATOR_YEARS = [...PARAMETER_YEARS].sort((a, b) => b - a);

export type SimulatorResult = { ok: true; result: QuarterlyContributionResult; managementFeeBp: number } | { ok: false; code: "parametersMissing" | "invalidInput" };
