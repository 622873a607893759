import "server-only";

export const iso = (d: Date) => d.toISOString().slice(0, 10);
