// 廉政审查情况复函 in a real browser (issue 15, docs/replies.md): an officer opens 廉情分析 → 廉政复函, starts a request
// with pasted names (one unknown, one shared by two cadres and chosen) and one cadre added by search, the drafts show 不宜 for a cadre inside a
// sanction's influence period with the sanction cited; the officer edits another cadre's text, issues the reply (文号),
// and finds it in that cadre's archive under category 7. Needs web/dist and /usr/bin/chromium.
import { describe, expect, it } from 'vitest';
import { hasChromium, shot, submitLogin, toast, useBrowser, WAIT } from '../helpers/browser.js';

describe.skipIf(!hasChromium)('廉政复函 in the browser', () => {
  const rig = useBrowser({ timezoneId: 'Asia/Shanghai' });

  it('from pasted names to an issued reply, filed in the archive', async () => {
    const token = await rig.apiLogin('km-wh.officer');
    const api = <T,>(q: string, v: Record<string, unknown> = {}) => rig.api<T>(q, v, token);
    const unit = (await api<{ units: { id: string; name: string }[] }>('{ units { id name } }')).units[0];
    const made = async (name: string) => (await api<{ createCadre: { id: string } }>(
      'mutation($u: ID!, $n: String!) { createCadre(input: { name: $n, unitId: $u, position: "科员" }) { id } }', { u: unit.id, n: name })).createCadre.id;
    const jia = await made('函询甲');
    const yi = await made('函询乙');
    const twinA = await made('函询同名');
    await made('函询同名');
    const decided = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    await api('mutation($c: ID!, $f: RecordFieldsInput!) { createRecord(cadreId: $c, category: 10, fields: $f) { id } }', {
      c: jia, f: { sanction: { kind: '党纪处分', measure: '严重警告', decidedOn: decided, issuingBody: '五华区纪委', facts: '违规收受礼金。' } },
    });

    const page = await rig.newPage();
    await submitLogin(page, rig.srv.url, 'km-wh.officer', rig.srv.password);
    await page.waitForURL(/\/cadres$/, WAIT);
    await page.getByTestId('menu-replies').click();
    await page.waitForURL(/\/replies$/, WAIT);
    await page.getByTestId('reply-new').click();
    await page.getByTestId('reply-requester').fill('中共五华区委组织部');
    await page.getByTestId('reply-letter').fill('五组函〔2026〕21号');
    await page.getByTestId('reply-paste').fill('函询甲\n函询乙\n函询同名\n查无此人');
    await page.getByTestId('reply-resolve').click();
    await expect.poll(() => page.getByTestId('reply-picked').textContent(), WAIT).toBe('已识别 2 人，未找到 1 行，重名待选 1 行');
    // Creating before the twin is chosen is refused in words.
    await page.getByTestId('reply-create').click();
    await expect.poll(() => page.getByTestId('reply-error').textContent(), WAIT).toContain('有 1 个重名');
    await page.getByTestId('reply-choose').click();
    await page.locator('.ant-select-item-option').first().click();
    await expect.poll(() => page.getByTestId('reply-picked').textContent(), WAIT).toBe('已识别 3 人，未找到 1 行');
    // The other namesake, added one by one through the search by initials.
    await page.getByTestId('reply-cadre-search').locator('input').fill('hxtm');
    const options = page.getByTestId('reply-cadre-search-popup').locator('.ant-select-item-option').filter({ hasText: '函询同名' });
    await expect.poll(() => options.count(), WAIT).toBe(2);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await options.nth(1).click();
    await expect.poll(() => page.getByTestId('reply-picked').textContent(), WAIT).toBe('已识别 4 人，未找到 1 行');
    await shot(page, 'reply-new', false);
    await page.getByTestId('reply-create').click();
    await toast(page, '已起草复函：4 人');

    const drawer = page.getByTestId('reply-drawer');
    const items = drawer.getByTestId('reply-item');
    await expect.poll(() => items.count(), WAIT).toBe(4);
    const row = (name: string) => items.filter({ hasText: name });
    expect(await row('函询甲').getByTestId('reply-conclusion').textContent()).toBe('不宜作为拟选拔任用人选');
    expect(await row('函询甲').textContent()).toContain('受到五华区纪委严重警告');
    expect(await row('函询乙').getByTestId('reply-conclusion').textContent()).toBe('不持异议');
    expect(await drawer.getByTestId('reply-docnumber').textContent()).toBe('签发时编号');
    await shot(page, 'reply-draft', false);

    // Edit 乙's text; the computed draft stays beside it.
    await row('函询乙').getByTestId('reply-edit').click();
    await page.getByTestId('reply-text').fill('函询乙同志（科员）：经查，未发现该同志有违反廉洁纪律的问题。对该同志选拔任用不持异议。');
    await page.getByTestId('reply-text-save').click();
    await toast(page, '已修改：函询乙');
    await expect.poll(() => row('函询乙').textContent(), WAIT).toContain('已修改');

    await drawer.getByTestId('reply-issue').click();
    await page.getByTestId('confirm-ok').click();
    await toast(page, /^已签发：五纪廉复〔\d{4}〕\d+号$/);
    await expect.poll(() => drawer.getByTestId('reply-docnumber').textContent(), WAIT).toMatch(/^五纪廉复〔\d{4}〕\d+号$/);
    const number = (await drawer.getByTestId('reply-docnumber').textContent())!;
    expect(await drawer.getByTestId('reply-issue').count()).toBe(0);
    await shot(page, 'reply-issued', false);
    // The three cadres' 廉情评价报告 as of the reply date, and one letter per cadre, as downloads.
    const [reports] = await Promise.all([page.waitForEvent('download', WAIT), drawer.getByTestId('reply-reports').click()]);
    expect(reports.suggestedFilename()).toMatch(/^廉情评价报告（4人，截至\d{4}-\d{2}-\d{2}）\.zip$/);
    const [letters] = await Promise.all([page.waitForEvent('download', WAIT), drawer.getByTestId('reply-zip').click()]);
    expect(letters.suggestedFilename()).toBe(`${number}-逐人复函.zip`);

    // The ledger reads it as issued; the archive of 乙 holds it in category 7 with the edited text.
    await page.locator('.ant-drawer-close').click();
    const ledgerRow = page.getByTestId('replies-row').filter({ hasText: number });
    await ledgerRow.waitFor(WAIT);
    expect(await ledgerRow.getByTestId('reply-status').textContent()).toBe('已签发');
    await shot(page, 'replies-ledger', false);
    // The settings: the measures of category 10 to make an exception for.
    await page.getByTestId('reply-settings').click();
    await page.getByTestId('reply-measure-add').click();
    await page.getByTestId('reply-measure-rule').locator('.ant-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '诫勉' }).first().click();
    await page.getByTestId('reply-measure-rule').getByText('选拔任用').click();
    await page.getByTestId('reply-settings-save').click();
    await toast(page, '复函设置已保存');
    const settings = await api<{ replySettings: { measureRules: { measureLabel: string; purposes: string[] }[] } }>('{ replySettings { measureRules { measureLabel purposes } } }');
    expect(settings.replySettings.measureRules).toEqual([{ measureLabel: '诫勉', purposes: ['selection'] }]);
    const archive = await api<{ cadre: { records: { documentNo: string; conclusion: string; content: string }[] } }>(
      'query($id: ID!) { cadre(id: $id) { records(category: 7) { ... on OpinionReplyRecord { documentNo conclusion content } } } }', { id: yi });
    expect(archive.cadre.records).toEqual([{ documentNo: number, conclusion: '不持异议', content: expect.stringContaining('未发现该同志有违反廉洁纪律的问题') }]);
    await page.goto(`${rig.srv.url}/cadres/${yi}`);
    await page.getByText(number).first().waitFor(WAIT);
    await shot(page, 'reply-in-archive');
    expect(twinA).toBeTruthy();
  }, 240_000);

  it('a city asks about a county cadre: the county answers its part, the city issues the whole', async () => {
    const cityToken = await rig.apiLogin('km.officer');
    const whToken = await rig.apiLogin('km-wh.officer');
    const unitOf = async (tenantCode: string) => (await rig.api<{ units: { id: string }[] }>(
      'query($t: String) { units(tenantCode: $t) { id } }', { t: tenantCode }, cityToken)).units[0].id;
    const made = (token: string, name: string, unitId: string) => rig.api<{ createCadre: { id: string } }>(
      'mutation($u: ID!, $n: String!) { createCadre(input: { name: $n, unitId: $u, position: "副主任" }) { id } }', { u: unitId, n: name }, token);
    await made(cityToken, '跨级市甲', await unitOf('km'));
    const quYi = (await made(whToken, '跨级区乙', await unitOf('km-wh'))).createCadre.id;

    // The city's officer asks about both; the county's cadre goes into 五华区's part.
    const city = await rig.newPage();
    await submitLogin(city, rig.srv.url, 'km.officer', rig.srv.password);
    await city.waitForURL(/\/cadres$/, WAIT);
    await city.goto(`${rig.srv.url}/replies`);
    await city.getByTestId('reply-new').click();
    await city.getByTestId('reply-requester').fill('中共昆明市委组织部');
    await city.getByTestId('reply-paste').fill('跨级市甲\n跨级区乙');
    await city.getByTestId('reply-resolve').click();
    await expect.poll(() => city.getByTestId('reply-picked').textContent(), WAIT).toBe('已识别 2 人');
    expect(await city.getByTestId('reply-lines').textContent()).toContain('五华区纪委监委·');
    await city.getByTestId('reply-create').click();
    await toast(city, '已起草复函：2 人');
    const drawer = city.getByTestId('reply-drawer');
    const part = drawer.getByTestId('reply-part');
    await expect.poll(() => part.textContent(), WAIT).toContain('五华区纪委监委');
    expect(await part.getByTestId('reply-part-status').textContent()).toBe('待答复');
    expect(await drawer.getByTestId('reply-issue').isDisabled()).toBe(true);
    // The county's cadre is answered there: the city cannot edit it.
    const cityItem = (name: string) => drawer.getByTestId('reply-item').filter({ hasText: name });
    expect(await cityItem('跨级区乙').getByTestId('reply-item-tenant').textContent()).toBe('五华区纪委监委答复');
    expect(await cityItem('跨级区乙').getByTestId('reply-edit').count()).toBe(0);
    expect(await cityItem('跨级市甲').getByTestId('reply-edit').count()).toBe(1);
    await shot(city, 'reply-parts-open', false);

    // The county sees the part in its own ledger, marked as forwarded, and answers it.
    const wh = await rig.newPage();
    await submitLogin(wh, rig.srv.url, 'km-wh.officer', rig.srv.password);
    await wh.waitForURL(/\/cadres$/, WAIT);
    await wh.goto(`${rig.srv.url}/replies`);
    const forwarded = wh.getByTestId('replies-row').filter({ hasText: '中共昆明市委组织部' }).first();
    await forwarded.waitFor(WAIT);
    expect(await forwarded.getByTestId('reply-forwarded').textContent()).toBe('昆明市纪委监委转来');
    expect(await forwarded.getByTestId('reply-status').textContent()).toBe('待答复');
    await forwarded.getByTestId('reply-open').click();
    const whDrawer = wh.getByTestId('reply-drawer');
    await expect.poll(() => whDrawer.getByTestId('reply-item').count(), WAIT).toBe(1);
    expect(await whDrawer.textContent()).not.toContain('跨级市甲');
    expect(await whDrawer.getByTestId('reply-issue').count()).toBe(0);
    await shot(wh, 'reply-part-county', false);
    // A clue entered since the city drafted: the county redrafts its part from the archive as it stands.
    await rig.api('mutation($c: ID!, $f: RecordFieldsInput!) { createRecord(cadreId: $c, category: 8, fields: $f) { id } }', {
      c: quYi, f: { clue: { receivedOn: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10), source: '信访举报', summary: '反映违规兼职。', disposalMode: '谈话函询', handlingStatus: '办理中' } },
    }, whToken);
    expect(await whDrawer.getByTestId('reply-conclusion').textContent()).toBe('不持异议');
    await whDrawer.getByTestId('reply-redraft').click();
    await wh.getByTestId('reply-redraft-ok').click();
    await toast(wh, '已重新起草：不宜 0 人，暂缓 1 人');
    await expect.poll(() => whDrawer.getByTestId('reply-conclusion').textContent(), WAIT).toBe('建议暂缓');
    await whDrawer.getByTestId('reply-answer').click();
    await wh.getByTestId('confirm-ok').click();
    await toast(wh, '已答复昆明市纪委监委');
    await expect.poll(() => whDrawer.getByTestId('reply-head-status').textContent(), WAIT).toBe('已答复');

    // Back at the city: the part is answered, the whole can be issued; the county's ledger then shows the city's 文号.
    await city.locator('.ant-drawer-close').click();
    const cityRow = city.getByTestId('replies-row').filter({ hasText: '中共昆明市委组织部' }).first();
    await cityRow.getByTestId('reply-open').click();
    await expect.poll(() => drawer.getByTestId('reply-part-status').textContent(), WAIT).toBe('已答复');
    await drawer.getByTestId('reply-issue').click();
    await city.getByTestId('confirm-ok').click();
    await toast(city, /^已签发：昆纪廉复〔\d{4}〕\d+号$/);
    await expect.poll(() => drawer.getByTestId('reply-docnumber').textContent(), WAIT).toMatch(/^昆纪廉复〔\d{4}〕\d+号$/);
    const number = (await drawer.getByTestId('reply-docnumber').textContent())!;
    await shot(city, 'reply-parts-issued', false);
    await wh.reload();
    await wh.getByTestId('replies-row').filter({ hasText: number }).waitFor(WAIT);
  }, 240_000);
});
