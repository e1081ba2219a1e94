// Word 模板 of a tenant (docs/templates.md): which .docx is in force for a kind (the tenant's own, else the nearest
// ancestor's, else the built-in layout), the upload of a new version (checked before by docx/template.ts
// validateTemplate) and its removal (恢复默认). Every version is kept (migration 0032 doc_template) with who and when.
// Officers and administrators manage (layout, no archive content: as warning rules); leaders read; fillers nothing.
import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { badInput } from '../../graphql/context.js';
import { sha256Hex } from '../../storage/index.js';
import { denied, type CommandContext } from '../command.js';
import { TEMPLATE_KINDS, TEMPLATE_KIND_LABELS, isTemplateKind, placeholderDocs, type TemplateKind } from '../../docx/template.js';

export type TemplateSource = 'own' | 'inherited' | 'default';
export const TEMPLATE_SOURCE_LABELS: Record<TemplateSource, string> = { own: '本机构', inherited: '上级', default: '系统默认' };

/** The URL codes of the kinds (/api/templates/reply.docx …) are the kinds themselves. */
export const templateKindOf = (code: string): TemplateKind | null => (isTemplateKind(code) ? code : null);

export interface TemplateVersion {
  tenant_id: string;
  kind: TemplateKind;
  version: number;
  file_name: string;
  placeholders: string[];
  uploaded_by_name: string;
  uploaded_at: Date;
}

export interface TemplateInForce {
  kind: TemplateKind;
  source: TemplateSource;
  /** The version in force (null: the built-in layout). */
  row: TemplateVersion | null;
  /** The kind whose file is used: a 逐人复函 without its own template uses the 复函 template with a one-cadre loop. */
  fileKind: TemplateKind;
  tenantName: string | null;
}

const columns = ['tenant_id', 'kind', 'version', 'file_name', 'placeholders', 'uploaded_by_name', 'uploaded_at'] as const;

/** Active versions of the kinds over a tenant's lineage (itself and its ancestors), nearest first. */
async function activeOver(trx: Tx, tenantId: string, kinds: TemplateKind[]): Promise<(TemplateVersion & { depth: number; tenant_name: string })[]> {
  const rows = await trx.selectFrom('doc_template as d')
    .innerJoin(sql<{ id: string; depth: number }>`app_tenant_lineage(${tenantId}::uuid)`.as('l'), 'l.id', 'd.tenant_id')
    .select([...columns.map((c) => `d.${c}` as const), 'l.depth', 'd.tenant_name'])
    .where('d.active', '=', true).where('d.kind', 'in', kinds)
    .orderBy('l.depth', 'desc')
    .execute();
  return rows as unknown as (TemplateVersion & { depth: number; tenant_name: string })[];
}

/** Which template is in force for a tenant (in the caller's scope) and a kind. */
export async function resolveTemplate(trx: Tx, tenantId: string, kind: TemplateKind): Promise<TemplateInForce> {
  const kinds: TemplateKind[] = kind === 'reply-cadre' ? ['reply-cadre', 'reply'] : [kind];
  const rows = await activeOver(trx, tenantId, kinds);
  // Its own kind first (nearest tenant first); a 逐人复函 then falls back to the 复函 in force.
  for (const k of kinds) {
    const r = rows.find((x) => x.kind === k);
    if (r) {
      const { depth: _d, tenant_name, ...row } = r;
      return { kind, source: r.tenant_id === tenantId ? 'own' : 'inherited', row, fileKind: k, tenantName: tenant_name ?? null };
    }
  }
  return { kind, source: 'default', row: null, fileKind: kind, tenantName: null };
}

/** The .docx of the template in force, read inside the request's transaction (null: the built-in layout applies). */
export async function templateFile(trx: Tx, tenantId: string, kind: TemplateKind): Promise<{ info: TemplateInForce; content: Buffer } | null> {
  const info = await resolveTemplate(trx, tenantId, kind);
  if (!info.row) return null;
  const row = await trx.selectFrom('doc_template').select('content')
    .where('tenant_id', '=', info.row.tenant_id).where('kind', '=', info.row.kind).where('version', '=', info.row.version).executeTakeFirst();
  return row ? { info, content: Buffer.from(row.content) } : null;
}

export interface DocTemplateView extends TemplateInForce {
  kindLabel: string;
  placeholders: ReturnType<typeof placeholderDocs>;
  /** The tenant's own versions, newest first (the history). */
  history: (TemplateVersion & { active: boolean; ended_by_name: string | null; ended_at: Date | null; ended_reason: string | null })[];
}

async function view(c: CommandContext, kind: TemplateKind): Promise<DocTemplateView> {
  const info = await resolveTemplate(c.trx, c.principal.tenantId, kind);
  const history = await c.trx.selectFrom('doc_template')
    .select([...columns, 'active', 'ended_by_name', 'ended_at', 'ended_reason'])
    .where('tenant_id', '=', c.principal.tenantId).where('kind', '=', kind)
    .orderBy('version', 'desc').limit(20).execute();
  return { ...info, kindLabel: TEMPLATE_KIND_LABELS[kind], placeholders: placeholderDocs(kind), history: history as DocTemplateView['history'] };
}

/** The caller's tenant's templates, one per kind. */
export async function docTemplates(c: CommandContext): Promise<DocTemplateView[]> {
  if (!c.ability.can('read', 'DocTemplate')) throw denied(c);
  const out: DocTemplateView[] = [];
  for (const k of TEMPLATE_KINDS) out.push(await view(c, k));
  return out;
}

/** A checked upload becomes the tenant's new version of the kind; the previous one is kept, marked replaced. */
export async function saveDocTemplate(
  c: CommandContext, kind: TemplateKind, file: { name: string; data: Buffer; placeholders: string[] },
): Promise<DocTemplateView> {
  if (!c.ability.can('update', 'DocTemplate')) throw denied(c);
  const tenantId = c.principal.tenantId;
  // Two uploads at once: one after the other (the version numbers stay gap-free and the active row unique).
  await sql`select pg_advisory_xact_lock(hashtext(${`doc_template:${tenantId}:${kind}`}))`.execute(c.trx);
  const last = await c.trx.selectFrom('doc_template').select(sql<number>`coalesce(max(version), 0)::int`.as('v'))
    .where('tenant_id', '=', tenantId).where('kind', '=', kind).executeTakeFirstOrThrow();
  await c.trx.updateTable('doc_template')
    .set({ active: false, ended_at: sql`now()`, ended_by_name: c.principal.displayName, ended_reason: 'replaced' })
    .where('tenant_id', '=', tenantId).where('kind', '=', kind).where('active', '=', true).execute();
  const tenant = await c.trx.selectFrom('tenant').select('name').where('id', '=', tenantId).executeTakeFirstOrThrow();
  await c.trx.insertInto('doc_template').values({
    tenant_id: tenantId, tenant_name: tenant.name, kind, version: last.v + 1, file_name: file.name, content: file.data, sha256: sha256Hex(file.data),
    placeholders: file.placeholders, uploaded_by: c.principal.userId, uploaded_by_name: c.principal.displayName,
  }).execute();
  return view(c, kind);
}

/** 恢复默认: the tenant's template of the kind stops being in force (kept in the history); the inherited or built-in applies. */
export async function removeDocTemplate(c: CommandContext, kindCode: string): Promise<DocTemplateView> {
  if (!c.ability.can('update', 'DocTemplate')) throw denied(c);
  const kind = templateKindOf(kindCode);
  if (!kind) throw badInput(`模板类型须为 reply（复函）、reply-cadre（逐人复函）、disposition（预警处置通知书）或 report（廉情评价报告）`);
  const ended = await c.trx.updateTable('doc_template')
    .set({ active: false, ended_at: sql`now()`, ended_by_name: c.principal.displayName, ended_reason: 'removed' })
    .where('tenant_id', '=', c.principal.tenantId).where('kind', '=', kind).where('active', '=', true)
    .returning(['version', 'file_name']).executeTakeFirst();
  if (!ended) throw badInput(`本机构没有自己的${TEMPLATE_KIND_LABELS[kind]}模板，无需恢复默认`);
  c.audit.about(`${TEMPLATE_KIND_LABELS[kind]}：${ended.file_name}（第 ${ended.version} 版）`);
  return view(c, kind);
}
