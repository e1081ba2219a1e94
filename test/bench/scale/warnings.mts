// The 廉情预警 part of the scale benchmark (issue 14; scale.mts runs it on the loaded population unless WARNINGS=0):
// a full recompute of every tenant's hits (docs/warnings.md#evaluation) and one cadre's recompute (what every record
// save adds to its request), then the board, the drill-down list, the trend and the cadre list with its colour tags
// through GraphQL — each beside its raw-SQL twin (the best plain query for the same answer, checked to be the same
// answer) run with RLS on and off. Dates are fixed so that runs on different days measure the same thing.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../services/api/src/db/index.js';
import { withScope } from '../../../services/api/src/db/scope.js';
import { recomputeCadreWarnings, recomputeWarnings } from '../../../services/api/src/modules/warnings/recompute.js';
// The console's documents as codegen wrote them (web/src/gql).
import { CadresDocument, WarningBoardDocument, WarningListDocument, WarningTrendDocument } from '../../../web/src/gql/graphql.js';

/** The as-of date of the board and list: the generated sanctions are decided 2018–2025, so most periods run then. */
export const AS_OF = '2024-12-31';
/** The trend: the twelve months of that year. */
export const TREND = { from: '2024-01', to: '2024-12' };

export interface Recompute { seconds: number; hits: number; tenants: number; records: number }

/** Recompute every tenant's hits in one transaction in the root's scope, as the recompute at start does; seconds. */
export async function recomputeAll(db: Kysely<DB>, root: string): Promise<Recompute> {
  return withScope(db, root, async (trx) => {
    await sql`set local statement_timeout = 0`.execute(trx);
    const tenants = (await trx.selectFrom('tenant').select('id').execute()).map((t) => t.id);
    const t0 = performance.now();
    await recomputeWarnings(trx, { tenantIds: tenants });
    const seconds = (performance.now() - t0) / 1000;
    const n = async (q: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.raw(q)}`.execute(trx)).rows[0].n);
    return { seconds, hits: await n('warning_hit'), tenants: tenants.length, records: await n(`archive_record where deleted_at is null and status = 'accepted'`) };
  });
}

/** One cadre's recompute (delete and re-insert its hits), as a record save runs it inside its request. */
export function recomputeOne(db: Kysely<DB>, root: string, tenantId: string, cadreId: string): Promise<void> {
  return withScope(db, root, (trx) => recomputeCadreWarnings(trx, tenantId, [cadreId]));
}

// ---- GraphQL ---------------------------------------------------------------------------------------------------

type Gql = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<T>;
type Timed = (fn: () => Promise<unknown>) => Promise<{ p50: number; p95: number }>;
/** What a measurement answered, for the raw twin to match: `ids` (a page, or counts as "key:n"), `count` exact. */
export interface Answer { ids: string[]; matches: string; count?: number }
type Add = (what: string, r: { p50: number; p95: number }, a?: Answer) => void;

export const WHAT = {
  board: `warning board as of ${AS_OF} (colours, rules, cadres in scope)`,
  list: `warned cadres as of ${AS_OF}, first page with totalCount`,
  red: `warned cadres as of ${AS_OF}, colour 红, first page`,
  trend: `warning trend ${TREND.from} – ${TREND.to} (12 month ends)`,
  tags: 'cadre list, first page, with each cadre\'s warnings as of today',
} as const;

type Board = { warningBoard: { total: number; cadreCount: number; byColour: { count: number; level: { code: string } }[]; byRule: { rule: { code: string }; count: number }[] } };
type List = { warningList: { totalCount: number; edges: { node: { cadre: { id: string } } }[] } };
type Trend = { warningTrend: { asOf: string; byColour: { colour: string; count: number; level: { code: string } }[] }[] };

const boardIds = (b: Board['warningBoard']) => [`cadres:${b.cadreCount}`, ...b.byColour.filter((c) => c.count).map((c) => `${c.level.code}:${c.count}`),
  ...b.byRule.map((r) => `${r.rule.code}:${r.count}`)].sort();

/** The console's own documents (web/src): the board, list and trend pages and the cadre list with tags. */
export async function measureWarningsGraphql(gql: Gql, timed: Timed, add: Add, engine: string): Promise<void> {
  const board = () => gql<Board>(String(WarningBoardDocument), { asOf: AS_OF });
  const b = (await board()).warningBoard;
  add(WHAT.board, await timed(board), { ids: boardIds(b), matches: `${b.total.toLocaleString('en-US')} of ${b.cadreCount.toLocaleString('en-US')}` });
  if (!b.total) throw new Error(`${engine}: the board as of ${AS_OF} shows no warned cadre: the recompute did not run`);
  for (const [what, colour] of [[WHAT.list, null], [WHAT.red, '红']] as const) {
    const list = () => gql<List>(String(WarningListDocument), { asOf: AS_OF, colour, first: 20 });
    const l = (await list()).warningList;
    add(what, await timed(list), { ids: l.edges.map((e) => e.node.cadre.id), matches: l.totalCount.toLocaleString('en-US'), count: l.totalCount });
  }
  const trend = () => gql<Trend>(String(WarningTrendDocument), TREND);
  const t = (await trend()).warningTrend;
  add(WHAT.trend, await timed(trend), {
    ids: t.flatMap((m) => m.byColour.filter((c) => c.count).map((c) => `${m.asOf}:${c.level.code}:${c.count}`)).sort(),
    matches: `${Math.max(...t.map((m) => m.byColour.reduce((s, c) => s + c.count, 0))).toLocaleString('en-US')} at most`,
  });
  const tags = () => gql(String(CadresDocument), { first: 20, warnings: true });
  add(WHAT.tags, await timed(tags));
}

// ---- raw SQL twins ---------------------------------------------------------------------------------------------
//
// The best plain SQL for the same answer: the scope's tenant ids first (km.officer's city: tenant paths under $1),
// then the hits active on the date by (tenant_id, date range) and their cadres by primary key, live. A cadre's colour
// is its highest-ranked active hit (docs/warning-board.md).

type Exec = <T>(text: string, values: unknown[]) => Promise<T[]>;
const TENANTS = `array(select id from tenant where path <@ $1::ltree)`;
const ACTIVE = (d: string) => `h.starts_on <= ${d}::date and (h.ends_on is null or h.ends_on > ${d}::date)`;
const LIVE = `exists (select 1 from cadre c where c.tenant_id = h.tenant_id and c.id = h.cadre_id and c.deleted_at is null)`;
/** Each warned cadre of the scope with its colour on $2. */
const TOP = `select distinct on (h.tenant_id, h.cadre_id) h.tenant_id, h.cadre_id, h.level, h.level_rank
  from warning_hit h where h.tenant_id = any (${TENANTS}) and ${ACTIVE('$2')} and ${LIVE}
 order by h.tenant_id, h.cadre_id, h.level_rank desc`;

/** scopePath: the caller's tenant path (yn.km). */
export function warningRawQueries(scopePath: string): Record<string, (exec: Exec) => Promise<Answer>> {
  const list = (colour: string | null) => async (exec: Exec): Promise<Answer> => {
    const where = colour ? `where t.level = $3` : '';
    const v = colour ? [scopePath, AS_OF, colour] : [scopePath, AS_OF];
    const page = await exec<{ id: string }>(`select t.cadre_id as id from (${TOP}) t join cadre c on c.tenant_id = t.tenant_id and c.id = t.cadre_id
      ${where} order by t.level_rank desc, c.tenant_sort, c.unit_sort, c.sort_order, c.id limit 21`, v);
    const [{ n }] = await exec<{ n: string }>(`select count(*) as n from (${TOP}) t ${where}`, v);
    return { ids: page.slice(0, 20).map((r) => r.id), matches: Number(n).toLocaleString('en-US'), count: Number(n) };
  };
  return {
    [WHAT.board]: async (exec) => {
      const [{ n }] = await exec<{ n: string }>(`select count(*) as n from cadre c where c.tenant_id = any (${TENANTS}) and c.deleted_at is null`, [scopePath]);
      const levels = await exec<{ level: string; n: string }>(`select t.level, count(*) as n from (${TOP}) t group by t.level`, [scopePath, AS_OF]);
      const rules = await exec<{ rule_code: string; n: string }>(`select h.rule_code, count(distinct h.cadre_id) as n
        from warning_hit h where h.tenant_id = any (${TENANTS}) and ${ACTIVE('$2')} and ${LIVE} group by h.rule_code`, [scopePath, AS_OF]);
      const total = levels.reduce((s, r) => s + Number(r.n), 0);
      return {
        ids: [`cadres:${n}`, ...levels.map((r) => `${r.level}:${r.n}`), ...rules.map((r) => `${r.rule_code}:${r.n}`)].sort(),
        matches: `${total.toLocaleString('en-US')} of ${Number(n).toLocaleString('en-US')}`,
      };
    },
    [WHAT.list]: list(null),
    [WHAT.red]: list('red'),
    [WHAT.trend]: async (exec) => {
      const months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2024, i + 1, 0)).toISOString().slice(0, 10));
      const rows = await exec<{ as_of: string; level: string; n: string }>(`select t.as_of::text as as_of, t.level, count(*) as n from (
        select distinct on (d.as_of, h.tenant_id, h.cadre_id) d.as_of, h.level
          from unnest($2::date[]) d(as_of)
          join warning_hit h on h.tenant_id = any (${TENANTS}) and h.starts_on <= d.as_of and (h.ends_on is null or h.ends_on > d.as_of)
         where ${LIVE}
         order by d.as_of, h.tenant_id, h.cadre_id, h.level_rank desc) t group by 1, 2`, [scopePath, months]);
      return { ids: rows.map((r) => `${r.as_of}:${r.level}:${r.n}`).sort(), matches: '' };
    },
  };
}
