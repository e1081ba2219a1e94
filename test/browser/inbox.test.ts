// 我的填报 in a real browser (issue 13): a filler's record returned by an officer shows under 已退回 with the reason;
// a filler's edit of basic information goes to review (已提交审核), the officer sees the field-by-field diff on the
// 审核 page and accepts it, and the archive shows the new value. Needs web/dist and /usr/bin/chromium.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, useBrowser, shot, toast, WAIT, submitLogin } from '../helpers/browser.js';

const TIMEOUT = 180_000;

describe.skipIf(!hasChromium)('我的填报 in the browser', () => {
  const rig = useBrowser({ timezoneId: 'Asia/Shanghai' });
  const api = <T,>(query: string, variables: Record<string, unknown> = {}, token?: string) => rig.api<T>(query, variables, token);

  /** A cadre of its own in the filler's first unit (looked up, never named), with a unique name. */
  async function freshCadre(prefix: string) {
    const officer = await rig.apiLogin('km-wh.officer');
    const filler = await rig.apiLogin('km-wh.filler');
    const unit = (await api<{ units: { id: string }[] }>('{ units { id } }', {}, filler)).units[0];
    const han = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
    const name = prefix + Array.from({ length: 3 }, () => han[Math.floor(Math.random() * han.length)]).join('');
    return (await api<{ createCadre: { id: string; name: string } }>(
      'mutation($u: ID!, $n: String!) { createCadre(input: { name: $n, unitId: $u, health: "健康" }) { id name } }', { u: unit.id, n: name }, officer,
    )).createCadre;
  }

  async function login(username: string): Promise<Page> {
    const page = await rig.newPage();
    await submitLogin(page, rig.srv.url, username, rig.srv.password);
    await page.waitForURL(/\/cadres$/, WAIT);
    return page;
  }

  it('a filler\'s record returned with a reason appears under 已退回 in 我的填报', async () => {
    const cadre = await freshCadre('退');
    const fillerToken = await rig.apiLogin('km-wh.filler');
    const rec = (await api<{ createRecord: { id: string } }>(
      `mutation($c: ID!) { createRecord(cadreId: $c, category: 2, fields: { gift: { occurredOn: "2026-10-08", giver: "某商会秘书长",
        giftKind: "礼品", amount: "460", handling: "上交组织", handedOn: "2026-10-09" } }) { id } }`, { c: cadre.id }, fillerToken,
    )).createRecord;

    // The filler sees it under 待审核 first; officers have no such menu entry.
    const filler = await login('km-wh.filler');
    await filler.getByTestId('menu-my-records').click();
    await filler.waitForURL(/\/my-records$/, WAIT);
    const row = (p: Page) => p.locator(`[data-testid="my-row"][data-id="${rec.id}"]`);
    await row(filler).waitFor(WAIT);
    expect(await row(filler).getByTestId('my-cadre').textContent()).toBe(cadre.name);
    expect(await row(filler).getByTestId('my-category').textContent()).toContain('拒收上交礼品礼金');

    const officer = await login('km-wh.officer');
    expect(await officer.getByTestId('menu-my-records').count()).toBe(0);
    await officer.getByTestId('menu-review').click();
    const queued = officer.locator(`[data-testid="review-row"][data-record-id="${rec.id}"]`);
    await queued.waitFor(WAIT);
    await queued.getByTestId('review-return').click();
    await officer.locator('#return-reason').fill('请附上上交礼品的登记凭证');
    await officer.getByTestId('return-ok').click();
    await toast(officer, `已退回：${cadre.name}`);

    await filler.getByTestId('my-tab-returned').click();
    await filler.getByTestId('my-reload').click();
    await row(filler).waitFor(WAIT);
    expect(await row(filler).getByTestId('my-reason').textContent()).toBe('请附上上交礼品的登记凭证');
    expect(await row(filler).textContent()).toContain((await api<{ me: { displayName: string } }>('{ me { displayName } }', {}, await rig.apiLogin('km-wh.officer'))).me.displayName);
    await shot(filler, 'my-records-returned');
    // 去修改 leads to the record in the cadre's archive.
    await row(filler).getByTestId('my-open').click();
    await filler.waitForURL(new RegExp(`/cadres/${cadre.id}\\?tab=2$`), WAIT);
    await filler.locator(`[data-testid="record-card"][data-record-id="${rec.id}"]`).waitFor(WAIT);
  }, TIMEOUT);

  it('a filler\'s edit of basic information is submitted for review; the officer sees the diff and accepts; the archive shows it', async () => {
    const cadre = await freshCadre('改');
    const filler = await login('km-wh.filler');
    await filler.goto(`${rig.srv.url}/cadres/${cadre.id}?tab=1`);
    await filler.getByTestId('profile-sheet').waitFor(WAIT);
    await filler.getByTestId('profile-edit').click();
    await filler.getByTestId('profile-review-note').waitFor(WAIT);
    await filler.locator('#profile-health').fill('良好（填报）');
    await filler.getByTestId('profile-save').click();
    await toast(filler, '已提交审核');
    // Not in effect yet: the sheet still shows the old value, with the note above it.
    await filler.getByTestId('open-change').waitFor(WAIT);
    expect(await filler.getByTestId('open-change').textContent()).toContain('已提交审核');
    expect(await filler.getByTestId('profile-health').textContent()).toContain('健康');
    expect(await filler.getByTestId('profile-health').textContent()).not.toContain('良好（填报）');
    await shot(filler, 'my-records-basic-submitted');

    const officer = await login('km-wh.officer');
    await officer.goto(`${rig.srv.url}/review`);
    await officer.getByTestId('review-tab-basic').click();
    const row = officer.locator('[data-testid="change-row"]').filter({ hasText: cadre.name });
    await row.waitFor(WAIT);
    expect(await row.getByTestId('change-fields').textContent()).toBe('健康状况');
    await row.locator('.ant-table-row-expand-icon').click();
    const diff = officer.getByTestId('change-diff').first();
    await diff.waitFor(WAIT);
    expect(await diff.textContent()).toContain('健康状况');
    expect(await diff.getByTestId('diff-to').first().textContent()).toBe('良好（填报）');
    await shot(officer, 'review-basic-info');
    await row.getByTestId('change-accept').click();
    await officer.getByTestId('confirm-ok').click();
    await toast(officer, `已审核通过：${cadre.name}的基本信息修改已生效`);

    await filler.reload();
    await filler.getByTestId('profile-sheet').waitFor(WAIT);
    await expect.poll(() => filler.getByTestId('profile-health').textContent(), WAIT).toContain('良好（填报）');
    expect(await filler.getByTestId('open-change').count()).toBe(0);
    // 已通过 in 我的填报.
    await filler.getByTestId('menu-my-records').click();
    await filler.getByTestId('my-tab-accepted').click();
    await filler.locator('[data-testid="my-row"][data-kind="basicInfo"]').filter({ hasText: cadre.name }).waitFor(WAIT);
    await shot(filler, 'my-records-accepted');
  }, TIMEOUT);
});
