// The integration env allows 127.0.0.1 outbound for the fake receivers and providers; tests of
// the outbound guard take that away for a moment.

/** Runs `fn` as an operator who allowed nothing beyond public addresses. */
export async function withoutAllowList(fn: () => Promise<void>) {
  const allowed = process.env.PHAROS_OUTBOUND_ALLOWED_HOSTS;
  delete process.env.PHAROS_OUTBOUND_ALLOWED_HOSTS;
  try {
    await fn();
  } finally {
    process.env.PHAROS_OUTBOUND_ALLOWED_HOSTS = allowed;
  }
}
