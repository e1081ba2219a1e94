// Group commit for the access log (docs/audit.md). Rows that need no transaction of the request's (reads, whose
// transaction changed nothing that needs the row; failures, whose work was rolled back) are handed to the process's
// appender, which writes whatever has queued up as consecutive links in one short transaction under the chain-head
// lock (chain.ts appendChainBatch): one lock per batch instead of one per request, and while a batch commits the next
// one gathers. The caller awaits its row's commit before anything leaves (a read's data never goes out without its
// row). A refused batch is retried row by row, so one bad row fails only its own request. Several API processes each
// have an appender; the lock keeps the chain one sequence.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { appendChainBatch, type BatchContent } from './chain.js';

interface Pending { row: BatchContent; resolve: () => void; reject: (e: unknown) => void }

export class ChainAppender {
  private queue: Pending[] = [];
  /** A drain is running. */
  private busy = false;

  constructor(private readonly db: Kysely<DB>, private readonly maxBatch = 500) {}

  /** Resolves once the row is committed as a link of the chain; rejects if it could not be appended. */
  append(row: BatchContent): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        void this.drain();
      }
    });
  }

  private async drain(): Promise<void> {
    // No await between the loop's last check and the reset: a row queued after it starts a drain of its own.
    try {
      while (this.queue.length) await this.next();
    } finally {
      this.busy = false;
    }
  }

  private async next(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      await appendChainBatch(this.db, batch.map((p) => p.row));
      for (const p of batch) p.resolve();
    } catch (e) {
      if (batch.length === 1) {
        batch[0].reject(e);
        return;
      }
      for (const p of batch) {
        try {
          await appendChainBatch(this.db, [p.row]);
          p.resolve();
        } catch (e1) {
          p.reject(e1);
        }
      }
    }
  }
}

const appenders = new WeakMap<Kysely<DB>, ChainAppender>();

/** The appender of a database handle (one per process and database). */
export function appenderFor(db: Kysely<DB>): ChainAppender {
  let a = appenders.get(db);
  if (!a) appenders.set(db, (a = new ChainAppender(db)));
  return a;
}
