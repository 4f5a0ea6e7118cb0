// Work done a step at a time: a generator that yields between steps and returns its result.
// The CLI runs one to its end at once; the server runs it between requests
// (lsp/between-requests.ts) so that a long lint does not keep hovers and edits waiting.

/** Run a generator to its end, synchronously: its value. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
