// Describing an internal error without its message: messages of parser errors can quote the text
// (cell values, i.e. patient data), so only the error's name and where it was thrown are logged.
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const frame = (err.stack ?? '').split('\n').find((l) => l.trimStart().startsWith('at '));
  return frame ? `${err.name} ${frame.trim()}` : err.name;
}
