// The main-thread side of engine-worker.ts: lint a text in the worker with a hard timeout. A
// worker that does not answer in time is terminated (and replaced on the next call), and the
// call rejects: that is a hang, whatever the engine was doing.
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { LintReply, LintRequest } from './engine-worker';

export class EngineRunner {
  private worker: Worker | undefined;
  private next = 0;

  private start(): Worker {
    this.worker ??= new Worker(path.join(__dirname, 'engine-worker.js'));
    return this.worker;
  }

  /** Load the engine and the code set once, outside any case's time. */
  async warmUp(): Promise<void> {
    await this.lint('claim_id\n', 'csv', 60_000);
    await this.lint('{}', 'json', 60_000);
  }

  lint(text: string, format: 'csv' | 'json', timeoutMs: number): Promise<LintReply> {
    const worker = this.start();
    const id = ++this.next;
    return new Promise<LintReply>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const onMessage = (reply: LintReply) => {
        if (reply.id !== id) return;
        cleanup();
        resolve(reply);
      };
      const onError = (err: Error) => {
        cleanup();
        this.worker = undefined;
        reject(new Error(`the engine crashed the worker: ${err.name}: ${err.message}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        void worker.terminate();
        this.worker = undefined;
        reject(new Error(`the engine hung: no result within ${timeoutMs} ms`));
      }, timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      const req: LintRequest = { id, text, format };
      worker.postMessage(req);
    });
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
