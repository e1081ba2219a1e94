// The disposition template of a tenant (docs/dispositions.md#template): letterhead (发文机关), 文号 prefix, and per kind
// its title, rectification working days, notice body and requirements. Kinds and their defaults come from the tenant's
// warning scheme (shared/warnings.ts DEFAULT_SCHEME.dispositions: 黄 → 警示提醒 …); a kind's texts are inherited from the
// nearest ancestor that set them, the tenant's own row (migration 0025 disposition_template) overriding. The letterhead
// and prefix are never inherited: a county does not issue in the city's name.
import type { Tx } from '../../db/scope.js';
import { lineages, warningConfigs } from '../warnings/resolve.js';
import { DEFAULT_SCHEME, type LevelDisposition } from '../../../../../shared/warnings.js';

/** Placeholders a body or requirement text may use; filled in when a disposition is issued. */
export const PLACEHOLDERS = ['{姓名}', '{单位}', '{职务}', '{预警情形}', '{整改期限}', '{发文机关}'] as const;

const DEFAULT_REQUIREMENTS = [
  '（一）深刻反思，对照预警情形认真查摆问题、剖析原因，形成书面检视材料。',
  '（二）制定整改措施，明确整改目标、责任和时限，逐项整改落实。',
  '（三）所在单位党组织履行主体责任，督促整改并审核整改材料。',
  '（四）整改完成后，由所在单位在规定期限内报送整改情况及相关佐证材料。',
].join('\n');

/** The built-in texts of the default kinds (others fall back to the generic one). */
const DEFAULT_BODIES: Record<string, string> = {
  reminder: '{姓名}同志：\n经廉情预警研判，你存在以下情形：{预警情形}。为体现严管厚爱、抓早抓小，现对你予以警示提醒。请你高度重视，认真对照检查，及时纠正存在的问题，并于 {整改期限} 前将整改情况经所在单位报送{发文机关}。',
  admonish: '{姓名}同志：\n经廉情预警研判，你存在以下情形：{预警情形}。依据有关规定，现对你予以警示诫勉。请你深刻认识问题的危害，切实引以为戒，认真整改，并于 {整改期限} 前将整改情况经所在单位报送{发文机关}。',
  accountability: '{姓名}同志：\n经廉情预警研判，你存在以下情形：{预警情形}。上述情形性质严重，依据有关规定，现对你予以警示追究。请你深刻反思、严肃对待，全面抓好整改，并于 {整改期限} 前将整改情况经所在单位报送{发文机关}。',
};
const GENERIC_BODY = '{姓名}同志：\n经廉情预警研判，你存在以下情形：{预警情形}。请你高度重视，认真整改，并于 {整改期限} 前将整改情况经所在单位报送{发文机关}。';

export interface KindTemplate {
  kind: string;
  /** The warning level this kind answers in the tenant's scheme (null: a kind only the template names). */
  level: string | null;
  title: string;
  rectifyWorkingDays: number;
  body: string;
  requirements: string;
  /** own: the tenant's row; inherited: an ancestor's; default: built-in. */
  source: 'own' | 'inherited' | 'default';
}

export interface ResolvedTemplate {
  tenantId: string;
  issuer: string;
  numberPrefix: string;
  /** Whether issuer / prefix are the tenant's own settings (false: derived from its name). */
  ownIssuer: boolean;
  ownPrefix: boolean;
  kinds: KindTemplate[];
  version: number;
}

export interface KindOverride { title?: string; rectifyWorkingDays?: number; body?: string; requirements?: string }

/** 五华区纪委监委 → 五纪预 (the first character of the name, 纪预: 纪委 warning). */
export const defaultPrefix = (tenantName: string) => `${Array.from(tenantName)[0] ?? '纪'}纪预`;

/** The template in force for a tenant in the caller's scope (null: tenant not visible). */
export async function resolveTemplate(trx: Tx, tenantId: string): Promise<ResolvedTemplate | null> {
  const tenant = await trx.selectFrom('tenant').select(['id', 'name']).where('id', '=', tenantId).executeTakeFirst();
  if (!tenant) return null;
  const [line, configs] = await Promise.all([lineages(trx, [tenantId]), warningConfigs(trx, [tenantId])]);
  const chain = line.get(tenantId) ?? [tenantId];
  const scheme: LevelDisposition[] = configs.get(tenantId)?.scheme.dispositions ?? DEFAULT_SCHEME.dispositions;
  const rows = await trx.selectFrom('disposition_template').selectAll().where('tenant_id', 'in', chain).execute();
  const byTenant = new Map(rows.map((r) => [r.tenant_id, r]));
  const own = byTenant.get(tenantId);

  const kinds = new Map<string, KindTemplate>();
  for (const d of scheme) {
    kinds.set(d.kind, {
      kind: d.kind, level: d.level, title: d.title, rectifyWorkingDays: d.rectifyWorkingDays,
      body: DEFAULT_BODIES[d.kind] ?? GENERIC_BODY, requirements: DEFAULT_REQUIREMENTS, source: 'default',
    });
  }
  for (const t of chain) {
    const row = byTenant.get(t);
    if (!row) continue;
    for (const [kind, o] of Object.entries((row.kinds ?? {}) as Record<string, KindOverride>)) {
      const base = kinds.get(kind);
      if (!base && !o.title) continue;
      kinds.set(kind, {
        kind, level: base?.level ?? null, title: o.title ?? base!.title, rectifyWorkingDays: o.rectifyWorkingDays ?? base?.rectifyWorkingDays ?? 15,
        body: o.body ?? base?.body ?? GENERIC_BODY, requirements: o.requirements ?? base?.requirements ?? DEFAULT_REQUIREMENTS,
        source: t === tenantId ? 'own' : 'inherited',
      });
    }
  }
  return {
    tenantId, issuer: own?.issuer ?? tenant.name, numberPrefix: own?.number_prefix ?? defaultPrefix(tenant.name),
    ownIssuer: !!own?.issuer, ownPrefix: !!own?.number_prefix, kinds: [...kinds.values()], version: own?.version ?? 0,
  };
}

/** A kind by its code or its title (警示提醒 …), as users type it. */
export function findKind(t: ResolvedTemplate, input: string): KindTemplate | undefined {
  const s = input.trim();
  return t.kinds.find((k) => k.kind === s) ?? t.kinds.find((k) => k.title === s);
}

/** Fill the placeholders of a text. */
export function fill(text: string, values: Record<(typeof PLACEHOLDERS)[number], string>): string {
  return PLACEHOLDERS.reduce((s, p) => s.split(p).join(values[p]), text);
}

/** 文号: 昆纪预〔2026〕3号. */
export const docNumber = (prefix: string, year: number, seq: number) => `${prefix}〔${year}〕${seq}号`;
