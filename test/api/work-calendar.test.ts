// The national work calendar (docs/work-calendar.md): the State Council's holidays and 调休 from the chinese-days seed,
// working-day arithmetic in SQL and in the API, coverage and its warning, and the root administrator's audited edits.
// Dates checked by hand against the 2026 arrangement (国办发明电〔2025〕 …): 春节 02-15…02-23 off, 02-14 and 02-28
// (Saturdays) worked; 国庆节/中秋 10-01…10-07 off, 09-20 (Sunday) and 10-10 (Saturday) worked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { addWorkingDays, calendarCoverage, isWorkingDay, requireCovered, workingDaysAfter } from '../../services/api/src/modules/calendar/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
const tokens = new Map<string, string>();
const gql = async (user: string, query: string, v: Record<string, unknown> = {}) => {
  if (!tokens.has(user)) tokens.set(user, await t.login(user));
  return t.gql(tokens.get(user)!, query, v);
};
const asRoot = <T>(fn: Parameters<typeof withScope<T>>[2]) => withScope(t.database.db, 'yn', fn);
const add = (d: string, n: number) => asRoot(async (trx) =>
  (await sql<{ d: string }>`select to_char(app_add_workdays(${d}::date, ${n}::int), 'YYYY-MM-DD') as d`.execute(trx)).rows[0].d);
const isWork = (d: string) => asRoot(async (trx) => (await sql<{ w: boolean }>`select app_is_workday(${d}::date) as w`.execute(trx)).rows[0].w);

const YEAR = 'query($y:Int!){ workCalendar(year:$y){ year covered notice days { date working kind name source updatedByName } } }';
const SET = 'mutation($d:String!,$w:Boolean!,$n:String){ setWorkDay(date:$d, working:$w, name:$n){ date working kind name source updatedByName } }';
const CLEAR = 'mutation($d:String!){ clearWorkDay(date:$d) }';

beforeAll(async () => { t = await createTestApp(); }, 120_000);
afterAll(async () => { await t?.close(); });

describe(`work calendar (${engineName})`, () => {
  it('knows the 2026 holidays and 调休 working days with their names, as administrators and officers read them', async () => {
    const r = await gql('km-wh.officer', YEAR, { y: 2026 });
    for (const user of ['km-wh.filler', 'km.leader', 'km.auditor', 'km.secadmin']) {
      expect((await gql(user, YEAR, { y: 2026 })).errors?.[0]?.extensions?.code, user).toBe('FORBIDDEN');
    }
    expect(r.errors).toBeUndefined();
    const y = r.data.workCalendar;
    expect(y).toMatchObject({ year: 2026, covered: true, notice: null });
    const byDate = new Map<string, any>(y.days.map((d: any) => [d.date, d]));
    expect(byDate.get('2026-10-01')).toMatchObject({ working: false, kind: '休息日', name: '国庆节', source: 'chinese-days' });
    expect(byDate.get('2026-10-07')).toMatchObject({ working: false, kind: '休息日' });
    expect(byDate.get('2026-10-10')).toMatchObject({ working: true, kind: '调休上班', name: '国庆节' });
    expect(byDate.get('2026-09-20')).toMatchObject({ working: true, kind: '调休上班' });
    expect(byDate.get('2026-02-14')).toMatchObject({ working: true, kind: '调休上班', name: '春节' });
    expect(byDate.get('2026-02-28')).toMatchObject({ working: true, kind: '调休上班', name: '春节' });
    expect(byDate.get('2026-02-17')).toMatchObject({ working: false, kind: '休息日', name: '春节' });
    // An ordinary day carries no arrangement.
    expect(byDate.has('2026-10-12')).toBe(false);
    // The 调休 working days of 2026 are exactly the announced ones.
    expect(y.days.filter((d: any) => d.working).map((d: any) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(await isWork('2026-10-01')).toBe(false);
    expect(await isWork('2026-10-10')).toBe(true); // Saturday, worked
    expect(await isWork('2026-10-11')).toBe(false); // Sunday
    expect(await isWork('2026-10-12')).toBe(true); // Monday
    expect(await isWork('2027-06-07')).toBe(true); // uncovered year: Monday–Friday
    expect(await isWork('2027-06-06')).toBe(false);
  });

  it('adds working days across 国庆 and 春节 (the start not counted), forwards and backwards', async () => {
    expect(await add('2026-09-30', 1)).toBe('2026-10-08');
    expect(await add('2026-09-30', 3)).toBe('2026-10-10'); // 10-08 Thu, 10-09 Fri, 10-10 Sat worked
    expect(await add('2026-09-30', 4)).toBe('2026-10-12');
    expect(await add('2026-10-03', 1)).toBe('2026-10-08'); // from inside the holiday
    expect(await add('2026-09-18', 1)).toBe('2026-09-20'); // Friday → the worked Sunday
    expect(await add('2026-02-13', 1)).toBe('2026-02-14');
    expect(await add('2026-02-13', 2)).toBe('2026-02-24');
    expect(await add('2026-02-13', 5)).toBe('2026-02-27');
    expect(await add('2026-02-13', 6)).toBe('2026-02-28');
    expect(await add('2026-10-08', -1)).toBe('2026-09-30');
    expect(await add('2026-10-03', -1)).toBe('2026-09-30');
    expect(await add('2026-10-12', -2)).toBe('2026-10-09');
    expect(await add('2026-10-11', 0)).toBe('2026-10-11');
    // 15 working days after 2026-09-25 (中秋, off): 09-28, 29, 30, 10-08, 09, 10 (Sat), 12, 13, 14, 15, 16, 19, 20, 21, 22.
    expect(await add('2026-09-25', 15)).toBe('2026-10-22');
    // The API's helpers answer the same from the table.
    await asRoot(async (trx) => {
      expect(await addWorkingDays(trx, '2026-09-30', 3)).toBe('2026-10-10');
      expect(await isWorkingDay(trx, '2026-02-28')).toBe(true);
      expect(await isWorkingDay(trx, '2026-02-16')).toBe(false);
      await expect(addWorkingDays(trx, '2026-02-30', 1)).rejects.toThrow('日期 2026-02-30 不是有效的日期');
    });
  });

  it('says which years are covered and warns (or refuses) when a date falls outside', async () => {
    const cov = (await gql('km.officer', '{ workCalendarCoverage { from to years } }')).data.workCalendarCoverage;
    expect(cov.from).toBe(2004);
    expect(cov.to).toBeGreaterThanOrEqual(2026);
    expect(cov.years).toEqual(Array.from({ length: cov.to - 2004 + 1 }, (_x, i) => 2004 + i));
    const y2100 = (await gql('km.officer', YEAR, { y: 2100 })).data.workCalendar;
    expect(y2100).toMatchObject({ covered: false, days: [], notice: '工作日历未覆盖 2100 年，请管理员补充节假日安排' });
    expect((await gql('km.officer', YEAR, { y: 1800 })).errors?.[0]?.message).toBe('年份须为 1949–2100 之间的整数');
    await asRoot(async (trx) => {
      expect((await calendarCoverage(trx)).years).toContain(2026);
      const inside = await workingDaysAfter(trx, '2026-09-30', 3);
      expect(inside).toEqual({ date: '2026-10-10', uncovered: [], warning: null });
      // 2099-12-25 (Fri) + 10, both years uncovered: Monday–Friday (Dec 28–31, Jan 1, Jan 4–8).
      const out = await workingDaysAfter(trx, '2099-12-25', 10);
      expect(out.date).toBe('2100-01-08');
      expect(out.uncovered).toEqual([2099, 2100]);
      expect(out.warning).toBe('工作日历未覆盖 2099、2100 年，请管理员补充节假日安排（暂按周一至周五计算）');
      await expect(requireCovered(trx, '2100-03-01')).rejects.toThrow('工作日历未覆盖 2100 年，请管理员补充节假日安排');
      await expect(requireCovered(trx, '2026-03-01')).resolves.toBeUndefined();
    });
  });

  it('the root administrator adds a new year and changes days, audited; the arithmetic follows at once', async () => {
    // A new year's first day declares it covered.
    const set = await gql('yn.admin', SET, { d: '2099-01-01', w: false, n: '元旦' });
    expect(set.errors).toBeUndefined();
    expect(set.data.setWorkDay).toMatchObject({ date: '2099-01-01', working: false, kind: '休息日', name: '元旦', source: 'admin' });
    expect(set.data.setWorkDay.updatedByName).toBeTruthy();
    expect((await gql('km.admin', YEAR, { y: 2099 })).data.workCalendar).toMatchObject({ covered: true, notice: null });
    expect((await gql('km-wh.officer', '{ workCalendarCoverage { years } }')).data.workCalendarCoverage.years).toContain(2099);
    // 2099-01-03 is a Saturday: a 调休 working day.
    expect((await gql('yn.admin', SET, { d: '2099-01-03', w: true, n: '元旦' })).data.setWorkDay.kind).toBe('调休上班');
    expect(await add('2098-12-31', 1)).toBe('2099-01-02');
    expect(await add('2098-12-31', 2)).toBe('2099-01-03');
    // A working Monday made a holiday, then cleared again.
    expect(await add('2026-10-09', 2)).toBe('2026-10-12');
    expect((await gql('yn.admin', SET, { d: '2026-10-12', w: false, n: '测试假日' })).data.setWorkDay.name).toBe('测试假日');
    expect(await isWork('2026-10-12')).toBe(false);
    expect(await add('2026-10-09', 2)).toBe('2026-10-13');
    expect((await gql('yn.admin', CLEAR, { d: '2026-10-12' })).data.clearWorkDay).toBe(true);
    expect(await isWork('2026-10-12')).toBe(true);
    expect(await add('2026-10-09', 2)).toBe('2026-10-12');
    // Renaming a seeded day keeps it off and marks it as entered by the administrator.
    expect((await gql('yn.admin', SET, { d: '2026-10-02', w: false, n: '国庆节（中秋）' })).data.setWorkDay).toMatchObject({ name: '国庆节（中秋）', source: 'admin' });
    // Each change is on the access log, naming the day.
    const rows = await asRoot((trx) => trx.selectFrom('audit_event').select(['operation', 'summary', 'outcome'])
      .where('operation', 'in', ['mutation {setWorkDay}', 'mutation {clearWorkDay}']).where('outcome', '=', 'success').orderBy('seq').execute());
    expect(rows.map((r) => r.summary)).toEqual(expect.arrayContaining([
      expect.stringMatching(/设置工作日历.*2099-01-01 休息日（元旦）/), expect.stringMatching(/设置工作日历.*2026-10-12 休息日（测试假日）/),
      expect.stringMatching(/清除工作日历安排.*2026-10-12/),
    ]));
  });

  it('refuses everyone else, and hostile input, in Chinese, leaving the calendar untouched', async () => {
    const before = await asRoot(async (trx) => (await sql<{ h: string }>`select md5(string_agg(day::text || working || name, ',' order by day)) as h from work_calendar_day`.execute(trx)).rows[0].h);
    for (const user of ['km.admin', 'km-wh.admin', 'yn.officer', 'yn.secadmin', 'yn.auditor', 'yn.leader', 'km-wh.filler']) {
      const r = await gql(user, SET, { d: '2026-12-31', w: false, n: '越权' });
      expect(r.errors?.[0]?.extensions?.code, user).toBe('FORBIDDEN');
      expect((await gql(user, CLEAR, { d: '2026-10-01' })).errors?.[0]?.extensions?.code, user).toBe('FORBIDDEN');
    }
    const bad = async (v: Record<string, unknown>, message: string) =>
      expect((await gql('yn.admin', SET, v)).errors?.[0]?.message).toBe(message);
    await bad({ d: '2026-02-30', w: false }, '日期 2026-02-30 不是有效的日期');
    await bad({ d: '2026/10/01', w: false }, '日期格式应为 YYYY-MM-DD（如 2026-10-01）');
    await bad({ d: '1900-01-01', w: false }, '日期须在 1949–2100 年之间');
    await bad({ d: '2026-12-31', w: false, n: '假'.repeat(41) }, '名称最长 40 个字符');
    await bad({ d: '2026-12-31', w: false, n: '假\u0000日' }, '名称不能包含控制字符');
    await bad({ d: '2026-12-31', w: true, n: '加班' }, '2026-12-31 是周四，本来就是工作日；要撤销该日的放假安排，请清除该日');
    expect((await gql('yn.admin', CLEAR, { d: '2026-10-12' })).errors?.[0]?.message).toBe('2026-10-12 没有放假或调休安排，无需清除');
    const after = await asRoot(async (trx) => (await sql<{ h: string }>`select md5(string_agg(day::text || working || name, ',' order by day)) as h from work_calendar_day`.execute(trx)).rows[0].h);
    expect(after).toBe(before);
    // The floor: the API role cannot write the tables, and the edit functions refuse a scope below the root.
    await asRoot(async (trx) => {
      const p = (await sql<Record<string, boolean>>`select
          has_table_privilege(current_user, 'work_calendar_day', 'INSERT') as i, has_table_privilege(current_user, 'work_calendar_day', 'UPDATE') as u,
          has_table_privilege(current_user, 'work_calendar_day', 'DELETE') as d, has_table_privilege(current_user, 'work_calendar_index', 'UPDATE') as x,
          has_table_privilege(current_user, 'work_calendar_year', 'INSERT') as y, has_function_privilege(current_user, 'app_work_calendar_reindex()', 'EXECUTE') as r`.execute(trx)).rows[0];
      expect(p).toEqual({ i: false, u: false, d: false, x: false, y: false, r: false });
    });
    await expect(withScope(t.database.db, 'yn.km', (trx) => sql`select app_work_calendar_set('2026-12-31', false, '越权', 'x')`.execute(trx)))
      .rejects.toThrow(/only the root tenant/);
    await expect(withScope(t.database.db, null, (trx) => sql`select app_work_calendar_clear('2026-10-01')`.execute(trx)))
      .rejects.toThrow(/only the root tenant/);
  });
});
