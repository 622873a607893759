// Uploaded job files (lib/jobs/uploads.ts): a private folder (0700, files 0600) under the project's data folder or
// JOBS_UPLOAD_DIR — never the shared temporary folder —, a SHA-256 check before the real run reads the file, and
// nothing deleted or trusted outside that folder.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { discardUpload, isUpload, jobUploadDir, keepUpload, sha256Hex, withCheckedUpload } from "@/lib/jobs/uploads";
import { JobRefusal, type JobContext, type JobDefinition } from "@/lib/jobs/types";

const saved = process.env.JOBS_UPLOAD_DIR;
let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "uploads-test-"));
  process.env.JOBS_UPLOAD_DIR = path.join(root, "jobs");
});
afterEach(() => {
  if (saved === undefined) delete process.env.JOBS_UPLOAD_DIR;
  else process.env.JOBS_UPLOAD_DIR = saved;
});

const ctx = { dryRun: false, today: "2026-03-26", jobRunId: null, progress: async () => {} } as unknown as JobContext;
const echo: JobDefinition<{ file: string }> = { name: "echo", parse: () => ({ file: "" }), run: async (_c, p) => ({ counts: { bytes: readFileSync(p.file).length }, totalCents: 0 }) };
const refusalOf = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof JobRefusal ? e.code : e));

describe("job uploads", () => {
  it("default to .data/jobs under the project, not the shared temporary folder", () => {
    delete process.env.JOBS_UPLOAD_DIR;
    expect(jobUploadDir()).toBe(path.join(process.cwd(), ".data", "jobs"));
    expect(jobUploadDir()).not.toBe(path.join(tmpdir(), "caisse-portal-jobs")); // the former default, shared by every user of the machine
  });

  it("keeps the file in a folder created 0700 (an existing looser folder is tightened), the file 0600, under a fresh name", async () => {
    const bytes = new TextEncoder().encode("0000 statement");
    const a = await keepUpload(bytes, ".cod");
    expect(statSync(jobUploadDir()).mode & 0o777).toBe(0o700);
    expect(statSync(a.file).mode & 0o777).toBe(0o600);
    expect(path.dirname(a.file)).toBe(jobUploadDir());
    expect(a.sha256).toBe(sha256Hex(bytes));
    expect(a.file.endsWith(".cod")).toBe(true);
    const b = await keepUpload(bytes, ".cod");
    expect(b.file).not.toBe(a.file); // the same bytes twice: two dry runs, two files
    chmodSync(jobUploadDir(), 0o755);
    await keepUpload(bytes, ".csv");
    expect(statSync(jobUploadDir()).mode & 0o777).toBe(0o700);
  });

  it("deletes and trusts only files directly in the private folder", async () => {
    const { file } = await keepUpload(new Uint8Array([1]), ".cod");
    const outside = path.join(root, "outside.cod");
    writeFileSync(outside, "x");
    mkdirSync(path.join(jobUploadDir(), "sub"));
    for (const f of [outside, path.join(jobUploadDir(), "..", "outside.cod"), path.join(jobUploadDir(), "sub", "x.cod"), jobUploadDir(), "", 42]) expect(isUpload(f)).toBe(false);
    expect(isUpload(file)).toBe(true);
    await discardUpload(outside);
    expect(existsSync(outside)).toBe(true);
    await discardUpload(file);
    expect(existsSync(file)).toBe(false);
    await discardUpload(file); // already gone: no error
  });

  it("runs the job only on the very bytes of the dry run: refused when the file changed, is gone or lies elsewhere", async () => {
    const bytes = new TextEncoder().encode("the statement the dry run checked");
    const { file, sha256 } = await keepUpload(bytes, ".cod");
    await expect(withCheckedUpload(echo, file, sha256).run(ctx, { file })).resolves.toMatchObject({ counts: { bytes: bytes.length } });
    writeFileSync(file, "another statement");
    expect(await refusalOf(withCheckedUpload(echo, file, sha256).run(ctx, { file }))).toBe("jobs.file.changed");
    await discardUpload(file);
    expect(await refusalOf(withCheckedUpload(echo, file, sha256).run(ctx, { file }))).toBe("jobs.file.gone");
    const outside = path.join(root, "outside.cod");
    writeFileSync(outside, bytes);
    expect(await refusalOf(withCheckedUpload(echo, outside, sha256).run(ctx, { file: outside }))).toBe("jobs.file.gone");
    const again = await keepUpload(bytes, ".cod");
    expect(await refusalOf(withCheckedUpload(echo, again.file, null).run(ctx, { file: again.file }))).toBe("jobs.file.gone"); // no hash recorded
  });
});
