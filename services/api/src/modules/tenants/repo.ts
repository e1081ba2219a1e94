// Tenant queries (RLS: the caller's subtree only).
import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { isUuid } from '../../db/scope.js';

export interface TenantRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  parent_id: string | null;
  sort_order: number;
  status: string;
}

const cols = ['id', 'code', 'name', 'kind', sql<string>`path::text`.as('path'), 'parent_id', 'sort_order', 'status'] as const;

export async function listTenants(trx: Tx): Promise<TenantRow[]> {
  return (await trx.selectFrom('tenant').select([...cols]).orderBy(sql`nlevel(path)`).orderBy('sort_order').orderBy('code').execute()) as TenantRow[];
}

export async function findTenant(trx: Tx, id: string): Promise<TenantRow | null> {
  if (!isUuid(id)) return null;
  return ((await trx.selectFrom('tenant').select([...cols]).where('id', '=', id).executeTakeFirst()) as TenantRow) ?? null;
}

export async function findTenantByCode(trx: Tx, code: string): Promise<TenantRow | null> {
  return ((await trx.selectFrom('tenant').select([...cols]).where('code', '=', code).executeTakeFirst()) as TenantRow) ?? null;
}

export const TENANT_KINDS = {
  province_commission: '省纪委监委',
  city_commission: '市纪委监委',
  county_commission: '县区纪委监委',
  supervision_team: '派驻纪检监察组',
  inspection_office: '巡察机构',
  enterprise_discipline: '市管企业纪委',
  university_discipline: '市属院校纪委',
} as const;
export type TenantKind = keyof typeof TENANT_KINDS;
