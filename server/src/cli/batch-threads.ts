// Batches on two threads: a worker thread (a helper) lints or fixes batches of a big file too,
// taking them from a counter it shares with this thread, so a check uses a second core. The CLI
// is synchronous: this thread takes the helper's results between its own batches and waits for
// its last ones. A helper that fails or stalls leaves its batches to this thread.
import * as fs from 'fs';
import * as os from 'os';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'worker_threads';
import type { BatchPlan } from '../batches/plan';
import { hasWorkspaceLines } from '../batches/lint-batch';
import type { LintOptions } from '../rules/types';

/** Work on one batch of a plan, run on either thread. The helper thread is told its name and
 *  module (a function cannot be posted to a thread): jobs are defined when their module loads.
 *  The helper runs the CLI bundle, which holds them all; run from the compiled modules (tests),
 *  it loads the job's module first. */
export type BatchJob<P extends BatchPlan, R> = (plan: P, fd: number, b: number) => R;
/** Each job takes the plan of its kind: the one runBatches is handed with the job's name. */
const JOBS = new Map<string, { run: BatchJob<never, unknown>; module: string }>();

/** Make a job known by `name`, from its module (`module`: that module's __filename). */
export function defineBatchJob<P extends BatchPlan, R>(name: string, run: BatchJob<P, R>, module: string): void {
  JOBS.set(name, { run, module });
}

/** The job called `name`, loading `module` first when it is not known yet (a helper thread). */
function jobNamed<P extends BatchPlan, R>(name: string, module?: string): BatchJob<P, R> {
  if (!JOBS.has(name) && module) require(module);
  const job = JOBS.get(name);
  if (!job) throw new Error(`no batch job "${name}"`);
  return job.run as unknown as BatchJob<P, R>;
}

// Shared counters of a run with a helper thread: [next batch to take, helper finished, batches the helper completed].
const NEXT = 0;
const HELPER_DONE = 1;
const HELPER_BATCHES = 2;
/** A helper that shows no progress for this long is given up on (its batches are done here). */
const HELPER_SILENCE_MS = 15_000;

const HELPER_YOUNG_MB = 48;

/** Batches worth a helper thread: below this the thread's start-up costs more than it saves. */
const MIN_BATCHES_FOR_HELPER = 40;

/** Files this big get their helper thread before the first pass, so that the thread loads the
 *  engine while this one reads the file (a smaller file starts one after, if it has enough batches). */
const EARLY_HELPER_BYTES = 4 << 20;

/** A worker thread that lints batches too, taking them from a shared counter. It waits on its
 *  port for the plan (serveBatches), so it can start before the plan is known. */
export class Helper {
  private constructor(readonly worker: Worker, readonly port: MessagePort, readonly shared: Int32Array) {}

  /** A helper, on a machine with more than one core (and when a thread can start). */
  static start(): Helper | undefined {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    if (cores <= 1) return undefined;
    try {
      const { port1, port2 } = new MessageChannel();
      const shared = new Int32Array(new SharedArrayBuffer(3 * 4));
      const worker = new Worker(__filename, {
        workerData: { batchHelper: true, shared, port: port2 },
        transferList: [port2],
        // Each batch is garbage once linted: a young generation that holds a few batches means
        // far fewer scavenges copying the batch in progress.
        resourceLimits: { maxYoungGenerationSizeMb: HELPER_YOUNG_MB },
      });
      worker.unref();
      // A helper that fails leaves its batches to this thread (runBatches): not a crash of the check.
      worker.on('error', () => undefined);
      return new Helper(worker, port1, shared);
    } catch {
      return undefined; // no thread: all batches here
    }
  }

  serve(plan: BatchPlan, job: string): void {
    this.port.postMessage({ plan, job, module: JOBS.get(job)?.module });
  }

  stop(): void {
    void this.worker.terminate();
    this.port.close();
  }
}

/** A helper thread started before the first pass for a file big enough (EARLY_HELPER_BYTES) and
 *  with no workspace lines to hand it (runBatches takes it, or the caller stops it). */
export function earlyHelper(path: string, options: LintOptions): Helper | undefined {
  return !hasWorkspaceLines(options) && fs.statSync(path).size >= EARLY_HELPER_BYTES ? Helper.start() : undefined;
}

/**
 * Run `job` (a name: defineBatchJob) on every batch, handing each batch's result to `done` as
 * soon as it has it (in the order batches finish); `done` answers false to stop there (the
 * batches not done yet are not). `started` (or, when the plan has enough batches, a helper
 * started now) takes batches too: its results are taken after each batch done here, and at the
 * end this thread waits for it synchronously (the CLI is synchronous); whatever the helper did
 * not finish is done here. The helper is stopped before this returns. Answers how many results
 * came from the helper.
 */
export function runBatches<P extends BatchPlan, R>(plan: P, job: string, done: (batch: number, result: R) => boolean | void, started?: Helper): { byHelper: number } {
  const run = jobNamed<P, R>(job);
  const count = plan.batchStart.length - 1;
  const finished = new Uint8Array(count);
  let stopped = false;
  const finish = (batch: number, result: R): void => {
    if (finished[batch] || stopped) return;
    finished[batch] = 1;
    if (done(batch, result) === false) stopped = true;
  };
  // Workspace lines from other files do not go to a thread.
  const worthIt = count >= MIN_BATCHES_FOR_HELPER && !hasWorkspaceLines(plan.options);
  if (started && !worthIt) started.stop();
  const helper = worthIt ? started ?? Helper.start() : undefined;
  helper?.serve(plan, job);
  const shared = helper?.shared ?? new Int32Array(3);
  let byHelper = 0;
  const take = (msg: { batch: number; result: R } | undefined): void => {
    if (!msg) return;
    byHelper++;
    finish(msg.batch, msg.result);
  };
  const fd = fs.openSync(plan.path, 'r');
  try {
    for (let b = Atomics.add(shared, NEXT, 1); b < count && !stopped; b = Atomics.add(shared, NEXT, 1)) {
      finish(b, run(plan, fd, b));
      if (helper) for (let m = receiveMessageOnPort(helper.port); m; m = receiveMessageOnPort(helper.port)) take(m.message);
    }
    if (helper && !stopped) {
      // Wait for the helper's last batches; give up on it when it stops making progress.
      let seen = -1;
      let quietSince = Date.now();
      while (Atomics.load(shared, HELPER_DONE) === 0 && !stopped) {
        Atomics.wait(shared, HELPER_DONE, 0, 200);
        const doneByHelper = Atomics.load(shared, HELPER_BATCHES);
        if (doneByHelper !== seen) {
          seen = doneByHelper;
          quietSince = Date.now();
        } else if (Date.now() - quietSince > HELPER_SILENCE_MS) {
          break;
        }
        for (let m = receiveMessageOnPort(helper.port); m; m = receiveMessageOnPort(helper.port)) take(m.message);
      }
      for (let m = receiveMessageOnPort(helper.port); m; m = receiveMessageOnPort(helper.port)) take(m.message);
    }
    for (let b = 0; b < count && !stopped; b++) if (!finished[b]) finish(b, run(plan, fd, b));
  } finally {
    helper?.stop();
    fs.closeSync(fd);
  }
  return { byHelper };
}

/** The helper thread: take batches from the shared counter until none is left. */
function serveBatches(data: { plan: BatchPlan; job: string; module?: string; shared: Int32Array; port: MessagePort }): void {
  const { plan, shared, port } = data;
  const count = plan.batchStart.length - 1;
  let fd: number | undefined;
  try {
    // Inside the try: a helper that cannot run the job says it is done (its batches are done there).
    const run = jobNamed<BatchPlan, unknown>(data.job, data.module);
    fd = fs.openSync(plan.path, 'r');
    for (let b = Atomics.add(shared, NEXT, 1); b < count; b = Atomics.add(shared, NEXT, 1)) {
      port.postMessage({ batch: b, result: run(plan, fd, b) });
      Atomics.add(shared, HELPER_BATCHES, 1);
    }
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
    Atomics.store(shared, HELPER_DONE, 1);
    Atomics.notify(shared, HELPER_DONE);
    port.close();
  }
}

if (!isMainThread && (workerData as { batchHelper?: boolean } | null)?.batchHelper) {
  const { shared, port } = workerData as { shared: Int32Array; port: MessagePort };
  port.once('message', (m: { plan: BatchPlan; job: string; module?: string }) => serveBatches({ ...m, shared, port }));
}
