// Family allowances (birth and adoption premiums included) have been a competence of the communities since 1 January
// 2019 (docs/domain.md §3.4): the fund does not pay them and its contributions give no right to them. Which public
// body answers depends on where the child lives — for the fund's guide and for forwarding a misdirected question:
// Flanders: Groeipakket (Opgroeien); Wallonia: the AVIQ system (FAMIWAL is its public fund); Brussels-Capital:
// Iriscare (Famiris is its public fund); the German-speaking Community: its ministry ("Ostbelgien Familie").

export type FamilyAllowanceBody = "groeipakket" | "famiwal" | "famiris" | "ostbelgien";

/** The body competent for a child living at a Belgian postal code, or null for a code that is not one. */
export function familyAllowanceBody(postalCode: string): FamilyAllowanceBody | null {
  if (!/^\d{4}$/.test(postalCode.trim())) return null;
  const n = Number(postalCode.trim());
  if (n < 1000) return null;
  if (n <= 1299) return "famiris"; // Brussels-Capital Region
  if (n <= 1499) return "famiwal"; // Walloon Brabant
  if (n <= 3999) return "groeipakket"; // Flemish Brabant, Antwerp, Leuven, Limburg
  if (n >= 4700 && n <= 4799) return "ostbelgien"; // the nine municipalities of the German-speaking Community
  if (n <= 7999) return "famiwal"; // Liège, Namur, Luxembourg, Hainaut
  return "groeipakket"; // West and East Flanders (8000–9999)
}
