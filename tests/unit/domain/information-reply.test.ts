import { describe, expect, it } from "vitest";
import { INFORMATION_REPLY_DAYS, informationReplyDueOn } from "@/lib/domain/request-deadlines";

describe("the date by which the affiliate is asked to answer an information request", () => {
  it("is 30 calendar days after the question, across a month and a year end", () => {
    expect(INFORMATION_REPLY_DAYS).toBe(30);
    expect(informationReplyDueOn("2026-11-28")).toBe("2026-12-28");
    expect(informationReplyDueOn("2026-12-15")).toBe("2027-01-14");
    expect(informationReplyDueOn("2028-02-01")).toBe("2028-03-02");
  });
});
