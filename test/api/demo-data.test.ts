// The demo shows the real job: archives of 纪检监察干部 in every demo body, deterministic, with valid fictional ID
// numbers, coherent resumes and families, no civil-service ranks outside the commissions, and records in all twelve
// categories told differently in each body. Checks the computed data (demo-data.ts, demo-records.ts) and what the
// seed wrote.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import sharp from 'sharp';
import { withScope } from '../../services/api/src/db/scope.js';
import { openDatabase } from '../../services/api/src/db/index.js';
import { decryptField, fieldKeys } from '../../services/api/src/crypto/fields.js';
import { validIdNumber } from '../../services/api/src/modules/cadres/fields.js';
import { CATEGORIES, categoryById, SANCTION_KINDS, SANCTION_MEASURES } from '../../services/api/src/modules/records/categories.js';
import { influenceDefaultMonths } from '../../shared/warnings.js';
import { openObjectStore } from '../../services/api/src/storage/index.js';
import { DEMO_TENANTS, flatUnits } from '../../services/api/src/seed/demo-data.js';
import { demoSet } from '../../services/api/src/seed/demo-records.js';
import { demoPortrait, seedDemo } from '../../services/api/src/seed/demo.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_PASSWORD, engineName, isPg, testConfig } from '../helpers/db.js';

const data = demoSet();
const CIVIL_SERVICE = /^(L\d|R\d\d)$/;
const month = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(4, 6)) - 1;
let t: TestApp;

beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe(`demo data (${engineName})`, () => {
  it('is deterministic: computed twice, the same tenants, people, rows and records', () => {
    expect(JSON.stringify(demoSet())).toBe(JSON.stringify(data));
    expect(data.map((d) => d.tenant.code)).toEqual(['yn', 'km', 'km-wh', 'km-pl', 'km-gd', 'km-pz-jy', 'km-pz-wj', 'km-xc', 'km-qy-ct', 'km-qy-gj', 'km-gx-kmxy']);
  });

  it('the seed wrote exactly the computed people, in their units, with their resumes and families', async () => {
    const rows = await withScope(t.database.db, 'yn', (trx) => sql<{ code: string; name: string; birth_month: string; position: string; unit: string; resume: number; family: number }>`
      select t.code, c.name, c.birth_month, c.position, u.name as unit,
        (select count(*)::int from cadre_resume r where r.cadre_id = c.id) as resume, (select count(*)::int from cadre_family f where f.cadre_id = c.id) as family
      from cadre c join tenant t on t.id = c.tenant_id join unit u on u.id = c.unit_id
      where t.code in (${sql.join(DEMO_TENANTS.map((x) => x.code))}) and c.name in (${sql.join(data.flatMap((d) => d.cadres.map((c) => c.name)))})
      order by t.code, c.sort_order`.execute(trx));
    const want = data.flatMap((d) => d.cadres.map((c) => ({
      code: d.tenant.code, name: c.name, birth_month: c.birthMonth, position: c.position, unit: flatUnits(d.tenant)[c.unit].unit.name,
      resume: c.resume.length, family: c.family.length,
    }))).sort((a, b) => a.code.localeCompare(b.code));
    const got = rows.rows;
    expect(got.length).toBe(want.length);
    const key = (x: { code: string; name: string }) => `${x.code}/${x.name}`;
    const byKey = new Map(got.map((x) => [key(x), x]));
    for (const w of want) expect(byKey.get(key(w)), key(w)).toEqual(w);
  });

  it('ID numbers are valid GB 11643 numbers of Yunnan, agree with 出生年月 and sex, are unique, and are stored encrypted', async () => {
    const all = data.flatMap((d) => d.cadres);
    for (const c of all) {
      expect(validIdNumber(c.idNumber), `${c.name} ${c.idNumber}`).toBe(true);
      expect(c.idNumber.slice(0, 2)).toBe('53');
      expect(c.idNumber.slice(6, 12)).toBe(c.birthMonth);
      expect(Number(c.idNumber[16]) % 2).toBe(c.sex === '男' ? 1 : 0);
    }
    expect(new Set(all.map((c) => c.idNumber)).size).toBe(all.length);
    const keys = fieldKeys(testConfig().fieldSecret);
    const stored = await withScope(t.database.db, 'yn', (trx) => trx.selectFrom('cadre').select(['name', 'id_number_cipher'])
      .where('name', 'in', all.slice(0, 40).map((c) => c.name)).execute());
    expect(stored.length).toBe(40);
    for (const s of stored) {
      expect(s.id_number_cipher).not.toContain(all.find((c) => c.name === s.name)!.idNumber);
      expect(decryptField(keys, s.id_number_cipher!)).toBe(all.find((c) => c.name === s.name)!.idNumber);
    }
  });

  it('resumes and families are coherent with each person\'s age', () => {
    for (const c of data.flatMap((d) => d.cadres)) {
      const born = month(c.birthMonth);
      const age = (2026 * 12 + 11 - born) / 12;
      expect(age, c.name).toBeGreaterThanOrEqual(23);
      expect(age, c.name).toBeLessThan(64);
      expect(month(c.workStart) - born, c.name).toBeGreaterThanOrEqual(20 * 12);
      if (c.partyJoin) expect(month(c.partyJoin) - born, c.name).toBeGreaterThanOrEqual(18 * 12);
      // Resume lines follow each other without gaps, from study at about 18 to the current post (open-ended).
      expect(month(c.resume[0].startMonth) - born).toBeGreaterThanOrEqual(17 * 12);
      for (let i = 1; i < c.resume.length; i++) expect(c.resume[i].startMonth, c.name).toBe(c.resume[i - 1].endMonth);
      expect(c.resume.at(-1)!.endMonth).toBeNull();
      // The current post, with an in-service study noted under it as 「（其间：…）」 where there was one.
      expect(c.resume.at(-1)!.content.split('\n')[0]).toBe(c.position);
      expect(month(c.resume.at(-1)!.startMonth)).toBeLessThanOrEqual(2026 * 12 + 10);
      for (const f of c.family) {
        const gap = (born - month(f.birthMonth)) / 12;
        if (f.relation === '父亲' || f.relation === '母亲') expect(gap, `${c.name} ${f.relation}`).toBeGreaterThanOrEqual(18);
        else if (f.relation === '儿子' || f.relation === '女儿') expect(-gap, `${c.name} ${f.relation}`).toBeGreaterThanOrEqual(20);
        else expect(Math.abs(gap), `${c.name} ${f.relation}`).toBeLessThanOrEqual(6);
        if (f.relation === '儿子' || f.relation === '女儿') expect(f.name[0]).toBe(c.sex === '男' ? c.name[0] : c.family.find((x) => x.relation === '丈夫')!.name[0]);
      }
    }
  });

  it('ranks: civil-service ranks only in commissions, none in enterprises or universities; titles fit the sector', async () => {
    const { rows } = await withScope(t.database.db, 'yn', (trx) => sql<{ kind: string; rank: string | null; position: string; title: string | null }>`
      select t.kind, c.rank, c.position, c.professional_title as title from cadre c join tenant t on t.id = c.tenant_id
      where t.code in (${sql.join(DEMO_TENANTS.map((x) => x.code))}) and c.name in (${sql.join(data.flatMap((d) => d.cadres.map((c) => c.name)))})`.execute(trx));
    const outside = rows.filter((r) => r.kind === 'enterprise_discipline' || r.kind === 'university_discipline');
    expect(outside.length).toBeGreaterThan(20);
    for (const r of outside) expect(r.rank, r.position).toBeNull();
    expect(outside.filter((r) => r.title).length).toBeGreaterThan(10);
    for (const r of outside) expect(r.title ?? '', r.position).not.toMatch(/调研员|科员|巡视员/);
    // In the data: a rank exactly for the staff of discipline bodies of the state (a 职级 or a leadership level).
    for (const d of data) {
      const units = flatUnits(d.tenant);
      for (const c of d.cadres) expect(c.rank !== null, c.position).toBe(units[c.unit].sector === 'commission');
    }
    const commission = rows.filter((r) => r.kind.endsWith('_commission'));
    expect(commission.filter((r) => r.rank && CIVIL_SERVICE.test(r.rank)).length).toBe(commission.filter((r) => r.rank).length);
    expect(commission.filter((r) => r.rank).length).toBeGreaterThan(commission.length * 0.9);
    // No government-department posts in a school or a company.
    for (const d of data) for (const c of d.cadres) expect(c.position).not.toMatch(/局长|厅长/);
  });

  it('every unit names its intended kind', () => {
    const kinds = new Set(['内设机构', '派驻机构', '巡察机构', '县区纪委监委班子', '企业纪委', '院校纪委', '其他']);
    for (const d of data) for (const { unit } of flatUnits(d.tenant)) expect(kinds.has(unit.kind), `${d.tenant.code} ${unit.name}`).toBe(true);
  });

  it('every demo body\'s archives hold records in all twelve categories, with all four forms and running influence periods', async () => {
    const { rows } = await withScope(t.database.db, 'yn', (trx) => sql<{ code: string; categories: number[] }>`
      select t.code, array_agg(distinct r.category order by r.category) as categories
      from archive_record r join tenant t on t.id = r.tenant_id where t.code in (${sql.join(DEMO_TENANTS.map((x) => x.code))}) group by t.code`.execute(trx));
    expect(rows.length).toBe(DEMO_TENANTS.length);
    for (const r of rows) expect(r.categories.map(Number), r.code).toEqual(CATEGORIES.map((c) => c.id));
    const sanctions = data.flatMap((d) => d.records.filter((r) => r.category === 10));
    expect(new Set(sanctions.map((s) => s.fields.form))).toEqual(new Set(['第一种形态', '第二种形态', '第三种形态', '第四种形态']));
    for (const d of data) {
      // Periods as the records state them, else the default of their kind and measure (applied when warnings evaluate).
      const months = (r: (typeof d.records)[number]) => r.fields.influenceMonths ?? influenceDefaultMonths(
        SANCTION_KINDS.find((o) => o.label === r.fields.kind)?.code ?? null, SANCTION_MEASURES.find((o) => o.label === r.fields.measure)?.code ?? '');
      const running = d.records.filter((r) => r.category === 10 && months(r)
        && month(String(r.fields.effectiveOn).replace('-', '').slice(0, 6)) + Number(months(r)) > 2026 * 12 + 10);
      expect(running.length, d.tenant.code).toBeGreaterThan(0);
      expect(new Set(d.records.map((r) => r.status)), d.tenant.code).toEqual(new Set(['accepted', 'pending', 'returned']));
    }
    // Typed values are valid choices of their fields.
    for (const d of data) for (const r of d.records) for (const f of categoryById.get(r.category)!.fields) {
      const v = r.fields[f.name];
      if (f.required) expect(v ?? null, `${r.category}.${f.name}`).not.toBeNull();
      if (f.type === 'enum' && v != null) expect(f.options!.map((o) => o.label), `${r.category}.${f.name}`).toContain(v);
    }
  });

  it('the seed computed the warnings: as of 2026-12-01 every demo body has cadres of each colour (红 橙 黄 蓝)', async () => {
    const { rows } = await withScope(t.database.db, 'yn', (trx) => sql<{ code: string; levels: string[] }>`
      select x.code, array_agg(distinct x.level order by x.level) as levels from (
        select distinct on (h.cadre_id) t.code, h.level from warning_hit h join tenant t on t.id = h.tenant_id
         where t.code in (${sql.join(DEMO_TENANTS.map((x) => x.code))})
           and h.starts_on <= date '2026-12-01' and date '2026-12-01' < coalesce(h.ends_on, 'infinity')
         order by h.cadre_id, h.level_rank desc) as x group by x.code`.execute(trx));
    expect(rows.length).toBe(DEMO_TENANTS.length);
    for (const r of rows) expect(r.levels, r.code).toEqual(['blue', 'orange', 'red', 'yellow']);
  });

    it('no record text is repeated across tenants', () => {
    const owner = new Map<string, string>();
    for (const d of data) {
      for (const r of d.records) {
        const texts = categoryById.get(r.category)!.fields.filter((f) => f.type === 'longtext' || f.wide).map((f) => r.fields[f.name]).filter((v): v is string => typeof v === 'string' && !!v);
        // A record with words of its own is never the same as another tenant's (a bare report filing may coincide).
        if (texts.length) texts.push(JSON.stringify(r.fields));
        for (const text of texts) {
          const o = owner.get(text);
          expect(o === undefined || o === d.tenant.code, `${text} in ${o} and ${d.tenant.code}`).toBe(true);
          owner.set(text, d.tenant.code);
        }
      }
    }
    expect(owner.size).toBeGreaterThan(400);
  });

  it('portraits are deterministic JPEGs the photo route would accept', async () => {
    const a = await demoPortrait(7, '女');
    expect((await demoPortrait(7, '女')).equals(a)).toBe(true);
    expect((await demoPortrait(8, '男')).equals(a)).toBe(false);
    const meta = await sharp(a).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 300, height: 400 });
  });

  it.skipIf(isPg)('with an object store, one in three demo cadres gets a stored photo', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-demo-photos-'));
    const config = testConfig({ dataDir });
    const database = await openDatabase(config, { memory: true });
    try {
      const store = openObjectStore(config);
      await seedDemo(database.db, DEMO_PASSWORD, { fieldSecret: config.fieldSecret, store });
      const rows = await withScope(database.db, 'yn', (trx) => trx.selectFrom('cadre').select(['name', 'photo_key', 'tenant_id']).execute());
      const withPhoto = rows.filter((r) => r.photo_key);
      expect(withPhoto.length).toBe(data.flatMap((d) => d.cadres).filter((c) => c.photo).length);
      for (const r of withPhoto.slice(0, 5)) {
        expect(r.photo_key!.startsWith(`t/${r.tenant_id}/photo/`)).toBe(true);
        expect((await sharp((await store.get(r.photo_key!))!).metadata()).format).toBe('jpeg');
      }
      // A second seed changes nothing and leaves no stray objects.
      expect(await seedDemo(database.db, DEMO_PASSWORD, { fieldSecret: config.fieldSecret, store })).toBeNull();
      let objects = 0;
      for await (const _ of store.list('t/')) objects++;
      expect(objects).toBe(withPhoto.length);
    } finally {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
