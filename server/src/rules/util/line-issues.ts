// Rules that walk a member's days can meet one line's problem on several days (a date span,
// a line in two groups): they keep the first issue found per line and report in line order,
// so each line gets one finding.
import type { ServiceLine } from '../../model';
import type { Report, RuleContext } from '../types';

export interface LineIssue extends Report {
  readonly line: ServiceLine;
}

export class LineIssues {
  private readonly byLine = new Map<number, LineIssue>();

  /** Keeps the issue unless its line already has one. */
  keep(issue: LineIssue): void {
    if (!this.byLine.has(issue.line.index)) this.byLine.set(issue.line.index, issue);
  }

  /** Keeps the issue in place of the one its line has, if any. */
  replace(issue: LineIssue): void {
    this.byLine.set(issue.line.index, issue);
  }

  has(line: ServiceLine): boolean {
    return this.byLine.has(line.index);
  }

  /** Reports the kept issues in line order. */
  report(ctx: RuleContext): void {
    const issues = [...this.byLine.values()].sort((a, b) => a.line.index - b.line.index);
    for (const issue of issues) {
      ctx.report({ ...issue, related: issue.related && issue.related.length > 0 ? issue.related : undefined });
    }
  }
}
