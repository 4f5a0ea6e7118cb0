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

/** Made once, not per message (String.prototype.replace starts a global regex from 0 each time). */
const CONTROLS = /[\u0000-\u001f\u007f]+/g;
const LONG_WORDS = new RegExp(`\\S{${LONG_WORD + 1},}`, 'g');
const SPACE = /\s/;

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Whether the text has a run of more than LONG_WORD non-space characters (as LONG_WORDS finds):
 *  most long messages have none, and a loop is cheaper than the regex's replace. */
function hasLongWord(s: string): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // \s: the ASCII spaces and controls it matches, and the non-ASCII spaces (checked by the regex).
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c > 0x7f && SPACE.test(s[i]))) run = 0;
    else if (++run > LONG_WORD) return true;
  }
  return false;
}

/** The message on one line, each overlong value cut short with '…', at most about MAX long. */
export function readableMessage(message: string): string {
  const control = hasControl(message);
  if (message.length <= PLAIN && !control) return message;
  let s = control ? message.replace(CONTROLS, ' ') : message;
  if (hasLongWord(s)) s = s.replace(LONG_WORDS, (word) => `${word.slice(0, SHOWN)}…`);
  if (s.length > MAX) s = `${s.slice(0, HEAD)} … ${s.slice(-TAIL)}`;
  return s;
}

/** The same for related information: the array itself when every message is readable. */
export function readableRelated(related: readonly Related[]): readonly Related[] {
  return related.every((r) => readableMessage(r.message) === r.message)
    ? related
    : related.map((r) => ({ ...r, message: readableMessage(r.message) }));
}
