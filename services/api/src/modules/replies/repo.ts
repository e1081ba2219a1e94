// Rows of 廉政审查情况复函 (migration 0030; docs/replies.md): requests, their cadres' drafts, settings and the 文号 counter.
import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { nextYearSequence } from '../../db/counters.js';
import type { ReplyConclusion, ReplyPurpose, ReplyStatus } from '../../../../../shared/replies.js';
import type { ReplyFact } from './draft.js';

export interface ReplyRequestRow {
  id: string;
  tenant_id: string;
  tenant_name: string;
  requester: string;
  letter_no: string | null;
  purpose: ReplyPurpose;
  purpose_text: string | null;
  as_of: string;
  status: ReplyStatus;
  doc_number: string | null;
  issuer: string | null;
  version: number;
  created_by_name: string;
  updated_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  issued_by_name: string | null;
  issued_at: Date | null;
  item_count: number;
  unsuitable_count: number;
  defer_count: number;
  /** A part (docs/replies.md#parts): the asking request, its tenant's name; answered / returned by the asker. */
  parent_tenant_id: string | null;
  parent_id: string | null;
  parent_issuer: string | null;
  answered_by_name: string | null;
  answered_at: Date | null;
  returned_reason: string | null;
  returned_by_name: string | null;
  returned_at: Date | null;
  /** The asking request's parts (tenants below answering for their cadres), and those not answered yet. */
  part_count: number;
  open_part_count: number;
}

export interface ReplyItemRow {
  request_id: string;
  cadre_id: string;
  position: number;
  conclusion: ReplyConclusion;
  facts: ReplyFact[];
  draft: string;
  edited_text: string | null;
  edited_by_name: string | null;
  edited_at: Date | null;
  record_id: string | null;
  /** The cadre's tenant: the request's own, or a part's (answered there). */
  tenant_id: string;
  tenant_name: string;
  /** The part holding the item (null: the request's own item) and its status. */
  part_id: string | null;
  part_status: ReplyStatus | null;
  cadre_name: string;
  cadre_position: string | null;
  unit_id: string;
  unit_name: string;
}

function requests(trx: Tx) {
  return trx.selectFrom('reply_request as q')
    .innerJoin('tenant as t', 't.id', 'q.tenant_id')
    // The cadres and their conclusions counted in one pass over the request's items.
    .innerJoinLateral((eb) => eb.selectFrom('reply_item as i')
      .select([
        sql<number>`count(*)::int`.as('item_count'),
        sql<number>`(count(*) filter (where i.conclusion = 'unsuitable'))::int`.as('unsuitable_count'),
        sql<number>`(count(*) filter (where i.conclusion = 'defer'))::int`.as('defer_count'),
      ])
      // Its own items and its parts' (a part's id is unique across tenants: gen_random_uuid).
      .where((w) => w.or([
        w.and([w('i.tenant_id', '=', w.ref('q.tenant_id')), w('i.request_id', '=', w.ref('q.id'))]),
        w('i.request_id', 'in', w.selectFrom('reply_request as p').select('p.id')
          .whereRef('p.parent_tenant_id', '=', 'q.tenant_id').whereRef('p.parent_id', '=', 'q.id')),
      ]))
      .as('n'), (j) => j.onTrue())
    .innerJoinLateral((eb) => eb.selectFrom('reply_request as p')
      .select([
        sql<number>`count(*)::int`.as('part_count'),
        sql<number>`(count(*) filter (where p.status = 'draft'))::int`.as('open_part_count'),
      ])
      .whereRef('p.parent_tenant_id', '=', 'q.tenant_id').whereRef('p.parent_id', '=', 'q.id').as('pc'), (j) => j.onTrue())
    .select([
      'q.id', 'q.tenant_id', 't.name as tenant_name', 'q.requester', 'q.letter_no', 'q.purpose', 'q.purpose_text',
      sql<string>`q.as_of::text`.as('as_of'), 'q.status', 'q.doc_number', 'q.issuer', 'q.version', 'q.created_by_name', 'q.updated_by_name', 'q.created_at',
      'q.updated_at', 'q.issued_by_name', 'q.issued_at',
      'n.item_count', 'n.unsuitable_count', 'n.defer_count', 'pc.part_count', 'pc.open_part_count',
      'q.parent_tenant_id', 'q.parent_id', 'q.parent_issuer', 'q.answered_by_name', 'q.answered_at', 'q.returned_reason',
      'q.returned_by_name', 'q.returned_at',
    ]);
}

export async function findReplyRequest(trx: Tx, tenantId: string, id: string): Promise<ReplyRequestRow | null> {
  const row = await requests(trx).where('q.tenant_id', '=', tenantId).where('q.id', '=', id).executeTakeFirst();
  return (row as ReplyRequestRow | undefined) ?? null;
}

/** The tenant's requests, the newest first. */
export async function listReplyRequests(trx: Tx, tenantId: string, limit: number, offset: number): Promise<ReplyRequestRow[]> {
  const rows = await requests(trx).where('q.tenant_id', '=', tenantId)
    .orderBy('q.created_at', 'desc').orderBy('q.id').limit(limit).offset(offset).execute();
  return rows as ReplyRequestRow[];
}

export async function countReplyRequests(trx: Tx, tenantId: string): Promise<number> {
  const r = await trx.selectFrom('reply_request').select((e) => e.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The cadres of a tenant's requests, in their order, with the cadre's current name, unit and post — a request's own
 * items and its parts' (tenants below answering for their cadres), keyed by the request.
 */
export async function itemsOf(trx: Tx, tenantId: string, requestIds: string[]): Promise<Map<string, ReplyItemRow[]>> {
  const out = new Map<string, ReplyItemRow[]>(requestIds.map((id) => [id, []]));
  if (!requestIds.length) return out;
  const rows = await trx.selectFrom('reply_item as i')
    .innerJoin('reply_request as r', (j) => j.onRef('r.tenant_id', '=', 'i.tenant_id').onRef('r.id', '=', 'i.request_id'))
    .innerJoin('tenant as t', 't.id', 'i.tenant_id')
    .innerJoin('cadre as c', (j) => j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.id', '=', 'i.cadre_id'))
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.unit_id'))
    .select([
      sql<string>`case when r.tenant_id = ${tenantId} then r.id else r.parent_id end`.as('request_id'),
      sql<string | null>`case when r.tenant_id = ${tenantId} then null else r.id end`.as('part_id'),
      sql<ReplyStatus | null>`case when r.tenant_id = ${tenantId} then null else r.status end`.as('part_status'),
      'i.tenant_id', 't.name as tenant_name',
      'i.cadre_id', 'i.position', 'i.conclusion', 'i.facts', 'i.draft', 'i.edited_text', 'i.edited_by_name', 'i.edited_at',
      'i.record_id', 'c.name as cadre_name', 'c.position as cadre_position', 'c.unit_id', 'u.name as unit_name',
    ])
    .where((w) => w.or([
      w.and([w('r.tenant_id', '=', tenantId), w('r.id', 'in', requestIds)]),
      w.and([w('r.parent_tenant_id', '=', tenantId), w('r.parent_id', 'in', requestIds)]),
    ]))
    .orderBy('i.position').execute();
  for (const r of rows) out.get(r.request_id)?.push(r as unknown as ReplyItemRow);
  return out;
}

/** The parts of a tenant's request (tenants below answering for their cadres), in the order of their first cadre. */
export async function partsOf(trx: Tx, tenantId: string, id: string): Promise<ReplyRequestRow[]> {
  const rows = await requests(trx).where('q.parent_tenant_id', '=', tenantId).where('q.parent_id', '=', id)
    .orderBy('t.path').execute();
  return rows as ReplyRequestRow[];
}

/** The next 文号 sequence of the tenant's replies for the year. */
export const nextReplySequence = (trx: Tx, tenantId: string, year: number) => nextYearSequence(trx, 'reply_counter', tenantId, year);

export interface ReplySettingRow {
  number_prefix: string | null; barred_purposes: ReplyPurpose[] | null; measure_purposes: Record<string, ReplyPurpose[]> | null;
  updated_by_name: string; updated_at: Date;
}

export async function replySetting(trx: Tx, tenantId: string): Promise<ReplySettingRow | null> {
  const r = await trx.selectFrom('reply_setting').select(['number_prefix', 'barred_purposes', 'measure_purposes', 'updated_by_name', 'updated_at'])
    .where('tenant_id', '=', tenantId).executeTakeFirst();
  return (r as ReplySettingRow | undefined) ?? null;
}
