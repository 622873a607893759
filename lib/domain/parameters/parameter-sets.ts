// Legal parameter sets 2023-2026 (AR n°38 art. 11-14 and yearly indexation ARs; law 30-12-1992 art. 91; ARS art. 44): sources per figure, see docs/domain.md §3.5-§9.
import { DomainError } from "../errors";
import type { BpFigure, CentsFigure, CountFigure, MaternityLeavePeriod, ParameterSet, RatioFigure } from "./types";

const SRC = {
  dexxter: "https://dexxter.be/sociale-bijdragen-voor-zelfstandigen/",
  groupsAdjust:
    "https://www.groups.be/nl/multiservice/een-eigen-onderneming/ik-ben-zelfstandige/sociale-bijdragen/aanpassing-van-de-sociale",
  refibo: "https://www.refibo.be/waarom-uw-sociale-bijdragen-voor-2023-er-anders-zullen-uitzien/",
  liantisBijberoep: "https://www.liantis.be/nl/zelfstandig-worden/sociale-bijdragen/bijberoep",
  accountable: "https://accountable.eu/nl-be/blog/primostarter/?amp=1",
  groupsStudent: "https://www.groups.be/nl/sociale-bijdragen-als-student-zelfstandige",
  ar20231217: "https://www.ejustice.just.fgov.be/eli/arrete/2023/12/17/2023206853/justel",
  eloya:
    "https://eloya.be/fr/actualit%C3%A9s/independant-cotisations-sociales-ce-qui-change-au-1%E1%B5%89%CA%B3-octobre-2025/",
  ucm: "https://www.ucm.be/faq/cotisations-sociales/comment-se-calcule-ma-cotisation-sociale-trimestrielle",
  xeriusStarter: "https://productie.xerius.be/fr-be/devenir-independant/votre-preparation/cotisations-sociales-starter",
  tamtam:
    "https://blog.tamtam.pro/fr/article/cotisations-sociales-2026-des-independants-ce-qui-change-ce-qui-se-confirme-et-ce-quil-faut-anticiper/29759",
  liantisRates: "https://www.liantis.be/nl/nieuws/nieuwe-bijdragetabel-2019",
  xeriusPensioner: "https://www.xerius.be/nl-be/drive/checklist/pensioen-jonger-dan-65/verminderde-sociale-bijdragen",
  zenito: "https://www.zenito.be/nl/met-pensioen-en-bijverdienen",
  dexxterPensioner: "https://dexxter.be/sociale-bijdragen-gepensioneerd-zelfstandige",
  vlaioSpouse: "https://www.vlaio.be/nl/begeleiding-advies/start/je-statuut-als-zelfstandige/meewerkend-echtgenoten",
  billy: "https://billy.tech/nl/de-meewerkende-echtgenoot/",
  plusMagazine:
    "https://www.plusmagazine.be/nl/recht-en-geld/een-zelfstandig-bijberoep-starten-moet-je-altijd-sociale-bijdragen-betalen/",
  rsvzArt37News: "https://www.rsvz.be/nl/nieuws/uitbreiding-gelijkstelling-met-bijberoep-naar-personen-met-een-handicap",
  rsvzArt37Faq: "https://www.rsvz.be/nl/faq/voordelige-bijdrageregeling-gelijkstelling-met-bijberoep-artikel-37",
  acertaBijberoep: "https://www.acerta.be/nl/zelfstandigen/themas-en-dossiers/sociale-bijdragen/sociale-bijdragen-bijberoep",
  acertaStudent: "https://www.acerta.be/nl/zelfstandigen/themas-en-dossiers/sociaal-statuut/student-zelfstandige",
  rsvzSurcharges: "https://www.rsvz-inasti.fgov.be/nl/faq/wat-als-ik-mijn-bijdragen-niet-betaal",
  companyFrom2023:
    "https://adeconsultants.webwin.be/newsletter-by-email/vanaf-2023-jaarlijkse-indexatie-vennootschapsbijdrage-en-betalingsdeadline-op-3112",
  bizantium: "https://bizantium.be/de-vennootschapsbijdrage-wat-je-moet-weten/",
  company2025: "https://adeconsultants.webwin.be/new-flashes/vennootschapsbijdrage-2025-uiterlijk-31122025-betalen",
  rsvzCompanyDue: "https://www.rsvz-inasti.fgov.be/nl/faq/tegen-wanneer-moet-ik-de-vennootschapsbijdrage-betalen",
  fees: "https://www.zelfstandige.vlaanderen/wat-zijn-de-beheerskosten-van-het-sociaal-verzekeringsfonds/",
  vouchers:
    "https://www.rsvz-inasti.fgov.be/nl/faq/gratis-dienstencheques-voor-jonge-moeders-heb-ik-er-recht-op-en-hoe-vraag-ik-ze-aan",
  riziv:
    "https://riziv.fgov.be/nl/thema-s/zwangerschap-en-geboorte/bedragen-en-loonplafonds/zelfstandigen/bedrag-van-de-forfaitaire-uitkering-tijdens-uw-moederschapsrust-als-zelfstandige",
  rsvzBridging: "https://www.rsvz.be/nl/faq/ik-ben-failliet-wat-nu",
  unizoCaregiver:
    "https://www.unizo.be/advies/zelfstandig-en-mantelzorger-welke-ondersteuning-krijg-je-als-je-zorgt-voor-zieke-familieleden",
  famipediaInterest: "https://famipedia.be/fr/themes/social-right/charter-socially-insured/theory/interests.html",
} as const;

type Status = "confirmed" | "derived";
const cents = (value: number, source: string, status: Status = "confirmed", note?: string): CentsFigure =>
  note === undefined ? { unit: "cents", value, source, status } : { unit: "cents", value, source, status, note };
const bp = (value: number, source: string, status: Status = "confirmed", note?: string): BpFigure =>
  note === undefined ? { unit: "bp", value, source, status } : { unit: "bp", value, source, status, note };
const count = (value: number, source: string): CountFigure => ({ unit: "count", value, source, status: "confirmed" });
const ratio = (numerator: number, denominator: number, source: string, note: string): RatioFigure => ({
  unit: "ratio",
  value: { numerator, denominator },
  source,
  status: "confirmed",
  note,
});
const missingCents = (source: string, note: string): CentsFigure => ({ unit: "cents", value: null, source, status: "missing", note });
const missingBp = (source: string, note: string): BpFigure => ({ unit: "bp", value: null, source, status: "missing", note });
const derived = (value: number, source: string, note: string): CentsFigure => cents(value, source, "derived", note);

const F2425 = "2025/2024 indexation factor 73.447,52/72.810,95";
const F2526 = "2026/2025 indexation factor 75.024,54/73.447,52";
const F2324 = "2024/2023 indexation factor 72.810,95/70.857,99";

const common = {
  band1RateBp: bp(2050, SRC.liantisRates),
  band2RateBp: bp(1416, SRC.liantisRates),
  pensionerRateBp: bp(1470, SRC.xeriusPensioner),
};
const surcharges = {
  quarterlyRateBp: bp(300, SRC.rsvzSurcharges),
  annualRateBp: bp(700, SRC.rsvzSurcharges),
};
const managementFee = {
  defaultRateBp: bp(
    305,
    SRC.fees,
    "derived",
    "fund-specific; 3,05 % = lowest observed rate (Xerius/Acerta), implied by 898,30/871,71 in 2025",
  ),
};
const lateMonthlyRateBp = bp(100, SRC.rsvzCompanyDue);
const vouchers = count(105, SRC.vouchers);

// Benefit figures not found for 2023-2026 (docs/domain.md §17 item 10, 11, 14): no value is guessed; staff enter the
// official figure in the reference table (Paramètres légaux) and until then no amount or interest is computed.
const benefitFigures = (year: number) => ({
  bridgingRightMonthly: {
    withFamilyChargeCents: missingCents(
      SRC.rsvzBridging,
      `${year} monthly bridging right with family charge not found (last seen: 1.489,64 in 2017, 1.614,10 corona 2020; indexed, aligned on the minimum pension)`,
    ),
    withoutFamilyChargeCents: missingCents(
      SRC.rsvzBridging,
      `${year} monthly bridging right without family charge not found (last seen: 1.192,09 in 2017, 1.291,69 corona 2020)`,
    ),
  },
  caregiverMonthly: {
    fullCents: missingCents(SRC.unizoCaregiver, `${year} caregiver allowance (full interruption) not found; 1.454,81 was the 2022 amount`),
    halfCents: missingCents(SRC.unizoCaregiver, `${year} caregiver allowance (half interruption) not found; 727,41 was the 2022 amount`),
  },
  legalInterestRateBp: missingBp(
    SRC.famipediaInterest,
    `legal interest rate ${year} (law 5-5-1865, published yearly in the Moniteur belge) applicable under Charte art. 20 not verified`,
  ),
});

const maternity = (validFrom: string, a: number, b: number, c: number, d: number): MaternityLeavePeriod => ({
  validFrom,
  fullFirst4WeeksCents: cents(a, SRC.riziv),
  fullFromWeek5Cents: cents(b, SRC.riziv),
  halfFirst4WeeksCents: cents(c, SRC.riziv),
  halfFromWeek5Cents: cents(d, SRC.riziv),
});
const M2023A = maternity("2023-01-01", 83067, 75976, 41533, 37988);
const M2023B = maternity("2023-07-01", 83897, 76736, 41949, 38368);
const M2023C = maternity("2023-11-01", 85574, 78270, 42787, 39135);
const M2024 = maternity("2024-05-01", 87287, 79837, 43644, 39918);
const M2025 = maternity("2025-02-01", 89031, 81432, 44516, 40716);

export const PARAMETER_SETS: Readonly<Record<number, ParameterSet>> = {
  2023: {
    year: 2023,
    contribution: {
      ...common,
      ceiling1Cents: cents(7085799, SRC.dexxter),
      ceiling2Cents: cents(10442224, SRC.dexxter),
      minimumIncomeCents: cents(1640920, SRC.groupsAdjust),
      primoStarterMinimumIncomeCents: derived(847380, SRC.accountable, `8.707,35 (2024) / ${F2324}`),
      helpingSpouseMinimumIncomeCents: cents(720856, SRC.vlaioSpouse),
      complementaryThresholdCents: cents(181541, SRC.rsvzArt37News),
      pensionerThresholdCents: derived(363081, SRC.zenito, `3.730,88 (2024) / ${F2324}`),
      pensionerCeilingCents: derived(7476656, SRC.dexxterPensioner, `77.498,93 (2025) / ${F2425} / ${F2324}`),
      studentThresholdCents: derived(820460, SRC.groupsStudent, "half of the main-occupation minimum income"),
      studentUpperThresholdCents: derived(1640920, SRC.groupsStudent, "= main-occupation minimum income"),
      art37CeilingCents: cents(859581, SRC.rsvzArt37News),
      art37ThresholdCents: cents(181541, SRC.rsvzArt37News),
      revaluationCoefficient: ratio(11831, 10000, SRC.refibo, "published as +18,31 % (third-party source)"),
    },
    surcharges,
    company: {
      thresholdCents: cents(82575009, SRC.companyFrom2023),
      smallAmountCents: cents(38444, SRC.companyFrom2023),
      largeAmountCents: cents(96026, SRC.companyFrom2023),
      lateMonthlyRateBp,
    },
    managementFee,
    benefits: { maternityServiceVouchers: vouchers, maternityLeaveWeekly: [M2023A, M2023B, M2023C], ...benefitFigures(2023) },
  },
  2024: {
    year: 2024,
    contribution: {
      ...common,
      ceiling1Cents: cents(7281095, SRC.liantisBijberoep),
      ceiling2Cents: cents(10730030, SRC.liantisBijberoep),
      minimumIncomeCents: cents(1686146, SRC.accountable),
      primoStarterMinimumIncomeCents: cents(870735, SRC.accountable),
      helpingSpouseMinimumIncomeCents: derived(740724, SRC.billy, `7.472,00 (2025) / ${F2425}`),
      complementaryThresholdCents: cents(186545, SRC.acertaBijberoep),
      pensionerThresholdCents: cents(373088, SRC.zenito),
      pensionerCeilingCents: derived(7682725, SRC.dexxterPensioner, `77.498,93 (2025) / ${F2425}`),
      studentThresholdCents: cents(843073, SRC.groupsStudent),
      studentUpperThresholdCents: cents(1686146, SRC.groupsStudent),
      art37CeilingCents: cents(883273, SRC.rsvzArt37Faq, "confirmed", "Liantis prints 8.832,72"),
      art37ThresholdCents: cents(186545, SRC.rsvzArt37Faq),
      revaluationCoefficient: ratio(65654, 55321, SRC.ar20231217, "AR 17-12-2023 art. 1: 656,54/553,21"),
    },
    surcharges,
    company: {
      thresholdCents: cents(83199083, SRC.bizantium),
      smallAmountCents: cents(38734, SRC.bizantium),
      largeAmountCents: cents(96752, SRC.bizantium),
      lateMonthlyRateBp,
    },
    managementFee,
    benefits: { maternityServiceVouchers: vouchers, maternityLeaveWeekly: [M2023C, M2024], ...benefitFigures(2024) },
  },
  2025: {
    year: 2025,
    contribution: {
      ...common,
      ceiling1Cents: cents(7344752, SRC.eloya),
      ceiling2Cents: cents(10823840, SRC.eloya),
      minimumIncomeCents: cents(1700888, SRC.ucm),
      primoStarterMinimumIncomeCents: cents(878348, SRC.xeriusStarter),
      helpingSpouseMinimumIncomeCents: derived(747200, SRC.billy, "back-computed from the published 382,94 EUR/quarter"),
      complementaryThresholdCents: derived(188176, SRC.acertaStudent, `1.865,45 (2024) x ${F2425}; matches 96,44 EUR/q`),
      pensionerThresholdCents: cents(376351, SRC.dexxterPensioner, "confirmed", "Liantis prints 3.763,50"),
      pensionerCeilingCents: cents(7749893, SRC.dexxterPensioner),
      studentThresholdCents: cents(850443, SRC.acertaStudent),
      studentUpperThresholdCents: cents(1700888, SRC.acertaStudent),
      art37CeilingCents: derived(890995, SRC.rsvzArt37Faq, `8.832,73 (2024) x ${F2425}`),
      art37ThresholdCents: derived(188176, SRC.rsvzArt37Faq, `1.865,45 (2024) x ${F2425}`),
      revaluationCoefficient: {
        unit: "ratio",
        value: { numerator: 1700888, denominator: 1465844 },
        source: SRC.ucm,
        status: "derived",
        note:
          "AR fixing the 2025 fraction (income 2022) not found (docs/domain.md §17.2). Estimate: thresholds and the N-3 revaluation follow the same index, so 2025 minimum income / 2022 minimum income = 17.008,88 / 14.658,44 ≈ 1,16035 (the 2022 figure is unverified). Correct it in the reference table once the AR is read.",
      },
    },
    surcharges,
    company: {
      thresholdCents: cents(85860572, SRC.company2025),
      smallAmountCents: cents(39973, SRC.company2025),
      largeAmountCents: cents(99847, SRC.company2025),
      lateMonthlyRateBp,
    },
    managementFee,
    benefits: { maternityServiceVouchers: vouchers, maternityLeaveWeekly: [M2024, M2025], ...benefitFigures(2025) },
  },
  2026: {
    year: 2026,
    contribution: {
      ...common,
      ceiling1Cents: cents(7502454, SRC.tamtam),
      ceiling2Cents: cents(11056242, SRC.tamtam),
      minimumIncomeCents: derived(1737408, SRC.tamtam, `17.008,88 x ${F2526}; reproduces the published 890,42 EUR/q`),
      primoStarterMinimumIncomeCents: derived(897207, SRC.xeriusStarter, `8.783,48 x ${F2526}`),
      helpingSpouseMinimumIncomeCents: derived(763243, SRC.billy, `7.472,00 x ${F2526}`),
      complementaryThresholdCents: derived(192216, SRC.acertaStudent, `1.881,76 x ${F2526}`),
      pensionerThresholdCents: derived(384432, SRC.dexxterPensioner, `3.763,51 x ${F2526}`),
      pensionerCeilingCents: derived(7916294, SRC.dexxterPensioner, `77.498,93 x ${F2526}`),
      studentThresholdCents: derived(868704, SRC.acertaStudent, "half of the 2026 minimum income"),
      studentUpperThresholdCents: derived(1737408, SRC.acertaStudent, "= 2026 minimum income"),
      art37CeilingCents: derived(910126, SRC.rsvzArt37Faq, `8.909,95 x ${F2526}`),
      art37ThresholdCents: derived(192216, SRC.rsvzArt37Faq, `1.881,76 x ${F2526}`),
      revaluationCoefficient: ratio(107236269, 100000000, SRC.tamtam, "1,07236269 quoted from the INASTI grid"),
    },
    surcharges,
    company: {
      // 2026 figures not found (docs/domain.md §17.4): indexed like every other threshold since 2023.
      thresholdCents: derived(87704117, SRC.company2025, `858.605,72 (2025) x ${F2526}`),
      smallAmountCents: derived(40831, SRC.company2025, `399,73 (2025) x ${F2526}`),
      largeAmountCents: derived(101991, SRC.company2025, `998,47 (2025) x ${F2526}`),
      lateMonthlyRateBp,
    },
    managementFee,
    benefits: { maternityServiceVouchers: vouchers, maternityLeaveWeekly: [], ...benefitFigures(2026) },
  },
};

export const PARAMETER_YEARS: readonly number[] = Object.keys(PARAMETER_SETS).map(Number);

/** The built-in parameter set of a year; throws DomainError 'parameters.unknownYear' otherwise. */
export function parametersFor(year: number): ParameterSet {
  const set = PARAMETER_SETS[year];
  if (set === undefined) throw new DomainError("parameters.unknownYear", { year });
  return set;
}

/**
 * The set of the latest year ≤ `year` (for rules whose rates do not change yearly, e.g. surcharges computed on a
 * date after the last parameter year); throws 'parameters.unknownYear' before the first year.
 */
export function latestParametersUpTo(year: number): ParameterSet {
  const candidates = PARAMETER_YEARS.filter((y) => y <= year);
  if (candidates.length === 0) throw new DomainError("parameters.unknownYear", { year });
  return parametersFor(Math.max(...candidates));
}
