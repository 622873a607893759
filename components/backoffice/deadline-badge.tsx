import { getTranslations } from "next-intl/server";
import type { DeadlineBadge as Badge } from "@/lib/domain/request-deadlines";

const STYLE: Record<Badge, string> = {
  "on-time": "border-ok-700 text-ok-700",
  "at-risk": "border-warn-800 text-warn-800",
  late: "border-bad-700 text-bad-700 font-bold",
  paused: "border-slate-600 text-slate-700",
  forwarded: "border-slate-600 text-slate-700",
};
const ICON: Record<Badge, string> = { "on-time": "✓", "at-risk": "!", late: "✗", paused: "‖", forwarded: "→" };

/** The state of a legal deadline in words (and an icon), never by colour only. */
export async function DeadlineBadge({ badge }: { badge: Badge }) {
  const t = await getTranslations("bo_badge");
  return (
    <span className={`inline-block whitespace-nowrap rounded border bg-white px-2 py-0.5 text-sm ${STYLE[badge]}`}>
      <span aria-hidden="true">{ICON[badge]} </span>
      {t(badge)}
    </span>
  );
}
