// SEPA Creditor Identifier (EPC262-08 AT-02; Belgium: Febelfin SDD guidelines): ISO 7064 MOD 97-10 over national id + country + check, business code excluded.
import { isValidEnterpriseNumber, normalizeEnterpriseNumber } from "./validate-enterprise-number";
import { mod97 } from "./validate-iban";
import { DomainError } from "./errors";

/** Upper case, without spaces, dots, dashes. */
export function normalizeCreditorIdentifier(value: string): string {
  return value.toUpperCase().replace(/[\s.-]/g, "");
}

/** Any SEPA country; Belgian national ids must be a valid enterprise number or the bank-issued 'pppDnnnnnnnnn' form. */
export function isValidCreditorIdentifier(value: string): boolean {
  const ci = normalizeCreditorIdentifier(value);
  const m = /^([A-Z]{2})(\d{2})([A-Z0-9]{3})([A-Z0-9]{1,28})$/.exec(ci);
  if (!m) return false;
  const [, country, check, , nationalId] = m;
  if (country === "BE" && !(/^\d{3}D\d{9}$/.test(nationalId) || (/^\d{10}$/.test(nationalId) && isValidEnterpriseNumber(nationalId))))
    return false;
  return mod97(`${nationalId}${country}${check}`) === 1;
}

/** Belgian creditor identifier from an enterprise number: 'BE' + check + business code (default 'ZZZ') + 10 digits. */
export function belgianCreditorIdentifier(enterpriseNumber: string, businessCode = "ZZZ"): string {
  const id = normalizeEnterpriseNumber(enterpriseNumber);
  if (id === null || !isValidEnterpriseNumber(id) || !/^[A-Z0-9]{3}$/.test(businessCode))
    throw new DomainError("creditorIdentifier.invalidInput", { enterpriseNumber, businessCode });
  const check = String(98 - mod97(`${id}BE00`)).padStart(2, "0");
  return `BE${check}${businessCode}${id}`;
}
