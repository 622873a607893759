// Preloaded into Prisma CLI processes only (NODE_OPTIONS=--require …, set by scripts/db.ts and
// scripts/with-db.ts). Prisma 6's wasm schema engine leaves 10–60 s timers armed after its work is done,
// so `migrate deploy`/`migrate dev` sit idle for up to a minute before exiting (docs/decisions/0001). Unref'ing long
// timers lets the process exit as soon as real work is finished; short timers are left alone.
"use strict";
const { promisify } = require("node:util");

const MIN_MS = 5000;
for (const name of ["setTimeout", "setInterval"]) {
  const original = globalThis[name];
  const wrapped = function (callback, ms, ...args) {
    const timer = original.call(this, callback, ms, ...args);
    if (Number(ms) >= MIN_MS && timer && typeof timer.unref === "function") timer.unref();
    return timer;
  };
  // keep util.promisify(setTimeout) working
  if (original[promisify.custom]) wrapped[promisify.custom] = original[promisify.custom];
  globalThis[name] = wrapped;
}
