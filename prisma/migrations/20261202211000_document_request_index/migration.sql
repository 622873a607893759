-- A request's documents (its evidence, its decision letter) are read by request: /me/requests/[reference] and the
-- staff request page. Without this index that read scanned every document of the fund (issue #19: the EXPLAIN test
-- tests/integration/performance/query-plans.test.ts found it).
CREATE INDEX "Document_requestId_idx" ON "Document"("requestId");
