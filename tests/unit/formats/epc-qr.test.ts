// The EPC QR drawings are kept per payload (lib/formats/epc-qr.ts): a kept drawing must be the one QRCode draws for
// that payload, and another amount or communication must never get a kept drawing of another transfer.
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { epcPayload, epcQrSvg } from "@/lib/formats/epc-qr";

const transfer = { beneficiaryName: "Caisse Démo", bic: "GEBABEBB", iban: "BE62510007547061", amountCents: 82450, structuredCommunication: "+++090/9337/55493+++" };

describe("EPC QR drawings kept per payload", () => {
  it("gives the drawing of its own payload, the second time too", async () => {
    const direct = await QRCode.toString(epcPayload(transfer), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    expect(await epcQrSvg(transfer)).toBe(direct);
    expect(await epcQrSvg({ ...transfer })).toBe(direct);
  });

  it("another amount gets another drawing", async () => {
    const first = await epcQrSvg(transfer);
    const other = await epcQrSvg({ ...transfer, amountCents: 82451 });
    expect(other).not.toBe(first);
    expect(other).toBe(await QRCode.toString(epcPayload({ ...transfer, amountCents: 82451 }), { type: "svg", errorCorrectionLevel: "M", margin: 2 }));
  });

  it("an invalid transfer is refused every time, never answered from the kept drawings", async () => {
    expect(() => epcQrSvg({ ...transfer, iban: "BE00000000000000" })).toThrow(/invalid IBAN/);
    expect(() => epcQrSvg({ ...transfer, iban: "BE00000000000000" })).toThrow(/invalid IBAN/);
  });
});
