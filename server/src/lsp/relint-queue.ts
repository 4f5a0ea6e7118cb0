// The closed files Lint Workspace keeps current (workspace-lint.ts) that wait to be linted again:
// one at a time, each at its turn (typing has paused, no Lint Workspace request runs, the open
// documents' own lints came first). A burst of changes (keystrokes, a save-all, a branch switch)
// asks for the same files again and again: each waits once, in its place, and is linted once, in
// the newest state. Without it every change started its own round over the files, and the rounds
// piled up (a typed line after Lint Workspace kept 200 files' server busy for two minutes).
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isOf, type Linter } from './analysis';

/** Closed files are linted again only once the open documents have not been edited for this long:
 *  typing a keystroke every 150 ms costs the open document's lint alone, and the closed files that
 *  share its members are linted once, for the text the typing left. */
const TYPING_PAUSE_MS = 500;

export class RelintQueue {
  /** key → whether to lint it whatever the index's state (changed on disk, closed, settings), in
   *  the order asked. */
  private readonly waiting = new Map<string, boolean>();
  private draining = false;
  /** When an open document was last edited (performance.now()). */
  private lastEdit = -Infinity;
  /** Lint Workspace requests running: they lint every file themselves, in its newest state. */
  private requests = 0;
  private readonly requestsDone: Array<() => void> = [];

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly linter: Linter,
    /** Lint the file again (`force`: whatever the index's state). */
    private readonly relint: (key: string, force: boolean) => Promise<void>,
    private readonly logError: (err: unknown) => void,
  ) {}

  /** Ask for a file's lint; asked for again while it waits, it keeps its place. */
  add(key: string, force: boolean): void {
    this.waiting.set(key, force || this.waiting.get(key) === true);
    if (this.draining) return;
    this.draining = true;
    void this.drain();
  }

  /** Whether the file waits (asked for again since its lint began: that lint is out of date). */
  has(key: string): boolean {
    return this.waiting.has(key);
  }

  /** A lint of the file begins (in the newest state): one that waits would only repeat it. */
  delete(key: string): void {
    this.waiting.delete(key);
  }

  /** An open document was edited. */
  edited(): void {
    this.lastEdit = performance.now();
  }

  /** A Lint Workspace request: the queue waits while it runs. */
  async duringRequest<T>(request: () => Promise<T>): Promise<T> {
    this.requests++;
    try {
      return await request();
    } finally {
      if (--this.requests === 0) for (const wake of this.requestsDone.splice(0)) wake();
    }
  }

  /** Lint the open documents edited since their last lint now (their debounce would soon): after an
   *  edit, its document's diagnostics come before any closed file's. Whether there were any. */
  async openFirst(): Promise<boolean> {
    let any = false;
    for (let d = this.staleOpen(); d; d = this.staleOpen()) {
      any = true;
      if (!(await this.linter.fresh(d.uri))) break; // no claim document any more
    }
    return any;
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        await this.turn();
        const next = this.waiting.entries().next();
        if (next.done) return;
        const [key, force] = next.value;
        this.waiting.delete(key);
        await this.relint(key, force).catch(this.logError);
      }
    } catch (err) {
      this.logError(err);
    } finally {
      // No await between the queue found empty and this: nothing asked for meanwhile is left.
      this.draining = false;
    }
  }

  /** Wait for a file's turn. Nothing waits between its end and the lint that asked for it (a
   *  small file's lint runs in one piece): an edit that arrives meanwhile waits for one lint. */
  async turn(): Promise<void> {
    for (;;) {
      const wait = this.lastEdit + TYPING_PAUSE_MS - performance.now();
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      if (this.requests > 0) {
        await new Promise<void>((resolve) => this.requestsDone.push(resolve));
        continue;
      }
      if (await this.openFirst()) continue;
      // Requests and edits that arrived meanwhile run first; then look again.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.lastEdit + TYPING_PAUSE_MS <= performance.now() && this.requests === 0 && !this.staleOpen()) return;
    }
  }

  /** An open claim document whose text changed since its last lint. */
  private staleOpen(): TextDocument | undefined {
    return this.documents.all().find((d) => {
      const a = this.linter.last(d.uri);
      return a !== undefined && !isOf(a, d);
    });
  }
}
