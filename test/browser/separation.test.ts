// 三员分立 in a real browser: the system administrator creates an officer account (no password — a one-time activation
// code shown once), the security administrator approves the role grant on 授权审批, the new officer activates the
// account on 激活账户 with the code, sets a password, logs in and sees the archive ledger; the security auditor sees
// the grant and its alert on 授权记录. Needs web/dist (npm run build) and /usr/bin/chromium; skipped without chromium.
import { describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { hasChromium, useBrowser, shot, toast, submitLogin, WAIT, pickTreeOption, searchUntil } from '../helpers/browser.js';


describe.skipIf(!hasChromium)('separation of the three administrators in the browser', () => {
  const rig = useBrowser();

  async function newPage(): Promise<Page> {
    const ctx = await rig.newContext();
    return ctx.newPage();
  }
  async function login(page: Page, username: string, password = rig.srv.password) {
    await submitLogin(page, rig.srv.url, username, password);
  }

  it('admin creates an officer and copies its code; the security administrator approves; the officer activates, logs in and sees the ledger', async () => {
    // 系统管理员: 用户管理 → 新建用户, without any password field.
    const admin = await newPage();
    await login(admin, 'km.admin');
    await admin.waitForURL(/\/admin\/tenants/, WAIT);
    await admin.getByTestId('menu-users').click();
    await admin.waitForURL(/\/admin\/users/, WAIT);
    await admin.getByTestId('user-create').click();
    await pickTreeOption(admin, 'user-tenant-select', '五华区纪委监委');
    await expect.poll(() => admin.getByTestId('login-prefix').textContent(), WAIT).toBe('km-wh.');
    await admin.locator('#user-login-name').fill('qingfeng');
    await admin.locator('#user-display-name').fill('李清风');
    await admin.getByTestId('user-role').getByText('纪检干部', { exact: true }).click();
    expect(await admin.locator('#user-password').count()).toBe(0);
    await admin.getByTestId('user-create-ok').click();
    await toast(admin, '已创建用户：km-wh.qingfeng（角色授权待审批）');

    // The code, shown once, copyable, with its expiry.
    const modal = admin.getByTestId('activation-modal');
    await modal.waitFor(WAIT);
    const codeText = (await admin.getByTestId('activation-code').textContent()) ?? '';
    const code = /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/.exec(codeText)?.[0];
    expect(code, codeText).toBeTruthy();
    expect(await admin.getByTestId('activation-username').textContent()).toBe('km-wh.qingfeng');
    expect(await admin.getByTestId('activation-expires').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await admin.getByTestId('activation-code').locator('.ant-typography-copy').count()).toBe(1);
    expect(await modal.textContent()).toContain('纪检干部 · 待审批');
    await shot(admin, 'separation-activation-code', false);
    await admin.getByTestId('activation-close').click();
    // Found in the ledger by its login name (the ledger lists the whole subtree, 20 to a page).
    await admin.getByTestId('activation-modal').waitFor({ state: 'hidden', ...WAIT });
    const row = admin.getByTestId('user-row').filter({ hasText: 'km-wh.qingfeng' });
    await searchUntil(admin, 'user-search', 'qingfeng', row);
    await shot(admin, 'separation-users');
    expect(await row.getByTestId('user-status').textContent()).toContain('待授权');
    expect(await row.getByTestId('user-status').textContent()).toContain('待激活');

    // 安全保密管理员: lands on 授权审批 and approves.
    const sec = await newPage();
    await login(sec, 'km-wh.secadmin');
    await sec.waitForURL(/\/admin\/grants/, WAIT);
    const grant = sec.getByTestId('grant-pending').getByTestId('grant-row').filter({ hasText: 'km-wh.qingfeng' });
    await grant.waitFor(WAIT);
    expect(await grant.textContent()).toContain('新建账户');
    expect(await grant.getByTestId('grant-role').textContent()).toBe('纪检干部');
    // No archive, no accounts in its menu.
    expect(await sec.getByTestId('menu-cadres').count()).toBe(0);
    expect(await sec.getByTestId('menu-users').count()).toBe(0);
    await shot(sec, 'separation-approval');
    await grant.getByTestId('grant-approve').click();
    await sec.getByTestId('confirm-ok').click();
    await toast(sec, '已批准：李清风（纪检干部）');
    await sec.getByRole('tab', { name: '最近审批' }).click();
    const decided = sec.getByTestId('grant-decided').getByTestId('grant-row').filter({ hasText: 'km-wh.qingfeng' });
    await decided.waitFor(WAIT);
    expect(await decided.getByTestId('grant-status').textContent()).toBe('已批准');
    await shot(sec, 'separation-approval-decided');

    // The officer: 激活账户 from the login page, with the code and a password of its own.
    const officer = await newPage();
    await officer.goto(`${rig.srv.url}/login`);
    await officer.getByTestId('login-activate').click();
    await officer.waitForURL(/\/activate$/, WAIT);
    await officer.locator('#activate-username').fill('km-wh.qingfeng');
    await officer.locator('#activate-code').fill(code!);
    await officer.locator('#activate-password').fill('Lianjie#2026a');
    await officer.locator('#activate-password-confirm').fill('Lianjie#2026b');
    await officer.getByTestId('activate-submit').click();
    await officer.getByText('两次输入的密码不一致').waitFor(WAIT);
    await officer.locator('#activate-password-confirm').fill('Lianjie#2026a');
    await shot(officer, 'separation-activate');
    await officer.getByTestId('activate-submit').click();
    await officer.getByTestId('activate-done').waitFor(WAIT);
    expect(await officer.getByTestId('activate-done').textContent()).toContain('账户已激活，请使用新密码登录');
    await shot(officer, 'separation-activate-done');
    await officer.getByTestId('activate-to-login').click();
    await officer.waitForURL(/\/login$/, WAIT);
    await officer.locator('#username').fill('km-wh.qingfeng');
    await officer.locator('#password').fill('Lianjie#2026a');
    await officer.getByTestId('login-submit').click();
    await officer.waitForURL(/\/cadres$/, WAIT);
    await officer.getByTestId('cadre-row').first().waitFor(WAIT);
    expect(await officer.getByTestId('cadre-row').count()).toBeGreaterThan(0);
    expect(await officer.getByTestId('current-user').textContent()).toContain('李清风');

    // The code is spent: a second activation is refused alike.
    const again = await newPage();
    await again.goto(`${rig.srv.url}/activate`);
    await again.locator('#activate-username').fill('km-wh.qingfeng');
    await again.locator('#activate-code').fill(code!);
    await again.locator('#activate-password').fill('Other#2026abc');
    await again.locator('#activate-password-confirm').fill('Other#2026abc');
    await again.getByTestId('activate-submit').click();
    expect(await again.getByTestId('activate-error').textContent({ timeout: 30_000 })).toContain('登录名或激活码不正确，或激活码已过期');

    // 安全审计员: 授权记录 shows the decision and the alert (approved, then login and archive reads within the hour).
    const auditor = await newPage();
    await login(auditor, 'km.auditor');
    await auditor.waitForURL(/\/audit/, WAIT);
    await auditor.getByTestId('menu-grant-records').click();
    await auditor.waitForURL(/\/grant-records$/, WAIT);
    const alert = auditor.getByTestId('grant-alert').filter({ hasText: 'km-wh.qingfeng' });
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toContain('获批「纪检干部」后');
    await shot(auditor, 'separation-grant-records');
  }, 240_000);
});
