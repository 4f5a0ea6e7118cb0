// Messages quote the values they are about ("Code S9501-SH is not a procedure code"), and a
// half-written file's values can be anything: a 1 MB cell, a claim id with a line break in it,
// binary bytes. A diagnostic must stay one readable line in the Problems panel, so a message is
// made readable once, where every finding is made (engine.ts makeFinding), not in each rule.
import type { Related } from '../types';

/** Messages up to this long with no control characters are already readable (nearly all). */
const PLAIN = 200;
/** A run of non-space characters longer than this is a quoted value, shortened to SHOWN. */
const LONG_WORD = 40;
const SHOWN = 32;
/** Past this, the middle of the message goes: its start says what, its end what to do. */
const MAX = 400;
const HEAD = 300;
const TAIL = 90;

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** The message on one line, each overlong value cut short with '…', at most about MAX long. */
export function readableMessage(message: string): string {
  if (message.length <= PLAIN && !hasControl(message)) return message;
  let s = message
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(new RegExp(`\\S{${LONG_WORD + 1},}`, 'g'), (word) => `${word.slice(0, SHOWN)}…`);
  if (s.length > MAX) s = `${s.slice(0, HEAD)} … ${s.slice(-TAIL)}`;
  return s;
}

/** The same for related information: the array itself when every message is readable. */
export function readableRelated(related: readonly Related[]): readonly Related[] {
  return related.every((r) => readableMessage(r.message) === r.message)
    ? related
    : related.map((r) => ({ ...r, message: readableMessage(r.message) }));
}
