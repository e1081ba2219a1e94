// The commands on one record (审核、退回、删除、恢复), each answering the record as it now is; the review queue is
// fetched again after each (the archive page puts the answered record into its cached list itself).
import { ApiError, gql } from '../../api/graphql';
import { invalidate } from '../../api/query';
import type { ArchiveDocs } from './queries';
import type { ArchiveRecord } from './types';

const GONE = '记录不存在或不在可见范围内';
/** The operation name of ArchiveDocs.reviewQueue. */
export const REVIEW_QUEUE = 'ReviewQueue';

async function one(docs: ArchiveDocs, query: string, field: string, variables: Record<string, unknown>): Promise<ArchiveRecord> {
  const d = await gql<Record<string, unknown>>(query, variables);
  void invalidate(REVIEW_QUEUE);
  if (!d[field]) throw new ApiError(GONE, 'NOT_FOUND');
  return docs.normalize(d[field]);
}

export const acceptRecord = (docs: ArchiveDocs, r: ArchiveRecord) =>
  one(docs, docs.review, 'reviewRecord', { id: r.id, version: r.version, decision: 'accept' });

export const returnRecord = (docs: ArchiveDocs, r: ArchiveRecord, reason: string) =>
  one(docs, docs.review, 'reviewRecord', { id: r.id, version: r.version, decision: 'return', reason });

export const deleteRecord = (docs: ArchiveDocs, r: ArchiveRecord) =>
  one(docs, docs.remove, 'deleteRecord', { id: r.id, version: r.version });

export const restoreRecord = (docs: ArchiveDocs, r: ArchiveRecord) => one(docs, docs.restore, 'restoreRecord', { id: r.id });

export async function fetchRecord(docs: ArchiveDocs, id: string, withHistory = false): Promise<ArchiveRecord | null> {
  const d = await gql<{ record: unknown }>(withHistory ? docs.recordHistory : docs.record, { id });
  return d.record ? docs.normalize(d.record) : null;
}

export const isConflict = (e: unknown) => e instanceof ApiError && e.code === 'VERSION_CONFLICT';
