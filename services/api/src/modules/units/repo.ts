// Unit tree queries (RLS: the caller's subtree only). Every list follows the manual order (排序号).
import type { Expression, SqlBool } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { nameMatches } from '../../../../../shared/name-match.js';
import { nameReading } from '../cadres/search-terms.js';

export interface UnitRow {
  id: string;
  tenant_id: string;
  parent_id: string | null;
  name: string;
  sort_order: number;
  cadre_count: number;
}

/**
 * Visible units; `search` keeps those whose name matches by text, full pinyin or initials (shared/name-match.ts).
 * Units are listed whole anyway (the tree), so the match runs over the listed rows, each name's reading memoised.
 */
export async function listUnits(
  trx: Tx, f: { tenantId?: string; reach?: Expression<SqlBool> | null; search?: string | null } = {},
): Promise<UnitRow[]> {
  const { tenantId, reach, search } = f;
  let q = trx.selectFrom('unit as u')
    .select(['u.id', 'u.tenant_id', 'u.parent_id', 'u.name', 'u.sort_order'])
    .select((eb) => eb.selectFrom('cadre as c').whereRef('c.unit_id', '=', 'u.id').select(eb.fn.countAll<string>().as('n')).as('cadre_count'));
  if (tenantId) q = q.where('u.tenant_id', '=', tenantId);
  if (reach) q = q.where(reach);
  const rows = await q.orderBy('u.tenant_id').orderBy('u.sort_order').orderBy('u.name').execute();
  const matched = search?.trim() ? rows.filter((r) => nameMatches(r.name, nameReading(r.name), search)) : rows;
  return matched.map((r) => ({ ...r, cadre_count: Number(r.cadre_count ?? 0) }));
}
