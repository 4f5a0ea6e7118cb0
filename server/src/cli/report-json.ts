// JSON output: an array with one entry per file checked, each with its findings.
import type { FileResult } from './check';

export function formatJson(results: readonly FileResult[]): string {
  const files = results.map((r) => {
    const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
    return {
      file: r.path,
      format: r.format,
      errorCount: count('error'),
      warningCount: count('warning'),
      infoCount: count('info'),
      fixed: r.fixed,
      ...(r.notFixed ? { notFixed: r.notFixed } : {}),
      findings: r.findings,
    };
  });
  return JSON.stringify(files, null, 2) + '\n';
}
