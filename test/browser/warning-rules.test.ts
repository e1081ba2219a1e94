// 预警规则 in a real browser (docs/warning-rules.md): the city's officer turns the 第三种形态 rule orange through the
// editor's form, previews what that does (「此修改将使 N 人变为橙色」), saves it as version 2, locks it, and sees the
// versions; a county sees the rule inherited and locked; a leader reads without edit buttons; a filler is refused.
// Needs web/dist (npm run build -w web) and /usr/bin/chromium; skipped where chromium is absent.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, useBrowser, shot, toast, submitLogin, WAIT } from '../helpers/browser.js';

const TIMEOUT = 180_000;

describe.skipIf(!hasChromium)('预警规则 in the browser', () => {
  const rig = useBrowser();

  async function openAs(username: string): Promise<Page> {
    const page = await (await rig.newContext()).newPage();
    await submitLogin(page, rig.srv.url, username, rig.srv.password);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), WAIT);
    await page.goto(`${rig.srv.url}/warning-rules`);
    return page;
  }
  const row = (page: Page, code: string) => page.getByTestId(`rule-row-${code}`);
  const settle = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

  it('an officer edits a rule through the form, previews, saves, locks and reads the history', async () => {
    const page = await openAs('km.officer');
    await row(page, 'RED-FORM3').waitFor(WAIT);
    expect(await page.getByTestId('menu-warning').innerText()).toContain('廉情预警');
    expect(await row(page, 'RED-FORM3').getByTestId('rule-source').innerText()).toBe('默认');
    expect(await row(page, 'RED-FORM3').getByTestId('rule-colour').innerText()).toBe('红');
    await shot(page, 'warning-rules-list');

    await row(page, 'RED-FORM3').getByTestId('rule-edit').click();
    const drawer = page.getByTestId('rule-editor');
    await drawer.waitFor(WAIT);
    await settle(page);
    // The colour is a select of the tenant's levels; the forms a multi-select from the code table.
    await drawer.getByTestId('rule-level').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '橙' }).first().click();
    await drawer.getByTestId('rule-note').fill('试行：第三种形态按橙色预警');
    await drawer.getByTestId('rule-preview-button').click();
    const summary = drawer.getByTestId('rule-preview-summary');
    await summary.waitFor(WAIT);
    expect(await summary.innerText()).toMatch(/^此修改将使 \d+ 人变为橙色$|^此修改不会改变任何人的预警颜色$/);
    await shot(page, 'warning-rules-editor-preview', false);

    await drawer.getByTestId('rule-save').click();
    await toast(page, /已保存为第 2 版/);
    await expect.poll(() => row(page, 'RED-FORM3').getByTestId('rule-version-cell').innerText(), WAIT).toBe('第 2 版');
    expect(await row(page, 'RED-FORM3').getByTestId('rule-source').innerText()).toBe('本级');
    expect(await row(page, 'RED-FORM3').getByTestId('rule-colour').innerText()).toBe('橙');

    await row(page, 'RED-FORM3').getByTestId('rule-lock').click();
    await settle(page);
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await toast(page, /已锁定/);
    await row(page, 'RED-FORM3').getByTestId('rule-locked').waitFor(WAIT);

    await row(page, 'RED-FORM3').getByTestId('rule-history-button').click();
    const history = page.getByTestId('rule-history');
    await history.waitFor(WAIT);
    await expect.poll(() => history.getByTestId('rule-version').count(), WAIT).toBe(2);
    const text = await history.innerText();
    expect(text).toContain('锁定');
    expect(text).toContain('试行：第三种形态按橙色预警');
    await shot(page, 'warning-rules-history', false);
    await page.keyboard.press('Escape');

    await page.getByTestId('tab-scheme').click();
    await page.getByTestId('scheme-editor').waitFor(WAIT);
    expect(await page.getByTestId('scheme-level').count()).toBe(4);
    await shot(page, 'warning-rules-scheme');
    // The city renames its fourth colour; the legend follows.
    await page.getByTestId('scheme-level-name').nth(3).fill('提示');
    await page.getByTestId('scheme-save').click();
    await toast(page, /颜色方案已保存为第 2 版/);
    await expect.poll(() => page.getByTestId('warning-rules-panel').locator('.lz-legend').innerText(), WAIT).toContain('提示');
  }, TIMEOUT);

  it('a county sees the city rule inherited and locked; a leader reads; a filler is refused', async () => {
    const county = await openAs('km-wh.officer');
    await row(county, 'RED-FORM3').waitFor(WAIT);
    expect(await row(county, 'RED-FORM3').getByTestId('rule-source').innerText()).toBe('继承');
    expect(await row(county, 'RED-FORM3').getByTestId('rule-locked').innerText()).toBe('上级锁定');
    expect(await row(county, 'RED-FORM3').getByTestId('rule-edit').isDisabled()).toBe(true);
    await shot(county, 'warning-rules-county');

    const leader = await openAs('km.leader');
    await row(leader, 'BLUE-CLUE').waitFor(WAIT);
    expect(await leader.getByTestId('rule-edit').count()).toBe(0);
    expect(await leader.getByTestId('rule-lock').count()).toBe(0);
    expect(await leader.getByTestId('rule-new').count()).toBe(0);

    const filler = await openAs('km.filler');
    await filler.getByTestId('page-forbidden').waitFor(WAIT);
    // Its menu may hold other 廉情预警 pages (its units' rectification tasks), never 预警规则.
    expect(await filler.getByTestId('menu-warning-rules').count()).toBe(0);
  }, TIMEOUT);
});
