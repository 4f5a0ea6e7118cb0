/** Run a generator of steps (the engine's, the readers') to its end, counting its yields. */
export function stepped<T>(steps: Generator<void, T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, yields };
    yields++;
  }
}
