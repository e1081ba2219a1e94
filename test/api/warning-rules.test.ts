// Warning rules per tenant (docs/warning-rules.md): a rule changed at the city (km) is inherited by its counties unless
// they override it; a county's override wins there only; a city lock beats every override below and refuses new ones;
// versions keep who and when (edits, locks, resets); hostile definitions are refused in Chinese with nothing written;
// roles and scope; the colour scheme; and the preview, which counts what an edit would do and keeps nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { asUsers, code, msg } from '../helpers/users.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); }, 120_000);
afterAll(async () => { await t?.close(); });

const { gql, asRoot } = asUsers(() => t);
const displayName = (username: string) => asRoot(async (trx) =>
  (await trx.selectFrom('app_user').select('display_name').where('username', '=', username).executeTakeFirstOrThrow()).display_name);
/** Everything the commands could write: rules, schemes and hits. */
const state = () => asRoot(async (trx) => ({
  rules: await trx.selectFrom('warning_rule').select(['tenant_id', 'code', 'version', 'name', 'level', 'definition', 'locked', 'action', 'superseded_at'])
    .orderBy('tenant_id').orderBy('code').orderBy('version').execute(),
  schemes: await trx.selectFrom('warning_scheme').select(['tenant_id', 'version', 'levels', 'superseded_at']).orderBy('tenant_id').orderBy('version').execute(),
  hits: (await sql<{ h: string | null }>`select md5(string_agg(cadre_id::text || rule_code || rule_version || level || starts_on::text || coalesce(ends_on::text, ''), ',' order by cadre_id, rule_code, starts_on)) as h from warning_hit`.execute(trx)).rows[0].h,
}));

const RULE = 'code name kind kindLabel level { code name hex } levelCode definition enabled locked lockedAbove version source sourceKind ownerTenant { code name } canEdit';
const RULES = `query($t:String!){ warningRules(tenantCode:$t){ ${RULE} } }`;
const UPSERT = `mutation($t:String!,$i:WarningRuleInput!){ upsertWarningRule(tenantCode:$t, input:$i){ ${RULE} } }`;
const LOCK = `mutation($t:String!,$c:String!,$l:Boolean!){ lockWarningRule(tenantCode:$t, code:$c, locked:$l){ ${RULE} } }`;
const RESET = `mutation($t:String!,$c:String!){ resetWarningRule(tenantCode:$t, code:$c){ ${RULE} } }`;
const HISTORY = `query($t:String!,$c:String!){ warningRuleHistory(tenantCode:$t, code:$c){ version action actionLabel name levelCode definition locked note createdBy createdAt current tenant { code name } } }`;
const SCHEME = 'version source sourceKind ownerTenant { code name } levels { code name rank hex } influence { kind kindLabel measure measureLabel months } dispositions { level kind title rectifyWorkingDays } canEdit';
const PREVIEW = `query($t:String!,$i:WarningRuleInput!,$d:String){ previewWarningRule(tenantCode:$t, input:$i, asOf:$d){ asOf changed summary tenantCount before { colour count level { code } } after { colour count level { code } } moves { from { code } to { code } count } } }`;

async function rule(user: string, tenant: string, ruleCode: string) {
  const r = await gql(user, RULES, { t: tenant });
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.warningRules.find((x: any) => x.code === ruleCode);
}
const orange2 = (fallbackMonths: number | null, note = '测试') => ({
  code: 'ORANGE-FORM2', name: '第二种形态处理处分影响期内', kind: 'sanction', level: '橙', note,
  definition: JSON.stringify({ match: { forms: ['第二种形态'] }, fallbackMonths }),
});

describe(`warning rules: inheritance, overrides, locks and history (${engineName})`, () => {
  it('the defaults are in force everywhere until someone changes them', async () => {
    const r = await rule('km-wh.officer', 'km-wh', 'RED-FORM3');
    expect(r).toMatchObject({ version: 1, source: '系统默认', sourceKind: 'default', ownerTenant: null, kind: 'sanction', kindLabel: '处理处分影响期', level: { code: 'red', name: '红' }, locked: false, canEdit: true });
    expect(JSON.parse(r.definition)).toEqual({ kind: 'sanction', match: { forms: ['3'] }, fallbackMonths: null });
  });

  it('a rule changed at the city is inherited by its counties; an override at a county wins there only', async () => {
    const up = await gql('km.officer', UPSERT, { t: 'km', i: orange2(6, '市级统一：无影响期的按 6 个月') });
    expect(up.errors).toBeUndefined();
    expect(up.data.upsertWarningRule).toMatchObject({ code: 'ORANGE-FORM2', version: 2, source: '本级', sourceKind: 'own', ownerTenant: { code: 'km' } });
    // Labels were stored as codes.
    expect(JSON.parse(up.data.upsertWarningRule.definition)).toEqual({ kind: 'sanction', match: { forms: ['2'] }, fallbackMonths: 6 });
    for (const county of ['km-wh', 'km-pl', 'km-gd']) {
      expect(await rule(`${county}.officer`, county, 'ORANGE-FORM2')).toMatchObject({
        version: 2, source: '继承自 昆明市纪委监委', sourceKind: 'inherited', ownerTenant: { code: 'km', name: '昆明市纪委监委' }, canEdit: true,
      });
    }
    // The access log names the rule, the tenant and how many tenants were recomputed (the city and its ten below).
    const logged = await asRoot(async (trx) => (await trx.selectFrom('audit_event').select(['summary', 'kind', 'outcome'])
      .where('username', '=', 'km.officer').where('summary', 'like', '修改预警规则%').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()));
    expect(logged).toMatchObject({ kind: 'write', outcome: 'success' });
    expect(logged.summary).toMatch(/^修改预警规则（预警规则「第二种形态处理处分影响期内」、重新计算 \d+ 个机构的预警）：昆明市纪委监委$/);
    // The province above is untouched.
    expect((await rule('yn.officer', 'yn', 'ORANGE-FORM2')).version).toBe(1);

    const ov = await gql('km-wh.officer', UPSERT, { t: 'km-wh', i: orange2(12, '五华区：按 12 个月') });
    expect(ov.errors).toBeUndefined();
    expect(ov.data.upsertWarningRule).toMatchObject({ version: 3, source: '本级', ownerTenant: { code: 'km-wh' } });
    expect(await rule('km-wh.officer', 'km-wh', 'ORANGE-FORM2')).toMatchObject({ version: 3, sourceKind: 'own' });
    expect(await rule('km-pl.officer', 'km-pl', 'ORANGE-FORM2')).toMatchObject({ version: 2, sourceKind: 'inherited' });
    // The city sees its counties' rules too (its subtree), and its own version at home.
    expect(await rule('km.officer', 'km-wh', 'ORANGE-FORM2')).toMatchObject({ version: 3, sourceKind: 'own' });
    expect(await rule('km.officer', 'km', 'ORANGE-FORM2')).toMatchObject({ version: 2 });
  });

  it('a city lock wins over the county override, refuses new ones, and unlocking gives the county its own back', async () => {
    const lock = await gql('km.admin', LOCK, { t: 'km', c: 'ORANGE-FORM2', l: true });
    expect(lock.errors).toBeUndefined();
    // Numbered above every version below it (五华's 3): along a line of the tree a number names one definition.
    expect(lock.data.lockWarningRule).toMatchObject({ version: 4, locked: true, lockedAbove: false, sourceKind: 'own' });
    for (const county of ['km-wh', 'km-pl']) {
      const r = await rule(`${county}.officer`, county, 'ORANGE-FORM2');
      expect(r).toMatchObject({ version: 4, locked: true, lockedAbove: true, canEdit: false, source: '继承自 昆明市纪委监委' });
      expect(JSON.parse(r.definition).fallbackMonths).toBe(6);
    }
    // Locking again changes nothing.
    expect((await gql('km.admin', LOCK, { t: 'km', c: 'ORANGE-FORM2', l: true })).data.lockWarningRule.version).toBe(4);

    const before = await state();
    for (const [user, q, v] of [
      ['km-wh.officer', UPSERT, { t: 'km-wh', i: orange2(3) }],
      ['km-wh.admin', LOCK, { t: 'km-wh', c: 'ORANGE-FORM2', l: false }],
      ['km-wh.officer', RESET, { t: 'km-wh', c: 'ORANGE-FORM2' }],
      // Nor may the city change it at a county below its lock.
      ['km.officer', UPSERT, { t: 'km-pl', i: orange2(3) }],
    ] as const) {
      const r = await gql(user, q, v);
      expect(msg(r), `${user} ${q.slice(9, 40)}`).toBe('该规则已被上级机构锁定，不能修改');
      expect(code(r)).toBe('BAD_USER_INPUT');
    }
    expect(await state()).toEqual(before);

    const unlock = await gql('km.admin', LOCK, { t: 'km', c: 'ORANGE-FORM2', l: false });
    expect(unlock.data.lockWarningRule).toMatchObject({ version: 5, locked: false });
    expect(await rule('km-wh.officer', 'km-wh', 'ORANGE-FORM2')).toMatchObject({ version: 3, sourceKind: 'own', locked: false });
    expect(await rule('km-pl.officer', 'km-pl', 'ORANGE-FORM2')).toMatchObject({ version: 5, sourceKind: 'inherited', canEdit: true });
  });

  it('history keeps every version with who, when and why; a reset inherits again and is itself a version', async () => {
    const reset = await gql('km-wh.officer', RESET, { t: 'km-wh', c: 'orange-form2' });
    expect(reset.errors).toBeUndefined();
    expect(reset.data.resetWarningRule).toMatchObject({ version: 5, sourceKind: 'inherited', ownerTenant: { code: 'km' } });
    // Nothing left to reset.
    expect(msg(await gql('km-wh.officer', RESET, { t: 'km-wh', c: 'ORANGE-FORM2' }))).toBe('本机构没有修改过该规则，无需恢复继承');

    const h = await gql('km-wh.leader', HISTORY, { t: 'km-wh', c: 'ORANGE-FORM2' });
    expect(h.errors).toBeUndefined();
    const rows = h.data.warningRuleHistory as any[];
    const [kmOfficer, kmAdmin, whOfficer] = await Promise.all(['km.officer', 'km.admin', 'km-wh.officer'].map(displayName));
    const brief = rows.map((x) => [x.tenant.code, x.version, x.action, x.createdBy]);
    expect(brief).toEqual(expect.arrayContaining([
      ['km', 2, 'update', kmOfficer], ['km', 4, 'lock', kmAdmin], ['km', 5, 'unlock', kmAdmin],
      ['km-wh', 3, 'update', whOfficer], ['km-wh', 4, 'reset', whOfficer],
    ]));
    expect(rows).toHaveLength(5);
    // Newest first; the reset reads as such; notes and definitions are kept per version.
    expect(rows[0]).toMatchObject({ tenant: { code: 'km-wh' }, version: 4, action: 'reset', actionLabel: '恢复继承', current: false });
    expect(rows.find((x) => x.tenant.code === 'km-wh' && x.version === 3)).toMatchObject({ note: '五华区：按 12 个月', current: false });
    expect(JSON.parse(rows.find((x) => x.tenant.code === 'km' && x.version === 2).definition).fallbackMonths).toBe(6);
    expect(rows.find((x) => x.tenant.code === 'km' && x.version === 5).current).toBe(true);
    for (const x of rows) expect(new Date(x.createdAt).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);

    // Editing again after a reset continues the numbering (no clash with the county's earlier versions).
    const again = await gql('km-wh.officer', UPSERT, { t: 'km-wh', i: orange2(9) });
    expect(again.errors).toBeUndefined();
    expect(again.data.upsertWarningRule).toMatchObject({ version: 6, sourceKind: 'own' });
    // A pl user sees none of wh's history.
    expect(msg(await gql('km-pl.officer', HISTORY, { t: 'km-wh', c: 'ORANGE-FORM2' }))).toBe('机构不存在或不在管理范围内');
  });

  it('a new rule of any kind, typed with the labels users see, is stored with codes', async () => {
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ code: 'BLUE-INQUIRY', name: '函询办理中', kind: '问题线索办理', level: '蓝', definition: JSON.stringify({ disposalModes: ['谈话函询'], statuses: ['办理中'] }) },
        { kind: 'clue', disposalModes: ['talk_inquiry'], statuses: ['open'] }],
      [{ code: 'ORANGE-COUNT', name: '12 个月内 2 次以上第一种形态', kind: 'count', level: 'orange', definition: JSON.stringify({ match: { forms: ['第一种形态'], measures: ['诫勉', 'reminder_talk'] }, min: 2, windowMonths: 12 }) },
        { kind: 'count', match: { forms: ['1'], measures: ['admonition', 'reminder_talk'] }, min: 2, windowMonths: 12 }],
      [{ code: 'YELLOW-LENDING', name: '大额借贷未结清', kind: '金额阈值', level: '黄', definition: JSON.stringify({ category: '民间借贷', minAmount: '100,000', repayStatuses: ['未结清', '逾期'] }) },
        { kind: 'amount', category: 'lending', minAmount: '100000', repayStatuses: ['open', 'overdue'] }],
      [{ code: 'YELLOW-GIFT', name: '大额礼金', kind: 'amount', level: '黄', definition: JSON.stringify({ category: 'gift', minAmount: 5000.5, handlings: ['上交组织'], windowMonths: 12 }) },
        { kind: 'amount', category: 'gift', minAmount: '5000.50', handlings: ['handed_in'], windowMonths: 12 }],
      [{ code: 'YELLOW-REPORT', name: '个人事项报告逾期', kind: '逾期事项', level: '黄', definition: JSON.stringify({ subject: 'personal_report', deadline: '03-31', deadlineYearOffset: 1, fromYear: 2024 }) },
        { kind: 'overdue', subject: 'personal_report', deadline: '03-31', deadlineYearOffset: 1, fromYear: 2024 }],
      [{ code: 'NEG-LIST', name: '负面清单', kind: '负面清单积分', definition: JSON.stringify({
        items: [{ label: '警告', weight: 3, source: '处理处分', match: { measures: ['警告'] }, months: 12 }, { label: '函询', weight: 1, source: 'clue', disposalModes: ['谈话函询'] }],
        thresholds: [{ level: '红', min: 10 }, { level: '黄', min: 3 }] }) },
        { kind: 'score', items: [{ label: '警告', weight: 3, source: 'sanction', match: { measures: ['warning'] }, months: 12 }, { label: '函询', weight: 1, source: 'clue', disposalModes: ['talk_inquiry'] }],
          thresholds: [{ level: 'yellow', min: 3 }, { level: 'red', min: 10 }] }],
    ];
    for (const [input, stored] of cases) {
      // Saved enabled: the engine evaluates each stored definition in the same request.
      const r = await gql('km-gd.officer', UPSERT, { t: 'km-gd', i: input });
      expect(r.errors, String(input.code)).toBeUndefined();
      expect(JSON.parse(r.data.upsertWarningRule.definition)).toEqual(stored);
      expect(r.data.upsertWarningRule).toMatchObject({ version: 1, sourceKind: 'own' });
    }
    expect((await rule('km-gd.officer', 'km-gd', 'NEG-LIST')).level).toBeNull();
    // A rule made at a county exists there only.
    expect(await rule('km-pl.officer', 'km-pl', 'BLUE-INQUIRY')).toBeUndefined();
    // Resetting a rule that exists only here removes it (its versions stay in the history).
    expect((await gql('km-gd.officer', RESET, { t: 'km-gd', c: 'YELLOW-GIFT' })).data.resetWarningRule).toBeNull();
    expect(await rule('km-gd.officer', 'km-gd', 'YELLOW-GIFT')).toBeUndefined();
    expect((await gql('km-gd.officer', HISTORY, { t: 'km-gd', c: 'YELLOW-GIFT' })).data.warningRuleHistory.map((x: any) => x.action)).toEqual(['reset', 'update']);
  });

  it('hostile or wrong input is refused in Chinese and leaves rules, schemes and hits untouched', async () => {
    const before = await state();
    const bad: [Record<string, unknown>, string | RegExp][] = [
      [{ definition: JSON.stringify({ match: { measures: ['瞎编的处分'] } }) }, '未知的处理（处分）种类：「瞎编的处分」'],
      [{ definition: JSON.stringify({ match: { forms: ['第五种形态'] } }) }, '未知的四种形态：「第五种形态」'],
      [{ level: '紫' }, /^预警等级「紫」不在本机构的颜色方案中/],
      [{ level: null }, '请选择预警等级'],
      [{ definition: '{"match": {"forms": ["2"]' }, '规则定义不是有效的 JSON，请检查括号、引号和逗号'],
      [{ definition: '[1,2]' }, '规则定义须为 JSON 对象'],
      [{ definition: 'null' }, '规则定义须为 JSON 对象'],
      [{ definition: JSON.stringify({ match: { forms: '2' } }) }, '四种形态须为列表'],
      [{ definition: JSON.stringify({ match: { forms: [] } }) }, '四种形态至少选择一项（不限时不填）'],
      [{ definition: JSON.stringify({ match: {}, fallbackMonths: 0 }) }, '无影响期时的计算月数须为 1–240 的整数'],
      [{ definition: JSON.stringify({ match: {}, fallbackMonths: 1.5 }) }, '无影响期时的计算月数须为 1–240 的整数'],
      [{ definition: JSON.stringify({ match: {}, __proto__x: 1, drop: 'table' }) }, /^规则定义含有不认识的字段：/],
      [{ definition: JSON.stringify({ kind: 'clue', match: {} }) }, '规则定义中的类型与所选规则类型不一致'],
      [{ kind: 'magic' }, '未知的规则类型：「magic」'],
      [{ kind: 'count', definition: JSON.stringify({ match: {}, min: 1, windowMonths: 12 }) }, '次数下限须为 2–100 的整数'],
      [{ kind: 'amount', definition: JSON.stringify({ category: 'lending', minAmount: '-5', repayStatuses: ['open'] }) }, '金额下限须为大于 0 的金额（元，最多两位小数）'],
      [{ kind: 'amount', definition: JSON.stringify({ category: 'lending', minAmount: '1e9', repayStatuses: ['open'] }) }, '金额下限须为大于 0 的金额（元，最多两位小数）'],
      [{ kind: 'clue', definition: JSON.stringify({ disposalModes: ['谈话函询'], statuses: ['红'] }) }, '未知的办理状态：「红」'],
      [{ kind: 'clue', definition: JSON.stringify({ statuses: ['办理中'] }) }, '请选择处置方式'],
      [{ kind: 'overdue', definition: JSON.stringify({ subject: 'personal_report', deadline: '02-30', deadlineYearOffset: 1, fromYear: 2024 }) }, /^报告截止日期须为 MM-DD/],
      [{ kind: 'score', definition: JSON.stringify({ items: [{ label: 'x', weight: 1, source: 'clue', disposalModes: ['谈话函询'] }], thresholds: [{ level: '紫', min: 3 }] }) }, /^第 1 个分数阈值的预警等级「紫」不在本机构的颜色方案中/],
      [{ kind: 'score', definition: JSON.stringify({ items: [], thresholds: [] }) }, '负面清单至少需要一个条目'],
      [{ kind: 'score', definition: JSON.stringify({ items: [{ label: 'x', weight: 1, source: 'clue', disposalModes: ['谈话函询'] }], thresholds: [{ level: '红', min: 3 }, { level: '黄', min: 5 }] }) }, '分数越高，预警等级应越高（阈值与等级顺序不一致）'],
      [{ code: 'lower case!' }, /^规则代码须为大写字母开头/],
      [{ definition: 'x'.repeat(20_001) }, '规则定义过长（最多 20000 个字符）'],
      [{ name: '' }, '规则名称不能为空'],
    ];
    for (const [patch, expected] of bad) {
      const input = { ...orange2(6), code: 'TEST-BAD', ...patch };
      for (const q of [UPSERT, PREVIEW]) {
        const r = await gql('km-pl.officer', q, { t: 'km-pl', i: input });
        expect(code(r), JSON.stringify(patch).slice(0, 80)).toBe('BAD_USER_INPUT');
        if (typeof expected === 'string') expect(msg(r)).toBe(expected);
        else expect(msg(r)).toMatch(expected);
      }
    }
    expect(await state()).toEqual(before);
  });

  it('roles: admins and officers edit, leaders read, fillers and auditors nothing; other tenants look missing', async () => {
    const i = orange2(6);
    expect((await gql('km.leader', RULES, { t: 'km-wh' })).data.warningRules.length).toBeGreaterThanOrEqual(6);
    expect((await rule('km.leader', 'km', 'ORANGE-FORM2')).canEdit).toBe(false);
    for (const user of ['km.leader', 'km.filler', 'km.auditor', 'km.secadmin']) {
      expect(code(await gql(user, UPSERT, { t: 'km', i })), user).toBe('FORBIDDEN');
      expect(code(await gql(user, LOCK, { t: 'km', c: 'RED-FORM3', l: true })), user).toBe('FORBIDDEN');
      expect(code(await gql(user, PREVIEW, { t: 'km', i })), user).toBe('FORBIDDEN');
    }
    for (const user of ['km.filler', 'km.auditor', 'km.secadmin']) {
      expect(code(await gql(user, RULES, { t: 'km' })), user).toBe('FORBIDDEN');
      expect(code(await gql(user, '{ warningRuleOptions { sanctionMeasures { code } } }')), user).toBe('FORBIDDEN');
    }
    // Parent, sibling and a code that does not exist answer alike.
    const missing = await gql('km-wh.officer', RULES, { t: 'no-such' });
    expect(msg(missing)).toBe('机构不存在或不在管理范围内');
    for (const other of ['km', 'km-pl', 'yn']) {
      expect(await gql('km-wh.officer', RULES, { t: other })).toEqual(missing);
      expect(msg(await gql('km-wh.admin', UPSERT, { t: other, i }))).toBe('机构不存在或不在管理范围内');
    }
    const opts = await gql('km.admin', '{ warningRuleOptions { sanctionMeasures { code label } clueModes { code label } ruleKinds { code label } } }');
    expect(opts.data.warningRuleOptions.sanctionMeasures).toContainEqual({ code: 'party_post_revoked', label: '撤销党内职务' });
    expect(opts.data.warningRuleOptions.clueModes).toContainEqual({ code: 'investigation', label: '立案审查调查' });
  });

  it('app_ancestor_tenant_names() names only the caller\'s strict ancestors, and nothing without a scope', async () => {
    const names = (path: string | null) => withScope(t.database.db, path, async (trx) =>
      (await sql<{ code: string; name: string }>`select code, name from app_ancestor_tenant_names() order by code`.execute(trx)).rows);
    expect(await names('yn.km.km_wh')).toEqual([{ code: 'km', name: '昆明市纪委监委' }, { code: 'yn', name: '云南省纪委监委' }]);
    expect((await names('yn.km')).map((r) => r.code)).toEqual(['yn']);
    expect(await names('yn')).toEqual([]);
    expect(await names(null)).toEqual([]);
  });

  it('the colour scheme: 3–5 levels named by the tenant, inherited, and never dropping a level a rule uses', async () => {
    const S = `mutation($t:String!,$i:WarningSchemeInput!){ updateWarningScheme(tenantCode:$t, input:$i){ ${SCHEME} } }`;
    const def = (await gql('km-xc.officer', `query($t:String!){ warningScheme(tenantCode:$t){ ${SCHEME} } }`, { t: 'km-xc' })).data.warningScheme;
    expect(def).toMatchObject({ version: 1, sourceKind: 'default', source: '系统默认' });
    expect(def.levels.map((l: any) => l.name)).toEqual(['红', '橙', '黄', '蓝']);
    const five = {
      levels: [
        { code: 'red', name: '红', hex: '#CF1322' }, { code: 'orange', name: '橙', hex: '#fa8c16' }, { code: 'yellow', name: '黄', hex: '#fadb14' },
        { code: 'blue', name: '蓝', hex: '#1677ff' }, { code: 'green', name: '绿', hex: '#52c41a', description: '关注' },
      ],
      influence: [{ kind: '党纪处分', measure: '警告', months: 12 }, { measure: '诫勉', months: 6 }],
      dispositions: [{ level: '红', kind: 'accountability', title: '警示追究书', rectifyWorkingDays: 30 }],
    };
    const before = await state();
    for (const [patch, expected] of [
      [{ levels: five.levels.slice(0, 2) }, '颜色等级须为 3–5 级'],
      [{ levels: [...five.levels, { code: 'purple', name: '紫', hex: '#722ed1' }] }, '颜色等级须为 3–5 级'],
      [{ levels: [five.levels[0], five.levels[1], { ...five.levels[2], hex: '#cf1322' }] }, /^(颜色等级的颜色不能重复|以下规则)/],
      [{ levels: [five.levels[0], five.levels[1], { ...five.levels[2], hex: 'yellow' }] }, '第 3 个等级的颜色须为 #RRGGBB 形式'],
      [{ levels: five.levels.slice(0, 3) }, /^以下规则使用的预警等级不在新的颜色方案中，请先修改规则：BLUE-CLUE（blue）/],
      [{ influence: [{ measure: '没有这种', months: 6 }] }, '未知的第 1 条默认影响期的处理（处分）种类：「没有这种」'],
      [{ influence: [{ measure: '警告', months: 0 }] }, '第 1 条默认影响期的月数须为 1–240 的整数'],
      [{ dispositions: [{ level: '紫', kind: 'x', title: 'x', rectifyWorkingDays: 3 }] }, '第 1 条处置方式的预警等级「紫」不在颜色方案中'],
    ] as const) {
      const r = await gql('km-xc.officer', S, { t: 'km-xc', i: { ...five, ...patch } });
      expect(code(r), JSON.stringify(patch).slice(0, 60)).toBe('BAD_USER_INPUT');
      if (typeof expected === 'string') expect(msg(r)).toBe(expected);
      else expect(msg(r)).toMatch(expected);
    }
    expect(await state()).toEqual(before);

    const ok = await gql('km-xc.admin', S, { t: 'km-xc', i: five });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateWarningScheme).toMatchObject({ version: 2, sourceKind: 'own', source: '本级', ownerTenant: { code: 'km-xc' } });
    expect(ok.data.updateWarningScheme.levels.map((l: any) => [l.name, l.rank, l.hex])).toEqual([
      ['红', 5, '#cf1322'], ['橙', 4, '#fa8c16'], ['黄', 3, '#fadb14'], ['蓝', 2, '#1677ff'], ['绿', 1, '#52c41a'],
    ]);
    expect(ok.data.updateWarningScheme.influence).toEqual([
      { kind: 'party', kindLabel: '党纪处分', measure: 'warning', measureLabel: '警告', months: 12 },
      { kind: null, kindLabel: null, measure: 'admonition', measureLabel: '诫勉', months: 6 },
    ]);
    // The new level is usable by the tenant's rules at once; the leader reads, cannot edit.
    const green = await gql('km-xc.officer', UPSERT, { t: 'km-xc', i: { code: 'GREEN-HELD', name: '暂存待查', kind: 'clue', level: '绿', definition: JSON.stringify({ disposalModes: ['暂存待查'] }) } });
    expect(green.data.upsertWarningRule.level).toMatchObject({ code: 'green', name: '绿' });
    expect(code(await gql('km-xc.leader', S, { t: 'km-xc', i: five }))).toBe('FORBIDDEN');
    // The parent sees the child's scheme as the child's own; a sibling never.
    expect((await gql('km.officer', `query($t:String!){ warningScheme(tenantCode:$t){ ${SCHEME} } }`, { t: 'km-xc' })).data.warningScheme.version).toBe(2);
    expect(msg(await gql('km-wh.officer', `query($t:String!){ warningScheme(tenantCode:$t){ version } }`, { t: 'km-xc' }))).toBe('机构不存在或不在管理范围内');
  });
});

describe(`warning rules: recompute and preview (${engineName})`, () => {
  const AS_OF = '2026-12-01';
  let cadreId = '';
  const hitsOf = (id: string) => asRoot(async (trx) => trx.selectFrom('warning_hit').select(['rule_code', 'rule_version', 'level'])
    .where('cadre_id', '=', id).orderBy('rule_code').execute());

  beforeAll(async () => {
    // A cadre of 五华 whose only record is a 第三种形态 sanction inside its influence period on AS_OF.
    const units = await gql('km-wh.officer', '{ units(tenantCode:"km-wh"){ id } }');
    const c = await gql('km-wh.officer', 'mutation($u:ID!){ createCadre(input:{name:"预警规则测试", unitId:$u}){ id } }', { u: units.data.units[0].id });
    cadreId = c.data.createCadre.id;
    const r = await gql('km-wh.officer', `mutation($c:ID!){ createRecord(cadreId:$c, category:10, fields:{sanction:{kind:"党纪处分", measure:"撤销党内职务", decidedOn:"2026-06-01", issuingBody:"五华区纪委", facts:"测试"}}){ id } }`, { c: cadreId });
    expect(r.errors).toBeUndefined();
  });

  const red3AsOrange = { code: 'RED-FORM3', name: '第三种形态处理处分影响期内', kind: 'sanction', level: '橙', definition: JSON.stringify({ match: { forms: ['第三种形态'] } }) };

  it('the preview counts who would change colour and keeps nothing', async () => {
    const before = await state();
    const p = await gql('km-wh.officer', PREVIEW, { t: 'km-wh', i: red3AsOrange, d: AS_OF });
    expect(p.errors).toBeUndefined();
    const pv = p.data.previewWarningRule;
    expect(pv.asOf).toBe(AS_OF);
    expect(pv.tenantCount).toBe(1);
    expect(pv.changed).toBeGreaterThanOrEqual(1);
    // Red to orange is the only move this edit can make.
    expect(pv.moves).toEqual([{ from: { code: 'red' }, to: { code: 'orange' }, count: pv.changed }]);
    expect(pv.summary).toBe(`此修改将使 ${pv.changed} 人变为橙色`);
    const n = (list: any[], c: string) => list.find((b) => b.level.code === c)?.count ?? 0;
    expect(n(pv.after, 'red')).toBe(n(pv.before, 'red') - pv.changed);
    expect(n(pv.after, 'orange')).toBe(n(pv.before, 'orange') + pv.changed);
    expect(pv.before.find((b: any) => b.level.code === 'red').colour).toBe('红');
    expect(await state()).toEqual(before);

    // Previewing at the city covers the counties that inherit it (not one that has its own version).
    const city = (await gql('km.officer', PREVIEW, { t: 'km', i: red3AsOrange, d: AS_OF })).data.previewWarningRule;
    expect(city.changed).toBeGreaterThanOrEqual(pv.changed);
    expect(city.tenantCount).toBeGreaterThan(1);
    // A change that moves nobody says so.
    const same = (await gql('km-wh.officer', PREVIEW, { t: 'km-wh', i: { ...red3AsOrange, level: '红', name: '改名' }, d: AS_OF })).data.previewWarningRule;
    expect(same).toMatchObject({ changed: 0, moves: [], summary: '此修改不会改变任何人的预警颜色' });
    expect(await state()).toEqual(before);
  });

  it('saving recomputes the hits of the tenant and of the tenants below that inherit the change, in the same request', async () => {
    const plCadre = await asRoot(async (trx) => (await trx.selectFrom('warning_hit as h').innerJoin('tenant as t', 't.id', 'h.tenant_id')
      .select('h.cadre_id').where('t.code', '=', 'km-pl').where('h.rule_code', '=', 'RED-FORM3').limit(1).executeTakeFirst())?.cadre_id);
    const up = await gql('km-wh.officer', UPSERT, { t: 'km-wh', i: red3AsOrange });
    expect(up.errors).toBeUndefined();
    expect(await hitsOf(cadreId)).toEqual([{ rule_code: 'RED-FORM3', rule_version: 2, level: 'orange' }]);
    if (plCadre) expect((await hitsOf(plCadre)).filter((h) => h.rule_code === 'RED-FORM3').every((h) => h.level === 'red' && h.rule_version === 1)).toBe(true);

    // The city locks its own (default) version: the county's override yields, and its hits follow at once.
    const lock = await gql('km.officer', LOCK, { t: 'km', c: 'RED-FORM3', l: true });
    expect(lock.data.lockWarningRule).toMatchObject({ version: 3, locked: true, levelCode: 'red' });
    expect(await hitsOf(cadreId)).toEqual([{ rule_code: 'RED-FORM3', rule_version: 3, level: 'red' }]);
    await gql('km.officer', LOCK, { t: 'km', c: 'RED-FORM3', l: false });
    expect(await hitsOf(cadreId)).toEqual([{ rule_code: 'RED-FORM3', rule_version: 2, level: 'orange' }]);
    // Reset: the county inherits the city's version again.
    await gql('km-wh.officer', RESET, { t: 'km-wh', c: 'RED-FORM3' });
    expect(await hitsOf(cadreId)).toEqual([{ rule_code: 'RED-FORM3', rule_version: 4, level: 'red' }]);
  });
});
