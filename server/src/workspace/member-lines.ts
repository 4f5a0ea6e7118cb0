// The lines of many claim files grouped by member: what cross-file rules need of a workspace.
// A file's lines are kept compact (compact-line.ts) and only for lines that have a member id
// (a line without one is never "the same member" as anything). Pure: the LSP index and the CLI
// both fill it, keyed by whatever names a file for them.
import type { ClaimDocument } from '../model';
import type { ExternalLine } from '../rules/types';
import { compactLine } from './compact-line';

export class MemberLines {
  /** member id → file key → that file's lines of the member, in file order. */
  private readonly byMember = new Map<string, Map<string, ExternalLine[]>>();
  /** file key → the member ids it has lines of. */
  private readonly membersByFile = new Map<string, readonly string[]>();

  /** Replace a file's lines with those of the parsed document. `uri` is what related information
   *  names the file by. Returns the member ids of the file before and after, for whoever must
   *  re-check the files that share them. */
  set(key: string, uri: string, doc: ClaimDocument): { before: readonly string[]; after: readonly string[] } {
    const before = this.delete(key);
    const perMember = new Map<string, ExternalLine[]>();
    for (const line of doc.lines) {
      if (line.memberId === '' || line.dosFrom === undefined) continue;
      let list = perMember.get(line.memberId);
      if (!list) perMember.set(line.memberId, (list = []));
      list.push({ uri, line: compactLine(line) });
    }
    for (const [member, lines] of perMember) {
      let files = this.byMember.get(member);
      if (!files) this.byMember.set(member, (files = new Map()));
      files.set(key, lines);
    }
    const after = [...perMember.keys()];
    this.membersByFile.set(key, after);
    return { before, after };
  }

  /** Forget a file; returns the member ids it had lines of. */
  delete(key: string): readonly string[] {
    const members = this.membersByFile.get(key) ?? [];
    for (const member of members) {
      const files = this.byMember.get(member);
      files?.delete(key);
      if (files?.size === 0) this.byMember.delete(member);
    }
    this.membersByFile.delete(key);
    return members;
  }

  has(key: string): boolean {
    return this.membersByFile.has(key);
  }

  /** The member ids a file has lines of ([] when the file is not here). */
  membersOf(key: string): readonly string[] {
    return this.membersByFile.get(key) ?? [];
  }

  /** The lines of the given members in every file but `key`, file by file. */
  external(key: string, members: readonly string[] = this.membersOf(key)): ExternalLine[] {
    const out: ExternalLine[] = [];
    for (const member of members) {
      const files = this.byMember.get(member);
      if (!files) continue;
      for (const [file, lines] of files) {
        if (file === key) continue;
        for (const l of lines) out.push(l);
      }
    }
    return out;
  }

  /** The keys of the files other than `key` that have lines of any of the members. */
  filesSharing(members: Iterable<string>, key?: string): Set<string> {
    const out = new Set<string>();
    for (const member of members) {
      for (const file of this.byMember.get(member)?.keys() ?? []) if (file !== key) out.add(file);
    }
    return out;
  }

  get fileCount(): number {
    return this.membersByFile.size;
  }

  /** Lines held, all files. */
  get lineCount(): number {
    let n = 0;
    for (const files of this.byMember.values()) for (const lines of files.values()) n += lines.length;
    return n;
  }

  clear(): void {
    this.byMember.clear();
    this.membersByFile.clear();
  }
}
