// The form ↔ the archive: what an imported form would change in a cadre (the plan), how it is matched to an
// existing cadre (ID number first, then name + birth month), the field-by-field diff shown before confirming, the
// write (one transaction per cadre, with revision and audit), and the cadre read back as a form for export.
import { z } from 'zod';
import type { Principal } from '../../auth/principal.js';
import { cadreReach } from '../../authz/reach.js';
import { decryptField, keyedHash, type FieldKeys } from '../../crypto/fields.js';
import type { Tx } from '../../db/scope.js';
import { newObjectKey, type ObjectStore } from '../../storage/index.js';
import { BASIC_FIELDS, basicSchema, type BasicColumn, canonicalCode, maskIdNumber, MONTH_RE, OPTIONAL_MONTH_RE, validIdNumber } from '../cadres/fields.js';
import { findCadre, listCadres, type CadreRow } from '../cadres/repo.js';
import { listFamily, listResume, type FamilyIn, type ResumeIn } from '../cadres/rows.js';
import { createCadre, unitInReach, updateCadre } from '../cadres/commands.js';
import type { CommandContext } from '../command.js';
import { formatResume, KNOWN_LABELS, parseResume, type FamilyItem, type FormFields } from './model.js';

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
}

const familyRow = z.object({
  relation: z.string().min(1).max(20),
  name: z.string().min(1).max(50),
  birthMonth: z.string().regex(OPTIONAL_MONTH_RE),
  politicalStatus: z.string().max(40),
  workPosition: z.string().max(200),
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
  const plan: CadrePlan = { name: basic.name, basic, extra: {}, warnings };
  const id = typeof fields.ShenFenZheng === 'string' ? fields.ShenFenZheng.trim().toUpperCase() : '';
  if (id) {
    if (validIdNumber(id)) plan.idNumber = id;
    else warnings.push('公民身份号码无效（校验不通过），未导入，也不用于匹配');
  }
  if (typeof fields.JianLi === 'string') {
    const { rows, problems } = parseResume(fields.JianLi);
    plan.resume = rows.filter((r) => {
      if (r.content.length > 500) warnings.push(`简历「${r.content.slice(0, 20)}…」超过 500 字，未导入`);
      return r.content.length <= 500;
    }).slice(0, 100);
    if (problems.length) warnings.push(`简历中有 ${problems.length} 行无法识别起止年月，未导入：${problems.slice(0, 3).join('；')}`);
  }
  if (fields.JiaTingChengYuan) {
    plan.family = [];
    for (const m of fields.JiaTingChengYuan.slice(0, 100)) {
      const row = { relation: m.ChengWei, name: m.XingMing, birthMonth: m.ChuShengRiQi, politicalStatus: m.ZhengZhiMianMao, workPosition: m.GongZuoDanWeiJiZhiWu };
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

export interface DiffEntry { field: string; label: string; from: string; to: string }

const column = (row: CadreRow, col: BasicColumn) => {
  const v = row[col];
  return v === null || v === undefined ? '' : String(v);
};
const resumeText = (rows: { start_month: string; end_month: string | null; content: string }[]) => formatResume(rows);
const familyText = (rows: { relation: string; name: string; birth_month: string | null; political_status: string | null; work_position: string | null }[]) =>
  rows.map((r) => [r.relation, r.name, r.birth_month ?? '', r.political_status ?? '', r.work_position ?? ''].join(' ').trim()).join('\n');

/** Field by field, what confirming would change in an existing cadre. */
export async function diffCadre(trx: Tx, keys: FieldKeys, cadre: CadreRow, plan: CadrePlan, revealId = true): Promise<DiffEntry[]> {
  const out: DiffEntry[] = [];
  for (const f of BASIC_FIELDS) {
    if (!(f.name in plan.basic)) continue;
    const from = column(cadre, f.column), to = plan.basic[f.name];
    if (from !== to) out.push({ field: f.lrmx ?? f.name, label: f.label, from, to });
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
  for (const [k, v] of Object.entries(plan.extra)) {
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
export async function writeCadre(w: WriteContext, plan: CadrePlan, unitId: string | null): Promise<{ cadre: CadreRow; created: boolean } | { error: string }> {
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
  const storePhoto = async () => { if (photoKey) await w.store.put(photoKey, plan.photo!, { contentType: 'image/jpeg' }); };
  const sections = {
    idNumber: plan.idNumber ?? null, resume: plan.resume ?? null, family: plan.family ?? null, photoKey, source: IMPORT_SOURCE,
    extra: Object.keys(plan.extra).length ? { values: plan.extra, label: (k: string) => KNOWN_LABELS[k] ?? k } : null,
  };
  if (match) {
    const res = await updateCadre(c, match.cadre.id, match.cadre.version, { ...plan.basic, ...sections });
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
  if (!f.Version) f.Version = '3.2.1.6';
  return f;
}
