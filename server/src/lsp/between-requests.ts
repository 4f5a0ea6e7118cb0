// Long work on a big file the server does on its own (indexing a closed export, linting it for
// "Lint Workspace Claim Files") runs a step at a time, a batch of rows each, with requests and
// edits let in between: a hover or a keystroke waits for one step, not for the whole file.

/** Run `steps` to its end, yielding to the event loop after each step; `stop` is asked after
 *  each: when it says so, the work is dropped (the generator closed) and the answer is undefined. */
export async function runBetweenRequests<T>(steps: Generator<void, T>, stop: () => boolean = () => false): Promise<{ value: T } | undefined> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { value: step.value };
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (stop()) {
      steps.return(undefined as T);
      return undefined;
    }
  }
}
