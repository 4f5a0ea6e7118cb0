// Findings of a big file waiting for their turn, kept out of the JS heap. Batches of a file
// checked in parts (csv-parts.ts) finish in their own order, and a finding must wait for every
// batch that could hold one before it; a member's lines are spread over an export, so most
// findings wait until the last batches. Held as objects, tens of thousands of them lived long
// enough to be copied and marked by collection after collection: that was a third of a big check's
// time. Here each finding is its formatted text in a private temporary file, plus a few numbers
// in typed arrays (its place in document order and in the file).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { StringDecoder } from 'string_decoder';
import { Column } from '../batches/columns';

/** Written to the file in pieces about this big. */
const WRITE_BYTES = 1 << 16;

const numbers = (): Column<Float64Array> => new Column(new Float64Array(1024));

/**
 * Findings are taken in document order, which interleaves the groups (a member's lines are spread
 * over the file, so each batch holds lines from all over it); but each group's findings sit
 * together in the file, in the order they are taken. So the file is read a window per group,
 * not a read per finding (tens of thousands of system calls, the last part of a big check that
 * nothing runs beside). At most MAX_WINDOWS windows are kept (the oldest goes): a few MB.
 */
const WINDOW_BYTES = 4096;
const MAX_WINDOWS = 4096;

interface Window {
  /** File offset of bytes[0], and how many bytes of the file bytes holds. */
  at: number;
  length: number;
  readonly bytes: Buffer;
}

export class OrderedSpool {
  private readonly dir: string;
  private readonly fd: number;
  // Per finding: its order key (start, end, then group and place in the group as they came) and
  // where its text is in the file.
  private readonly start = numbers();
  private readonly end = numbers();
  private readonly group = numbers();
  private readonly at = numbers();
  private readonly bytes = numbers();
  /** Findings not yet taken, as a binary heap of their numbers (first in document order on top). */
  private readonly heap: number[] = [];
  private readonly buffer = Buffer.allocUnsafe(WRITE_BYTES);
  private buffered = 0;
  /** Where takeBefore reads a finding's text (grown for a bigger one). */
  private piece = Buffer.allocUnsafe(WRITE_BYTES);
  private written = 0;
  /** The file has no name any more (removed right after it was opened). */
  private removed = false;
  private readonly windows = new Map<number, Window>();

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infusion-claims-spool-'));
    const file = path.join(this.dir, 'findings');
    this.fd = fs.openSync(file, 'w+', 0o600);
    // Findings carry member ids: the file is read and written through its descriptor only, so
    // its name goes now, and a run stopped by Ctrl-C (no handler runs while the check is busy)
    // leaves nothing behind. Where an open file cannot be removed (Windows), close() removes it.
    try {
      fs.unlinkSync(file);
      fs.rmdirSync(this.dir);
      this.removed = true;
    } catch {
      // kept until close()
    }
  }

  get size(): number {
    return this.start.length;
  }

  /** A finding at [start, end), of `group` (findings at one place keep the order of their groups, then the order they came in). */
  add(start: number, end: number, group: number, text: string): void {
    const i = this.start.length;
    const length = Buffer.byteLength(text, 'utf8');
    this.start.push(start);
    this.end.push(end);
    this.group.push(group);
    this.at.push(this.written + this.buffered);
    this.bytes.push(length);
    if (this.buffered + length > WRITE_BYTES) this.flush();
    if (length > WRITE_BYTES) this.writeAll(Buffer.from(text, 'utf8'));
    else this.buffered += this.buffer.write(text, this.buffered, 'utf8');
    this.pushHeap(i);
  }

  /** Hand on, in document order, every finding that starts before `frontier`. */
  takeBefore(frontier: number, out: (text: string) => void): void {
    const heap = this.heap;
    if (heap.length === 0 || this.start.values[heap[0]] >= frontier) return;
    this.flush();
    while (heap.length > 0 && this.start.values[heap[0]] < frontier) {
      const i = this.popHeap();
      const length = this.bytes.values[i];
      if (length > this.piece.length) this.piece = Buffer.allocUnsafe(length);
      this.readOf(this.group.values[i], this.piece, 0, length, this.at.values[i]);
      out(this.piece.toString('utf8', 0, length));
    }
  }

  /** Hand on every finding left, in document order, as one text in pieces of about 64 KB (cut
   *  anywhere between two characters): decoded from takeAllBytes' pieces, no string per finding. */
  takeAllJoined(out: (text: string) => void): void {
    const decoder = new StringDecoder('utf8');
    this.takeAllBytes((bytes) => {
      const text = decoder.write(bytes);
      if (text) out(text);
      return true;
    });
    const last = decoder.end();
    if (last) out(last);
  }

  /** Hand on every finding left, in document order, as UTF-8 bytes in pieces of about 64 KB (cut
   *  anywhere, even inside a character), read straight from the file: a report that goes out as
   *  bytes is neither decoded nor encoded again (a big JSON report is tens of MB). `out` answers
   *  whether it is done with the piece (written, or copied): then its buffer takes the next piece;
   *  else (an asynchronous write may still hold it) the next piece gets a new one. */
  takeAllBytes(out: (bytes: Buffer) => boolean): void {
    this.flush();
    let buffer = Buffer.allocUnsafe(WRITE_BYTES);
    let used = 0;
    const emit = (): void => {
      if (used === 0) return;
      if (!out(buffer.subarray(0, used))) buffer = Buffer.allocUnsafe(WRITE_BYTES);
      used = 0;
    };
    while (this.heap.length > 0) {
      const i = this.popHeap();
      const group = this.group.values[i];
      let at = this.at.values[i];
      for (let left = this.bytes.values[i]; left > 0;) {
        if (used === buffer.length) emit();
        const n = Math.min(left, buffer.length - used);
        this.readOf(group, buffer, used, n, at);
        used += n;
        at += n;
        left -= n;
      }
    }
    emit();
  }

  /** Remove the file. */
  close(): void {
    fs.closeSync(this.fd);
    if (!this.removed) fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** Exactly `length` bytes of the file at `at`, into `into` at `offset`, through `group`'s window. */
  private readOf(group: number, into: Buffer, offset: number, length: number, at: number): void {
    if (length > WINDOW_BYTES) {
      this.read(into, offset, length, at);
      return;
    }
    let w = this.windows.get(group);
    if (!w || at < w.at || at + length > w.at + w.length) {
      if (!w) {
        // A new group's window: a new buffer, or the oldest window's when there are enough.
        const oldest = this.windows.size >= MAX_WINDOWS ? this.windows.keys().next().value : undefined;
        const reuse = oldest === undefined ? undefined : this.windows.get(oldest);
        if (oldest !== undefined) this.windows.delete(oldest);
        w = { at: 0, length: 0, bytes: reuse?.bytes ?? Buffer.allocUnsafe(WINDOW_BYTES) };
        this.windows.set(group, w);
      }
      // The window starts at the finding and holds what the file has after it, up to its size
      // (everything written is in the file: takes flush first).
      w.at = at;
      w.length = Math.min(WINDOW_BYTES, this.written - at);
      this.read(w.bytes, 0, w.length, at);
    }
    w.bytes.copy(into, offset, at - w.at, at - w.at + length);
  }

  /** Exactly `length` bytes of the file at `at`, into `into` at `offset`. */
  private read(into: Buffer, offset: number, length: number, at: number): void {
    for (let got = 0; got < length;) {
      const n = fs.readSync(this.fd, into, offset + got, length - got, at + got);
      if (n === 0) throw new Error('spool file truncated');
      got += n;
    }
  }

  private flush(): void {
    if (this.buffered === 0) return;
    const n = this.buffered;
    this.buffered = 0;
    this.writeAll(this.buffer.subarray(0, n));
  }

  private writeAll(bytes: Buffer): void {
    for (let done = 0; done < bytes.length;) done += fs.writeSync(this.fd, bytes, done, bytes.length - done, this.written + done);
    this.written += bytes.length;
  }

  /** Whether finding a comes before finding b in document order. */
  private before(a: number, b: number): boolean {
    const s = this.start.values, e = this.end.values, g = this.group.values;
    return s[a] !== s[b] ? s[a] < s[b] : e[a] !== e[b] ? e[a] < e[b] : g[a] !== g[b] ? g[a] < g[b] : a < b;
  }

  private pushHeap(x: number): void {
    const heap = this.heap;
    let i = heap.push(x) - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.before(x, heap[up])) break;
      heap[i] = heap[up];
      i = up;
    }
    heap[i] = x;
  }

  private popHeap(): number {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= heap.length) break;
        const c = l + 1 < heap.length && this.before(heap[l + 1], heap[l]) ? l + 1 : l;
        if (!this.before(heap[c], last)) break;
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }
}
