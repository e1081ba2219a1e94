// Day one of a new commission (issue 13, "done when"), in a real browser from a freshly created 机构: its admin
// builds the unit tree in 单位管理, its officer files a cadre by hand, imports an appointment form into a chosen unit
// (confirming is not possible before a unit is chosen), moves the cadre to another unit, returns a filler's record,
// and the filler finds it in 我的填报 under 已退回 with the reason. Accounts are made through the API as a parent's
// administrator would (activation and grant approval are tested in admin.test.ts). Needs web/dist and chromium.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, pickTreeOption, shot, submitLogin, toast, useBrowser, WAIT } from '../helpers/browser.js';

const TIMEOUT = 300_000;
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/forms');
const CODE = 'km-dayone';
const PASSWORD = 'Kunming#2026ab';

describe.skipIf(!hasChromium)('day one of a new commission in the browser', () => {
  const rig = useBrowser({ timezoneId: 'Asia/Shanghai' });

  /** An account of the new 机构, made by the city's admin, activated with PASSWORD, its grant approved by the city's secadmin. */
  async function account(tenantId: string, loginName: string, role: string, unitIds: string[] = []): Promise<string> {
    const admin = await rig.apiLogin('km.admin');
    const made = (await rig.api<{ createUser: { activationCode: string; user: { id: string; username: string } } }>(
      'mutation($t:ID!,$n:String!,$r:String!,$u:[ID!]){ createUser(input:{tenantId:$t, loginName:$n, displayName:$n, role:$r, unitIds:$u}){ activationCode user { id username } } }',
      { t: tenantId, n: loginName, r: role, u: unitIds }, admin)).createUser;
    const ready = (await rig.api<{ activateAccount: { ready: boolean } }>(
      'mutation($u:String!,$c:String!,$p:String!){ activateAccount(username:$u, code:$c, newPassword:$p){ ready } }',
      { u: made.user.username, c: made.activationCode, p: PASSWORD })).activateAccount.ready;
    if (!ready) {
      const sec = await rig.apiLogin('km.secadmin');
      const grants = (await rig.api<{ roleGrants: { edges: { node: { id: string } }[] } }>(
        'query($u:ID){ roleGrants(status:"pending", userId:$u){ edges { node { id } } } }', { u: made.user.id }, sec)).roleGrants.edges;
      expect(grants.length).toBe(1);
      await rig.api('mutation($id:ID!){ approveRoleGrant(id:$id){ status } }', { id: grants[0].node.id }, sec);
    }
    return made.user.username;
  }

  async function login(username: string): Promise<Page> {
    const page = await rig.newPage();
    await submitLogin(page, rig.srv.url, username, PASSWORD);
    await page.locator('[data-testid^="menu-"]').first().waitFor(WAIT);
    return page;
  }

  it('admin builds units, officer files a cadre by hand, imports into a chosen unit, moves the cadre; the filler sees a returned record', async () => {
    // A new 机构 below the city, with an administrator of its own and no units.
    const cityAdmin = await rig.apiLogin('km.admin');
    const city = (await rig.api<{ tenants: { id: string; code: string }[] }>('{ tenants { id code } }', {}, cityAdmin)).tenants.find((x) => x.code === 'km')!;
    const tenant = (await rig.api<{ createTenant: { id: string } }>(
      'mutation($i: TenantInput!) { createTenant(input: $i) { id } }',
      { i: { parentId: city.id, code: CODE, name: '呈贡区纪委监委', kind: 'county_commission', sortOrder: 90 } }, cityAdmin)).createTenant;
    const adminName = await account(tenant.id, 'admin', 'admin');
    const adminToken = (await rig.api<{ login: { accessToken: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', { u: adminName, p: PASSWORD })).login.accessToken;
    const unitsOf = async () => (await rig.api<{ units: { id: string; name: string; code: string | null; kind: string; parentId: string | null }[] }>(
      'query($c:String){ units(tenantCode:$c){ id name code kind parentId } }', { c: CODE }, adminToken)).units;
    expect(await unitsOf()).toEqual([]);

    // 1. The admin builds the unit tree in 单位管理.
    const admin = await login(adminName);
    await admin.getByTestId('menu-units').click();
    await admin.getByTestId('units-page').waitFor(WAIT);
    const create = async (name: string, code: string, button: 'unit-create-top' | 'unit-create-child', kind: string) => {
      await admin.getByTestId(button).click();
      await admin.locator('#unit-name').fill(name);
      await admin.getByTestId('unit-kind').click();
      await admin.locator('.ant-select-item-option').getByText(kind, { exact: true }).click();
      await admin.locator('#unit-code').fill(code);
      await admin.getByTestId('unit-create-ok').click();
      await toast(admin, `已新增单位：${name}`);
      await admin.getByTestId(`unit-node-${code}`).waitFor(WAIT);
    };
    await create('委机关', 'CG-JG', 'unit-create-top', '内设机构');
    await admin.getByTestId('unit-node-CG-JG').click();
    await create('第一监督检查室', 'CG-J1', 'unit-create-child', '内设机构');
    await admin.getByTestId('unit-node-CG-JG').click();
    await create('案件审理室', 'CG-SL', 'unit-create-child', '内设机构');
    await create('委领导班子', 'CG-BZ', 'unit-create-top', '县区纪委监委班子');
    await shot(admin, 'day-one-units');
    const units = await unitsOf();
    const unit = (code: string) => units.find((u) => u.code === code)!;
    expect(units.map((u) => [u.code, u.kind]).sort()).toEqual([
      ['CG-BZ', '县区纪委监委班子'], ['CG-J1', '内设机构'], ['CG-JG', '内设机构'], ['CG-SL', '内设机构']]);
    expect(unit('CG-J1').parentId).toBe(unit('CG-JG').id);

    // 2. The officer files a cadre by hand into 第一监督检查室.
    const officerName = await account(tenant.id, 'officer', 'officer');
    const officer = await login(officerName);
    await officer.waitForURL(/\/cadres$/, WAIT);
    await officer.getByTestId('new-cadre').click();
    await officer.getByTestId('new-cadre-form').waitFor(WAIT);
    await officer.locator('#profile-name').fill('杨丽萍');
    await pickTreeOption(officer, 'new-cadre-unit', '第一监督检查室');
    await officer.locator('#profile-position').fill('第一监督检查室副主任');
    await officer.getByTestId('new-cadre-save').click();
    await toast(officer, '已新建干部「杨丽萍」');
    await officer.getByTestId('archive-header').waitFor(WAIT);
    const cadreId = new URL(officer.url()).pathname.split('/').pop()!;

    // 3. An appointment form: confirming waits for a unit to be chosen, then it lands in 案件审理室.
    await officer.getByTestId('menu-import').click();
    await officer.waitForURL(/\/import$/, WAIT);
    await officer.getByTestId('import-page').locator('input[type=file]').setInputFiles([path.join(FIXTURES, 'word-style.docx')]);
    await expect.poll(() => officer.getByTestId('import-parse').textContent()).toContain('1 个文件');
    await officer.getByTestId('import-parse').click();
    const preview = officer.getByTestId('import-preview');
    await preview.waitFor(WAIT);
    expect(await preview.locator('tr.ant-table-row').first().textContent()).toContain('新建档案');
    expect(await officer.getByTestId('import-confirm').isDisabled()).toBe(true);
    await pickTreeOption(officer, 'import-unit', '案件审理室');
    await officer.getByTestId('import-confirm').click();
    const result = officer.getByTestId('import-result');
    await result.waitFor(WAIT);
    await result.getByTestId('import-result-link').first().click();
    await officer.getByTestId('archive-header').waitFor(WAIT);
    await expect.poll(() => officer.getByTestId('archive-header').textContent(), WAIT).toContain('案件审理室');

    // 4. The hand-filed cadre moves to 委领导班子; the unit history shows the move.
    await officer.goto(`${rig.srv.url}/cadres/${cadreId}`);
    const lifecycle = officer.getByTestId('cadre-lifecycle');
    await expect.poll(() => lifecycle.getByTestId('lifecycle-unit').textContent(), WAIT).toBe('第一监督检查室');
    await officer.getByTestId('move-cadre').click();
    await pickTreeOption(officer, 'move-cadre-unit', '委领导班子');
    await officer.getByTestId('move-cadre-save').click();
    await toast(officer, '已将「杨丽萍」调整到「委领导班子」');
    await expect.poll(() => lifecycle.getByTestId('lifecycle-unit').textContent(), WAIT).toBe('委领导班子');
    await expect.poll(() => lifecycle.getByTestId('unit-history').locator('tbody tr.ant-table-row').count(), WAIT).toBe(2);

    // 5. A filler of 委领导班子 enters a record; the officer returns it with a reason; the filler's inbox shows it.
    const fillerName = await account(tenant.id, 'filler', 'filler', [unit('CG-BZ').id]);
    const fillerToken = (await rig.api<{ login: { accessToken: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', { u: fillerName, p: PASSWORD })).login.accessToken;
    const rec = (await rig.api<{ createRecord: { id: string } }>(
      `mutation($c: ID!) { createRecord(cadreId: $c, category: 2, fields: { gift: { occurredOn: "2026-10-08", giver: "某商会秘书长",
        giftKind: "礼品", amount: "460", handling: "上交组织", handedOn: "2026-10-09" } }) { id } }`, { c: cadreId }, fillerToken)).createRecord;
    await officer.getByTestId('menu-review').click();
    const queued = officer.locator(`[data-testid="review-row"][data-record-id="${rec.id}"]`);
    await queued.waitFor(WAIT);
    await queued.getByTestId('review-return').click();
    await officer.locator('#return-reason').fill('请补充上交登记凭证的编号');
    await officer.getByTestId('return-ok').click();
    await toast(officer, '已退回：杨丽萍');

    const filler = await login(fillerName);
    await filler.getByTestId('menu-my-records').click();
    await filler.waitForURL(/\/my-records$/, WAIT);
    await filler.getByTestId('my-tab-returned').click();
    const row = filler.locator(`[data-testid="my-row"][data-id="${rec.id}"]`);
    await row.waitFor(WAIT);
    expect(await row.getByTestId('my-cadre').textContent()).toBe('杨丽萍');
    expect(await row.getByTestId('my-reason').textContent()).toBe('请补充上交登记凭证的编号');
    await shot(filler, 'day-one-my-records');
  }, TIMEOUT);
});
