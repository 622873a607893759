import { z } from "zod";
import { isValidBelgianIban } from "@/lib/domain";

// Shared by the profile form (react-hook-form + zodResolver) and its server action.
const box = z.union([z.literal("yes"), z.literal(""), z.boolean()]).optional();

export const profileSchema = z.object({
  email: z.string().trim().max(200, "emailInvalid").refine((v) => v === "" || z.email().safeParse(v).success, "emailInvalid"),
  phone: z.string().trim().refine((v) => v === "" || /^\+?[\d\s./-]{8,20}$/.test(v), "phoneInvalid"),
  street: z.string().trim().min(3, "streetRequired").max(200, "streetRequired"),
  postalCode: z.string().trim().regex(/^\d{4}$/, "postalCodeInvalid"),
  city: z.string().trim().min(2, "cityRequired").max(100, "cityRequired"),
  language: z.enum(["fr", "nl", "de"], { message: "languageRequired" }),
  notifyEmail: box,
  notifySms: box,
  notifyPaper: box,
  refundIban: z.string().trim().refine((v) => v === "" || isValidBelgianIban(v), "invalidIban"),
  /** step-up for the e-mail address and the refund account (lib/dal/profile/update-my-profile.ts) */
  currentPassword: z.string().max(200).optional(),
});
export type ProfileInput = z.infer<typeof profileSchema>;
export const checked = (v: ProfileInput["notifyEmail"]) => v === "yes" || v === true;
