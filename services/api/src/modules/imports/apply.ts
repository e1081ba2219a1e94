// The form ↔ the archive: what an imported form would change in a cadre (the plan), how it is matched to an
// existing cadre (ID number first, then name + birth month), the field-by-field diff shown before confirming, the
// write (one transaction per cadre, with revision and audit), and the cadre read back as a form for export.
import { sql } from 'kysely';
import { z } from 'zod';
import { AuditTrail } from '../../audit/index.js';
import type { Principal } from '../../auth/principal.js';
import { cadreReach } from '../../authz/reach.js';
import { decryptField, keyedHash, type FieldKeys } from '../../crypto/fields.js';
import type { Tx } from '../../db/scope.js';
import { newObjectKey, type ObjectStore } from '../../storage/index.js';
import { BASIC_FIELDS, basicSchema, type BasicColumn, canonicalCode, maskIdNumber, monthText, MONTH_RE, OPTIONAL_MONTH_RE, shownChangeValue, validIdNumber } from '../cadres/fields.js';
import { findCadre, listCadres, type CadreRow } from '../cadres/repo.js';
import { listFamily, listResume, type FamilyIn, type ResumeIn } from '../cadres/rows.js';
import { createCadre, unitInReach, updateCadre } from '../cadres/commands.js';
import { editsAreDirect } from '../inbox/commands.js';
import type { CommandContext } from '../command.js';
import { formatResume, KNOWN_LABELS, parseResume, printMonth, type FamilyItem, type FormFields } from './model.js';

const LRMX_FIELDS = BASIC_FIELDS.filter((f) => f.lrmx);
/** Elements that become columns or rows; everything else is kept in cadre.extra. */
const MAPPED = new Set([...LRMX_FIELDS.map((f) => f.lrmx!), 'JianLi', 'JiaTingChengYuan', 'ShenFenZheng', 'ZhaoPian']);

export interface CadrePlan {
  name: string;
  basic: Record<string, string>;
  idNumber?: string;
  resume?: ResumeIn[];
  family?: FamilyIn[];
  photo?: Buffer;
  extra: Record<string, string>;
  warnings: string[];
  /** Basic fields inferred rather than read (政治面貌 from 入党时间): see basicFor. */
  inferred?: string[];
}

// The family row as cadre_family takes it (0005_archive.sql): an empty value is null, never '' (a birth month must
// be a month or nothing).
const familyRow = z.object({
  relation: z.string().min(1).max(20),
  name: z.string().min(1).max(50),
  birthMonth: z.string().regex(MONTH_RE).nullable(),
  politicalStatus: z.string().min(1).max(40).nullable(),
  workPosition: z.string().min(1).max(200).nullable(),
});

/** What the form would write; values that do not pass the archive's checks are left out with a warning. */
export function planFromForm(fields: FormFields): CadrePlan {
  const warnings: string[] = [];
  const basic: Record<string, string> = {};
  for (const f of LRMX_FIELDS) {
    const v = fields[f.lrmx!];
    if (typeof v !== 'string') continue;
    const parsed = basicSchema(f).safeParse(v);
    if (parsed.success) basic[f.name] = String(parsed.data ?? '');
    else warnings.push(`${f.label}「${v.slice(0, 40)}」未导入：${parsed.error.issues[0]?.message ?? '格式不符'}`);
  }
  if (!basic.name) throw new Error('姓名无效');
  // 政治面貌 is not a field of the form: a month in 入党时间 means a party member, a party's name that party.
  const join = basic.partyJoin;
  if (join) {
    const status = MONTH_RE.test(join) ? '中共党员' : canonicalCode('political_status', join)
      ?? ['民革党员', '民盟盟员', '民建会员', '民进会员', '农工党党员', '致公党党员', '九三学社社员', '台盟盟员'].find((l) => l.startsWith(join.slice(0, 2)));
    if (status) basic.politicalStatus = status;
  }
  const plan: CadrePlan = { name: basic.name, basic, extra: {}, warnings, inferred: basic.politicalStatus ? ['politicalStatus'] : [] };
  const id = typeof fields.ShenFenZheng === 'string' ? fields.ShenFenZheng.trim().toUpperCase() : '';
  if (id) {
    if (validIdNumber(id)) plan.idNumber = id;
    else warnings.push('公民身份号码无效（校验不通过），未导入，也不用于匹配');
  }
  if (typeof fields.JianLi === 'string') {
    const { rows, problems } = parseResume(fields.JianLi);
    plan.resume = rows.filter((r) => {
      if (r.content.length > 500) warnings.push(`简历「${r.content.slice(0, 20)}…」超过 500 字，未导入`);
      if (!r.content) warnings.push(`简历「${printMonth(r.startMonth)}--${printMonth(r.endMonth)}」没有内容，未导入`);
      return r.content.length >= 1 && r.content.length <= 500;
    }).slice(0, 100);
    if (problems.length) warnings.push(`简历中有 ${problems.length} 行无法识别起止年月，未导入：${problems.slice(0, 3).join('；')}`);
  }
  if (fields.JiaTingChengYuan) {
    plan.family = [];
    for (const m of fields.JiaTingChengYuan.slice(0, 100)) {
      const row = {
        relation: m.ChengWei, name: m.XingMing, birthMonth: m.ChuShengRiQi || null, politicalStatus: m.ZhengZhiMianMao || null, workPosition: m.GongZuoDanWeiJiZhiWu || null,
      };
      if (row.birthMonth && !MONTH_RE.test(row.birthMonth)) {
        warnings.push(`家庭成员「${m.ChengWei} ${m.XingMing}」的出生年月「${row.birthMonth}」无法识别，已留空`);
        row.birthMonth = null;
      }
      if (familyRow.safeParse(row).success) plan.family.push(row);
      else warnings.push(`家庭成员「${m.ChengWei} ${m.XingMing}」不完整或过长，未导入`);
    }
  }
  if (typeof fields.ZhaoPian === 'string' && fields.ZhaoPian) plan.photo = Buffer.from(fields.ZhaoPian, 'base64');
  for (const [k, v] of Object.entries(fields)) {
    if (MAPPED.has(k) || typeof v !== 'string' || !v) continue;
    // Unknown elements are kept in plain text (cadre.extra): never one carrying an ID number (a family member's…).
    if (carriesIdNumber(v)) warnings.push(`元素 ${k} 含有公民身份号码，未导入（身份证号只保存在加密的“公民身份号码”一项）`);
    else plan.extra[k] = v;
  }
  return plan;
}

/** Whether free text holds something that passes as an 18-digit citizen ID number. */
export function carriesIdNumber(text: string): boolean {
  for (const m of text.matchAll(/(?<!\d)\d{17}[\dXx](?![\dXx])/g)) if (validIdNumber(m[0])) return true;
  return false;
}

export type Match = { cadre: CadreRow; by: 'idNumber' | 'nameBirth' } | { ambiguous: number } | null;

/**
 * The existing cadre a form is about, within the caller's reach: by ID number, else by name + birth month.
 * Those who see ID numbers only masked (revealId false) are matched by name + birth month alone, and the ID number
 * of the form is just a value to write: any answer that depended on whether a number equals one on record would let
 * them test guessed numbers, as cadres(filter: { idNumber }) did.
 */
export async function matchCadre(trx: Tx, principal: Principal, keys: FieldKeys, plan: CadrePlan, revealId = true): Promise<Match> {
  if (plan.idNumber && revealId) {
    const hit = await listCadres(trx, { idNumberHash: keyedHash(keys, plan.idNumber), reach: cadreReach(principal) }, 2);
    if (hit.length === 1) return { cadre: hit[0], by: 'idNumber' };
  }
  if (!plan.basic.birthMonth) return null;
  const q = trx.selectFrom('cadre').select('id').where('deleted_at', 'is', null).where('name', '=', plan.name).where('birth_month', '=', plan.basic.birthMonth);
  const ids = await q.where(cadreReach(principal, 'cadre')).limit(5).execute();
  if (ids.length > 1) return { ambiguous: ids.length };
  if (!ids.length) return null;
  const cadre = await findCadre(trx, ids[0].id);
  // A cadre with another ID number on record is another person.
  if (!cadre || (revealId && plan.idNumber && cadre.id_number_hash && cadre.id_number_hash !== keyedHash(keys, plan.idNumber))) return null;
  return { cadre, by: 'nameBirth' };
}

/**
 * The basic fields the form writes into `cadre` (null: a new one). 政治面貌 is not on the form: inferred from 入党时间,
 * it replaces a matched cadre's only when the form tells something new — the cadre's status contradicts it (群众
 * while the form gives a month), or the cadre has none and the form brings another 入党时间. So the cadre's own
 * export, imported back, changes nothing (中共预备党员 stays, an empty status stays empty).
 */
export function basicFor(plan: CadrePlan, cadre: CadreRow | null): Record<string, string> {
  if (!cadre || !plan.inferred?.includes('politicalStatus')) return plan.basic;
  const now = cadre.political_status ?? '';
  const inferred = plan.basic.politicalStatus;
  const agrees = inferred === '中共党员' ? ['中共党员', '中共预备党员'].includes(now) : now === inferred;
  const nothingNew = !now && (cadre.party_join ?? '') === (plan.basic.partyJoin ?? '');
  if (!agrees && !nothingNew) return plan.basic;
  const { politicalStatus: _kept, ...rest } = plan.basic;
  return rest;
}

/** The format version an export writes when the cadre's form came with none (formOfCadre). */
export const EXPORT_VERSION = '3.2.1.6';

/**
 * The kept elements the form writes into `cadre`: a form's Version (the file format's) that is what the cadre's own
 * export writes is no change.
 */
export function extraFor(plan: CadrePlan, cadre: CadreRow | null): Record<string, string> {
  const had = ((cadre?.extra ?? {}) as Record<string, unknown>).Version;
  if (!cadre || plan.extra.Version !== (typeof had === 'string' ? had : EXPORT_VERSION)) return plan.extra;
  const { Version: _same, ...rest } = plan.extra;
  return rest;
}

export interface DiffEntry { field: string; label: string; from: string; to: string }

const column = (row: CadreRow, col: BasicColumn) => {
  const v = row[col];
  return v === null || v === undefined ? '' : String(v);
};
const resumeText = (rows: { start_month: string; end_month: string | null; content: string }[]) => formatResume(rows);
const familyText = (rows: { relation: string; name: string; birth_month: string | null; political_status: string | null; work_position: string | null }[]) =>
  rows.map((r) => [r.relation, r.name, monthText(r.birth_month ?? ''), r.political_status ?? '', r.work_position ?? ''].join(' ').trim()).join('\n');

/** Field by field, what confirming would change in an existing cadre. */
export async function diffCadre(trx: Tx, keys: FieldKeys, cadre: CadreRow, plan: CadrePlan, revealId = true): Promise<DiffEntry[]> {
  const out: DiffEntry[] = [];
  const basic = basicFor(plan, cadre);
  for (const f of BASIC_FIELDS) {
    if (!(f.name in basic)) continue;
    const from = column(cadre, f.column), to = basic[f.name];
    if (from !== to) out.push({ field: f.lrmx ?? f.name, label: f.label, from: shownChangeValue(f.label, from), to: shownChangeValue(f.label, to) });
  }
  if (plan.idNumber && !revealId) {
    // Whether it differs is not told (see matchCadre): the form's number is written either way.
    out.push({ field: 'ShenFenZheng', label: '公民身份号码', from: cadre.id_number_cipher ? '（已登记）' : '', to: `${maskIdNumber(plan.idNumber)}（以导入文件为准）` });
  } else if (plan.idNumber && cadre.id_number_hash !== keyedHash(keys, plan.idNumber)) {
    out.push({ field: 'ShenFenZheng', label: '公民身份号码', from: cadre.id_number_cipher ? '（已有，不同）' : '', to: maskIdNumber(plan.idNumber) });
  }
  if (plan.resume) {
    const from = resumeText(await listResume(trx, cadre.id));
    const to = resumeText(plan.resume.map((r) => ({ start_month: r.startMonth, end_month: r.endMonth ?? null, content: r.content })));
    if (from !== to) out.push({ field: 'JianLi', label: '简历', from, to });
  }
  if (plan.family) {
    const from = familyText(await listFamily(trx, cadre.id));
    const to = familyText(plan.family.map((r) => ({ relation: r.relation, name: r.name, birth_month: r.birthMonth || null, political_status: r.politicalStatus || null, work_position: r.workPosition || null })));
    if (from !== to) out.push({ field: 'JiaTingChengYuan', label: '家庭主要成员及重要社会关系', from, to });
  }
  if (plan.photo) out.push({ field: 'ZhaoPian', label: '照片', from: cadre.photo_key ? '已有照片' : '无', to: '使用审批表中的照片' });
  const extra = (cadre.extra ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(extraFor(plan, cadre))) {
    if (String(extra[k] ?? '') !== v) out.push({ field: k, label: KNOWN_LABELS[k] ?? k, from: String(extra[k] ?? ''), to: v });
  }
  return out;
}

export interface WriteContext { command: CommandContext; store: ObjectStore }

const IMPORT_SOURCE = '导入干部任免审批表';

/**
 * Write one form through the cadre commands (cadres/commands.ts: the same rules and revision format as GraphQL):
 * update the matched cadre (fields of the form replace the archive's; what the form does not carry is kept), or
 * create one in unitId. Returns the cadre, or a Chinese reason nothing was written.
 */
export async function writeCadre(w: WriteContext, plan: CadrePlan, unitId: string | null, opts: { rehearsal?: boolean } = {}): Promise<{ cadre: CadreRow; created: boolean } | { error: string }> {
  const c = w.command;
  const revealId = c.ability.can('reveal', 'Cadre');
  const match = await matchCadre(c.trx, c.principal, c.keys, plan, revealId);
  if (match && 'ambiguous' in match) return { error: `有 ${match.ambiguous} 名干部姓名和出生年月相同，无法确定是哪一位；${revealId ? '请在文件中填写公民身份号码后重新导入' : '请由纪检干部导入该文件'}` };
  if (!match && !unitId) return { error: '在档案中找不到该干部，需新建档案：请选择要导入到的单位后重新导入' };
  const tenantId = match ? match.cadre.tenant_id
    : (await c.trx.selectFrom('unit').select('tenant_id').where('id', '=', unitId).executeTakeFirst())?.tenant_id;
  if (!match && !unitInReach(c, unitId!)) return { error: '无权在所选单位新建干部' };
  if (!tenantId) return { error: '所选单位不存在' };
  // The photo's object is stored once the row naming it is written, before the transaction commits.
  const photoKey = plan.photo ? newObjectKey(tenantId, 'photo') : null;
  const storePhoto = async () => { if (photoKey && !opts.rehearsal) await w.store.put(photoKey, plan.photo!, { contentType: 'image/jpeg' }); };
  const extra = extraFor(plan, match ? match.cadre : null);
  const sections = {
    idNumber: plan.idNumber ?? null, resume: plan.resume ?? null, family: plan.family ?? null, photoKey, source: IMPORT_SOURCE,
    extra: Object.keys(extra).length ? { values: extra, label: (k: string) => KNOWN_LABELS[k] ?? k } : null,
  };
  if (match) {
    // A filler's changes to an existing archive go to review (modules/inbox); an import would bypass it, so a form
    // that matches an existing cadre is refused for them (docs/domain.md#review-of-what-fillers-enter-审核-我的填报).
    const refused = archiveEditRefusal(c, match.cadre.name);
    if (refused) return { error: refused };
    const res = await updateCadre(c, match.cadre.id, match.cadre.version, { ...basicFor(plan, match.cadre), ...sections });
    if (res.ok) {
      await storePhoto();
      return { cadre: res.cadre, created: false };
    }
    if (res.reason === 'stale') return { error: '匹配到的干部刚被他人修改，请重新导入' };
    return { error: '匹配到的干部不在您的管理范围内' };
  }
  const res = await createCadre(c, { ...plan.basic, name: plan.name, unitId: unitId!, ...sections });
  if (!res.ok) return { error: res.reason === 'outOfReach' ? '无权在所选单位新建干部' : '所选单位不存在' };
  await storePhoto();
  return { cadre: res.cadre, created: true };
}

/**
 * Why the caller may not update an existing archive by import, or null: a filler's changes go to review
 * (modules/inbox), which an import would bypass (docs/domain.md#review-of-what-fillers-enter-审核-我的填报).
 */
export const archiveEditRefusal = (c: Pick<CommandContext, 'ability'>, name: string) => (editsAreDirect(c) ? null
  : `「${name}」已有档案：填报员对已有档案的修改须在档案中编辑基本信息并提交审核，不能以导入覆盖`);

/** The cadre as a form, for export (.lrmx and .docx). The ID number only for those who may see it. */
export async function formOfCadre(trx: Tx, keys: FieldKeys, store: ObjectStore, cadre: CadreRow, revealId: boolean): Promise<FormFields> {
  const f: FormFields = {};
  for (const b of LRMX_FIELDS) f[b.lrmx!] = column(cadre, b.column);
  f.JianLi = formatResume(await listResume(trx, cadre.id));
  f.JiaTingChengYuan = (await listFamily(trx, cadre.id)).map((r) => ({
    ChengWei: r.relation, XingMing: r.name, ChuShengRiQi: r.birth_month ?? '', ZhengZhiMianMao: r.political_status ?? '', GongZuoDanWeiJiZhiWu: r.work_position ?? '',
  } satisfies FamilyItem));
  for (const [k, v] of Object.entries((cadre.extra ?? {}) as Record<string, unknown>)) {
    if (!(k in f) && typeof v === 'string' && /^[A-Za-z_][\w.-]*$/.test(k)) f[k] = v;
  }
  if (revealId && cadre.id_number_cipher) f.ShenFenZheng = decryptField(keys, cadre.id_number_cipher) ?? undefined;
  if (cadre.photo_key) {
    const photo = await store.get(cadre.photo_key);
    if (photo) f.ZhaoPian = photo.toString('base64');
  }
  if (!f.Version) f.Version = EXPORT_VERSION;
  return f;
}

const SECTION_OF_TABLE: Record<string, string> = {
  cadre: '基本信息', cadre_family: '家庭主要成员及重要社会关系', cadre_resume: '简历', cadre_appointment: '任免情况', cadre_revision: '修改记录',
};
const PROBLEM_OF_CODE: Record<string, string> = {
  '23514': '格式或长度不符', '22001': '内容过长', '23502': '缺少必填内容', '23505': '与已有数据重复', '22P02': '格式不正确', '22007': '日期格式不正确', '22008': '日期超出范围',
};

/**
 * A database's refusal of an import write, told in Chinese: which part of the form and what kind of problem. The
 * database's own text (table, constraint, value) is for the log only.
 */
export function writeRefusal(e: unknown): string {
  const err = (e ?? {}) as { code?: string; table?: string; constraint?: string };
  const table = err.table ?? /^([a-z_]+?)_[a-z_]+_check$/.exec(err.constraint ?? '')?.[1];
  const section = (table && SECTION_OF_TABLE[table]) || (err.constraint?.startsWith('cadre_family') ? SECTION_OF_TABLE.cadre_family : err.constraint?.startsWith('cadre_resume') ? SECTION_OF_TABLE.cadre_resume : null);
  const problem = err.code ? PROBLEM_OF_CODE[err.code] : undefined;
  return `${section ? `「${section}」` : '文件内容'}不符合档案的要求${problem ? `（${problem}）` : ''}，无法写入档案；请核对该文件后重新导入`;
}

/**
 * Preview checks what confirming will check by doing it: the same write (writeCadre, with the cadre commands, the
 * database's constraints and triggers) inside a savepoint that is always rolled back, the photo not stored. A new
 * cadre is rehearsed in `unitId` (any unit the caller may create in; the unit chosen at confirmation may differ,
 * and whether the caller may use that one is judged then). Returns the Chinese reason confirming would fail, or
 * null; a refusal the preview reports by itself (ambiguous match, cadre out of reach) is left to it.
 */
export async function rehearseWrite(w: WriteContext, plan: CadrePlan, unitId: string | null): Promise<{ error: string; cause: unknown } | null> {
  const { trx } = w.command;
  await sql`savepoint import_rehearsal`.execute(trx);
  try {
    const match = await matchCadre(trx, w.command.principal, w.command.keys, plan, w.command.ability.can('reveal', 'Cadre'));
    if (match || unitId) await writeCadre({ ...w, command: { ...w.command, audit: new AuditTrail() } }, plan, unitId ?? '', { rehearsal: true });
    return null;
  } catch (e) {
    return { error: writeRefusal(e), cause: e };
  } finally {
    await sql`rollback to savepoint import_rehearsal`.execute(trx);
    await sql`release savepoint import_rehearsal`.execute(trx);
  }
}

/** A unit to rehearse new cadres in: a filler's first unit, else the first unit of the caller's own tenant. */
export async function rehearsalUnit(c: CommandContext): Promise<string | null> {
  if (c.principal.role === 'filler') return c.principal.unitIds[0] ?? null;
  const unit = await c.trx.selectFrom('unit').select('id').where('tenant_id', '=', c.principal.tenantId)
    .orderBy(sql`parent_id is null`, 'desc').orderBy('sort_order').orderBy('id').executeTakeFirst();
  return unit && unitInReach(c, unit.id) ? unit.id : null;
}
