// Step timings of an end-to-end run, printed at the end so slow steps show up in CI logs.
export class Timings {
  private readonly steps: Array<[string, number]> = [];
  private readonly started = Date.now();

  async time<T>(step: string, fn: () => Promise<T>): Promise<T> {
    const t0 = Date.now();
    try {
      return await fn();
    } finally {
      this.steps.push([step, Date.now() - t0]);
    }
  }

  report(title: string): string {
    const width = Math.max(...this.steps.map(([s]) => s.length), 5);
    const lines = this.steps.map(([s, ms]) => `    ${s.padEnd(width)}  ${(ms / 1000).toFixed(1).padStart(6)} s`);
    lines.push(`    ${'total'.padEnd(width)}  ${((Date.now() - this.started) / 1000).toFixed(1).padStart(6)} s`);
    return `  ${title} timings:\n${lines.join('\n')}`;
  }
}
