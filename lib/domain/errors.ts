// Domain errors carry a stable code (message key) instead of human text.

export class DomainError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;

  constructor(code: string, params: Record<string, string | number> = {}) {
    super(code);
    this.name = "DomainError";
    this.code = code;
    this.params = params;
  }
}
