// 工作日历 in a real browser (docs/work-calendar.md): the root administrator sees the year's holidays and 调休 working
// days in twelve month grids, sets a day off with a name, and sees the notice for a year not covered; an officer reads
// it without editing; a filler has no such page. Needs web/dist and /usr/bin/chromium.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, useBrowser, shot, toast, WAIT, submitLogin } from '../helpers/browser.js';

const TIMEOUT = 180_000;

describe.skipIf(!hasChromium)('工作日历 in the browser', () => {
  const rig = useBrowser({ timezoneId: 'Asia/Shanghai' });

  async function login(username: string): Promise<Page> {
    const page = await rig.newPage();
    await submitLogin(page, rig.srv.url, username, rig.srv.password);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), WAIT);
    await page.locator('[data-testid^="menu-"]').first().waitFor(WAIT);
    return page;
  }
  const kind = (page: Page, date: string) => page.getByTestId(`wc-day-${date}`).getAttribute('data-kind');

  it('the root administrator reads 2026, sets a day off with a name, and sees an uncovered year flagged', async () => {
    const admin = await login('yn.admin');
    await admin.getByTestId('menu-work-calendar').click();
    await admin.waitForURL(/\/work-calendar/, WAIT);
    await admin.goto(`${rig.srv.url}/work-calendar?year=2026`);
    await admin.getByTestId('wc-day-2026-10-01').waitFor(WAIT);
    expect(await kind(admin, '2026-10-01')).toBe('休息日');
    expect(await kind(admin, '2026-10-10')).toBe('调休上班');
    expect(await kind(admin, '2026-02-28')).toBe('调休上班');
    expect(await kind(admin, '2026-10-11')).toBe('周末');
    expect(await kind(admin, '2026-10-12')).toBe('工作日');
    expect(await admin.getByTestId('wc-coverage').innerText()).toContain('工作日历已覆盖 2004–2026 年');
    const summary = await admin.getByTestId('wc-summary').innerText();
    expect(summary).toContain('国庆节');
    expect(summary).toContain('10-01 至 10-07，共 7 天');
    await shot(admin, 'work-calendar-2026');

    await admin.getByTestId('wc-day-2026-12-31').click();
    await admin.getByTestId('wc-name').fill('测试假日');
    await shot(admin, 'work-calendar-edit', false);
    await admin.getByTestId('wc-save').click();
    await toast(admin, '已将 2026-12-31 设为休息日（测试假日）');
    await expect.poll(() => kind(admin, '2026-12-31'), WAIT).toBe('休息日');

    await admin.goto(`${rig.srv.url}/work-calendar?year=2099`);
    await admin.getByTestId('wc-notice').waitFor(WAIT);
    expect(await admin.getByTestId('wc-notice').innerText()).toContain('工作日历未覆盖 2099 年，请管理员补充节假日安排');
    expect(await kind(admin, '2099-10-01')).toBe('工作日');
  }, TIMEOUT);

  it('an officer reads the calendar without editing; a filler has no such page', async () => {
    const officer = await login('km.officer');
    await officer.getByTestId('menu-work-calendar').waitFor(WAIT);
    await officer.goto(`${rig.srv.url}/work-calendar?year=2026`);
    await officer.getByTestId('wc-day-2026-10-01').waitFor(WAIT);
    expect(await kind(officer, '2026-10-01')).toBe('休息日');
    expect(await officer.locator('[data-testid="wc-day-2026-10-01"][role="button"]').count()).toBe(0);
    expect(await officer.getByTestId('wc-coverage').innerText()).toContain('仅顶级机构的系统管理员可以修改');

    const filler = await login('km-wh.filler');
    expect(await filler.getByTestId('menu-work-calendar').count()).toBe(0);
    await filler.goto(`${rig.srv.url}/work-calendar`);
    await filler.getByTestId('page-forbidden').waitFor(WAIT);
  }, TIMEOUT);
});
