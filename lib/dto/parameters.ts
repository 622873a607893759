// The shapes of the legal-parameters page.
export type PendingParameterChange = { changeId: string; value: string; status: string; reason: string; proposedByName: string; proposedById: string; proposedAt: string };
export type ParameterRow = { id: string; year: number; key: string; value: string; denominator: string | null; unit: string; source: string; status: string; changes: number; pending: PendingParameterChange | null };
