// The fund's contact details as the contact page, the privacy notice and the accessibility statement show them: the
// Fund row's reference data (address, phone, e-mail, DPO, offices and opening hours, date of the last accessibility
// check), parsed once here; a malformed office or range is left out rather than shown wrong.
import { z } from "zod";
import { isoDate } from "@/lib/clock";
import type { Fund } from "@/lib/generated/prisma/client";
import type { FundContact } from "@/lib/dto/information";

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const range = z.object({ day: z.number().int().min(1).max(7), opens: time, closes: time }).refine((r) => r.opens < r.closes);
const office = z.object({ name: z.string().min(1), street: z.string().min(1), postalCode: z.string().min(1), city: z.string().min(1), hours: z.array(z.unknown()) });

const ranges = (value: unknown) =>
  (Array.isArray(value) ? value : [])
    .flatMap((r) => {
      const p = range.safeParse(r);
      return p.success ? [p.data] : [];
    })
    .sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens));

export function fundContactOf(fund: Fund): FundContact {
  const offices = (Array.isArray(fund.offices) ? fund.offices : []).flatMap((o) => {
    const p = office.safeParse(o);
    return p.success ? [{ ...p.data, hours: ranges(p.data.hours) }] : [];
  });
  return {
    name: fund.name,
    address: fund.address,
    phone: fund.phone,
    email: fund.email,
    dpoEmail: fund.dpoEmail || fund.email,
    phoneHours: ranges(fund.phoneHours),
    offices,
    accessibilityCheckedOn: fund.accessibilityCheckedOn ? isoDate(fund.accessibilityCheckedOn) : null,
  };
}
