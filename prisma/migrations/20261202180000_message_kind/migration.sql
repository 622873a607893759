-- Conversations (issue #13 part 1): an advisor's information request is a message of the request's thread, told
-- apart from the answer (the service indicator "answered within 45 days" reads the first answer, never a request
-- for information), with the date the affiliate is asked to answer by.
CREATE TYPE "MessageKind" AS ENUM ('MESSAGE', 'INFORMATION_REQUEST');
ALTER TABLE "Message" ADD COLUMN "kind" "MessageKind" NOT NULL DEFAULT 'MESSAGE';
ALTER TABLE "Message" ADD COLUMN "replyDueOn" DATE;
CREATE INDEX "Document_messageId_idx" ON "Document"("messageId");
