/** Resolves with the reason `p` rejects with; rejects (failing the test) if `p` resolves. */
export async function rejection(p: Promise<unknown>, expected = 'expected a rejection'): Promise<unknown> {
  return p.then(
    () => {
      throw new Error(expected);
    },
    (err: unknown) => err,
  );
}

/** Resolves once `predicate` holds (polled every 10 ms), or rejects after `ms` with `what`. */
export async function waitFor(predicate: () => boolean, ms = 2000, what = 'waited in vain'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(what);
    await new Promise((r) => setTimeout(r, 10));
  }
}
