// Seeds the demo hierarchy on first start (demo mode only). Runs through the API role inside the root's scope.
// The data (demo-data.ts, demo-records.ts) is computed from fixed seeds; this file only writes it: units, cadres with
// their resume, family, appointment, ID number (encrypted as cadres/repo.ts stores it, when the field key is given)
// and photo (normalised and stored as cadres/photo.ts does, when an object store is given), and their records.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { DB } from '../db/types.js';
import { codeToLabel, withScope } from '../db/scope.js';
import { hashPassword } from '../auth/passwords.js';
import { searchKeys } from '../modules/cadres/search-terms.js';
import { BASIC_FIELDS, storedCode } from '../modules/cadres/fields.js';
import { normalisePhoto } from '../modules/cadres/photo.js';
import { encryptField, fieldKeys, keyedHash } from '../crypto/fields.js';
import { newObjectKey, type ObjectStore } from '../storage/index.js';
import { demoSet, seedDemoRecords } from './demo-records.js';
import { recomputeWarnings } from '../modules/warnings/recompute.js';
import { unitKindCode } from '../../../../shared/units.js';
import { DEMO_ROLES, DEMO_TENANTS, flatUnits, importUnitIndex, rng, type DemoCadre } from './demo-data.js';

export interface SeedOptions {
  /** config.fieldSecret: without it the demo cadres carry no ID number (it cannot be stored unencrypted). */
  fieldSecret?: string;
  /** The object store: without it the demo cadres carry no photo. */
  store?: ObjectStore;
}

/**
 * A deterministic ID-photo-like portrait (blue background, a silhouette of head and shoulders in a dark jacket and
 * white collar), different per person through the seed: a JPEG of 300×400.
 */
export async function demoPortrait(seed: number, sex: '男' | '女'): Promise<Buffer> {
  const r = rng(seed);
  const bg = ['#3f7fd0', '#4a8ad8', '#2f6fbf', '#f4f4f4', '#c8312f'][Math.floor(r() * 5)];
  const skin = ['#e9c4a6', '#dfb08c', '#f0cfb5', '#d6a27c'][Math.floor(r() * 4)];
  const jacket = ['#1f2a3a', '#2b2b2b', '#23324a', '#3a3a44'][Math.floor(r() * 4)];
  const hair = ['#1b1b1b', '#2a211c', '#30261f'][Math.floor(r() * 3)];
  const hx = 150 + Math.floor(r() * 10) - 5;
  const long = sex === '女';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="400" viewBox="0 0 300 400">
    <rect width="300" height="400" fill="${bg}"/>
    ${long ? `<path d="M${hx - 78} 250 Q${hx - 84} 120 ${hx} 96 Q${hx + 84} 120 ${hx + 78} 250 Z" fill="${hair}"/>` : ''}
    <path d="M20 400 Q30 300 ${hx - 40} 285 L${hx + 40} 285 Q270 300 280 400 Z" fill="${jacket}"/>
    <path d="M${hx - 34} 286 L${hx} 345 L${hx + 34} 286 Z" fill="#ffffff"/>
    <rect x="${hx - 20}" y="236" width="40" height="52" fill="${skin}"/>
    <ellipse cx="${hx}" cy="185" rx="${52 + Math.floor(r() * 8)}" ry="${66 + Math.floor(r() * 8)}" fill="${skin}"/>
    <path d="M${hx - 58} ${long ? 190 : 170} Q${hx - 60} 108 ${hx} 110 Q${hx + 60} 108 ${hx + 58} ${long ? 190 : 170} Q${hx + 30} 130 ${hx} 134 Q${hx - 34} 128 ${hx - 58} ${long ? 190 : 170} Z" fill="${hair}"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

const field = (name: string) => BASIC_FIELDS.find((f) => f.name === name)!;
const code = (name: string, label: string | null) => storedCode(field(name), label);

function cadreRow(c: DemoCadre, k: number, tenantId: string, unitId: string) {
  const keys = searchKeys(c.name);
  return {
    tenant_id: tenantId, unit_id: unitId, name: c.name, sex: code('sex', c.sex), birth_month: c.birthMonth, ethnicity: code('ethnicity', c.ethnicity),
    native_place: c.nativePlace, birth_place: c.birthPlace, party_join: c.partyJoin || null, work_start: c.workStart, health: c.health,
    political_status: code('politicalStatus', c.politicalStatus), professional_title: c.professionalTitle, specialty: c.specialty,
    education: c.education, edu_ft_level: c.eduFtLevel, edu_ft_degree: c.eduFtDegree, edu_ft_level_school: c.eduFtSchool, edu_ft_degree_school: c.eduFtSchool,
    edu_pt_level: c.eduPtLevel, edu_pt_degree: c.eduPtDegree, edu_pt_level_school: c.eduPtSchool, edu_pt_degree_school: c.eduPtDegree ? c.eduPtSchool : null,
    position: c.position, rank: code('rank', c.rank), status: code('status', c.status)!, management_level: code('managementLevel', c.managementLevel),
    rewards: c.rewards, assessment_summary: c.assessmentSummary, reporting_unit: c.reportingUnit,
    sort_order: (k + 1) * 10, search_terms: keys.terms, pinyin_keys: keys.pinyinKeys,
  };
}

export async function seedDemo(db: Kysely<DB>, password: string, opts: SeedOptions = {}): Promise<{ tenants: number; users: number; cadres: number } | null> {
  const root = DEMO_TENANTS[0];
  const seeded = () => withScope(db, root.code, async (trx) => !!(await trx.selectFrom('tenant').select('id').where('code', '=', root.code).executeTakeFirst()));
  if (await seeded()) return null;
  const keys = opts.fieldSecret ? fieldKeys(opts.fieldSecret) : null;
  const data = demoSet();
  // Photos go to the object store before the transaction (object first, then the row; no object-store I/O inside
  // a transaction), under the tenants' ids chosen here.
  const tenantIds = data.map(() => crypto.randomUUID());
  const photos = new Map<string, string>();
  if (opts.store) {
    for (const [i, { cadres: people }] of data.entries()) {
      for (const [k, c] of people.entries()) {
        if (!c.photo) continue;
        const photo = await normalisePhoto(await demoPortrait(i * 1000 + k + 1, c.sex));
        if ('error' in photo) throw new Error(`demo photo: ${photo.error}`);
        const key = newObjectKey(tenantIds[i], 'photo');
        await opts.store.put(key, photo.jpeg, { contentType: 'image/jpeg' });
        photos.set(`${i}/${k}`, key);
      }
    }
  }
  const dropPhotos = async () => { for (const key of photos.values()) await opts.store?.remove(key).catch(() => undefined); };
  const result = await withScope(db, root.code, async (trx) => {
    const existing = await trx.selectFrom('tenant').select('id').where('code', '=', root.code).executeTakeFirst();
    if (existing) return null;
    const hash = await hashPassword(password);
    const paths = new Map<string, { id: string; path: string }>();
    let users = 0;
    let cadres = 0;
    for (const [i, { tenant: t, cadres: people, records }] of data.entries()) {
      const parent = t.parent ? paths.get(t.parent)! : null;
      const path = parent ? `${parent.path}.${codeToLabel(t.code)}` : codeToLabel(t.code);
      const row = await trx.insertInto('tenant')
        .values({ id: tenantIds[i], code: t.code, name: t.name, kind: t.kind, parent_id: parent?.id ?? null, path, sort_order: i })
        .returning('id').executeTakeFirstOrThrow();
      paths.set(t.code, { id: row.id, path });
      await trx.insertInto('app_user').values(DEMO_ROLES.map(([role, label]) => ({
        tenant_id: row.id, username: `${t.code}.${role}`, display_name: `${t.name}${label}`, role, password_hash: hash,
      }))).execute();
      users += DEMO_ROLES.length;

      // Units: the tree in depth-first order, each with its manual order among its siblings, its kind (内设机构,
      // 派驻机构 …: shared/units.ts) and a short code (the tenant's code and its place in that order).
      const unitIds: string[] = [];
      const siblings = new Map<number | null, number>();
      for (const { unit, parent: p } of flatUnits(t)) {
        const n = (siblings.get(p) ?? 0) + 1;
        siblings.set(p, n);
        const ur = await trx.insertInto('unit').values({
          tenant_id: row.id, parent_id: p === null ? null : unitIds[p], name: unit.name, sort_order: n * 10,
          kind: unitKindCode(unit.kind) ?? 'other', code: `${t.code.toUpperCase()}-${String(unitIds.length + 1).padStart(3, '0')}`,
        })
          .returning('id').executeTakeFirstOrThrow();
        unitIds.push(ur.id);
      }
      // New cadres of an import whose 现任职务 names no unit are proposed into the general office (默认导入单位).
      await trx.insertInto('tenant_import_setting')
        .values({ tenant_id: row.id, default_unit_id: unitIds[importUnitIndex(t)], updated_by_name: '演示数据' }).execute();
      // The filler enters records for the first unit (and its sub-units) only.
      const filler = await trx.selectFrom('app_user').select(['id', 'display_name']).where('username', '=', `${t.code}.filler`).executeTakeFirstOrThrow();
      const officer = await trx.selectFrom('app_user').select(['id', 'display_name']).where('username', '=', `${t.code}.officer`).executeTakeFirstOrThrow();
      await trx.insertInto('user_unit').values({ tenant_id: row.id, user_id: filler.id, unit_id: unitIds[0] }).execute();

      const inserted = await trx.insertInto('cadre').values(people.map((c, k) => ({
        ...cadreRow(c, k, row.id, unitIds[c.unit]),
        photo_key: photos.get(`${i}/${k}`) ?? null,
        ...(keys ? { id_number_cipher: encryptField(keys, c.idNumber), id_number_hash: keyedHash(keys, c.idNumber) } : {}),
      }))).returning('id').execute();
      const cadreIds = inserted.map((c) => c.id);
      cadres += people.length;
      const resume = people.flatMap((c, k) => c.resume.map((l, n) => ({
        tenant_id: row.id, cadre_id: cadreIds[k], start_month: l.startMonth, end_month: l.endMonth, content: l.content, sort_order: n,
      })));
      if (resume.length) await trx.insertInto('cadre_resume').values(resume).execute();
      const family = people.flatMap((c, k) => c.family.map((f, n) => ({
        tenant_id: row.id, cadre_id: cadreIds[k], relation: f.relation, name: f.name, birth_month: f.birthMonth,
        political_status: f.politicalStatus, work_position: f.workPosition, sort_order: n,
      })));
      if (family.length) await trx.insertInto('cadre_family').values(family).execute();
      const appointments = people.flatMap((c, k) => (c.appointment ? [{
        tenant_id: row.id, cadre_id: cadreIds[k], kind: '任职', position: c.appointment.position, decided_on: c.appointment.decidedOn,
        approver: c.appointment.approver, document_no: c.appointment.documentNo, sort_order: 0,
      }] : []));
      if (appointments.length) await trx.insertInto('cadre_appointment').values(appointments).execute();
      await seedDemoRecords(trx, row.id, cadreIds, { id: officer.id, name: officer.display_name }, { id: filler.id, name: filler.display_name }, records);
    }
    // The warning hits of the whole demo (docs/warnings.md), so that the board shows colours from the first start.
    await recomputeWarnings(trx, { tenantIds });
    return { tenants: DEMO_TENANTS.length, users, cadres };
  }).catch(async (e: unknown) => {
    // The rows did not commit: their photos go too (the sweeper would remove them later anyway).
    await dropPhotos();
    throw e;
  });
  if (!result) await dropPhotos();
  return result;
}
