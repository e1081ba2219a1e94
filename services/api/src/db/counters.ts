// 文号 counters: per tenant and year, gap-free under concurrency — the upsert locks the counter row until the
// transaction ends, so two documents issued at once take consecutive numbers and a rolled-back one gives its number back.
import { sql } from 'kysely';
import type { Tx } from './scope.js';

/** The next number of a tenant's documents of a kind for a year (counter tables of migrations 0025 and 0030). */
export async function nextYearSequence(trx: Tx, table: 'disposition_counter' | 'reply_counter', tenantId: string, year: number): Promise<number> {
  const r = await sql<{ last_seq: number }>`
    insert into ${sql.table(table)} as c (tenant_id, year, last_seq) values (${tenantId}::uuid, ${year}, 1)
    on conflict (tenant_id, year) do update set last_seq = c.last_seq + 1
    returning last_seq`.execute(trx);
  return r.rows[0].last_seq;
}
