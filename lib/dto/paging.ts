// One page of a back-office list read page by page from the database: its lines, how many there are in all, and
// which page of what size this is (components/backoffice/pagination.tsx shows it).
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

export const LIST_PAGE_SIZE = 25;

/** The page to read once the total is known: asked-for page clamped to 1..last, and its OFFSET/LIMIT. */
export function pageWindow(total: number, page: number, pageSize: number): { page: number; skip: number; take: number } {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(Number.isFinite(page) ? page : 1)), last);
  return { page: current, skip: (current - 1) * pageSize, take: pageSize };
}
