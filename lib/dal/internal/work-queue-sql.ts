import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AT_RISK_DAYS } from "@/lib/domain/request-deadlines";
import { CHARTER_DECISION_MONTHS, CHARTER_INFORMATION_DAYS } from "@/lib/domain/compute-charter-deadlines";
import { OPEN_REQUEST_STATUSES } from "@/lib/db/enums";
import { type QueueFilters } from "@/lib/dto/requests";

// The work queue in SQL (issue #19): open requests and unanswered message threads in one UNION, each with the legal
// deadline that applies today computed by the database, so that the page reads one page of ids in the queue's order
// (LIMIT/OFFSET) and a count, never every open request of the fund.
//
// The deadline is the one lib/domain/request-deadlines.ts computes: a request's stored due date (or the Charter's,
// 45 days or 4 months from filing, when none is stored); while information is awaited the decision clock is paused,
// so its due date moves by every day since the pause began (the last move to INFORMATION_REQUESTED, a date in
// Brussels). A thread's deadline is its answer date. The order: closest deadline first; a paused clock after the
// running ones of the same day; requests with INASTI (its clock, not the fund's) last; then filing date and id, so
// that the order is total and the pages stable.

export type QueueRow = { kind: "request" | "thread"; id: string; dueOn: string; pausedSince: string | null };
export type QueueCounts = { total: number; late: number; paused: number; forwarded: number };

const OPEN = Prisma.raw(OPEN_REQUEST_STATUSES.map((s) => `'${s}'`).join(", "));
const DECISION_MONTHS = Prisma.raw(`'${CHARTER_DECISION_MONTHS} months'`);

/** The queue's rows with their deadlines (a subquery: kind, id, rank, due_on, paused, paused_since, filed_on). */
function queueSource(filters: QueueFilters, advisorId: string | null, today: string): Prisma.Sql {
  const wantThreads = !filters.type || filters.type === "MESSAGE";
  const wantRequests = !filters.type || filters.type !== "MESSAGE";
  const byType = filters.type && filters.type !== "MESSAGE" ? Prisma.sql`AND r.type = ${filters.type}::"RequestType"` : Prisma.empty;
  const assigned = (column: Prisma.Sql) =>
    filters.advisor === "none" ? Prisma.sql`AND ${column} IS NULL` : advisorId ? Prisma.sql`AND ${column} = ${advisorId}` : Prisma.empty;
  const parts: Prisma.Sql[] = [];
  if (wantRequests)
    parts.push(Prisma.sql`
      SELECT 'request' AS kind, r.id, CASE WHEN r.status = 'FORWARDED' THEN 1 ELSE 0 END AS rank,
        CASE WHEN r.type IN ('QUESTION', 'COMPLAINT')
          THEN COALESCE(r."informationDueOn", r."filedOn" + ${CHARTER_INFORMATION_DAYS}::int)
          ELSE COALESCE(r."decisionDueOn", (r."filedOn" + interval ${DECISION_MONTHS})::date)
            + COALESCE(GREATEST(${today}::date, p.since) - p.since, 0)
        END AS due_on,
        r.status = 'INFORMATION_REQUESTED' AS paused, p.since AS paused_since, r."filedOn" AS filed_on
      FROM "Request" r
      LEFT JOIN LATERAL (
        -- the status test inside: the planner then skips the events of every request not paused (a one-time filter),
        -- instead of reading them all and dropping them after the join (80 ms of 100 with 13,000 open requests)
        SELECT (e.at AT TIME ZONE 'Europe/Brussels')::date AS since FROM "RequestEvent" e
        WHERE r.status = 'INFORMATION_REQUESTED' AND e."requestId" = r.id AND e."toStatus" = 'INFORMATION_REQUESTED' ORDER BY e.at DESC LIMIT 1
      ) p ON true
      WHERE r.status IN (${OPEN}) AND (r."affiliateId" IS NOT NULL OR r.type = 'AFFILIATION') ${byType} ${assigned(Prisma.sql`r."assigneeId"`)}`);
  if (wantThreads)
    parts.push(Prisma.sql`
      SELECT 'thread' AS kind, t.id, 0 AS rank, t."answerDueOn" AS due_on, false AS paused, NULL::date AS paused_since,
        (t."createdAt" AT TIME ZONE 'Europe/Brussels')::date AS filed_on
      FROM "MessageThread" t JOIN "Affiliate" a ON a.id = t."affiliateId"
      WHERE t.status = 'OPEN' ${assigned(Prisma.sql`a."advisorId"`)}`);
  return Prisma.join(parts, " UNION ALL ");
}

/** The deadline-state filter: overdue, close, paused or with INASTI (the badges of the queue). */
function stateCondition(state: QueueFilters["state"], today: string): Prisma.Sql {
  switch (state) {
    case "late":
      return Prisma.sql`WHERE rank = 0 AND NOT paused AND due_on < ${today}::date`;
    case "at-risk":
      return Prisma.sql`WHERE rank = 0 AND NOT paused AND due_on BETWEEN ${today}::date AND ${today}::date + ${AT_RISK_DAYS}::int`;
    case "paused":
      return Prisma.sql`WHERE rank = 0 AND paused`;
    case "forwarded":
      return Prisma.sql`WHERE rank = 1`;
    default:
      return Prisma.empty;
  }
}

export function queuePageQuery(filters: QueueFilters, advisorId: string | null, today: string, offset: number, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT kind, id, to_char(due_on, 'YYYY-MM-DD') AS "dueOn", to_char(paused_since, 'YYYY-MM-DD') AS "pausedSince"
    FROM (${queueSource(filters, advisorId, today)}) q ${stateCondition(filters.state, today)}
    ORDER BY rank, due_on, paused, filed_on, id COLLATE "C"
    LIMIT ${limit} OFFSET ${offset}`;
}

export function queueCountQuery(filters: QueueFilters, advisorId: string | null, today: string): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS total,
      (count(*) FILTER (WHERE rank = 0 AND NOT paused AND due_on < ${today}::date))::int AS late,
      (count(*) FILTER (WHERE rank = 0 AND paused))::int AS paused,
      (count(*) FILTER (WHERE rank = 1))::int AS forwarded
    FROM (${queueSource(filters, advisorId, today)}) q ${stateCondition(filters.state, today)}`;
}
