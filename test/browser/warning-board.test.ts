// 预警看板 in a real browser (docs/warning-board.md#console): an officer opens 廉情预警 → 预警看板, picks a unit, sees the
// counts by colour, drills down through the red card to the cadre, reads the tag's explanation on hover, and finds the
// same tag on the archive header and on the cadre list. Needs web/dist (npm run build) and /usr/bin/chromium.
import { describe, expect, it } from 'vitest';
import { hasChromium, useBrowser, shot, submitLogin, WAIT } from '../helpers/browser.js';

const TIMEOUT = 180_000;

/** A date `days` from today in Beijing, YYYY-MM-DD. */
const day = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));
describe.skipIf(!hasChromium)('预警看板 in the browser', () => {
  const rig = useBrowser({ timezoneId: 'Asia/Shanghai' });

  it('counts by colour, drill-down to the cadre, the tag explains itself on the list, the archive and the ledger', async () => {
    const officer = await rig.apiLogin('km-wh.officer');
    const api = <T,>(q: string, v: Record<string, unknown>) => rig.api<T>(q, v, officer);
    const wh = (await api<{ tenants: { id: string; code: string }[] }>('{ tenants { id code } }', {})).tenants.find((x) => x.code === 'km-wh')!.id;
    const unitName = `预警看板测试处${Date.now() % 10000}`;
    const unit = (await api<{ createUnit: { id: string } }>('mutation($t:ID!,$n:String!,$c:String!){ createUnit(input:{tenantId:$t, name:$n, kind:"内设机构", code:$c}){ id } }',
      { t: wh, n: unitName, c: `YJB-${Date.now() % 100000}` })).createUnit.id;
    const cadre = (n: string) => api<{ createCadre: { id: string } }>('mutation($u:ID!,$n:String!){ createCadre(input:{name:$n, unitId:$u}){ id } }', { u: unit, n })
      .then((r) => r.createCadre.id);
    const red = await cadre('看板红甲'), blue = await cadre('看板蓝乙');
    // 撤销党内职务 from 30 days ago (24 months), and a 函询 clue still open.
    const effective = day(-30);
    await api<{ createRecord: { id: string } }>('mutation($c:ID!,$f:RecordFieldsInput!){ createRecord(cadreId:$c, category:10, fields:$f){ id } }', {
      c: red, f: { sanction: { kind: '党纪处分', measure: '撤销党内职务', decidedOn: day(-35), effectiveOn: effective, issuingBody: '区纪委', facts: '违规收受礼金。' } },
    });
    await api<{ createRecord: { id: string } }>('mutation($c:ID!,$f:RecordFieldsInput!){ createRecord(cadreId:$c, category:8, fields:$f){ id } }', {
      c: blue, f: { clue: { receivedOn: day(-5), source: '信访举报', summary: '反映违规收受礼品。', disposalMode: '谈话函询', handlingStatus: '办理中' } },
    });
    const page = await (await rig.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await submitLogin(page, rig.srv.url, 'km-wh.officer', rig.srv.password);
    // 廉情预警 is open in the side menu (as the other groups are): its 预警看板 entry.
    await page.getByTestId('menu-warning').waitFor(WAIT);
    await page.getByTestId('menu-warnings').click();
    await page.getByTestId('warning-board').waitFor(WAIT);
    await expect.poll(() => page.url(), WAIT).toMatch(/\/warnings$/);

    // The unit: exactly its two cadres, one red and one blue.
    await page.getByTestId('unit-filter').fill(unitName).catch((e) => { throw new Error(`${e}\n${errors.join('\n')}`); });
    await page.getByTestId('unit-tree').getByText(unitName, { exact: true }).first().click();
    await expect.poll(() => page.getByTestId('warning-count-total').textContent(), WAIT).toBe('2');
    await expect.poll(() => page.getByTestId('warning-count-red').textContent(), WAIT).toBe('1');
    expect(await page.getByTestId('warning-count-blue').textContent()).toBe('1');
    expect(await page.getByTestId('warning-count-orange').textContent()).toBe('0');
    await expect.poll(() => page.getByTestId('warning-rule-table').innerText(), WAIT).toContain('第三种形态处理处分影响期内');
    await expect.poll(() => page.getByTestId('warning-row').count(), WAIT).toBe(2);
    await page.getByTestId('warning-trend-chart').locator('canvas').first().waitFor(WAIT);
    await shot(page, 'warning-board');

    // The red card filters the list to the red cadre; its tag explains itself on hover.
    await page.getByTestId('warning-card-red').click();
    await expect.poll(() => page.getByTestId('warning-row').count(), WAIT).toBe(1);
    expect(await page.getByTestId('warning-colour-filter').textContent()).toContain('红');
    const row = page.getByTestId('warning-row').first();
    expect(await row.getByTestId('warning-cadre-name').textContent()).toBe('看板红甲');
    expect(await row.getByTestId('warning-reasons').textContent()).toContain('撤销党内职务');
    await row.getByTestId('warning-list-tag').hover();
    const tip = page.getByTestId('warning-tip').filter({ visible: true }).first();
    await tip.waitFor(WAIT);
    const tipText = await tip.innerText();
    expect(tipText).toContain('RED-FORM3');
    expect(tipText).toContain('第 1 版');
    expect(tipText).toContain('撤销党内职务');
    expect(tipText).toMatch(/至 \d{4}-\d{2}-\d{2}/);
    await shot(page, 'warning-board-red', false);

    // Drill down to the archive: the header carries the tag.
    await row.getByTestId('warning-cadre-name').click();
    await expect.poll(() => page.url(), WAIT).toContain(`/cadres/${red}`);
    const tag = page.getByTestId('archive-warning');
    await tag.waitFor(WAIT);
    expect(await tag.textContent()).toBe('红');
    await tag.hover();
    await expect.poll(() => page.getByTestId('warning-tip').filter({ visible: true }).first().innerText(), WAIT).toContain('第三种形态处理处分影响期内');

    // The cadre list: a tag on each warned row.
    await page.getByTestId('menu-cadres').click();
    await page.getByTestId('unit-filter').fill(unitName);
    await page.getByTestId('unit-tree').getByText(unitName, { exact: true }).first().click();
    await expect.poll(() => page.getByTestId('cadre-row').count(), WAIT).toBe(2);
    const tags = page.getByTestId('cadre-table').getByTestId('warning-tag');
    await expect.poll(async () => (await tags.allTextContents()).sort(), WAIT).toEqual(['红', '蓝'].sort());
    await tags.filter({ hasText: '蓝' }).hover();
    await expect.poll(() => page.getByTestId('warning-tip').filter({ visible: true }).first().innerText(), WAIT).toContain('BLUE-CLUE');
    await shot(page, 'warning-cadre-list');
    expect(errors).toEqual([]);
  }, TIMEOUT);

  it('a filler has no 预警看板 entry (only its 整改任务 under 廉情预警), no board and no colours on the ledger', async () => {
    const page = await (await rig.newContext()).newPage();
    await submitLogin(page, rig.srv.url, 'km-wh.filler', rig.srv.password);
    await page.getByTestId('cadre-table').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('cadre-row').count(), WAIT).toBeGreaterThan(0);
    expect(await page.getByTestId('menu-warnings').count()).toBe(0);
    expect(await page.getByTestId('warning-tag').count()).toBe(0);
    await page.goto(`${rig.srv.url}/warnings`);
    await expect.poll(() => page.locator('body').innerText(), WAIT).toContain('当前角色无权查看预警看板');
    expect(await page.getByTestId('warning-board').count()).toBe(0);
  }, TIMEOUT);
});
