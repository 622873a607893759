"use server";
import { redirect } from "next/navigation";
import { todayInBrussels } from "@/lib/clock";
import { advanceTransmission } from "@/lib/dal/transmissions/advance-transmission";
import { prepareTransmission } from "@/lib/dal/transmissions/prepare-transmission";
import { advanceTransmissionSchema, prepareTransmissionSchema } from "@/lib/schemas/transmissions";
import { fields, runAction } from "./run-action";

// The transmissions page's buttons (issue #18 part 6): each goes back to /staff/transmissions with what happened
// (?done=… or ?error=…, message keys under tr_staff.done / tr_staff.errors), so the page needs no client script.

export async function prepareTransmissionAction(formData: FormData): Promise<void> {
  const r = await runAction(prepareTransmissionSchema, fields(formData), (d, viewer) =>
    prepareTransmission(viewer, { kind: d.kind, year: d.year ? Number(d.year) : undefined }, todayInBrussels()),
  );
  redirect(r.ok ? "/staff/transmissions?done=prepared" : `/staff/transmissions?error=${encodeURIComponent(r.code === "validation" ? Object.values(r.fieldErrors ?? {})[0]?.[0] ?? "validation" : r.code)}`);
}

export async function advanceTransmissionAction(formData: FormData): Promise<void> {
  const r = await runAction(advanceTransmissionSchema, fields(formData), (d, viewer) => advanceTransmission(viewer, d, todayInBrussels()));
  if (!r.ok) redirect(`/staff/transmissions?error=${encodeURIComponent(r.code)}`);
  redirect(`/staff/transmissions?done=${r.data.changed ? (String(formData.get("to")) === "SENT" ? "sent" : "acknowledged") : "unchanged"}`);
}
