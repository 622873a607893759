// Files uploaded for a job from /staff/jobs (CODA statements, regularisation CSVs): kept in a private folder
// (mode 0700, never the shared temporary folder), checked by SHA-256 between the dry run and the real run, and
// deleted after the real run, whatever its outcome (docs/decisions/0027). No "server-only": tests import it.
import { createHash, randomUUID } from "node:crypto";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { JobRefusal, type JobDefinition, type JobParams } from "./types";

/** `JOBS_UPLOAD_DIR`, else `.data/jobs` under the project (git-ignored, like `.data/sepa`). */
export function jobUploadDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.JOBS_UPLOAD_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "jobs"));
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Writes an upload under a fresh name (0600) in the private folder, created — or tightened — to 0700. */
export async function keepUpload(bytes: Uint8Array, extension: string): Promise<{ file: string; sha256: string }> {
  const dir = jobUploadDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700); // mkdir leaves an existing folder's mode as it was
  const sha256 = sha256Hex(bytes);
  const file = path.join(dir, `${sha256.slice(0, 16)}-${randomUUID()}${extension}`);
  await writeFile(file, bytes, { mode: 0o600, flag: "wx" });
  return { file, sha256 };
}

/** True for a file of the private folder (never delete or trust a path outside it). */
export function isUpload(file: unknown): file is string {
  if (typeof file !== "string" || file === "") return false;
  const relative = path.relative(jobUploadDir(), path.resolve(file));
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative) && !relative.includes(path.sep);
}

export async function discardUpload(file: unknown): Promise<void> {
  if (isUpload(file)) await rm(file, { force: true });
}

/** The job as the real run must run it: first the upload's SHA-256 is recomputed and must be the dry run's, else
 *  the run is refused (jobs.file.gone / jobs.file.changed) and nothing is read from it. */
export function withCheckedUpload<P extends JobParams>(def: JobDefinition<P>, file: unknown, expectedSha256: string | null): JobDefinition<P> {
  return {
    ...def,
    run: async (ctx, params) => {
      if (!isUpload(file) || !expectedSha256) throw new JobRefusal("jobs.file.gone", [{ code: "jobs.file.gone" }]);
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch {
        throw new JobRefusal("jobs.file.gone", [{ code: "jobs.file.gone" }]);
      }
      if (sha256Hex(bytes) !== expectedSha256) throw new JobRefusal("jobs.file.changed", [{ code: "jobs.file.changed" }]);
      return def.run(ctx, params);
    },
  };
}
