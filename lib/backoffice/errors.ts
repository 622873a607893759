// A business refusal of a back-office operation (four eyes, state machine, recovery path…): its code is a
// message key under bo_errors; actions return it as { ok: false, code }.
export class BackofficeError extends Error {
  constructor(public readonly code: string) {
    super(code);
    this.name = "BackofficeError";
  }
}
