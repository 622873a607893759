// A local SMTP server for development and tests: accepts every message and writes it as a .eml file under
// .data/mail (or MAIL_CATCHER_DIR). `tsx scripts/mail-catcher.ts [port]` — default 2525.
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export function startMailCatcher(port: number, dir = process.env.MAIL_CATCHER_DIR ?? path.resolve(".data/mail")) {
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const file = path.join(dir, `${Date.now()}-${process.pid}-${++n}.eml`);
        fs.writeFileSync(file, Buffer.concat(chunks));
        callback();
      });
    },
  });
  return new Promise<{ server: SMTPServer; port: number; dir: string }>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : port, dir });
    });
  });
}

/** For the wrappers: a catcher on a free port unless SMTP_URL is configured; returns the env to add. */
export async function localMailEnv(name: string): Promise<{ env: Record<string, string>; close: () => void }> {
  if (process.env.SMTP_URL) return { env: {}, close: () => {} };
  const dir = process.env.MAIL_CATCHER_DIR ?? path.resolve(".data", `mail-${name}`);
  const { server, port } = await startMailCatcher(0, dir);
  return { env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_CATCHER_DIR: dir }, close: () => server.close() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 2525);
  await startMailCatcher(port);
  console.log(`mail-catcher: listening on 127.0.0.1:${port}, writing to ${process.env.MAIL_CATCHER_DIR ?? ".data/mail"}`);
}
