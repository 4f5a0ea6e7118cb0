// Keeping the server's peak memory near what it holds. A full lint of a big document leaves a
// lot of garbage behind (the message that carried the text, the parser's scratch), and every edit
// retires a whole copy of the text (strings are immutable: the edited text is a new one) with the
// previous analysis and the diagnostics message. V8 lets such garbage grow to a multiple of the
// live heap before it collects; for a server that holds one big model, that multiple is its peak
// (bench: 280-320 MB on 100k lines, about 200 MB of it live). So the server collects once after a
// full lint of a big text (right after publishing), and after every third edit of it (once the text
// copies retired add up to RETIRED_PER_COLLECTION texts), right after publishing. And the young generation is not let grow: a
// lint's short-lived objects die young anyway, and a grown young generation is ~20 MB of memory
// held for good (tuneHeap).
import { getHeapStatistics, setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

/** Texts shorter than this leave too little garbage to be worth a collection. */
const MIN_COLLECTED_CHARS = 4 << 20;
/** Edits collect once the text copies they retired add up to this many times the live text: not
 *  after every edit (a full collection of a big model takes tens of milliseconds, and a keystroke
 *  that arrives meanwhile waits for it), but before the copies make the peak. Measured on the
 *  bench file (100k lines): collecting every second edit, peak 201–205 MB; every third, 218–222 MB
 *  and a median edit about 10 ms quicker (fewer edits wait for a collection). */
const RETIRED_PER_COLLECTION = 2.5;

/** Above this much live heap, a collection is left to V8 (incremental, in short pauses): a full
 *  one holds the server about 1 ms per MB. A 16 MB file of 190,000 lines and 973,273 findings has
 *  a heap of 900 MB: collecting it after its lint held the server 0.8 s, and a hover in another
 *  document waited up to 1.4–2.3 s; without it, 0.5–0.6 s. The bench's file (200 MB) is collected. */
const MAX_COLLECTED_HEAP = 400 << 20;

type Collect = () => void;
let collector: Collect | null | undefined;

/** V8's full collection, made callable without a command-line flag; null where it is not available.
 *  (Also test/engine/retention.test.ts's.) */
export function collect(): Collect | null {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      collector = typeof gc === 'function' ? (gc as Collect) : null;
    } catch {
      collector = null;
    }
  }
  return collector;
}

/** Keep the young generation at its starting size (once, when the server starts). */
export function tuneHeap(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // Not V8, or the flag is gone: a bigger young generation, nothing else.
  }
}

/** V8's default growth of the young generation. */
const DEFAULT_GROWTH = 2;
/** Big JSON texts being read now (growWhileReading). */
let readingTrees = 0;

/**
 * While a big JSON text is read in full (`reading`: it starts; then false: it is done), let the
 * young generation grow as V8 would. Its parse tree is millions of small objects that all live
 * on: a young generation kept at its starting size copied them at every one of about a thousand
 * scavenges, 2.7 s of a 24 MB document's 5 s open; grown, the open took about a quarter less, and
 * the peak 5% more (730 MB, of which the tree and model are most). CSV is read into tables of
 * numbers and its peak is the target: not there.
 */
export function growWhileReading(reading: boolean): void {
  readingTrees += reading ? 1 : -1;
  try {
    setFlagsFromString(`--semi-space-growth-factor=${readingTrees > 0 ? DEFAULT_GROWTH : 1}`);
  } catch {
    // Not V8, or the flag is gone: the young generation as it is.
  }
}

/** When to collect, from what the linter lets go of. */
export class GarbageTracker {
  private timer: NodeJS.Timeout | undefined;
  private retired = 0;

  /** A full lint of a `chars`-long text is done: collect what reading it left behind once its
   *  diagnostics are out (the user sees them first; an edit typed meanwhile waits for the
   *  collection, tens of milliseconds, once). */
  linted(chars: number): void {
    if (chars < MIN_COLLECTED_CHARS) return;
    this.soon();
  }

  /** An edit published: the previous text, about `chars` long, is garbage now. */
  edited(chars: number): void {
    this.retired += chars;
    if (chars >= MIN_COLLECTED_CHARS && this.retired >= RETIRED_PER_COLLECTION * chars) this.soon();
  }

  /** The last analysis of a `chars`-long text was let go before a full lint of its next version:
   *  collect now, before that lint reads the text, so that the two models are never both held. */
  droppedBeforeLint(chars: number): void {
    if (chars >= MIN_COLLECTED_CHARS) this.now();
  }

  /** Collect once the server is done with what it is handling now. */
  private soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (getHeapStatistics().used_heap_size > MAX_COLLECTED_HEAP) this.retired = 0;
      else this.now();
    }, 0);
    this.timer.unref();
  }

  /** Collect now (never throws). */
  private now(): void {
    this.retired = 0;
    try {
      collect()?.();
    } catch {
      // A collection that cannot run changes nothing but memory.
    }
  }
}
