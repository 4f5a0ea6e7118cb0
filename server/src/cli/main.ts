// Entry of the CLI bundle (server/out/cli.js, run by bin/infusion-claims.js):
// `infusion-claims check <files|folders>` with the same engine as the editor, for scripts and CI.
import { setFlagsFromString } from 'v8';
import { isMainThread } from 'worker_threads';
import { runCli } from './run';
import { describeError } from './errors';

// A closed pipe (`… | head`) is not a failure of the check. Any other failure to write the report
// (a full disk) is: one line saying so and exit 2, so CI does not take a cut report for a pass.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') return;
  process.stderr.write(`infusion-claims: cannot write the report (${describeError(err)})\n`);
  process.exit(2);
});

// A check of a big file makes garbage fast (every batch's model: csv-parts.ts) and keeps little.
// By default V8 lets the heap grow to several times what is live before collecting; here, by a
// third, so that memory stays near what the check holds (same time: the collections are small).
try {
  setFlagsFromString('--heap-growing-percent=30');
} catch {
  // Not V8, or the flag is gone: more memory, same results.
}

// A worker thread of a big check (batch-threads.ts) loads this bundle too: it is no CLI run.
if (isMainThread) {
  process.exitCode = runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    // A file, and a pipe or terminal on Linux and macOS, are written before write() returns:
    // nothing left queued means the bytes' buffer can take the next ones (not so on a Windows pipe).
    outBytes: (b) => {
      process.stdout.write(b);
      return process.stdout.writableLength === 0;
    },
    err: (t) => process.stderr.write(t),
  });
}
