import { z } from "zod";
import { parseEurosStrict } from "@/lib/domain/parse-euros";

/**
 * A euro amount typed by a person, checked by the portal's one parser (lib/domain/parse-euros.ts). An empty
 * value passes unless `required` (then `<field>Required`); a refused one gets the form's
 * own message key, `<field>Invalid` or `<field>Ambiguous` ("1.234": a thousand, or one and a bit?).
 */
export function eurosText(field: "amount" | "cost" | "income", required = false) {
  return z
    .string()
    .trim()
    .max(40, `${field}Invalid`)
    .superRefine((value, ctx) => {
      if (value === "") {
        if (required) ctx.addIssue({ code: "custom", message: `${field}Required` });
        return;
      }
      const parsed = parseEurosStrict(value);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.code === "amountAmbiguous" ? `${field}Ambiguous` : `${field}Invalid` });
    });
}
