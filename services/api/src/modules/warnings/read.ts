// The read side of 廉情预警 (docs/warning-board.md): what a cadre shows as of a date, and the board, list and trend of a
// unit subtree — all range tests over warning_hit (migration 0024), set-based and scoped in SQL. A cadre's colour as of d
// is the level of highest rank among its hits with starts_on <= d < coalesce(ends_on, 'infinity').
import crypto from 'node:crypto';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { isUuid } from '../../db/scope.js';
import { isWholeScope } from '../../authz/reach.js';
import type { WarningLevel, WarningScheme } from '../../../../../shared/warnings.js';
import { SANCTION_KINDS, SANCTION_MEASURES, FORMS } from '../records/categories.js';
import type { InfluenceDefault } from '../../../../../shared/warnings.js';
import { influenceRows, type InfluenceScope } from './influence.js';

// ---------- Dates ----------

const beijingDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Beijing (YYYY-MM-DD): the default as-of date of every warning read. `now` is for tests. */
export const today = (now: Date = new Date()): string => beijingDay.format(now);

const DAY = 86_400_000;
const toDate = (d: string) => new Date(`${d}T00:00:00Z`);
const fromDate = (d: Date) => d.toISOString().slice(0, 10);
/** The day before a date (an exclusive end → the last day inside). */
export const dayBefore = (d: string) => fromDate(new Date(toDate(d).getTime() - DAY));

/** The last day of a month (YYYY-MM). */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return fromDate(new Date(Date.UTC(y, m, 0)));
}

/** Months from..to inclusive (YYYY-MM each); at most `max`. */
export function monthsBetween(from: string, to: string, max: number): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while ((y < ty || (y === ty && m <= tm)) && out.length < max) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

/** A month (YYYY-MM) `n` months before another. */
export function monthMinus(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const k = y * 12 + (m - 1) - n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

// ---------- Levels ----------

/** A level as users see it; a hit whose level the scheme no longer has shows its code in grey. */
export function levelView(scheme: WarningScheme | null | undefined, code: string, rank: number): WarningLevel {
  return scheme?.levels.find((l) => l.code === code) ?? { code, name: code, rank, hex: '#8c8c8c' };
}

/** The level a user named (名称 红 or 代码 red), or undefined. */
export const levelByInput = (scheme: WarningScheme, v: string): WarningLevel | undefined =>
  scheme.levels.find((l) => l.name === v.trim()) ?? scheme.levels.find((l) => l.code === v.trim().toLowerCase());

// ---------- A cadre's hits ----------

/** A hit as read (dates as text: no time zone shifts a date). */
export interface HitRow {
  tenant_id: string;
  cadre_id: string;
  rule_code: string;
  rule_version: number;
  rule_name: string;
  level: string;
  level_rank: number;
  starts_on: string;
  /** Exclusive end (null: open-ended). */
  ends_on: string | null;
  record_ids: string[];
  reason: string;
}

const HIT_COLUMNS = sql`h.tenant_id, h.cadre_id, h.rule_code, h.rule_version, h.rule_name, h.level, h.level_rank,
  h.starts_on::text as starts_on, h.ends_on::text as ends_on, h.record_ids, h.reason`;

/** `h` is active on the date. */
const activeOn = (asOf: string) => sql<SqlBool>`(h.starts_on <= ${asOf}::date and (h.ends_on is null or h.ends_on > ${asOf}::date))`;

/** The hits active on asOf of the cadres (tenant id, cadre id pairs: the hit index leads with tenant_id). */
export async function activeHits(trx: Tx, cadres: readonly { tenantId: string; cadreId: string }[], asOf: string): Promise<HitRow[]> {
  const ok = cadres.filter((c) => isUuid(c.tenantId) && isUuid(c.cadreId));
  if (!ok.length) return [];
  const { rows } = await sql<HitRow>`
    select ${HIT_COLUMNS}
      from unnest(${ok.map((c) => c.tenantId)}::uuid[], ${ok.map((c) => c.cadreId)}::uuid[]) as k(tenant_id, cadre_id)
      join warning_hit h on h.tenant_id = k.tenant_id and h.cadre_id = k.cadre_id
     where ${activeOn(asOf)}
     order by h.level_rank desc, h.ends_on desc nulls first, h.rule_code, h.starts_on`.execute(trx);
  return rows;
}

/** One warning as shown: a hit, or (the cadre's colour) the hits of its highest level taken together. */
export interface WarningView {
  level: WarningLevel;
  rule: { code: string; name: string; version: number };
  reasons: string[];
  startsOn: string;
  /** The last day inside (YYYY-MM-DD), null while open-ended. */
  ends: string | null;
  recordIds: string[];
}

const viewOf = (h: HitRow, scheme: WarningScheme | null): WarningView => ({
  level: levelView(scheme, h.level, h.level_rank),
  rule: { code: h.rule_code, name: h.rule_name, version: h.rule_version },
  reasons: [h.reason],
  startsOn: h.starts_on,
  ends: h.ends_on === null ? null : dayBefore(h.ends_on),
  recordIds: h.record_ids,
});

/** Every active warning, most severe first (hits in the order activeHits reads them). */
export const warningsOf = (hits: readonly HitRow[], scheme: WarningScheme | null): WarningView[] => hits.map((h) => viewOf(h, scheme));

/**
 * The cadre's colour: the highest level among the active hits, named by its first hit's rule (the most severe, the
 * longest running), with the reasons and records of every hit at that level, and the day the level ends if nothing
 * changes (the latest end among them; null when one is open-ended). null when nothing applies.
 */
export function topWarning(hits: readonly HitRow[], scheme: WarningScheme | null): WarningView | null {
  if (!hits.length) return null;
  const rank = Math.max(...hits.map((h) => h.level_rank));
  const same = hits.filter((h) => h.level_rank === rank);
  const top = viewOf(same[0], scheme);
  const ends = same.some((h) => h.ends_on === null) ? null : dayBefore(same.map((h) => h.ends_on!).sort().at(-1)!);
  return {
    ...top,
    reasons: [...new Set(same.map((h) => h.reason))],
    startsOn: same.map((h) => h.starts_on).sort()[0],
    ends,
    recordIds: [...new Set(same.flatMap((h) => h.record_ids))],
  };
}

// ---------- Influence periods (Cadre.influence) ----------

export interface InfluenceRow {
  record_id: string;
  tenant_id: string;
  cadre_id: string;
  kind: string;
  measure: string;
  form: string;
  decided_on: string;
  starts_on: string;
  months: number | null;
  /** Exclusive end, null without a period. */
  ends_on: string | null;
}

/**
 * The influence periods of a scope's category-10 records under one scheme's defaults (influence.ts computes them),
 * newest start first. Cadre.influence (graphql/loaders.ts) and the 廉情评价报告 (docs/reports.md) read them here.
 */
export async function influencePeriods(trx: Tx, defaults: readonly InfluenceDefault[], scope: InfluenceScope): Promise<InfluenceRow[]> {
  const { rows } = await sql<InfluenceRow>`
    select inf.record_id, inf.tenant_id, inf.cadre_id, inf.kind, inf.measure, inf.form, inf.decided_on::text as decided_on,
           inf.starts_on::text as starts_on, inf.months, inf.ends_on::text as ends_on
      from (${influenceRows(defaults, scope)}) as inf
     order by inf.starts_on desc, inf.record_id`.execute(trx);
  return rows;
}

const label = (opts: readonly { code: string; label: string }[], code: string) => opts.find((o) => o.code === code)?.label ?? code;
export const measureLabel = (code: string) => label(SANCTION_MEASURES, code);
export const kindLabel = (code: string) => label(SANCTION_KINDS, code);
export const formLabel = (code: string) => label(FORMS, code);

// ---------- Scope of the board, list and trend ----------

export interface BoardScope {
  /** The tenants of the subtree (the caller's, or tenantCode's when visible); empty: nothing visible. */
  tenantIds: string[];
  /** The tenant whose scheme names the colours (tenantCode's, the unit's, else the caller's). */
  rootTenantId: string | null;
  /** The unit subtree (unitId and every unit beneath it); null: every unit. */
  unitIds: string[] | null;
  /** Graded reach on cadre alias c (authz/reach.ts cadreReach). */
  reach: Expression<SqlBool>;
}

/**
 * The subtree a board or list covers, resolved once to ids (true estimates for the planner): the caller's subtree, or
 * the subtree of tenantCode (only when it lies in the caller's: RLS on tenant), narrowed to the unit subtree of unitId
 * (a unit out of scope, or not in tenantCode's subtree, covers nothing — like a missing one).
 */
export async function resolveScope(
  trx: Tx, callerTenantId: string, args: { tenantCode?: string | null; unitId?: string | null }, reach: Expression<SqlBool>,
): Promise<BoardScope> {
  const code = args.tenantCode?.trim() || null;
  const tenants = code
    ? await sql<{ id: string; root: boolean }>`
        select t.id, t.id = r.id as root from tenant r join tenant t on t.path <@ r.path where r.code = ${code}`.execute(trx)
    : await sql<{ id: string; root: boolean }>`
        select t.id, t.id = ${callerTenantId}::uuid as root from tenant t
         where t.path <@ (select path from tenant where id = ${callerTenantId}::uuid)`.execute(trx);
  let tenantIds = tenants.rows.map((r) => r.id);
  let rootTenantId = tenants.rows.find((r) => r.root)?.id ?? (code ? null : callerTenantId);
  let unitIds: string[] | null = null;
  if (args.unitId !== null && args.unitId !== undefined) {
    const unitId = String(args.unitId);
    const unit = isUuid(unitId)
      ? await trx.selectFrom('unit').select(['id', 'tenant_id']).where('id', '=', unitId).executeTakeFirst()
      : undefined;
    if (!unit || !tenantIds.includes(unit.tenant_id)) {
      tenantIds = [];
      unitIds = [];
    } else {
      const { rows } = await sql<{ id: string }>`
        with recursive sub(id) as (
          select id from unit where tenant_id = ${unit.tenant_id}::uuid and id = ${unit.id}::uuid
          union all select x.id from unit x join sub on x.parent_id = sub.id where x.tenant_id = ${unit.tenant_id}::uuid)
        select id from sub`.execute(trx);
      tenantIds = [unit.tenant_id];
      rootTenantId = unit.tenant_id;
      unitIds = rows.map((r) => r.id);
    }
  }
  return { tenantIds, rootTenantId, unitIds, reach };
}

/** Conditions on cadre c: in the scope's tenants and units, live, within reach. */
function cadreInScope(s: BoardScope) {
  const parts = [sql<SqlBool>`c.tenant_id = any (${s.tenantIds}::uuid[])`, sql<SqlBool>`c.deleted_at is null`];
  if (s.unitIds) parts.push(sql<SqlBool>`c.unit_id = any (${s.unitIds}::uuid[])`);
  if (!isWholeScope(s.reach)) parts.push(sql<SqlBool>`${s.reach}`);
  return sql.join(parts, sql` and `);
}

/** Hits h of the scope active on the date whose cadre lies in the scope. */
const scopedHits = (s: BoardScope, asOf: string) => sql`
  warning_hit h where h.tenant_id = any (${s.tenantIds}::uuid[]) and ${activeOn(asOf)}
    and exists (select 1 from cadre c where c.tenant_id = h.tenant_id and c.id = h.cadre_id and ${cadreInScope(s)})`;

/** Each cadre's colour on the date: one row per warned cadre of the scope (its highest level). */
const topPerCadre = (s: BoardScope, asOf: string) => sql`
  select distinct on (h.tenant_id, h.cadre_id) h.tenant_id, h.cadre_id, h.level, h.level_rank
    from ${scopedHits(s, asOf)}
   order by h.tenant_id, h.cadre_id, h.level_rank desc`;

export interface BoardCounts {
  cadreCount: number;
  byLevel: { level: string; level_rank: number; n: number }[];
  byRule: { rule_code: string; rule_version: number; rule_name: string; n: number }[];
}

/** The board's counts as of a date: cadres in scope, warned cadres by colour, cadres per rule that fires. */
export async function boardCounts(trx: Tx, s: BoardScope, asOf: string): Promise<BoardCounts> {
  if (!s.tenantIds.length) return { cadreCount: 0, byLevel: [], byRule: [] };
  const [cadres, byLevel, byRule] = await Promise.all([
    sql<{ n: string }>`select count(*) as n from cadre c where ${cadreInScope(s)}`.execute(trx),
    sql<{ level: string; level_rank: number; n: string }>`
      select t.level, max(t.level_rank) as level_rank, count(*) as n from (${topPerCadre(s, asOf)}) t
       group by t.level order by 2 desc, 1`.execute(trx),
    sql<{ rule_code: string; rule_version: number; rule_name: string; n: string }>`
      select h.rule_code, max(h.rule_version) as rule_version,
             (array_agg(h.rule_name order by h.rule_version desc))[1] as rule_name, count(distinct h.cadre_id) as n
        from ${scopedHits(s, asOf)}
       group by h.rule_code order by 4 desc, 1`.execute(trx),
  ]);
  return {
    cadreCount: Number(cadres.rows[0]?.n ?? 0),
    byLevel: byLevel.rows.map((r) => ({ ...r, level_rank: Number(r.level_rank), n: Number(r.n) })),
    byRule: byRule.rows.map((r) => ({ ...r, rule_version: Number(r.rule_version), n: Number(r.n) })),
  };
}

/** Warned cadres per colour at each date (the trend: month ends). */
export async function trendCounts(trx: Tx, s: BoardScope, dates: string[]): Promise<{ as_of: string; level: string; level_rank: number; n: number }[]> {
  if (!s.tenantIds.length || !dates.length) return [];
  const { rows } = await sql<{ as_of: string; level: string; level_rank: number; n: string }>`
    select t.as_of::text as as_of, t.level, max(t.level_rank) as level_rank, count(*) as n from (
      select distinct on (d.as_of, h.tenant_id, h.cadre_id) d.as_of, h.level, h.level_rank
        from unnest(${dates}::date[]) as d(as_of)
        join warning_hit h on h.tenant_id = any (${s.tenantIds}::uuid[])
             and h.starts_on <= d.as_of and (h.ends_on is null or h.ends_on > d.as_of)
       where exists (select 1 from cadre c where c.tenant_id = h.tenant_id and c.id = h.cadre_id and ${cadreInScope(s)})
       order by d.as_of, h.tenant_id, h.cadre_id, h.level_rank desc) t
     group by t.as_of, t.level order by 1, 3 desc`.execute(trx);
  return rows.map((r) => ({ ...r, level_rank: Number(r.level_rank), n: Number(r.n) }));
}

// ---------- The drill-down list ----------

/** A list row's position: colour rank (descending), then the cadre list order (tenant, unit, sort order, id). */
export interface ListKey { rank: number; tenantSort: string; unitSort: number; sortOrder: number; id: string }

export interface ListRow {
  tenant_id: string;
  cadre_id: string;
  level: string;
  level_rank: number;
  tenant_sort: string;
  unit_sort: number;
  sort_order: number;
}

/** A page of warned cadres of the scope on the date, most severe first, then in list order; `level` narrows to one colour. */
export async function listWarned(
  trx: Tx, s: BoardScope, asOf: string, level: string | null, limit: number, after: ListKey | null, offset = 0,
): Promise<ListRow[]> {
  if (!s.tenantIds.length || limit <= 0) return [];
  const colour = level ? sql`and t.level = ${level}` : sql``;
  const from = after
    ? sql`and (-t.level_rank, c.tenant_sort, c.unit_sort, c.sort_order, c.id) > (${-after.rank}::int, ${after.tenantSort}, ${after.unitSort}::int, ${after.sortOrder}::int, ${after.id}::uuid)`
    : sql``;
  const { rows } = await sql<ListRow>`
    select t.tenant_id, t.cadre_id, t.level, t.level_rank, c.tenant_sort, c.unit_sort, c.sort_order
      from (${topPerCadre(s, asOf)}) t
      join cadre c on c.tenant_id = t.tenant_id and c.id = t.cadre_id
     where true ${colour} ${from}
     order by t.level_rank desc, c.tenant_sort, c.unit_sort, c.sort_order, c.id
     limit ${limit} offset ${offset}`.execute(trx);
  return rows.map((r) => ({ ...r, level_rank: Number(r.level_rank) }));
}

export async function countWarned(trx: Tx, s: BoardScope, asOf: string, level: string | null): Promise<number> {
  if (!s.tenantIds.length) return 0;
  const colour = level ? sql`where t.level = ${level}` : sql``;
  const { rows } = await sql<{ n: string }>`select count(*) as n from (${topPerCadre(s, asOf)}) t ${colour}`.execute(trx);
  return Number(rows[0]?.n ?? 0);
}

// Keyset cursors of the list: base64url JSON with an HMAC (as modules/cadres/cursor.ts), so they cannot be forged.
const CURSOR_VERSION = 1;
const mac = (key: string, payload: string) => crypto.createHmac('sha256', key).update(`warning-list:${payload}`).digest('base64url').slice(0, 22);

export function encodeListCursor(key: string, k: ListKey): string {
  const payload = Buffer.from(JSON.stringify([CURSOR_VERSION, k.rank, k.tenantSort, k.unitSort, k.sortOrder, k.id])).toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

/** The position a cursor names, or null when it is not one of ours. */
export function decodeListCursor(key: string, cursor: string): ListKey | null {
  const m = /^([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{22})$/.exec(cursor);
  if (!m || !crypto.timingSafeEqual(Buffer.from(mac(key, m[1])), Buffer.from(m[2]))) return null;
  let v: unknown;
  try { v = JSON.parse(Buffer.from(m[1], 'base64url').toString()); } catch { return null; }
  if (!Array.isArray(v) || v.length !== 6) return null;
  const [ver, rank, tenantSort, unitSort, sortOrder, id] = v as unknown[];
  const int = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);
  if (ver !== CURSOR_VERSION || !int(rank) || typeof tenantSort !== 'string' || !int(unitSort) || !int(sortOrder) || !isUuid(id)) return null;
  return { rank, tenantSort, unitSort, sortOrder, id };
}
