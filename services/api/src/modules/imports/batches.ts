// Import batches at rest. The parsed forms of a batch (names, ID numbers, family, photos) are personal data that
// must not sit in the database in plain text: the whole preview is sealed with the field key (AES-256-GCM,
// crypto/fields.ts) before it is written, so no ID number ever reaches a table, the WAL or a backup in clear. The
// sealed content is dropped as soon as the batch is confirmed or expires (a sweep on every upload and on a timer);
// what stays is the count of files and, after confirmation, the result summary the console shows.
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { withScope, type Tx } from '../../db/scope.js';
import { appendSystemAudit } from '../../audit/index.js';
import { decryptField, encryptField, type FieldKeys } from '../../crypto/fields.js';
import { maskIdNumber } from '../cadres/fields.js';
import type { DiffEntry } from './apply.js';
import type { FormFields } from './model.js';

export interface BatchFile {
  name: string;
  status: 'ok' | 'error';
  error?: string;
  warnings: string[];
  fields?: FormFields;
  match?: { cadreId: string; name: string; unitName: string; by: 'idNumber' | 'nameBirth'; diff: DiffEntry[] } | null;
}

/** What import_batch.files holds: the sealed preview (null once dropped) and how many files it had. */
export interface StoredFiles { v: 2; sealed: string | null; count: number }

/** Rows are deleted this long after they expire (their content is gone at expiry already). */
export const BATCH_RETENTION = '7 days';
/** How often the timer sweeps every tenant's batches. */
export const SWEEP_INTERVAL_MS = 10 * 60_000;

export const sealFiles = (keys: FieldKeys, files: BatchFile[]): StoredFiles =>
  ({ v: 2, sealed: encryptField(keys, JSON.stringify(files)), count: files.length });

/** The preview of a stored batch, or null when its content is gone (confirmed, expired, or an old-format row). */
export function openFiles(keys: FieldKeys, stored: unknown): BatchFile[] | null {
  const s = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Partial<StoredFiles> | null;
  if (!s || typeof s !== 'object' || s.v !== 2 || typeof s.sealed !== 'string') return null;
  const plain = decryptField(keys, s.sealed);
  return plain ? (JSON.parse(plain) as BatchFile[]) : null;
}

/** The content-free form of a batch, written on confirmation and by the sweep. */
export const droppedFiles = (count: number): StoredFiles => ({ v: 2, sealed: null, count });

/**
 * The preview as its uploader receives it: the ID number in full only for those who see it in full (officers),
 * region-only masked for everyone else, as everywhere else in the product.
 */
export function previewFor(files: BatchFile[], revealId: boolean): BatchFile[] {
  if (revealId) return files;
  return files.map((f) => {
    const id = f.fields?.ShenFenZheng;
    return typeof id === 'string' && id ? { ...f, fields: { ...f.fields, ShenFenZheng: maskIdNumber(id) } } : f;
  });
}

/**
 * Drop the content of confirmed and expired batches and delete rows long expired, for the tenants in the
 * transaction's scope (RLS). Returns how many batches lost their content.
 */
export async function sweepBatches(trx: Tx): Promise<number> {
  const cleared = await trx.updateTable('import_batch')
    .set({ files: sql`jsonb_build_object('v', 2, 'sealed', null, 'count', coalesce((files->>'count')::int, case when jsonb_typeof(files) = 'array' then jsonb_array_length(files) else 0 end))` })
    .where(sql<boolean>`(confirmed_at is not null or expires_at < now())`)
    .where(sql<boolean>`((jsonb_typeof(files) = 'array' and files <> '[]'::jsonb) or (files->>'sealed') is not null)`)
    .executeTakeFirst();
  await trx.deleteFrom('import_batch').where(sql<boolean>`expires_at < now() - ${sql.raw(`interval '${BATCH_RETENTION}'`)}`).execute();
  return Number(cleared.numUpdatedRows ?? 0);
}

/**
 * Every tenant's batches, through the owner-defined function of migration 0008 (the timer has no tenant scope). A
 * sweep that dropped content is logged as the system's work, in the sweep's transaction.
 */
export async function sweepAllBatches(db: Kysely<DB>): Promise<number> {
  return withScope(db, null, async (trx) => {
    const r = await sql<{ n: number }>`select app_sweep_import_batches() as n`.execute(trx);
    const n = Number(r.rows[0]?.n ?? 0);
    if (n > 0) {
      await appendSystemAudit(trx, {
        operation: '清理导入批次', summary: `系统清理已确认或已过期的导入批次内容：${n} 批`, detail: { batches: n },
      });
    }
    return n;
  });
}

/** Sweep on a timer while the app runs (unref'd: it never keeps the process alive). */
export function startBatchSweeper(app: FastifyInstance, db: Kysely<DB>, intervalMs = SWEEP_INTERVAL_MS) {
  let running: Promise<unknown> = Promise.resolve();
  let closed = false;
  const run = () => {
    if (closed) return;
    running = sweepAllBatches(db).catch((e: unknown) => app.log.warn({ err: e }, 'import batch sweep failed'));
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  app.addHook('onReady', async () => { run(); });
  // The database closes after the app: let a sweep in flight finish first.
  app.addHook('onClose', async () => { closed = true; clearInterval(timer); await running; });
}
