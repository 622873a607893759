// The shapes of the legal-parameters page.
export type ParameterRow = { id: string; year: number; key: string; value: string; unit: string; source: string; status: string; changes: number };
