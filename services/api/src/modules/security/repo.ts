// Per-tenant security settings, inherited down the tenant tree: each setting comes from the nearest
// ancestor-or-self that sets it, else the built-in default.
import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { isUuid } from '../../db/scope.js';

export const SETTING_KEYS = ['lockout_threshold', 'lockout_minutes', 'password_min_length', 'password_min_classes', 'idle_timeout_minutes'] as const;
export type SettingKey = typeof SETTING_KEYS[number];
export type Settings = Record<SettingKey, number>;

export const DEFAULT_SETTINGS: Settings = {
  lockout_threshold: 5, lockout_minutes: 15, password_min_length: 8, password_min_classes: 3, idle_timeout_minutes: 30,
};

/** Allowed ranges, the same as the table's checks (the console shows them). */
export const SETTING_RANGES: Record<SettingKey, [number, number]> = {
  lockout_threshold: [3, 20], lockout_minutes: [1, 1440], password_min_length: [8, 64], password_min_classes: [1, 4],
  idle_timeout_minutes: [5, 480],
};

export interface SettingValue { value: number; sourceTenantId: string | null; sourceTenantName: string | null }
export interface SecurityView {
  tenantId: string;
  /** What this tenant sets itself (null: inherited). */
  own: Record<SettingKey, number | null>;
  effective: Record<SettingKey, SettingValue>;
}

type ChainRow = { tenant_id: string; tenant_name: string; depth: number } & Record<SettingKey, number | null>;

/** The settings of a tenant visible to the caller, or null. */
export async function securityView(trx: Tx, tenantId: string): Promise<SecurityView | null> {
  if (!isUuid(tenantId)) return null;
  const { rows } = await sql<ChainRow>`select * from tenant_security_chain(${tenantId}::uuid)`.execute(trx);
  if (!rows.length) return null;
  const self = rows[rows.length - 1];
  const own = Object.fromEntries(SETTING_KEYS.map((k) => [k, self[k]])) as SecurityView['own'];
  const effective = Object.fromEntries(SETTING_KEYS.map((k) => {
    const from = [...rows].reverse().find((r) => r[k] !== null);
    return [k, from
      ? { value: from[k]!, sourceTenantId: from.tenant_id, sourceTenantName: from.tenant_name }
      : { value: DEFAULT_SETTINGS[k], sourceTenantId: null, sourceTenantName: null }];
  })) as SecurityView['effective'];
  return { tenantId, own, effective };
}

export async function effectiveSettings(trx: Tx, tenantId: string): Promise<Settings> {
  const v = await securityView(trx, tenantId);
  if (!v) return { ...DEFAULT_SETTINGS };
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, v.effective[k].value])) as Settings;
}

/** Set (number) or clear (null: inherit) settings of one tenant; keys left undefined stay as they are. */
export async function saveSettings(trx: Tx, tenantId: string, patch: Partial<Record<SettingKey, number | null>>, by: string) {
  const values = Object.fromEntries(SETTING_KEYS.filter((k) => patch[k] !== undefined).map((k) => [k, patch[k]]));
  await trx.insertInto('tenant_security')
    .values({ tenant_id: tenantId, ...values, updated_by: by })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: sql`now()` as never, updated_by: by }))
    .execute();
}
