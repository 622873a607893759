import "server-only";
import { deliverQueued } from "@/lib/mail/outbox";

/** Sends now the e-mails of notices written by a committed transaction (the outbox flush retries what fails). */
export async function deliverNotices(keys: readonly (string | null)[]): Promise<void> {
  await deliverQueued(keys.filter((k): k is string => k !== null));
}
