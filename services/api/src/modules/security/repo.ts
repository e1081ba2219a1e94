// Per-tenant security settings, inherited down the tenant tree. A parent's effective values are a floor: the root's
// value (else the built-in default) is tightened by every value set on the way down, never loosened — the same rule
// as the database's security_effective() that login and sessions use. Writes looser than the parent are refused.
import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { isUuid } from '../../db/scope.js';
import { DEFAULT_PASSWORD_RULE } from '../../../../../shared/password.js';

export const SETTING_KEYS = ['lockout_threshold', 'lockout_minutes', 'password_min_length', 'password_min_classes', 'idle_timeout_minutes'] as const;
export type SettingKey = typeof SETTING_KEYS[number];
export type Settings = Record<SettingKey, number>;

export const DEFAULT_SETTINGS: Settings = {
  lockout_threshold: 5, lockout_minutes: 15, idle_timeout_minutes: 30,
  password_min_length: DEFAULT_PASSWORD_RULE.minLength, password_min_classes: DEFAULT_PASSWORD_RULE.minClasses,
};

/** Allowed ranges, the same as the table's checks (the console shows them). */
export const SETTING_RANGES: Record<SettingKey, [number, number]> = {
  lockout_threshold: [3, 20], lockout_minutes: [1, 1440], password_min_length: [8, 64], password_min_classes: [1, 4],
  idle_timeout_minutes: [5, 480],
};

/** Which way is stricter: 'min' — a smaller value is stricter; 'max' — a larger one. */
export const STRICTER: Record<SettingKey, 'min' | 'max'> = {
  lockout_threshold: 'min', lockout_minutes: 'max', password_min_length: 'max', password_min_classes: 'max',
  idle_timeout_minutes: 'min',
};
const looser = (k: SettingKey, value: number, floor: number) => (STRICTER[k] === 'min' ? value > floor : value < floor);

export interface SettingValue { value: number; sourceTenantId: string | null; sourceTenantName: string | null }
export interface SecurityView {
  tenantId: string;
  /** What this tenant sets itself (null: inherited). */
  own: Record<SettingKey, number | null>;
  effective: Record<SettingKey, SettingValue>;
  /** The parent's effective settings (the floor of this tenant's own values); null at the root. */
  parentEffective: Record<SettingKey, SettingValue> | null;
}

type ChainRow = { tenant_id: string; tenant_name: string; depth: number } & Record<SettingKey, number | null>;

/** The settings of a tenant visible to the caller, or null. */
export async function securityView(trx: Tx, tenantId: string): Promise<SecurityView | null> {
  if (!isUuid(tenantId)) return null;
  const { rows } = await sql<ChainRow>`select * from tenant_security_chain(${tenantId}::uuid)`.execute(trx);
  if (!rows.length) return null;
  const self = rows[rows.length - 1];
  const own = Object.fromEntries(SETTING_KEYS.map((k) => [k, self[k]])) as SecurityView['own'];
  return { tenantId, own, effective: effectiveAlong(rows), parentEffective: rows.length > 1 ? effectiveAlong(rows.slice(0, -1)) : null };
}

/** Walk the chain from the root down: a set value applies only where it is at least as strict as what is above. */
function effectiveAlong(rows: ChainRow[]): SecurityView['effective'] {
  return Object.fromEntries(SETTING_KEYS.map((k) => {
    let v: SettingValue = { value: DEFAULT_SETTINGS[k], sourceTenantId: null, sourceTenantName: null };
    for (const [i, r] of rows.entries()) {
      const set = r[k];
      if (set === null) continue;
      // The root may choose any value in range; below it, a value counts only when it is not looser.
      if (i === 0 || !looser(k, set, v.value)) v = { value: set, sourceTenantId: r.tenant_id, sourceTenantName: r.tenant_name };
    }
    return [k, v];
  })) as SecurityView['effective'];
}

/** The first setting of a patch that is looser than the parent's effective value: a Chinese refusal, or null. */
export function floorProblem(view: SecurityView, patch: Partial<Record<SettingKey, number | null>>, labels: Record<SettingKey, string>): string | null {
  if (!view.parentEffective) return null;
  for (const k of SETTING_KEYS) {
    const v = patch[k];
    if (v === null || v === undefined) continue;
    const floor = view.parentEffective[k];
    if (looser(k, v, floor.value)) {
      const bound = STRICTER[k] === 'min' ? '不能大于' : '不能小于';
      return `「${labels[k]}」${bound}上级（${floor.sourceTenantName ?? '系统默认'}）规定的 ${floor.value}：下级只能从严，不能放宽`;
    }
  }
  return null;
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
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: sql<Date>`now()`, updated_by: by }))
    .execute();
}
