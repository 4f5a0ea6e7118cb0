// The lines of many claim files grouped by member: what cross-file rules need of a workspace.
// A file's lines are kept packed (compact-line.ts), and only the lines that have a member id and
// a date of service (a line without them is never "the same member" or "the same day" as
// anything). ServiceLine objects are made only when a lint asks for a member's lines. Pure: the
// LSP index and the CLI both fill it, keyed by whatever names a file for them. A lint asks for
// the lines its own reach (`window`: window.ts), found per member by date, not by reading every
// line of its members in every file.
import type { ClaimDocument, ServiceLine } from '../model';
import type { ExternalLine, Reach, Window } from '../rules/types';
import { PackedExternalLine, PackedLines } from './compact-line';
import { inOrder, MemberDates } from './window';

interface FileLines {
  /** What related information names the file by. */
  readonly uri: string;
  readonly packed: PackedLines;
  /** member id → positions of the member's lines in `packed`, in file order. */
  readonly byMember: ReadonlyMap<string, readonly number[]>;
  /** Changes each time the file's lines are replaced (see `signature`); also names the file in
   *  MemberDates. */
  readonly version: number;
}

/** A member's lines of every file, by date (window.ts): entry k is its k-th line as `external`
 *  lists them (files in the member's order, lines in file order). */
interface MemberIndex {
  readonly dates: MemberDates;
  /** Entry k's file, and its position in the file's packed lines. */
  readonly fileOf: readonly FileLines[];
  readonly at: readonly number[];
}

/** A member's latest change (MemberLines.changed): its number and file, and the number of the
 *  latest by another file than that one (0 when none). */
interface LastChanges {
  n: number;
  key: string;
  before: number;
}

/** Whether a line is kept: only a line with a member id and a date of service is ever "the same
 *  member" or "the same day" as another. */
export function isKept(line: ServiceLine): boolean {
  return line.memberId !== '' && line.dosFrom !== undefined;
}

export class MemberLines {
  private readonly files = new Map<string, FileLines>();
  /** member id → keys of the files that have lines of the member. */
  private readonly byMember = new Map<string, Set<string>>();
  /** member id → its lines by date, made when a window first asks, dropped when a file with lines
   *  of the member changes. */
  private readonly dates = new Map<string, MemberIndex>();
  /** member id → its latest change (a file with lines of the member set or deleted), and the
   *  latest by another file: the latest change by a file other than any one key is one of them.
   *  Two numbers a member, not a count per file and member (that was 80 bytes a line). */
  private readonly lastChanges = new Map<string, LastChanges>();
  /** Numbers the changes (never reset: a signature must not come back to a value it had). */
  private changeCount = 0;
  private versions = 0;

  /** Replace a file's lines with those of the parsed document. Returns the member ids of the file
   *  before and after, for whoever must re-check the files that share them. */
  set(key: string, uri: string, doc: ClaimDocument): { before: readonly string[]; after: readonly string[] } {
    return this.setPacked(key, uri, PackedLines.of(doc.lines.filter(isKept)));
  }

  /** The same as `set`, with the file's kept lines (`isKept`) already packed. */
  setPacked(key: string, uri: string, packed: PackedLines): { before: readonly string[]; after: readonly string[] } {
    const before = this.remove(key);
    const byMember = new Map<string, number[]>();
    for (let i = 0; i < packed.length; i++) {
      const member = packed.memberId(i);
      let list = byMember.get(member);
      if (!list) byMember.set(member, (list = []));
      list.push(i);
    }
    this.files.set(key, { uri, packed, byMember, version: ++this.versions });
    for (const member of byMember.keys()) {
      this.changed(key, member);
      let keys = this.byMember.get(member);
      if (!keys) this.byMember.set(member, (keys = new Set()));
      keys.add(key);
    }
    return { before, after: [...byMember.keys()] };
  }

  /** Forget a file; returns the member ids it had lines of. */
  delete(key: string): readonly string[] {
    return this.remove(key);
  }

  private remove(key: string): readonly string[] {
    const file = this.files.get(key);
    if (!file) return [];
    for (const member of file.byMember.keys()) {
      this.changed(key, member);
      const keys = this.byMember.get(member);
      keys?.delete(key);
      if (keys?.size === 0) {
        this.byMember.delete(member);
        // No file has lines of the member: its change numbers go too (one entry per member id
        // ever seen, partial ids typed included, else). Sound: a member's signature part is 0
        // only while no other file changed it since, so none has lines of it.
        this.lastChanges.delete(member);
      }
    }
    this.files.delete(key);
    return [...file.byMember.keys()];
  }

  has(key: string): boolean {
    return this.files.has(key);
  }

  /** The member ids a file has lines of ([] when the file is not here). */
  membersOf(key: string): readonly string[] {
    const file = this.files.get(key);
    return file ? [...file.byMember.keys()] : [];
  }

  /** The lines of the given members in every file but `key`, member by member, file by file. */
  external(key: string, members: Iterable<string> = this.membersOf(key)): ExternalLine[] {
    const out: ExternalLine[] = [];
    this.eachOther(key, members, (file, positions) => {
      for (const i of positions) out.push(new PackedExternalLine(file.uri, file.packed, i));
    });
    return out;
  }

  /**
   * The lines of other files than `key` that the window reaches (window.ts): of `external(key,
   * members)` for its members, those on its days, in its look-backs and one per claim that
   * settles it, in the same order. Each member's lines are found by date (MemberDates, made once
   * until a file of the member changes): a lint of one day's file reads that day of each member.
   */
  window(key: string, w: Window): ExternalLine[] {
    const out: ExternalLine[] = [];
    const exclude = this.files.get(key)?.version ?? -1;
    const picked: number[] = [];
    for (const [member, mw] of w.members) {
      const index = this.indexOf(member, w.reach);
      if (!index) continue;
      picked.length = 0;
      index.dates.pick(mw, exclude, picked);
      for (const k of inOrder(picked)) {
        const file = index.fileOf[k];
        out.push({ uri: file.uri, line: file.packed.line(index.at[k]) });
      }
    }
    return out;
  }

  /** The member's MemberIndex for the reach, made now if it was dropped or made for another. */
  private indexOf(member: string, reach: Reach): MemberIndex | undefined {
    const made = this.dates.get(member);
    if (made?.dates.reach === reach) return made;
    const keys = this.byMember.get(member);
    if (!keys) return undefined;
    const fileOf: FileLines[] = [];
    const at: number[] = [];
    for (const k of keys) {
      const file = this.files.get(k)!;
      for (const i of file.byMember.get(member)!) {
        fileOf.push(file);
        at.push(i);
      }
    }
    const dates = new MemberDates(reach, at.length, (k) => {
      const { packed, version } = fileOf[k];
      const i = at[k];
      return { dosFrom: packed.dosFrom(i)!, dosTo: packed.dosTo(i), claimId: packed.claimId(i), probe: packed.probe(i), file: version };
    });
    const index: MemberIndex = { dates, fileOf, at };
    this.dates.set(member, index);
    return index;
  }

  /** A file with lines of the member was set or deleted: what was made of the member's lines is
   *  stale, and the signatures naming it change (but that file's own). */
  private changed(key: string, member: string): void {
    this.dates.delete(member);
    const n = ++this.changeCount;
    const last = this.lastChanges.get(member);
    if (!last) this.lastChanges.set(member, { n, key, before: 0 });
    else if (last.key === key) last.n = n;
    else {
      // The latest by another file than `key` is now the one that was latest (its file is not `key`).
      last.before = last.n;
      last.n = n;
      last.key = key;
    }
  }

  /** Names what `external(key, members)` would return: equal signatures, equal lines; '' when no
   *  other file has lines of the members. Per member, its latest change by a file other than
   *  `key`: a few characters a member, whatever the files (it was each file's version, member by
   *  member: a year of daily exports made 365 strings of 73k numbers for one lint-workspace), and
   *  the same while only `key`'s own lines change (an open document's edits). Cheap, so an
   *  unchanged workspace can hand a lint the same array again. */
  signature(key: string, members: Iterable<string> = this.membersOf(key)): string {
    let s = '';
    let shared = false;
    for (const member of members) {
      const keys = this.byMember.get(member);
      if (keys && keys.size > (keys.has(key) ? 1 : 0)) shared = true;
      const last = this.lastChanges.get(member);
      s += `${!last ? 0 : last.key !== key ? last.n : last.before},`;
    }
    return shared ? s : '';
  }

  /** Whether another file than `key` has lines of any of the members (of its own by default). */
  shares(key: string, members: Iterable<string> = this.membersOf(key)): boolean {
    for (const member of members) {
      const keys = this.byMember.get(member);
      if (keys && keys.size > (keys.has(key) ? 1 : 0)) return true;
    }
    return false;
  }

  /** The keys of the files other than `key` that have lines of any of the members. */
  filesSharing(members: Iterable<string>, key?: string): Set<string> {
    const out = new Set<string>();
    for (const member of members) {
      for (const file of this.byMember.get(member) ?? []) if (file !== key) out.add(file);
    }
    return out;
  }

  /** Members with change numbers kept (tests: only members some file has lines of). */
  get trackedMembers(): number {
    return this.lastChanges.size;
  }

  get fileCount(): number {
    return this.files.size;
  }

  /** Lines held, all files. */
  get lineCount(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.packed.length;
    return n;
  }

  clear(): void {
    this.files.clear();
    this.byMember.clear();
    this.dates.clear();
    // The change numbers go on: a signature must not come back to a value it had.
    this.lastChanges.clear();
  }

  private eachOther(key: string, members: Iterable<string>, visit: (file: FileLines, positions: readonly number[]) => void): void {
    for (const member of members) {
      for (const k of this.byMember.get(member) ?? []) {
        if (k === key) continue;
        const file = this.files.get(k)!;
        visit(file, file.byMember.get(member)!);
      }
    }
  }
}
