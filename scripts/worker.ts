// `tsx scripts/worker.ts` (npm start runs it next to the Next server): the pg-boss scheduler of lib/jobs/scheduler.ts
// against DATABASE_URL. SCHEDULER=off disables it (exits 0 at once). SIGINT/SIGTERM stop it gracefully: the job in
// progress finishes and records its JobRun, then the connections are closed.
// The jobs import server modules guarded by "server-only": the worker re-runs itself once with Node's
// `--conditions=react-server` (as `next` does for server code) when it was started without it.
import { spawn } from "node:child_process";

const CONDITION = "--conditions=react-server";

async function main(): Promise<number> {
  if (process.env.SCHEDULER === "off") {
    console.error("[scheduler] SCHEDULER=off: not started");
    return 0;
  }
  if (![...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].includes(CONDITION)) {
    const child = spawn(process.execPath, [...process.execArgv, CONDITION, ...process.argv.slice(1)], { stdio: "inherit", env: process.env });
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
    return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1))));
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run through scripts/with-db.ts or npm start");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const { startScheduler } = await import("@/lib/jobs/scheduler");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const scheduler = await startScheduler({ connectionString: url, prisma });
  return new Promise((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.error(`[scheduler] ${signal}: stopping`);
      try {
        await scheduler.stop();
      } finally {
        await prisma.$disconnect();
        resolve(0);
      }
    };
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(signal));
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
