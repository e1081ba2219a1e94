// A cadre's life in the console (issue 13): an officer files a cadre by hand in the 新建干部 form (laid out like the
// appointment form, the unit chosen from the unit tree), moves it to another unit (单位变动记录 shows the move), sets
// its status with a date, deletes it and restores it from 已删除干部. Needs web/dist (npm run build) and
// /usr/bin/chromium; skipped where chromium is absent. Units are looked up, the cadre's name is made here.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, pickTreeOption, shot, submitLogin, toast, useBrowser, WAIT } from '../helpers/browser.js';

const TIMEOUT = 180_000;

describe.skipIf(!hasChromium)('cadre lifecycle in the browser', () => {
  const rig = useBrowser({ timezoneId: 'Asia/Shanghai' });

  async function confirmPop(page: Page) {
    const ok = page.getByTestId('confirm-ok').filter({ visible: true });
    await expect.poll(() => ok.count(), WAIT).toBe(1);
    await expect.poll(() => ok.evaluate((el) => /-(appear|enter)/.test(el.closest('.ant-popover')?.className ?? '')), WAIT).toBe(false);
    await ok.click();
  }

  it('an officer creates a cadre by hand, moves it, sets its status, deletes it and restores it', async () => {
    const token = await rig.apiLogin('km-wh.officer');
    const units = (await rig.api<{ units: { id: string; name: string; parentId: string | null }[] }>(
      '{ units(tenantCode: "km-wh") { id name parentId } }', {}, token)).units;
    // Two units with names no other unit contains (a tree title filter matches substrings).
    const distinct = units.filter((u) => !units.some((o) => o.id !== u.id && o.name.includes(u.name)));
    expect(distinct.length).toBeGreaterThan(1);
    const [from, to] = distinct;
    const han = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
    const name = `手建${Array.from({ length: 2 }, () => han[Math.floor(Math.random() * han.length)]).join('')}`;

    const page = await (await rig.newContext()).newPage();
    await submitLogin(page, rig.srv.url, 'km-wh.officer', rig.srv.password);
    await page.waitForURL(/\/cadres$/, WAIT);

    // 新建干部: the appointment form's fields, the unit from the tree.
    await page.getByTestId('new-cadre').click();
    const form = page.getByTestId('new-cadre-form');
    await form.waitFor(WAIT);
    for (const label of ['姓名', '性别', '出生年月', '民族', '籍贯', '出生地', '入党时间', '参加工作时间', '健康状况', '专业技术职务',
      '熟悉专业有何专长', '全日制教育·学历', '在职教育·学历', '现任职务', '拟任职务', '拟免职务']) {
      expect(await form.textContent()).toContain(label);
    }
    // Saving without a unit asks for one.
    await page.locator('#profile-name').fill(name);
    await page.getByTestId('new-cadre-save').click();
    await form.getByText('请选择干部所在的单位').waitFor(WAIT);
    await pickTreeOption(page, 'new-cadre-unit', from.name);
    await page.locator('#profile-birthMonth').fill('198005');
    await page.locator('#profile-nativePlace').fill('云南昆明');
    await page.locator('#profile-position').fill('科员');
    await shot(page, 'new-cadre-form', false);
    await page.getByTestId('new-cadre-save').click();
    await toast(page, `已新建干部「${name}」`);
    await page.getByTestId('archive-header').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('archive-name').textContent(), WAIT).toBe(name);
    const lifecycle = page.getByTestId('cadre-lifecycle');
    await expect.poll(() => lifecycle.getByTestId('lifecycle-unit').textContent(), WAIT).toBe(from.name);
    const id = new URL(page.url()).pathname.split('/').pop()!;

    // 调整单位: the current unit is not offered; the history shows the move.
    await page.getByTestId('move-cadre').click();
    await pickTreeOption(page, 'move-cadre-unit', to.name);
    await page.getByTestId('move-cadre-save').click();
    await toast(page, `已将「${name}」调整到「${to.name}」`);
    await expect.poll(() => lifecycle.getByTestId('lifecycle-unit').textContent(), WAIT).toBe(to.name);
    const history = lifecycle.getByTestId('unit-history');
    await expect.poll(() => history.locator('tbody tr.ant-table-row').count(), WAIT).toBe(2);
    expect(await history.locator('tbody tr.ant-table-row').first().textContent()).toContain(from.name);

    // 修改状态 with a date.
    await page.getByTestId('set-cadre-status').click();
    const status = page.locator('.ant-select:has(#status-select)');
    await status.click();
    await page.locator('.ant-select-item-option[title="退休"]').filter({ visible: true }).first().click();
    await page.locator('#status-on').click();
    await page.locator('#status-on').fill('2026-06-30');
    await page.locator('#status-on').press('Enter');
    await page.getByTestId('status-save').click();
    await toast(page, '状态已改为「退休」');
    await expect.poll(() => lifecycle.getByTestId('lifecycle-status').textContent(), WAIT).toBe('退休');
    await expect.poll(() => lifecycle.getByTestId('lifecycle-status-on').textContent(), WAIT).toContain('2026-06-30');
    await shot(page, 'cadre-lifecycle');
    const state = (await rig.api<{ cadre: { status: string; statusOn: string; unit: { id: string } } }>(
      'query($id: ID!) { cadre(id: $id) { status statusOn unit { id } } }', { id }, token)).cadre;
    expect(state).toEqual({ status: '退休', statusOn: '2026-06-30', unit: { id: to.id } });

    // 删除干部 (restorable), then 恢复 from 已删除干部.
    await page.getByTestId('delete-cadre').click();
    await confirmPop(page);
    await toast(page, `已删除干部「${name}」`);
    await page.waitForURL(/\/cadres$/, WAIT);
    expect((await rig.api<{ cadre: unknown }>('query($id: ID!) { cadre(id: $id) { id } }', { id }, token)).cadre).toBeNull();
    await page.getByTestId('deleted-cadres-open').click();
    const drawer = page.getByTestId('deleted-cadres');
    const row = drawer.locator('tr.ant-table-row').filter({ hasText: name });
    await row.waitFor(WAIT);
    await shot(page, 'deleted-cadres', false);
    await row.getByTestId('restore-cadre').click();
    await confirmPop(page);
    await toast(page, `已恢复干部「${name}」`);
    await expect.poll(() => drawer.locator('tr.ant-table-row').filter({ hasText: name }).count(), WAIT).toBe(0);
    expect((await rig.api<{ cadre: { id: string } }>('query($id: ID!) { cadre(id: $id) { id } }', { id }, token)).cadre).toEqual({ id });
  }, TIMEOUT);
});
