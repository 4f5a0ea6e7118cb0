// Entry of the CLI bundle (server/out/cli.js, run by bin/infusion-claims.js):
// `infusion-claims check <files|folders>` with the same engine as the editor, for scripts and CI.
import { isMainThread } from 'worker_threads';
import { runCli } from './run';

// A closed pipe (`… | head`) is not a failure of the check.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

// A worker thread of a big check (csv-parts.ts) loads this bundle too: it is no CLI run.
if (isMainThread) {
  process.exitCode = runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
}
