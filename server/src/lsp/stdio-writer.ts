// The server's stdio output, with each diagnostic encoded once. A 100k-line file's 4,514
// diagnostics are a 3 MB message, published again after every edit, and most of them are the
// previous publish's diagnostics, unchanged (analysis.ts hands on the very same objects). Turning
// the whole message into JSON and then UTF-8 took ~13 ms of each edit's 100 ms budget; here a
// diagnostic's bytes are made the first time it is sent and kept (by object identity) while the
// object lives, so a publish encodes only its new diagnostics and copies the rest. (So a diagnostic
// object must not be changed once sent: analysis.ts makes new ones for new content.)
import { StreamMessageWriter, type ContentTypeEncoder, type Message } from 'vscode-languageserver/node';

/** Fewer diagnostics are encoded the plain way: the saving would not pay for the bookkeeping. */
const MIN_KEPT = 100;

const bytesOf = new WeakMap<object, Buffer>();

interface Publish {
  readonly method: 'textDocument/publishDiagnostics';
  readonly params: { readonly diagnostics: readonly object[] };
}

function isBigPublish(msg: Message): msg is Message & Publish {
  const m = msg as Partial<Publish>;
  return m.method === 'textDocument/publishDiagnostics' && Array.isArray(m.params?.diagnostics) && m.params.diagnostics.length >= MIN_KEPT;
}

/** The UTF-8 JSON of a message: what JSON.stringify gives, byte for byte. */
export function encodeMessage(msg: Message): Buffer {
  if (!isBigPublish(msg)) return Buffer.from(JSON.stringify(msg), 'utf8');
  // The message with a marker where the list goes. The key `"diagnostics":0` cannot occur inside
  // a JSON string (its quotes would be escaped there), so the first one is the marker.
  const marker = '"diagnostics":0';
  const shell = JSON.stringify({ ...msg, params: { ...msg.params, diagnostics: 0 } });
  const at = shell.indexOf(marker);
  const parts: Buffer[] = [Buffer.from(`${shell.slice(0, at)}"diagnostics":[`, 'utf8')];
  const comma = Buffer.from(',');
  msg.params.diagnostics.forEach((d, i) => {
    let bytes = bytesOf.get(d);
    if (!bytes) bytesOf.set(d, (bytes = Buffer.from(JSON.stringify(d), 'utf8')));
    if (i > 0) parts.push(comma);
    parts.push(bytes);
  });
  parts.push(Buffer.from(`]${shell.slice(at + marker.length)}`, 'utf8'));
  return Buffer.concat(parts);
}

const encoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (msg) => Promise.resolve(encodeMessage(msg)),
};

/** A writer of LSP messages to a stream (stdout), encoding them with encodeMessage. */
export function stdioWriter(out: NodeJS.WritableStream): StreamMessageWriter {
  return new StreamMessageWriter(out, { charset: 'utf-8', contentTypeEncoder: encoder });
}
