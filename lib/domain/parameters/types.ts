// Shape of the per-year legal parameter sets (AR n°38 of 27-07-1967 art. 11-14; law 30-12-1992 art. 88-106); data in parameter-sets.ts.
import type { Ratio } from "../money";

/**
 * confirmed = a published figure was found (source URL); derived = computed by us from sourced
 * figures (formula in `note`), to confirm before production; missing = not found, no value guessed.
 */
export type FigureStatus = "confirmed" | "derived" | "missing";
export type FigureUnit = "cents" | "bp" | "count" | "ratio";

interface Known<U extends FigureUnit, V> {
  unit: U;
  value: V;
  source: string;
  status: "confirmed" | "derived";
  note?: string;
}
interface Missing<U extends FigureUnit> {
  unit: U;
  value: null;
  source: string;
  status: "missing";
  note?: string;
}

export type CentsFigure = Known<"cents", number> | Missing<"cents">;
export type BpFigure = Known<"bp", number> | Missing<"bp">;
export type CountFigure = Known<"count", number> | Missing<"count">;
export type RatioFigure = Known<"ratio", Ratio> | Missing<"ratio">;
export type Figure = CentsFigure | BpFigure | CountFigure | RatioFigure;

export interface ContributionParameters {
  /** 20,50 % up to the first ceiling. */
  band1RateBp: BpFigure;
  /** 14,16 % between the first and second ceiling. */
  band2RateBp: BpFigure;
  /** 14,70 % replaces 20,50 % for active pensioners. */
  pensionerRateBp: BpFigure;
  ceiling1Cents: CentsFigure;
  ceiling2Cents: CentsFigure;
  /** Minimum income, main occupation. */
  minimumIncomeCents: CentsFigure;
  /** Reduced minimum income, primo-starter's first 4 quarters. */
  primoStarterMinimumIncomeCents: CentsFigure;
  helpingSpouseMinimumIncomeCents: CentsFigure;
  /** Complementary occupation: no contribution below. */
  complementaryThresholdCents: CentsFigure;
  /** Active pensioner: no contribution below. */
  pensionerThresholdCents: CentsFigure;
  /** Active pensioner: 14,70 % band up to. */
  pensionerCeilingCents: CentsFigure;
  /** Student: no contribution below (threshold A). */
  studentThresholdCents: CentsFigure;
  /** Student: main-occupation regime from (threshold B). */
  studentUpperThresholdCents: CentsFigure;
  /** Art. 37 ARS: income ceiling of the assimilation. */
  art37CeilingCents: CentsFigure;
  /** Art. 37 ARS: no contribution below. */
  art37ThresholdCents: CentsFigure;
  /** Art. 11 §3 al. 3 AR 38: revaluation of the N-3 income for provisional contributions. */
  revaluationCoefficient: RatioFigure;
}

export interface SurchargeParameters {
  /** 3 % per quarter end on unpaid principal (art. 44 ARS). */
  quarterlyRateBp: BpFigure;
  /** 7 % once, on 1 January (art. 44 ARS). */
  annualRateBp: BpFigure;
}

export interface CompanyParameters {
  /** Balance-sheet total threshold (penultimate closed financial year). */
  thresholdCents: CentsFigure;
  smallAmountCents: CentsFigure;
  largeAmountCents: CentsFigure;
  /** 1 % per month of delay. */
  lateMonthlyRateBp: BpFigure;
}

export interface MaternityLeavePeriod {
  validFrom: string;
  fullFirst4WeeksCents: CentsFigure;
  fullFromWeek5Cents: CentsFigure;
  halfFirst4WeeksCents: CentsFigure;
  halfFromWeek5Cents: CentsFigure;
}

export interface ParameterSet {
  year: number;
  contribution: ContributionParameters;
  surcharges: SurchargeParameters;
  company: CompanyParameters;
  managementFee: { defaultRateBp: BpFigure };
  benefits: {
    maternityServiceVouchers: CountFigure;
    /** Weekly flat maternity-leave amounts (paid by the health insurer), periods starting in or running into the year. */
    maternityLeaveWeekly: MaternityLeavePeriod[];
    /** Bridging right, monthly benefit (docs/domain.md §9.5; §9 item 10). */
    bridgingRightMonthly: { withFamilyChargeCents: CentsFigure; withoutFamilyChargeCents: CentsFigure };
    /** Caregiver allowance, monthly amount for a full or half interruption (docs/domain.md §9.6; §9 item 11). */
    caregiverMonthly: { fullCents: CentsFigure; halfCents: CentsFigure };
    /** Legal interest rate owed on a benefit paid late (Charte art. 20; docs/domain.md §17 item 14). */
    legalInterestRateBp: BpFigure;
  };
}
