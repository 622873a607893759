// The institutions a question may really be for (Charte de l'assuré social, art. 9: an institution that is not
// competent forwards the request to the competent one and tells the person), with their public sites. The family
// allowance bodies are regional (see family-allowance-body.ts).
import { type FamilyAllowanceBody } from "./family-allowance-body";

export const INSTITUTIONS = ["inasti", "sfp", "mutuality", "spf-finances", "onem", "groeipakket", "famiwal", "famiris", "ostbelgien"] as const;
export type Institution = (typeof INSTITUTIONS)[number];

/** Each institution's public site; the mutuality is the person's own (no single address). */
export const INSTITUTION_WEBSITES: Record<Institution, string | null> = {
  inasti: "https://www.inasti.be",
  sfp: "https://www.mypension.be",
  mutuality: null,
  "spf-finances": "https://finances.belgium.be",
  onem: "https://www.onem.be",
  groeipakket: "https://www.groeipakket.be",
  famiwal: "https://www.famiwal.be",
  famiris: "https://famiris.brussels",
  ostbelgien: "https://ostbelgienfamilie.be",
} satisfies Record<Institution, string | null> & Record<FamilyAllowanceBody, string>;

export function isInstitution(value: unknown): value is Institution {
  return typeof value === "string" && (INSTITUTIONS as readonly string[]).includes(value);
}
