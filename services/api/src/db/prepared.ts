// Named prepared statements for the few heavy statements of the request path (PostgreSQL). A statement whose text
// carries PREPARED (a comment) is prepared once per connection under a name derived from its text, and the server
// may then run it with a cached plan instead of planning it again: the archive's record list joins every category
// table and costs ~8 ms to plan and ~1.5 ms to run. Only marked statements, whose texts are few and fixed (lists
// as `= any($n)`, never `in ($1, $2, …)`), so a connection keeps a bounded set. PGlite ignores the mark.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

const MARK = '/*prepared*/';
/** Put into a statement's text (`sql\`select ${PREPARED} …\``, or `.modifyFront(PREPARED)` on a select). */
export const PREPARED = sql.raw(MARK);

const names = new Map<string, string>();
/** The statement's name: a digest of its text (the same text always the same name, on every connection). */
function nameOf(text: string): string {
  let n = names.get(text);
  if (!n) {
    n = `lz_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size < 1000) names.set(text, n);
  }
  return n;
}

/** Make a pooled connection prepare marked statements (pool.on('connect')). */
export function prepareMarked(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) =>
    typeof text === 'string' && Array.isArray(values) && text.includes(MARK)
      ? query({ name: nameOf(text), text, values }, ...rest)
      : query(text, values, ...rest);
}
