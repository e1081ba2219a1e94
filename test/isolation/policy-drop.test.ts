// Each isolation policy matters: dropping it, or replacing it with an open one, inside a rolled-back transaction,
// makes an isolation probe fail. The probe runs as the API role with the scope of 五华区 (km-wh).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Database } from '../../services/api/src/db/index.js';
import { openDatabase } from '../../services/api/src/db/index.js';
import { seedDemo } from '../../services/api/src/seed/demo.js';
import { chainHash } from '../../services/api/src/audit/chain.js';
import { CATEGORIES, categoryTable, type CategorySpec } from '../../services/api/src/modules/records/categories.js';
import { DEMO_PASSWORD, engineName, isPg, testConfig, TEST_AUDIT_CHAIN_KEY } from '../helpers/db.js';

type Q = (text: string, params?: unknown[]) => Promise<any[]>;
interface OwnerSession { q: Q; close(): Promise<void> }

let database: Database;
let owner: OwnerSession;

async function openOwner(): Promise<OwnerSession> {
  if (isPg) {
    database = await openDatabase(testConfig(), { poolSize: 2 });
    await seedDemo(database.db, DEMO_PASSWORD);
    const client = new pg.Client({ connectionString: testConfig().databaseOwnerUrl });
    await client.connect();
    // The owner may act as the API's group role inside these rolled-back probes.
    const m = await client.query(`select pg_has_role(current_user, 'lz_app', 'member') as m`);
    if (!m.rows[0].m) await client.query('grant lz_app to current_user');
    return { q: async (t, p = []) => (await client.query(t, p as unknown[])).rows, close: () => client.end() };
  }
  database = await openDatabase(testConfig(), { memory: true, ownerSession: true });
  await seedDemo(database.db, DEMO_PASSWORD);
  const pool = database.pglite!;
  const c = await pool.connect();
  return { q: async (t, p = []) => (await c.query(t, p)).rows as any[], close: async () => c.release() };
}

const WH = 'yn.km.km_wh';
// An audit row appended as the next link (the hash is a placeholder: these rows are rolled back or verified apart).
const APPEND = `insert into audit_event (seq, prev_hash, hash, tenant_id, operation, kind, outcome)
  select h.last_seq + 1, h.last_hash, repeat('a', 64), $1::uuid, 'probe', 'read', 'success' from audit_chain_lock() h`;
let ids: {
  wh: string; pl: string; km: string; whUnit: string; plUnit: string; whCadre: string; plCadre: string; whUser: string; plUser: string;
  /** A record of every category on both sides (its typed row is what the category table's probe sees). */
  whRecord: Map<number, string>; plRecord: Map<number, string>;
  /** Envelopes without a typed row yet: the category probes insert one (the FK check itself ignores RLS). */
  whSpare: Map<number, string>; plSpare: Map<number, string>;
  /** A disposition on each side (migration 0025). */
  whDisposition: string; plDisposition: string;
  /** A reply request on each side (migration 0030). */
  whReply: string; plReply: string; whSecondCadre: string; plSecondCadre: string;
};

beforeAll(async () => {
  owner = await openOwner();
  await owner.q('begin');
  await owner.q(`select set_config('app.tenant_path', 'yn', true)`);
  const t = await owner.q(`select code, id from tenant where code in ('km-wh', 'km-pl', 'km')`);
  const km = t.find((r) => r.code === 'km').id;
  const wh = t.find((r) => r.code === 'km-wh').id, pl = t.find((r) => r.code === 'km-pl').id;
  const whUnit = (await owner.q('select id from unit where tenant_id = $1 limit 1', [wh]))[0].id;
  const plUnit = (await owner.q('select id from unit where tenant_id = $1 limit 1', [pl]))[0].id;
  const whCadre = (await owner.q('select id from cadre where tenant_id = $1 limit 1', [wh]))[0].id;
  const plCadre = (await owner.q('select id from cadre where tenant_id = $1 limit 1', [pl]))[0].id;
  const whUser = (await owner.q(`select id from app_user where username = 'km-wh.leader'`))[0].id;
  const plUser = (await owner.q(`select id from app_user where username = 'km-pl.leader'`))[0].id;
  // Settings and sessions on both sides, so their probes have rows to see or not see.
  await owner.q(`insert into tenant_security (tenant_id, lockout_threshold) values ($1, 6), ($2, 7)`, [wh, pl]);
  await owner.q(`insert into user_session (tenant_id, user_id, refresh_hash, expires_at) values ($1, $2, 'x', now() + interval '1 hour'), ($3, $4, 'x', now() + interval '1 hour')`, [wh, whUser, pl, plUser]);
  // Role grants (decided, so the probes' pending ones do not collide with an open request) on both sides.
  await owner.q(`insert into role_grant (tenant_id, user_id, role, status, requested_by, requested_by_name, decided_at) values
    ($1, $2, 'officer', 'approved', $2, '探针', now()), ($3, $4, 'officer', 'approved', $4, '探针', now())`, [wh, whUser, pl, plUser]);
  // Audit rows on both sides so the audit probe has something to see or not see: real (keyed) links of the chain.
  for (const tenantId of [wh, pl]) {
    const [h] = await owner.q('select * from audit_chain_lock()');
    const seq = Number(h.last_seq) + 1, at = new Date();
    const hash = chainHash(h.last_hash, { seq, at, tenantId, userId: null, username: null, operation: 'probe', kind: 'read',
      outcome: 'success', clientIp: null, requestId: null, cadreIds: [], detail: {}, summary: null }, TEST_AUDIT_CHAIN_KEY);
    await owner.q(`insert into audit_event (seq, prev_hash, hash, at, tenant_id, operation, kind, outcome)
      values ($1, $2, $3, $4, $5, 'probe', 'read', 'success')`, [seq, h.last_hash, hash, at.toISOString(), tenantId]);
  }
  // One record of every category, with a material and a revision, and the cadre's rows, on both sides.
  const whRecord = new Map<number, string>(), plRecord = new Map<number, string>();
  const whSpare = new Map<number, string>(), plSpare = new Map<number, string>();
  for (const [tenant, cadre, map, spare] of [[wh, whCadre, whRecord, whSpare], [pl, plCadre, plRecord, plSpare]] as const) {
    for (const cat of CATEGORIES) {
      const envelope = `insert into archive_record (tenant_id, cadre_id, category, entered_by_name) values ($1, $2, $3, '探针') returning id`;
      const [r] = await owner.q(envelope, [tenant, cadre, cat.id]);
      map.set(cat.id, r.id);
      spare.set(cat.id, (await owner.q(envelope, [tenant, cadre, cat.id]))[0].id);
      await owner.q(`insert into ${categoryTable(cat)} (record_id, tenant_id, ${requiredColumns(cat).join(', ')}) values ($1, $2, ${requiredColumns(cat).map((_c, i) => `$${i + 3}`).join(', ')})`,
        [r.id, tenant, ...requiredValues(cat)]);
    }
    const any = map.get(2)!;
    await owner.q(`insert into record_material (tenant_id, record_id, name) values ($1, $2, '探针')`, [tenant, any]);
    await owner.q(`insert into record_revision (tenant_id, record_id, version, action, actor_name) values ($1, $2, 1, 'create', '探针')`, [tenant, any]);
    await owner.q(`insert into cadre_appointment (tenant_id, cadre_id, kind, position, decided_on) values ($1, $2, '任职', '探针', '2020-01-01')`, [tenant, cadre]);
    await owner.q(`insert into cadre_resume (tenant_id, cadre_id, start_month, content) values ($1, $2, '202001', '探针')`, [tenant, cadre]);
    await owner.q(`insert into cadre_family (tenant_id, cadre_id, relation, name) values ($1, $2, '妻子', '探针')`, [tenant, cadre]);
    await owner.q(`insert into cadre_revision (tenant_id, cadre_id, version, action, actor_name) values ($1, $2, 1, 'create', '探针')`, [tenant, cadre]);
    await owner.q(`insert into cadre_unit_history (tenant_id, cadre_id, to_unit_name, actor_name) values ($1, $2, '探针', '探针')`, [tenant, cadre]);
    await owner.q(`insert into cadre_change (tenant_id, cadre_id, base_version, proposal, submitted_by, submitted_by_name) values ($1, $2, 1, '{}', gen_random_uuid(), '探针')`, [tenant, cadre]);
    await owner.q(`insert into import_batch (tenant_id, user_id, files) values ($1, gen_random_uuid(), '[]')`, [tenant]);
  }
  // 廉情预警 (migration 0024): rules and schemes on both sides and at the common parent 昆明 (inherited, read-only), hits.
  for (const tenant of [wh, pl, km]) {
    await owner.q(`insert into warning_rule (tenant_id, code, version, name, kind, level, definition, created_by_name)
      values ($1, 'PROBE', 1, '探针', 'clue', 'blue', '{"kind":"clue","disposalModes":["held"]}', '探针')`, [tenant]);
    await owner.q(`insert into warning_scheme (tenant_id, version, levels, influence, dispositions, created_by_name)
      values ($1, 1, '[]', '[]', '[]', '探针')`, [tenant]);
  }
  for (const [tenant, cadre] of [[wh, whCadre], [pl, plCadre]]) {
    await owner.q(`insert into warning_hit (tenant_id, cadre_id, rule_code, rule_version, rule_name, level, level_rank, starts_on, reason)
      values ($1, $2, 'PROBE', 1, '探针', 'blue', 1, '2020-01-01', '探针')`, [tenant, cadre]);
  }
  // 预警处置 (migration 0025): templates on both sides and at 昆明 (inherited, read-only), counters, a disposition with
  // a rectification round and an attachment on both sides.
  for (const tenant of [wh, pl, km]) await owner.q(`insert into disposition_template (tenant_id, updated_by_name) values ($1, '探针')`, [tenant]);
  const dispositions = new Map<string, string>();
  for (const [tenant, cadre] of [[wh, whCadre], [pl, plCadre]]) {
    await owner.q(`insert into disposition_counter (tenant_id, year, last_seq) values ($1, 2020, 1)`, [tenant]);
    const [d] = await owner.q(`insert into disposition (tenant_id, cadre_id, issuing_tenant_id, kind, title, doc_year, doc_seq, doc_number, issuer,
      issued_on, rectify_working_days, due_on, body, requirements, issued_by_name)
      values ($1, $2, $1, 'reminder', '警示提醒', 2020, 1, '探〔2020〕1号', '探针', '2020-01-02', 5, '2020-01-09', '探针', '探针', '探针') returning id`, [tenant, cadre]);
    dispositions.set(tenant, d.id);
    await owner.q(`insert into disposition_rectification (tenant_id, disposition_id, round, content, submitted_by_name) values ($1, $2, 1, '探针', '探针')`, [tenant, d.id]);
    await owner.q(`insert into disposition_attachment (tenant_id, disposition_id, object_key, filename, content_type, size_bytes, sha256, uploaded_by_name)
      values ($1, $2, $3, 'a.pdf', 'application/pdf', 1, repeat('a', 64), '探针')`, [tenant, d.id, `probe-${tenant}`]);
  }
  // 廉政审查情况复函 (migration 0030): settings, counters, a request with one cadre on both sides.
  const replies = new Map<string, string>();
  const second = new Map<string, string>();
  for (const [tenant, cadre] of [[wh, whCadre], [pl, plCadre]]) {
    await owner.q(`insert into reply_setting (tenant_id, updated_by_name) values ($1, '探针')`, [tenant]);
    await owner.q(`insert into reply_counter (tenant_id, year, last_seq) values ($1, 2020, 1)`, [tenant]);
    const [r] = await owner.q(`insert into reply_request (tenant_id, requester, purpose, as_of, created_by_name) values ($1, '探针', 'selection', '2020-01-02', '探针') returning id`, [tenant]);
    replies.set(tenant, r.id);
    const [c2] = await owner.q(`select id from cadre where tenant_id = $1 and id <> $2 order by id limit 1`, [tenant, cadre]);
    second.set(tenant, c2.id);
    await owner.q(`insert into reply_item (tenant_id, request_id, cadre_id, position, conclusion, draft) values ($1, $2, $3, 0, 'no_objection', '探针')`, [tenant, r.id, cadre]);
  }
  // Word 模板 (migration 0032): a template on both sides and at 昆明 (inherited, read-only).
  for (const tenant of [wh, pl, km]) {
    await owner.q(`insert into doc_template (tenant_id, tenant_name, kind, version, file_name, content, sha256, uploaded_by_name)
      values ($1, '探针', 'reply', 1, '探针.docx', '\\x50', repeat('a', 64), '探针')`, [tenant]);
  }
  // Jobs (migration 0033): one on both sides.
  for (const [tenant, user] of [[wh, whUser], [pl, plUser]]) {
    await owner.q(`insert into job (tenant_id, kind, params, total, created_by, created_by_name) values ($1, 'report_batch', '{}', 1, $2, '探针')`, [tenant, user]);
  }
  await owner.q('commit');
  ids = {
    wh, pl, km, whUnit, plUnit, whCadre, plCadre, whUser, plUser, whRecord, plRecord, whSpare, plSpare,
    whDisposition: dispositions.get(wh)!, plDisposition: dispositions.get(pl)!,
    whReply: replies.get(wh)!, plReply: replies.get(pl)!, whSecondCadre: second.get(wh)!, plSecondCadre: second.get(pl)!,
  };
});
afterAll(async () => { await owner?.close(); await database?.close(); });

type Probe = { read: string; own: [string, unknown[]]; foreign: [string, unknown[]] };

/** A value of the right type for every required column of a category (enums take their first option). */
const requiredColumns = (cat: CategorySpec) => cat.fields.filter((f) => f.required).map((f) => f.column);
const requiredValues = (cat: CategorySpec) => cat.fields.filter((f) => f.required).map((f) => {
  switch (f.type) {
    case 'date': return '2020-01-01';
    case 'year': return 2020;
    case 'enum': return f.options![0].code;
    case 'money': case 'decimal': case 'int': return 1;
    case 'bool': return true;
    default: return '探针';
  }
});
const countBy = (table: string) => `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from ${table}`;

/** own: the fewer of the tenant's rows and its parent's (both must show); foreign: anyone else's (the sibling's). */
const inheritedCount = (table: string) => `select least(count(*) filter (where tenant_id = '${ids.wh}'),
    count(*) filter (where tenant_id = '${ids.km}')) as own,
  count(*) filter (where tenant_id <> '${ids.wh}' and tenant_id <> '${ids.km}') as foreign from ${table}`;

/** Category tables: a typed row for a spare envelope on each side. */
const categoryProbes = (): Record<string, Probe> => Object.fromEntries(CATEGORIES.map((cat) => {
  const cols = requiredColumns(cat);
  const insert = (tenant: string, recordId: string) => [
    `insert into ${categoryTable(cat)} (record_id, tenant_id, ${cols.join(', ')}) values ($1, $2, ${cols.map((_c, i) => `$${i + 3}`).join(', ')})`,
    [recordId, tenant, ...requiredValues(cat)],
  ] as [string, unknown[]];
  return [categoryTable(cat), {
    read: countBy(categoryTable(cat)), own: insert(ids.wh, ids.whSpare.get(cat.id)!), foreign: insert(ids.pl, ids.plSpare.get(cat.id)!),
  }];
}));
const probes = (): Record<string, Probe> => ({
  tenant: {
    read: `select count(*) filter (where path <@ '${WH}') as own, count(*) filter (where not path <@ '${WH}') as foreign from tenant`,
    own: [`insert into tenant (code, name, kind, parent_id, path) values ('km-wh-probe', '探针', 'county_commission', $1, '${WH}.probe')`, [ids.wh]],
    foreign: [`insert into tenant (code, name, kind, parent_id, path) values ('km-pl-probe', '探针', 'county_commission', $1, 'yn.km.km_pl.probe')`, [ids.pl]],
  },
  unit: {
    read: `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from unit`,
    own: [`insert into unit (tenant_id, name) values ($1, '探针单位')`, [ids.wh]],
    foreign: [`insert into unit (tenant_id, name) values ($1, '探针单位')`, [ids.pl]],
  },
  app_user: {
    read: `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from app_user`,
    own: [`insert into app_user (tenant_id, username, display_name, role, password_hash) values ($1, 'km-wh.probe', '探针', 'leader', 'x')`, [ids.wh]],
    foreign: [`insert into app_user (tenant_id, username, display_name, role, password_hash) values ($1, 'km-pl.probe', '探针', 'leader', 'x')`, [ids.pl]],
  },
  cadre: {
    read: `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from cadre`,
    own: [`insert into cadre (tenant_id, unit_id, name) values ($1, $2, '探针')`, [ids.wh, ids.whUnit]],
    foreign: [`insert into cadre (tenant_id, unit_id, name) values ($1, $2, '探针')`, [ids.pl, ids.plUnit]],
  },
  cadre_search_key: {
    read: `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from cadre_search_key`,
    own: [`insert into cadre_search_key (tenant_id, cadre_id, key) values ($1, $2, 'probe')`, [ids.wh, ids.whCadre]],
    foreign: [`insert into cadre_search_key (tenant_id, cadre_id, key) values ($1, $2, 'probe')`, [ids.pl, ids.plCadre]],
  },
  tenant_security: {
    read: `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from tenant_security`,
    own: [`insert into tenant_security (tenant_id, lockout_threshold) values ($1, 8) on conflict (tenant_id) do update set lockout_threshold = 8`, [ids.wh]],
    foreign: [`insert into tenant_security (tenant_id, lockout_threshold) values ((select id from tenant where code = 'km-gd'), 9)`, []],
  },
  // 默认导入单位 (migration 0029): the demo sets one on both sides.
  tenant_import_setting: {
    read: countBy('tenant_import_setting'),
    own: [`insert into tenant_import_setting (tenant_id, default_unit_id, updated_by_name) values ($1, $2, '探针') on conflict (tenant_id) do update set default_unit_id = excluded.default_unit_id`, [ids.wh, ids.whUnit]],
    foreign: [`insert into tenant_import_setting (tenant_id, default_unit_id, updated_by_name) values ($1, $2, '探针') on conflict (tenant_id) do update set default_unit_id = excluded.default_unit_id`, [ids.pl, ids.plUnit]],
  },
  user_session: {
    read: `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from user_session`,
    own: [`insert into user_session (tenant_id, user_id, refresh_hash, expires_at) values ($1, $2, 'p', now())`, [ids.wh, ids.whUser]],
    foreign: [`insert into user_session (tenant_id, user_id, refresh_hash, expires_at) values ($1, $2, 'p', now())`, [ids.pl, ids.plUser]],
  },
  role_grant: {
    read: countBy('role_grant'),
    own: [`insert into role_grant (tenant_id, user_id, role, requested_by, requested_by_name) values ($1, $2, 'filler', $2, '探针')`, [ids.wh, ids.whUser]],
    foreign: [`insert into role_grant (tenant_id, user_id, role, requested_by, requested_by_name) values ($1, $2, 'filler', $2, '探针')`, [ids.pl, ids.plUser]],
  },
  user_unit: {
    read: `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from user_unit`,
    own: [`insert into user_unit (tenant_id, user_id, unit_id) values ($1, $2, $3)`, [ids.wh, ids.whUser, ids.whUnit]],
    foreign: [`insert into user_unit (tenant_id, user_id, unit_id) values ($1, $2, $3)`, [ids.pl, ids.plUser, ids.plUnit]],
  },
  ...categoryProbes(),
  archive_record: {
    read: countBy('archive_record'),
    own: [`insert into archive_record (tenant_id, cadre_id, category, entered_by_name) values ($1, $2, 2, '探针')`, [ids.wh, ids.whCadre]],
    foreign: [`insert into archive_record (tenant_id, cadre_id, category, entered_by_name) values ($1, $2, 2, '探针')`, [ids.pl, ids.plCadre]],
  },
  record_material: {
    read: countBy('record_material'),
    own: [`insert into record_material (tenant_id, record_id, name) values ($1, $2, '探针')`, [ids.wh, ids.whRecord.get(2)]],
    foreign: [`insert into record_material (tenant_id, record_id, name) values ($1, $2, '探针')`, [ids.pl, ids.plRecord.get(2)]],
  },
  record_revision: {
    read: countBy('record_revision'),
    own: [`insert into record_revision (tenant_id, record_id, version, action, actor_name) values ($1, $2, 2, 'update', '探针')`, [ids.wh, ids.whRecord.get(2)]],
    foreign: [`insert into record_revision (tenant_id, record_id, version, action, actor_name) values ($1, $2, 2, 'update', '探针')`, [ids.pl, ids.plRecord.get(2)]],
  },
  cadre_appointment: {
    read: countBy('cadre_appointment'),
    own: [`insert into cadre_appointment (tenant_id, cadre_id, kind, position, decided_on) values ($1, $2, '免职', '探针', '2021-01-01')`, [ids.wh, ids.whCadre]],
    foreign: [`insert into cadre_appointment (tenant_id, cadre_id, kind, position, decided_on) values ($1, $2, '免职', '探针', '2021-01-01')`, [ids.pl, ids.plCadre]],
  },
  cadre_resume: {
    read: countBy('cadre_resume'),
    own: [`insert into cadre_resume (tenant_id, cadre_id, start_month, content) values ($1, $2, '202101', '探针')`, [ids.wh, ids.whCadre]],
    foreign: [`insert into cadre_resume (tenant_id, cadre_id, start_month, content) values ($1, $2, '202101', '探针')`, [ids.pl, ids.plCadre]],
  },
  cadre_family: {
    read: countBy('cadre_family'),
    own: [`insert into cadre_family (tenant_id, cadre_id, relation, name) values ($1, $2, '儿子', '探针')`, [ids.wh, ids.whCadre]],
    foreign: [`insert into cadre_family (tenant_id, cadre_id, relation, name) values ($1, $2, '儿子', '探针')`, [ids.pl, ids.plCadre]],
  },
  import_batch: {
    read: countBy('import_batch'),
    own: [`insert into import_batch (tenant_id, user_id, files) values ($1, $2, '[]')`, [ids.wh, ids.whUser]],
    foreign: [`insert into import_batch (tenant_id, user_id, files) values ($1, $2, '[]')`, [ids.pl, ids.plUser]],
  },
  cadre_revision: {
    read: countBy('cadre_revision'),
    own: [`insert into cadre_revision (tenant_id, cadre_id, version, action, actor_name) values ($1, $2, 2, 'update', '探针')`, [ids.wh, ids.whCadre]],
    foreign: [`insert into cadre_revision (tenant_id, cadre_id, version, action, actor_name) values ($1, $2, 2, 'update', '探针')`, [ids.pl, ids.plCadre]],
  },
  cadre_unit_history: {
    read: countBy('cadre_unit_history'),
    own: [`insert into cadre_unit_history (tenant_id, cadre_id, to_unit_name, actor_name) values ($1, $2, '探针', '探针')`, [ids.wh, ids.whCadre]],
    foreign: [`insert into cadre_unit_history (tenant_id, cadre_id, to_unit_name, actor_name) values ($1, $2, '探针', '探针')`, [ids.pl, ids.plCadre]],
  },
  cadre_change: {
    read: countBy('cadre_change'),
    own: [`insert into cadre_change (tenant_id, cadre_id, base_version, proposal, submitted_by, submitted_by_name) values ($1, $2, 2, '{}', $3, '探针')`, [ids.wh, ids.whCadre, ids.whUser]],
    foreign: [`insert into cadre_change (tenant_id, cadre_id, base_version, proposal, submitted_by, submitted_by_name) values ($1, $2, 2, '{}', $3, '探针')`, [ids.pl, ids.plCadre, ids.plUser]],
  },
  // Inherited tables: own rows and the parent's (read-only) must both be visible, a sibling's never.
  warning_rule: {
    read: inheritedCount('warning_rule'),
    own: [`insert into warning_rule (tenant_id, code, version, name, kind, level, definition, created_by_name) values ($1, 'PROBE-B', 1, '探针', 'clue', 'blue', '{}', '探针')`, [ids.wh]],
    foreign: [`insert into warning_rule (tenant_id, code, version, name, kind, level, definition, created_by_name) values ($1, 'PROBE-B', 1, '探针', 'clue', 'blue', '{}', '探针')`, [ids.km]],
  },
  warning_scheme: {
    read: inheritedCount('warning_scheme'),
    own: [`insert into warning_scheme (tenant_id, version, levels, influence, dispositions, created_by_name, superseded_at) values ($1, 2, '[]', '[]', '[]', '探针', now())`, [ids.wh]],
    foreign: [`insert into warning_scheme (tenant_id, version, levels, influence, dispositions, created_by_name, superseded_at) values ($1, 2, '[]', '[]', '[]', '探针', now())`, [ids.pl]],
  },
  warning_hit: {
    read: countBy('warning_hit'),
    own: [`insert into warning_hit (tenant_id, cadre_id, rule_code, rule_version, rule_name, level, level_rank, starts_on, reason) values ($1, $2, 'PROBE', 1, '探针', 'blue', 1, '2021-01-01', '探针')`, [ids.wh, ids.whCadre]],
    foreign: [`insert into warning_hit (tenant_id, cadre_id, rule_code, rule_version, rule_name, level, level_rank, starts_on, reason) values ($1, $2, 'PROBE', 1, '探针', 'blue', 1, '2021-01-01', '探针')`, [ids.pl, ids.plCadre]],
  },
  // 预警处置 (migration 0025). The template is inherited like rules (own row and 昆明's visible, a sibling's never).
  disposition_template: {
    read: inheritedCount('disposition_template'),
    own: [`insert into disposition_template (tenant_id, updated_by_name) values ($1, '探针') on conflict (tenant_id) do update set version = disposition_template.version + 1`, [ids.wh]],
    foreign: [`insert into disposition_template (tenant_id, updated_by_name) values ($1, '探针') on conflict (tenant_id) do update set version = disposition_template.version + 1`, [ids.km]],
  },
  disposition_counter: {
    read: countBy('disposition_counter'),
    own: [`insert into disposition_counter (tenant_id, year, last_seq) values ($1, 2021, 1)`, [ids.wh]],
    foreign: [`insert into disposition_counter (tenant_id, year, last_seq) values ($1, 2021, 1)`, [ids.pl]],
  },
  disposition: {
    read: countBy('disposition'),
    own: [`insert into disposition (tenant_id, cadre_id, issuing_tenant_id, kind, title, doc_year, doc_seq, doc_number, issuer, issued_on, rectify_working_days, due_on, body, requirements, issued_by_name)
      values ($1, $2, $1, 'reminder', '警示提醒', 2020, 2, '探〔2020〕2号', '探针', '2020-01-02', 5, '2020-01-09', '探针', '探针', '探针')`, [ids.wh, ids.whCadre]],
    foreign: [`insert into disposition (tenant_id, cadre_id, issuing_tenant_id, kind, title, doc_year, doc_seq, doc_number, issuer, issued_on, rectify_working_days, due_on, body, requirements, issued_by_name)
      values ($1, $2, $1, 'reminder', '警示提醒', 2020, 2, '探〔2020〕2号', '探针', '2020-01-02', 5, '2020-01-09', '探针', '探针', '探针')`, [ids.pl, ids.plCadre]],
  },
  disposition_rectification: {
    read: countBy('disposition_rectification'),
    own: [`insert into disposition_rectification (tenant_id, disposition_id, round, content, submitted_by_name) values ($1, $2, 2, '探针', '探针')`, [ids.wh, ids.whDisposition]],
    foreign: [`insert into disposition_rectification (tenant_id, disposition_id, round, content, submitted_by_name) values ($1, $2, 2, '探针', '探针')`, [ids.pl, ids.plDisposition]],
  },
  disposition_attachment: {
    read: countBy('disposition_attachment'),
    own: [`insert into disposition_attachment (tenant_id, disposition_id, object_key, filename, content_type, size_bytes, sha256, uploaded_by_name) values ($1, $2, 'probe-2', 'b.pdf', 'application/pdf', 1, repeat('b', 64), '探针')`, [ids.wh, ids.whDisposition]],
    foreign: [`insert into disposition_attachment (tenant_id, disposition_id, object_key, filename, content_type, size_bytes, sha256, uploaded_by_name) values ($1, $2, 'probe-2', 'b.pdf', 'application/pdf', 1, repeat('b', 64), '探针')`, [ids.pl, ids.plDisposition]],
  },
  reply_setting: {
    read: countBy('reply_setting'),
    own: [`insert into reply_setting (tenant_id, updated_by_name) values ($1, '探针') on conflict (tenant_id) do update set number_prefix = '探'`, [ids.wh]],
    foreign: [`insert into reply_setting (tenant_id, updated_by_name) values ($1, '探针') on conflict (tenant_id) do update set number_prefix = '探'`, [ids.pl]],
  },
  reply_counter: {
    read: countBy('reply_counter'),
    own: [`insert into reply_counter (tenant_id, year, last_seq) values ($1, 2021, 1)`, [ids.wh]],
    foreign: [`insert into reply_counter (tenant_id, year, last_seq) values ($1, 2021, 1)`, [ids.pl]],
  },
  reply_request: {
    read: countBy('reply_request'),
    own: [`insert into reply_request (tenant_id, requester, purpose, as_of, created_by_name) values ($1, '探针', 'merit', '2021-01-04', '探针')`, [ids.wh]],
    foreign: [`insert into reply_request (tenant_id, requester, purpose, as_of, created_by_name) values ($1, '探针', 'merit', '2021-01-04', '探针')`, [ids.pl]],
  },
  reply_item: {
    read: countBy('reply_item'),
    own: [`insert into reply_item (tenant_id, request_id, cadre_id, position, conclusion, draft) values ($1, $2, $3, 1, 'defer', '探针')`, [ids.wh, ids.whReply, ids.whSecondCadre]],
    foreign: [`insert into reply_item (tenant_id, request_id, cadre_id, position, conclusion, draft) values ($1, $2, $3, 1, 'defer', '探针')`, [ids.pl, ids.plReply, ids.plSecondCadre]],
  },
  doc_template: {
    read: inheritedCount('doc_template'),
    own: [`insert into doc_template (tenant_id, tenant_name, kind, version, file_name, content, sha256, uploaded_by_name) values ($1, '探针', 'disposition', 1, 'a.docx', '\\x50', repeat('a', 64), '探针')`, [ids.wh]],
    foreign: [`insert into doc_template (tenant_id, tenant_name, kind, version, file_name, content, sha256, uploaded_by_name) values ($1, '探针', 'disposition', 1, 'a.docx', '\\x50', repeat('a', 64), '探针')`, [ids.km]],
  },
  job: {
    read: countBy('job'),
    own: [`insert into job (tenant_id, kind, params, total, created_by, created_by_name) values ($1, 'reply_letters', '{}', 2, $2, '探针')`, [ids.wh, ids.whUser]],
    foreign: [`insert into job (tenant_id, kind, params, total, created_by, created_by_name) values ($1, 'reply_letters', '{}', 2, $2, '探针')`, [ids.pl, ids.plUser]],
  },
  audit_event: {
    read: `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from audit_event`,
    own: [APPEND, [ids.wh]],
    foreign: [APPEND, [ids.pl]],
  },
});

/** Inside the open transaction: become the API role with km-wh's scope and check isolation on one table. */
async function probe(table: string, forge?: () => Promise<unknown>): Promise<{ ok: boolean; own: number; foreign: number; ownInsert: boolean; foreignInsert: boolean }> {
  const p = probes()[table];
  await owner.q('set local role lz_app');
  await owner.q(`select set_config('app.tenant_path', $1, true)`, [WH]);
  if (forge) await forge();
  const r = (await owner.q(p.read))[0];
  const tryInsert = async ([text, params]: [string, unknown[]]) => {
    await owner.q('savepoint probe');
    try {
      await owner.q(text, params);
      await owner.q('rollback to savepoint probe');
      return true;
    } catch {
      await owner.q('rollback to savepoint probe');
      return false;
    }
  };
  const ownInsert = await tryInsert(p.own);
  const foreignInsert = await tryInsert(p.foreign);
  const own = Number(r.own), foreign = Number(r.foreign);
  return { ok: own > 0 && foreign === 0 && ownInsert && !foreignInsert, own, foreign, ownInsert, foreignInsert };
}

async function inRolledBack<T>(fn: () => Promise<T>): Promise<T> {
  await owner.q('begin');
  try {
    return await fn();
  } finally {
    await owner.q('rollback');
  }
}

describe(`isolation probes against dropped policies (${engineName})`, () => {
  it('with every policy in place, every probe holds', async () => {
    for (const table of Object.keys(probes())) {
      const r = await inRolledBack(() => probe(table));
      expect(r, table).toMatchObject({ ok: true });
    }
  });

  it('settings the API role could forge (a list of tenant ids, another tenant) do not widen what a scope sees', async () => {
    // The visible tenant ids are derived from app.tenant_path inside the database on every statement (migration 0017):
    // no other setting is read, so a forged one changes nothing.
    const all = (await inRolledBack(() => owner.q(`select string_agg(id::text, ',') as ids from tenant`)))[0].ids as string;
    const forge = async () => {
      for (const [name, value] of [['app.tenant_ids', `{${all}}`], ['app.tenant_ids', all], ['app.tenant_id', ids.pl],
        ['app.visible_tenant_ids', `{${all}}`], ['app.scope', 'yn']]) {
        await owner.q(`select set_config($1, $2, true)`, [name, value]);
      }
    };
    for (const table of Object.keys(probes())) {
      const r = await inRolledBack(() => probe(table, forge));
      expect(r, `${table} with forged settings`).toMatchObject({ ok: true });
    }
    const seen = await inRolledBack(async () => {
      await owner.q('set local role lz_app');
      await owner.q(`select set_config('app.tenant_path', $1, true)`, [WH]);
      await forge();
      return (await owner.q(`select (select count(*) from tenant) as tenants, cardinality(app_tenant_ids()) as ids`))[0];
    });
    expect({ tenants: Number(seen.tenants), ids: Number(seen.ids) }).toEqual({ tenants: 1, ids: 1 });
  });

  it('dropping any one isolation policy, or opening it, makes its table\'s probe fail', async () => {
    const policies = await inRolledBack(() => owner.q(
      `select tablename, policyname, cmd from pg_policies where schemaname = 'public' and 'public' = any(roles::text[]) order by 1, 2`));
    expect(policies.length).toBeGreaterThanOrEqual(6);
    for (const { tablename, policyname, cmd } of policies) {
      expect(Object.keys(probes()), `a probe exists for ${tablename}`).toContain(tablename);
      const dropped = await inRolledBack(async () => {
        await owner.q(`drop policy ${policyname} on ${tablename}`);
        return probe(tablename);
      });
      expect(dropped.ok, `drop ${policyname} on ${tablename}: ${JSON.stringify(dropped)}`).toBe(false);
      const opened = await inRolledBack(async () => {
        await owner.q(`drop policy ${policyname} on ${tablename}`);
        const clause = cmd === 'SELECT' ? 'using (true)' : cmd === 'INSERT' ? 'with check (true)' : 'using (true) with check (true)';
        await owner.q(`create policy ${policyname}_open on ${tablename} for ${cmd.toLowerCase()} ${clause}`);
        return probe(tablename);
      });
      expect(opened.ok, `open ${policyname} on ${tablename}: ${JSON.stringify(opened)}`).toBe(false);
      expect(opened.foreign > 0 || opened.foreignInsert, `opening ${policyname} leaks`).toBe(true);
    }
  });
});
