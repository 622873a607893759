-- CreateIndex
CREATE INDEX "Affiliate_refundIban_idx" ON "Affiliate"("refundIban");

-- CreateIndex
CREATE INDEX "DirectDebitMandate_iban_idx" ON "DirectDebitMandate"("iban");
