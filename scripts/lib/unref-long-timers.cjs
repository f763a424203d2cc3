// Preloaded into the Prisma CLI: its wasm schema engine leaves a 10 s timer running after
// the work is done, so the CLI lingers. Unref'd long timers still fire while the process
// has work, but no longer keep a finished process alive.
const original = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(fn, ms, ...rest) {
  const timer = original(fn, ms, ...rest);
  if (typeof ms === "number" && ms >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
