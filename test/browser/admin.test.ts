// 系统管理 in a real browser: tenants, users and security settings administered through the console, with their
// effect on logins and live sessions; menus by permission; the session upkeep (refresh, expiry, logout).
// Needs web/dist (npm run build) and /usr/bin/chromium; skipped where chromium is absent. One server for the file;
// every test makes its own changes, so they do not depend on each other's order.
import { describe, expect, it } from 'vitest';
import { type Locator, type Page } from 'playwright-core';
import { hasChromium, useBrowser, shot, toast, submitLogin, WAIT, pickTreeOption } from '../helpers/browser.js';

const TIMEOUT = 120_000;

interface GqlError { message: string; extensions?: { code?: string } }
interface GqlResult<T> { data?: T; errors?: GqlError[] }

describe.skipIf(!hasChromium)('system administration in the browser', () => {
  const rig = useBrowser();

  async function raw<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> {
    const res = await fetch(`${rig.srv.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  }

  async function api<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const body = await raw<T>(query, variables, token);
    if (body.errors?.length) throw new Error(`${body.errors[0].message} (${body.errors[0].extensions?.code})`);
    return body.data as T;
  }

  const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken } }';
  const apiLoginRaw = (username: string, password = rig.srv.password) =>
    raw<{ login: { accessToken: string } | null }>(LOGIN, { u: username, p: password });
  async function apiLogin(username: string, password = rig.srv.password): Promise<string> {
    return (await api<{ login: { accessToken: string } }>(LOGIN, { u: username, p: password })).login.accessToken;
  }
  const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code;

  const ACTIVATE = 'mutation($u: String!, $c: String!, $p: String!) { activateAccount(username: $u, code: $c, newPassword: $p) { ready } }';
  /** 三员分立: the activation code shown once after 新建用户 or 重置密码 — read from the modal, which is then closed. */
  async function takeActivationCode(page: Page): Promise<string> {
    await page.getByTestId('activation-modal').waitFor(WAIT);
    const text = (await page.getByTestId('activation-code').textContent()) ?? '';
    const code = /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/.exec(text)?.[0];
    expect(code, text).toBeTruthy();
    await page.getByTestId('activation-close').click();
    await page.getByTestId('activation-modal').waitFor({ state: 'detached', timeout: 30_000 });
    return code!;
  }
  /** The open role grant of an account, approved by a security administrator (授权审批). */
  async function approveGrant(grantee: string, approver = 'km.secadmin') {
    const token = await apiLogin(approver);
    const list = await api<{ roleGrants: { edges: { node: { id: string; username: string } }[] } }>(
      '{ roleGrants(status: "pending", first: 500) { edges { node { id username } } } }', {}, token);
    const grant = list.roleGrants.edges.map((e) => e.node).find((g) => g.username === grantee);
    expect(grant, `a pending grant for ${grantee}`).toBeTruthy();
    await api('mutation($id: ID!) { approveRoleGrant(id: $id) { status } }', { id: grant!.id }, token);
  }

  /**
   * An item of the user menu (a dropdown), clicked once its opening animation has settled, until the page goes to
   * `url`: a click that lands while the dropdown is still appearing can be lost on a loaded machine.
   */
  async function userMenu(page: Page, item: string, url: RegExp) {
    for (let attempt = 1; ; attempt++) {
      // Open the menu unless it is open already (a second click on the trigger would close it again).
      if (!(await page.getByTestId(item).isVisible())) await page.getByTestId('current-user').click();
      try {
        await page.getByTestId(item).waitFor({ state: 'visible', timeout: 10_000 });
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
        // The menu can close under the click (a re-render on a loaded machine): then it is opened again.
        await page.getByTestId(item).click({ timeout: 5_000 });
        await page.waitForURL(url, { timeout: attempt < 3 ? 10_000 : 30_000 });
        return;
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
  }

  async function newPage(): Promise<Page> {
    const ctx = await rig.newContext();
    return ctx.newPage();
  }

  async function loginThroughPage(page: Page, username: string, password = rig.srv.password) {
    await submitLogin(page, rig.srv.url, username, password);
  }

  /** Log in as km.admin; the landing page of an administrator is 机构管理. */
  async function adminPage(): Promise<Page> {
    const page = await newPage();
    await loginThroughPage(page, 'km.admin');
    await page.waitForURL(/\/admin\/tenants/, WAIT);
    await page.getByTestId('tenant-detail-name').waitFor(WAIT);
    return page;
  }

  const openMenu = async (page: Page, key: 'tenants' | 'users' | 'security' | 'cadres', url: RegExp) => {
    await page.getByTestId(`menu-${key}`).click();
    await page.waitForURL(url, WAIT);
  };

  /**
   * Select a tenant in the tree. Clicking a selected node deselects it (用户管理 goes back to all tenants), so a click
   * is never repeated while an earlier one may still be rendering: one click after the page is idle, then a long wait,
   * and a second click only if the first was lost.
   */
  const pickTenant = async (page: Page, name: string) => {
    // Matched on the exact name: on a shared PostgreSQL database other test files leave tenants such as 「西山区纪委监委（新）」.
    const node = page.getByTestId('tenant-tree').getByTestId('tenant-node').filter({ has: page.getByText(name, { exact: true }) }).first();
    const selected = () => node.evaluate((el) => !!el.closest('.ant-tree-node-selected'));
    await node.waitFor(WAIT);
    await page.waitForLoadState('networkidle');
    for (let attempt = 0; attempt < 2; attempt++) {
      if (await selected()) return;
      await node.click();
      try {
        await expect.poll(selected, { timeout: 7_000 }).toBe(true);
        return;
      } catch { /* the click was lost: once more */ }
    }
    expect(await selected(), `tenant ${name} selected`).toBe(true);
  };

  /**
   * Wait for what a tenant's selection shows; if the selection was lost meanwhile (seen once on a cold first run),
   * select it again. On failure the page's address and text go to the log.
   */
  const untilShown = async (page: Page, name: string, shown: Locator) => {
    const node = page.getByTestId('tenant-tree').getByTestId('tenant-node').filter({ has: page.getByText(name, { exact: true }) }).first();
    try {
      await expect.poll(async () => {
        if (await shown.isVisible()) return true;
        if (!(await node.evaluate((el) => !!el.closest('.ant-tree-node-selected')))) await node.click();
        return false;
      }, { timeout: 45_000, interval: 1_000 }).toBe(true);
    } catch (e) {
      console.log(`[diagnostics] ${page.url()}\n${(await page.locator('body').innerText()).slice(0, 1500)}`);
      throw e;
    }
  };

  /** The <input> of an InputNumber found by its data-testid (on the input itself or around it). */
  const numberInput = (page: Page, testId: string) =>
    page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

  const session = (page: Page) => page.evaluate(() => ({
    access: sessionStorage.getItem('lz.accessToken'),
    refresh: sessionStorage.getItem('lz.refreshToken'),
  }));



  it('an admin creates a county tenant and an officer (activation code, grant approved); the officer sets its own password and sees an empty ledger', async () => {
    const page = await adminPage();
    await pickTenant(page, '昆明市纪委监委');
    await expect.poll(() => page.getByTestId('tenant-detail-name').textContent()).toBe('昆明市纪委监委');
    // The own tenant belongs to the level above: only new children.
    expect(await page.getByTestId('tenant-suspend').isDisabled()).toBe(true);
    expect(await page.getByTestId('tenant-edit').isDisabled()).toBe(true);

    await page.getByTestId('tenant-children').getByText('五华区纪委监委').waitFor(WAIT);
    await shot(page, 'admin-tenants-root');

    await page.getByTestId('tenant-create').click();
    await page.locator('#tenant-code').fill('km-test-xs');
    await page.locator('#tenant-name').fill('西山区纪委监委');
    await page.locator('.ant-select:has(#tenant-kind)').click();
    await page.locator('.ant-select-item-option[title="县区纪委监委"]').click();
    await page.locator('#tenant-sort').fill('25');
    await shot(page, 'admin-tenant-create', false);
    await page.getByTestId('tenant-create-ok').click();
    await toast(page, '已新建机构：西山区纪委监委');
    await expect.poll(() => page.getByTestId('tenant-detail-name').textContent()).toBe('西山区纪委监委');
    const info = await page.getByTestId('tenant-info').textContent();
    expect(info).toContain('km-test-xs');
    expect(info).toContain('县区纪委监委');
    expect(info).toContain('昆明市纪委监委');
    await shot(page, 'admin-tenants');

    // 用户管理: a new officer in the new tenant, with an initial password.
    await openMenu(page, 'users', /\/admin\/users/);
    await pickTenant(page, '西山区纪委监委');
    await untilShown(page, '西山区纪委监委', page.getByText('暂无用户'));
    await page.getByTestId('user-create').click();
    // 所属机构: chosen explicitly in the modal (the default follows the tree selection, which may lag under load).
    await pickTreeOption(page, 'user-tenant-select', '西山区纪委监委');
    await expect.poll(() => page.getByTestId('login-prefix').textContent(), WAIT).toBe('km-test-xs.');
    await page.locator('#user-login-name').fill('officer1');
    await page.locator('#user-display-name').fill('张西山');
    await page.getByTestId('user-role').getByText('纪检干部', { exact: true }).click();
    // No password: the account gets a one-time activation code for its owner.
    expect(await page.locator('#user-password').count()).toBe(0);
    await shot(page, 'admin-users-create', false);
    await page.getByTestId('user-create-ok').click();
    await toast(page, '已创建用户：km-test-xs.officer1（角色授权待审批）');
    const code = await takeActivationCode(page);
    const row = page.getByTestId('user-row').filter({ hasText: 'km-test-xs.officer1' });
    // Found in the ledger by its login name (the list follows the tree selection, which can lag under load).
    await row.waitFor({ timeout: 5000 }).catch(async () => {
      await page.getByTestId('user-search').locator('input').fill('km-test-xs.officer1');
      await page.getByTestId('user-search').locator('input').press('Enter');
      await row.waitFor(WAIT);
    });
    expect(await row.textContent()).toContain('纪检干部');
    expect(await row.getByTestId('user-status').textContent()).toContain('待授权');
    expect(await row.getByTestId('user-status').textContent()).toContain('待激活');
    await shot(page, 'admin-users');

    // The city's security administrator approves the grant; the officer activates with a password of its own.
    await approveGrant('km-test-xs.officer1');
    expect((await api<{ activateAccount: { ready: boolean } }>(ACTIVATE, { u: 'km-test-xs.officer1', c: code, p: 'Qingfeng#2027' })).activateAccount.ready).toBe(true);

    // The officer, in a fresh browser: an empty 干部档案, no password change forced.
    const officer = await newPage();
    await loginThroughPage(officer, 'km-test-xs.officer1', 'Qingfeng#2027');
    await officer.waitForURL(/\/cadres$/, WAIT);
    await officer.getByText('暂无干部档案').waitFor(WAIT);
    expect(await officer.getByTestId('cadre-total').textContent()).toBe('共 0 人');
    // The directory holds the new county alone, with 0 cadres.
    await expect.poll(() => officer.getByTestId('unit-tree').textContent()).toBe('西山区纪委监委0');
    await shot(officer, 'officer-empty-cadres');
    expect(await officer.getByTestId('current-user').textContent()).toContain('张西山');
    expect(await officer.locator('[data-testid="cadre-row"]').count()).toBe(0);

    // The code is spent.
    expect(codeOf(await raw(ACTIVATE, { u: 'km-test-xs.officer1', c: code, p: 'Other#2027ab' }))).toBe('ACTIVATION_FAILED');
  }, TIMEOUT);

  it('suspending a tenant refuses its logins and ends its live sessions; resuming lets them back in', async () => {
    const leaderToken = await apiLogin('km-qy-gj.leader');
    expect((await api<{ me: { username: string } }>('{ me { username } }', {}, leaderToken)).me.username).toBe('km-qy-gj.leader');

    const page = await adminPage();
    await pickTenant(page, '公交集团纪委');
    await expect.poll(() => page.getByTestId('tenant-detail-name').textContent()).toBe('公交集团纪委');
    await page.getByTestId('tenant-suspend').click();
    await page.getByText('立即退出登录').waitFor(WAIT);
    await page.getByTestId('confirm-ok').click();
    await toast(page, '已暂停：公交集团纪委');
    await page.getByTestId('tenant-tree').getByTestId('tenant-node').filter({ hasText: '公交集团纪委' })
      .getByTestId('tenant-suspended').waitFor(WAIT);
    expect(await page.getByTestId('tenant-detail').getByTestId('tenant-status').first().textContent()).toBe('已暂停');
    await shot(page, 'admin-tenant-suspended');

    // The session opened before is over at its next request.
    expect(codeOf(await raw('{ me { username } }', {}, leaderToken))).toBe('UNAUTHENTICATED');

    // A login through the page is refused with the API's one answer for every refusal, and a hint whom to ask.
    const leader = await newPage();
    await loginThroughPage(leader, 'km-qy-gj.leader');
    const alert = leader.getByTestId('login-error');
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toContain('用户名或密码错误，或账户已被锁定、停用');
    expect(await alert.textContent()).toContain('请联系本单位管理员');
    expect(new URL(leader.url()).pathname).toBe('/login');

    // Resume: the same account logs in again.
    await page.getByTestId('tenant-resume').click();
    await page.getByTestId('confirm-ok').click();
    await toast(page, '已恢复：公交集团纪委');
    await expect.poll(() => page.getByTestId('tenant-detail').getByTestId('tenant-status').first().textContent()).toBe('正常');
    expect(await apiLogin('km-qy-gj.leader')).toBeTruthy();
  }, TIMEOUT);

  it('a lockout threshold set on the 安全设置 page applies to the next logins; 解锁 in 用户管理 lets the user back in', async () => {
    // 安全设置 belong to the security administrator (the system administrator only reads them).
    const page = await newPage();
    await loginThroughPage(page, 'km.secadmin');
    await page.waitForURL(/\/admin\/grants/, WAIT);
    await openMenu(page, 'security', /\/admin\/security/);

    // A setting of the own tenant is inherited below it.
    await pickTenant(page, '昆明市纪委监委');
    await expect.poll(() => page.getByTestId('security-tenant').textContent()).toBe('昆明市纪委监委');
    await page.getByTestId('setting-idleTimeoutMinutes-inherit').click();
    const idle = numberInput(page, 'setting-idleTimeoutMinutes-value');
    await idle.fill('20');
    await idle.press('Tab');
    await page.getByTestId('security-save').click();
    await toast(page, '安全设置已保存');
    await expect.poll(() => page.getByTestId('setting-idleTimeoutMinutes-source').textContent()).toBe('本级设置');

    await pickTenant(page, '官渡区纪委监委');
    await expect.poll(() => page.getByTestId('security-tenant').textContent()).toBe('官渡区纪委监委');
    await expect.poll(() => page.getByTestId('setting-lockoutThreshold-effective').textContent()).toBe('5');
    expect(await page.getByTestId('setting-lockoutThreshold-source').textContent()).toBe('系统默认');
    await expect.poll(() => page.getByTestId('setting-idleTimeoutMinutes-effective').textContent()).toBe('20');
    expect(await page.getByTestId('setting-idleTimeoutMinutes-floor').textContent()).toBe('不得大于 20');
    expect(await page.getByTestId('setting-idleTimeoutMinutes-source').textContent()).toBe('继承自 昆明市纪委监委');

    await page.getByTestId('setting-lockoutThreshold-inherit').click();
    const input = numberInput(page, 'setting-lockoutThreshold-value');
    await input.fill('3');
    await input.press('Tab');
    await page.getByTestId('security-save').click();
    await toast(page, '安全设置已保存');
    await expect.poll(() => page.getByTestId('setting-lockoutThreshold-source').textContent()).toBe('本级设置');
    expect(await page.getByTestId('setting-lockoutThreshold-effective').textContent()).toBe('3');
    await shot(page, 'admin-security');

    // Three wrong passwords lock the account; the fourth attempt is refused even with the right password (with the
    // same answer as a wrong one: a login does not tell whether an account is locked).
    for (let i = 0; i < 3; i++) expect(codeOf(await apiLoginRaw('km-gd.leader', 'wrong-password'))).toBe('BAD_CREDENTIALS');
    expect(codeOf(await apiLoginRaw('km-gd.leader'))).toBe('BAD_CREDENTIALS');

    // 用户管理 (the system administrator): the account shows 已锁定; 解锁 ends it.
    const adminUi = await adminPage();
    await openMenu(adminUi, 'users', /\/admin\/users/);
    const search = adminUi.getByTestId('user-search').locator('input');
    await search.fill('km-gd.leader');
    await search.press('Enter');
    await adminUi.getByText('共 1 个用户').waitFor(WAIT);
    const row = adminUi.getByTestId('user-row').filter({ hasText: 'km-gd.leader' });
    await expect.poll(() => row.getByTestId('user-status').textContent()).toContain('已锁定');
    await row.getByTestId('user-unlock').click();
    await adminUi.getByTestId('confirm-ok').click();
    await toast(adminUi, '已解锁');
    await expect.poll(() => row.getByTestId('user-status').textContent()).toBe('正常');
    expect(await row.getByTestId('user-unlock').count()).toBe(0);
    expect(await apiLogin('km-gd.leader')).toBeTruthy();
    // The admin reads the settings but cannot change them.
    await openMenu(adminUi, 'security', /\/admin\/security/);
    await adminUi.getByTestId('security-readonly').waitFor(WAIT);
    expect(await adminUi.getByTestId('security-save').count()).toBe(0);
    // Back to inheriting (on PostgreSQL the test files share one database).
    const sec = await apiLogin('km.secadmin');
    const gd = await api<{ tenants: { id: string; code: string }[] }>('{ tenants { id code } }', {}, sec);
    await api('mutation($id:ID!){ updateTenantSecurity(tenantId:$id, input:{lockoutThreshold:null}){ tenantId } }',
      { id: gd.tenants.find((x) => x.code === 'km-gd')!.id }, sec);
    await api('mutation($id:ID!){ updateTenantSecurity(tenantId:$id, input:{idleTimeoutMinutes:null}){ tenantId } }',
      { id: gd.tenants.find((x) => x.code === 'km')!.id }, sec);
  }, TIMEOUT);

  it('menus follow permissions: a filler sees only its units and no 系统管理; an admin sees no 干部档案', async () => {
    const token = await apiLogin('km-wh.filler');
    const expected = await api<{ cadres: { totalCount: number } }>('{ cadres(first: 0) { totalCount } }', {}, token);
    expect(expected.cadres.totalCount).toBeGreaterThan(0);
    // The filler's units (its assigned unit and those beneath it), and top-level units of the tenant outside them.
    const allowed = (await api<{ units: { name: string }[] }>('{ units { name } }', {}, token)).units.map((u) => u.name);
    const officerUnits = (await api<{ units: { name: string; parentId: string | null }[] }>('{ units { name parentId } }', {}, await apiLogin('km-wh.officer'))).units;
    const outside = officerUnits.filter((u) => !u.parentId && !allowed.some((a) => a.includes(u.name))).map((u) => u.name);
    expect(outside.length).toBeGreaterThan(1);

    const filler = await newPage();
    await loginThroughPage(filler, 'km-wh.filler');
    await filler.waitForURL(/\/cadres$/, WAIT);
    await filler.locator('[data-testid="cadre-row"]').first().waitFor(WAIT);
    await filler.getByText(`共 ${expected.cadres.totalCount} 人`).waitFor(WAIT);
    const tree = (await filler.getByTestId('unit-tree').textContent()) ?? '';
    for (const name of allowed) expect(tree).toContain(name);
    for (const name of outside) expect(tree).not.toContain(name);
    for (const unit of await filler.getByTestId('cadre-unit').allTextContents()) expect(allowed).toContain(unit);
    const fillerMenu = (await filler.getByTestId('side-menu').textContent()) ?? '';
    expect(fillerMenu).toContain('干部档案');
    expect(fillerMenu).not.toContain('系统管理');
    expect(await filler.getByTestId('menu-system').count()).toBe(0);
    await shot(filler, 'filler-cadres');

    // A filler opening an administration page directly is refused there.
    await filler.goto(`${rig.srv.url}/admin/users`);
    await filler.getByTestId('page-forbidden').waitFor(WAIT);

    // An auditor's only page is 访问日志 (安全审计), its landing page.
    const auditor = await newPage();
    await loginThroughPage(auditor, 'km.auditor');
    await auditor.waitForURL(/\/audit$/, WAIT);
    const auditorMenu = (await auditor.getByTestId('side-menu').textContent()) ?? '';
    expect(auditorMenu).toContain('访问日志');
    expect(auditorMenu).not.toContain('干部档案');
    expect(auditorMenu).not.toContain('系统管理');

    const admin = await adminPage();
    const adminMenu = (await admin.getByTestId('side-menu').textContent()) ?? '';
    expect(adminMenu).not.toContain('干部档案');
    for (const label of ['系统管理', '机构管理', '用户管理', '安全设置']) expect(adminMenu).toContain(label);
    expect(await admin.getByTestId('menu-cadres').count()).toBe(0);
  }, TIMEOUT);

  it('an admin renames, reorders and moves a tenant under another parent (never under itself)', async () => {
    const adminToken = await apiLogin('km.admin');
    const { tenants } = await api<{ tenants: { id: string; code: string }[] }>('{ tenants { id code } }', {}, adminToken);
    const km = tenants.find((t) => t.code === 'km')!;
    const create = 'mutation($i: TenantInput!) { createTenant(input: $i) { id } }';
    const moved = (await api<{ createTenant: { id: string } }>(create,
      { i: { parentId: km.id, code: 'km-test-mv', name: '测试巡察组', kind: 'inspection_office', sortOrder: 40 } }, adminToken)).createTenant;
    await api(create, { i: { parentId: moved.id, code: 'km-test-mv-1', name: '测试巡察一组', kind: 'inspection_office' } }, adminToken);

    const page = await adminPage();
    await pickTenant(page, '测试巡察组');
    await expect.poll(() => page.getByTestId('tenant-detail-name').textContent()).toBe('测试巡察组');
    expect(await page.getByTestId('tenant-children').textContent()).toContain('测试巡察一组');

    await page.getByTestId('tenant-edit').click();
    await page.locator('#tenant-edit-name').fill('市委第三巡察组');
    await page.locator('#tenant-edit-sort').fill('1');
    await page.getByTestId('tenant-edit-ok').click();
    await toast(page, '已保存：市委第三巡察组');
    await expect.poll(() => page.getByTestId('tenant-detail-name').textContent()).toBe('市委第三巡察组');
    // 排序号 1 puts it first among the children of 昆明市纪委监委.
    await expect.poll(async () => (await page.getByTestId('tenant-tree').getByTestId('tenant-node').allTextContents())[1]).toBe('市委第三巡察组');

    await page.getByTestId('tenant-move').click();
    await page.locator('.ant-select:has(#tenant-move-parent)').click();
    const options = page.locator('.ant-select-tree-title');
    await options.filter({ hasText: '官渡区纪委监委' }).first().waitFor(WAIT);
    const offered = await options.allTextContents();
    expect(offered).not.toContain('市委第三巡察组');
    expect(offered).not.toContain('测试巡察一组');
    await options.filter({ hasText: '官渡区纪委监委' }).first().click();
    await expect.poll(() => page.locator('.ant-select:has(#tenant-move-parent)').first().innerText()).toContain('官渡区纪委监委');
    await shot(page, 'admin-tenant-move', false);
    await page.getByTestId('tenant-move-ok').click();
    await toast(page, '已移动：市委第三巡察组');
    await expect.poll(() => page.getByTestId('tenant-info').textContent()).toContain('昆明市纪委监委 / 官渡区纪委监委 / 市委第三巡察组');

    const after = await api<{ tenants: { code: string; parentId: string | null; path: string }[] }>('{ tenants { code parentId path } }', {}, adminToken);
    const gd = tenants.find((t) => t.code === 'km-gd')!;
    expect(after.tenants.find((t) => t.code === 'km-test-mv')!.parentId).toBe(gd.id);
    // The subtree moved with it.
    expect(after.tenants.find((t) => t.code === 'km-test-mv-1')!.path).toMatch(/km_gd\.km_test_mv\.km_test_mv_1$/);
  }, TIMEOUT);

  it('an admin creates a filler with its units, changes its role, disables, enables and resets its password', async () => {
    const adminToken = await apiLogin('km.admin');
    const { units } = await api<{ units: { id: string; name: string; parentId: string | null }[] }>(
      'query($c: String) { units(tenantCode: $c) { id name parentId } }', { c: 'km-pl' }, adminToken,
    );
    // A top-level unit of 盘龙区 without sub-units, whose name no other unit contains (the tree select is searched by text).
    const education = units.find((u) => !u.parentId && !units.some((x) => x.parentId === u.id) && units.filter((x) => x.name.includes(u.name)).length === 1)!;
    const userQuery = 'query($s: String) { users(search: $s) { totalCount edges { node { role unitIds status mustChangePassword } } } }';
    const userState = async () => (await api<{ users: { edges: { node: { role: string; unitIds: string[]; status: string; mustChangePassword: boolean } }[] } }>(
      userQuery, { s: 'km-pl.filler2' }, adminToken)).users.edges[0]?.node;

    // On PostgreSQL other test files may have added accounts to 盘龙区: count them first.
    const { tenants: all } = await api<{ tenants: { id: string; code: string }[] }>('{ tenants { id code } }', {}, adminToken);
    const plCount = (await api<{ users: { totalCount: number } }>('query($t: ID) { users(tenantId: $t) { totalCount } }',
      { t: all.find((x) => x.code === 'km-pl')!.id }, adminToken)).users.totalCount;
    const page = await adminPage();
    await openMenu(page, 'users', /\/admin\/users/);
    await pickTenant(page, '盘龙区纪委监委');
    await page.getByText(`共 ${plCount} 个用户`).waitFor(WAIT);
    await page.getByTestId('user-create').click();
    await page.locator('#user-login-name').fill('filler2');
    await page.locator('#user-display-name').fill('李填报');
    await page.getByTestId('user-role').getByText('填报员', { exact: true }).click();
    // A filler needs its units.
    await page.getByTestId('user-create-ok').click();
    await page.getByText('请为填报员选择至少一个负责单位').waitFor(WAIT);
    await page.locator('.ant-select:has(#user-units)').click();
    await page.locator('.ant-select-tree-treenode').filter({ hasText: education.name }).first().locator('.ant-select-tree-checkbox').click();
    await page.locator('.ant-modal-title').click();
    await shot(page, 'admin-users-create-filler', false);
    await page.getByTestId('user-create-ok').click();
    await toast(page, '已创建用户：km-pl.filler2（角色授权待审批）');
    const code = await takeActivationCode(page);
    // Waiting for the security administrator: no units yet, no login.
    expect(await userState()).toMatchObject({ role: 'filler', unitIds: [], status: 'pending' });
    await approveGrant('km-pl.filler2');
    expect((await api<{ activateAccount: { ready: boolean } }>(ACTIVATE, { u: 'km-pl.filler2', c: code, p: 'Panlong@2026a' })).activateAccount.ready).toBe(true);
    expect(await userState()).toMatchObject({ role: 'filler', unitIds: [education.id], status: 'active', mustChangePassword: false });
    await page.getByTestId('user-search').locator('input').fill('km-pl.filler2');
    await page.getByTestId('user-search').locator('input').press('Enter');

    // Edit: the role changes to 领导 — a request the security administrator approves; the units go with it.
    const row = page.getByTestId('user-row').filter({ hasText: 'km-pl.filler2' });
    await expect.poll(() => row.getByTestId('user-status').textContent(), WAIT).toBe('正常');
    await row.getByTestId('user-edit').click();
    // A click that lands while the modal is still opening can be reset by the form's initial values: choosing a
    // radio again is harmless, so retry until the role change shows its notice.
    const warning = page.getByTestId('grant-needed');
    await expect.poll(async () => {
      if (await warning.isVisible()) return true;
      await page.getByTestId('user-edit-role').getByText('领导', { exact: true }).click();
      return warning.isVisible();
    }, WAIT).toBe(true);
    await page.getByTestId('user-edit-ok').click();
    await toast(page, '已提交授权申请：李填报（领导，待审批）');
    await expect.poll(() => row.getByTestId('user-status').textContent()).toContain('授权待审批');
    expect(await userState()).toMatchObject({ role: 'filler', unitIds: [education.id] });
    await approveGrant('km-pl.filler2');
    await page.getByRole('button', { name: '刷新', exact: true }).click();
    await expect.poll(() => row.textContent()).toContain('领导');
    expect(await userState()).toMatchObject({ role: 'leader', unitIds: [] });

    // Disable, then enable.
    await row.getByTestId('user-disable').click();
    await page.getByTestId('confirm-ok').click();
    await toast(page, '已停用：李填报');
    await expect.poll(() => row.getByTestId('user-status').textContent()).toBe('已停用');
    expect(codeOf(await apiLoginRaw('km-pl.filler2', 'Panlong@2026a'))).toBe('BAD_CREDENTIALS');
    await row.getByTestId('user-enable').click();
    await page.getByTestId('confirm-ok').click();
    await toast(page, '已启用：李填报');
    await expect.poll(() => row.getByTestId('user-status').textContent()).toContain('正常');

    // Reset the password: the old one stops working; the owner sets a new one with the code shown once.
    await row.getByTestId('user-reset').click();
    await page.getByTestId('user-reset-ok').click();
    await toast(page, '已重置密码：km-pl.filler2');
    const resetCode = await takeActivationCode(page);
    expect(codeOf(await apiLoginRaw('km-pl.filler2', 'Panlong@2026a'))).toBe('BAD_CREDENTIALS');
    await api(ACTIVATE, { u: 'km-pl.filler2', c: resetCode, p: 'Panlong@2027b' });
    // Its role is confirmed again by the security administrator (the admin held the code).
    expect(codeOf(await apiLoginRaw('km-pl.filler2', 'Panlong@2027b'))).toBe('BAD_CREDENTIALS');
    await approveGrant('km-pl.filler2');
    const relogin = await api<{ login: { mustChangePassword: boolean } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { mustChangePassword } }',
      { u: 'km-pl.filler2', p: 'Panlong@2027b' },
    );
    expect(relogin.login.mustChangePassword).toBe(false);

    // The administrator's own account is not changed here.
    await page.getByTestId('scope-tag').locator('.anticon-close-circle').click();
    const search = page.getByTestId('user-search').locator('input');
    await search.fill('km.admin');
    await search.press('Enter');
    const own = page.getByTestId('user-row').filter({ hasText: 'km.admin' });
    await own.waitFor(WAIT);
    expect(await own.textContent()).toContain('本人账户');
    expect(await own.getByTestId('user-edit').count()).toBe(0);
  }, TIMEOUT);

  it('the session: a refused access token is refreshed once for concurrent requests; a revoked session goes to login; 退出登录 ends it', async () => {
    const page = await newPage();
    await loginThroughPage(page, 'km-pl.officer');
    await page.waitForURL(/\/cadres$/, WAIT);
    await page.locator('[data-testid="cadre-row"]').first().waitFor(WAIT);
    const first = await session(page);
    expect(first.refresh).toBeTruthy();

    // An access token the server refuses: the directory reload sends two requests at once; both are answered after
    // one shared refresh (a second refresh with the same token would make the server end the session).
    await page.evaluate(() => sessionStorage.setItem('lz.accessToken', 'not-a-valid-token'));
    const refreshes: string[] = [];
    page.on('request', (r) => { if (r.url().endsWith('/graphql') && (r.postData() ?? '').includes('refreshSession')) refreshes.push(r.url()); });
    await page.getByRole('button', { name: '刷新目录' }).click();
    await expect.poll(async () => (await session(page)).access).not.toBe('not-a-valid-token');
    await page.getByTestId('unit-tree').waitFor(WAIT);
    await page.waitForTimeout(300);
    expect(refreshes.length).toBe(1);
    const second = await session(page);
    expect(second.refresh).not.toBe(first.refresh);
    expect(new URL(page.url()).pathname).toBe('/cadres');
    expect((await api<{ me: { username: string } }>('{ me { username } }', {}, second.access!)).me.username).toBe('km-pl.officer');

    // Shortly before the access token expires, a working user's session is refreshed without any request failing.
    await page.evaluate(() => sessionStorage.setItem('lz.accessTokenExpiresAt', String(Date.now() + 62_000)));
    await page.reload();
    await page.locator('[data-testid="cadre-row"]').first().waitFor(WAIT);
    await page.mouse.click(700, 80);
    await expect.poll(async () => (await session(page)).refresh, { timeout: 15_000 }).not.toBe(second.refresh);
    const renewed = await session(page);
    expect(renewed.access).not.toBe(second.access);
    expect((await api<{ me: { username: string } }>('{ me { username } }', {}, renewed.access!)).me.username).toBe('km-pl.officer');

    // The session is revoked elsewhere: the next request cannot refresh and the page asks to log in again.
    await api('mutation { logout }', {}, renewed.access!);
    await page.getByTestId('cadre-search').locator('input').fill('张');
    await page.getByTestId('cadre-search').locator('input').press('Enter');
    await page.waitForURL(/\/login/, WAIT);
    await page.getByText('登录已过期，请重新登录').waitFor(WAIT);
    expect((await session(page)).refresh).toBeNull();
    await shot(page, 'login-expired');

    // The user menu: 修改密码 without being forced, then 退出登录 revokes the session on the server.
    await loginThroughPage(page, 'km-pl.officer');
    await page.waitForURL(/\/cadres/, WAIT);
    const third = await session(page);
    await userMenu(page, 'menu-change-password', /\/change-password$/);
    await page.getByTestId('change-password').waitFor(WAIT);
    expect(await page.getByTestId('password-forced').count()).toBe(0);
    expect(await page.getByTestId('side-menu').count()).toBe(1);
    await userMenu(page, 'logout', /\/login$/);
    expect(await page.getByText('登录已过期').count()).toBe(0);
    expect((await session(page)).access).toBeNull();
    expect(codeOf(await raw('{ me { username } }', {}, third.access!))).toBe('UNAUTHENTICATED');
    expect(codeOf(await raw('mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: third.refresh }))).toBe('UNAUTHENTICATED');
  }, TIMEOUT);
});
