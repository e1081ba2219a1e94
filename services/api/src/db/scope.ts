// The tenant transaction: every unit of work runs in one short transaction whose scope (an ltree path)
// is set transaction-locally through a bound parameter. Never a session-level SET.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './types.js';

export type Tx = Transaction<DB> | Kysely<DB>;

export async function setScope(trx: Tx, path: string | null): Promise<void> {
  await sql`select set_config('app.tenant_path', ${path ?? ''}, true)`.execute(trx);
}

/** Run fn in a transaction scoped to the subtree at path (null: sees nothing). */
export function withScope<T>(db: Kysely<DB>, path: string | null, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await setScope(trx, path);
    return fn(trx);
  });
}

/** ltree labels allow letters, digits and _ only (PostgreSQL 15): tenant code km-wh → label km_wh. */
export const codeToLabel = (code: string) => code.replace(/-/g, '_');

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID_RE.test(s);

/** Escape LIKE wildcards in user text (the default escape character is backslash). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
