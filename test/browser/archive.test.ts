// 干部廉政档案 in a real browser: a filler enters a record that an officer returns and then accepts (待审核记录), two
// officers editing one record (the stale save sees VERSION_CONFLICT with the newer values and overwrites nothing),
// categories 8 and 9 hidden from fillers, delete and restore. Needs web/dist (npm run build) and /usr/bin/chromium;
// skipped where chromium is absent. One server for the file; every test works on records of its own.
import { describe, expect, it } from 'vitest';
import { type Locator, type Page } from 'playwright-core';
import { hasChromium, useBrowser, shot, toast, WAIT, submitLogin } from '../helpers/browser.js';
import sharp from 'sharp';

const TIMEOUT = 120_000;

interface CadreRef { id: string; name: string }
interface GiftState {
  id: string; version: number; statusLabel: string; deleted: boolean; reviewedBy: string | null; returnReason: string | null;
  amount: string; giver: string; remarks: string | null; history: { action: string }[];
}

const GIFT_STATE = `query($id: ID!) { record(id: $id) {
  id version statusLabel deleted reviewedBy returnReason history { action }
  ... on GiftRecord { amount giver remarks }
} }`;
const CREATE = `mutation($c: ID!, $cat: Int!, $f: RecordFieldsInput!, $m: [RecordMaterialInput!]) {
  createRecord(cadreId: $c, category: $cat, fields: $f, materials: $m) { id version }
}`;

describe.skipIf(!hasChromium)('干部廉政档案 in the browser', () => {
  const rig = useBrowser({ timezoneId: 'Asia/Shanghai' });

  const api = <T,>(query: string, variables: Record<string, unknown> = {}, token?: string) => rig.api<T>(query, variables, token);

  const apiLogin = (username: string) => rig.apiLogin(username);

  const me = async (token: string) => (await api<{ me: { displayName: string } }>('{ me { displayName } }', {}, token)).me;
  const firstCadres = async (token: string, n = 2) =>
    (await api<{ cadres: { edges: { node: CadreRef }[] } }>(`{ cadres(first: ${n}) { edges { node { id name } } } }`, {}, token))
      .cadres.edges.map((e) => e.node);
  /**
   * A new cadre in the filler's unit, with a unique name: on a shared PostgreSQL database other test files add
   * records to the seeded cadres, so tests that count records work on a cadre of their own.
   */
  async function freshCadre(prefix: string): Promise<CadreRef> {
    const officerToken = await apiLogin('km-wh.officer');
    const fillerToken = await apiLogin('km-wh.filler');
    const unit = (await api<{ units: { id: string }[] }>('{ units { id } }', {}, fillerToken)).units[0];
    const han = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
    const name = prefix + Array.from({ length: 3 }, () => han[Math.floor(Math.random() * han.length)]).join('');
    return (await api<{ createCadre: CadreRef }>('mutation($u: ID!, $n: String!) { createCadre(input: { name: $n, unitId: $u, sortOrder: 0 }) { id name } }',
      { u: unit.id, n: name }, officerToken)).createCadre;
  }

  const giftState = async (id: string, token: string) => (await api<{ record: GiftState }>(GIFT_STATE, { id }, token)).record;
  const materialIds = async (id: string, token: string) =>
    (await api<{ record: { materials: { id: string }[] } }>('query($id: ID!) { record(id: $id) { materials { id } } }', { id }, token)).record.materials.map((m) => m.id);

  async function newPage(): Promise<Page> {
    // Beijing time, as the server writes it into its messages (e.g. the VERSION_CONFLICT text).
    const ctx = await rig.newContext();
    return ctx.newPage();
  }

  async function login(username: string): Promise<Page> {
    const page = await newPage();
    await submitLogin(page, rig.srv.url, username, rig.srv.password);
    await page.waitForURL(/\/cadres$/, WAIT);
    return page;
  }

  /** Open a cadre's archive at one category's tab. */
  async function openArchive(page: Page, cadreId: string, category: number) {
    await page.goto(`${rig.srv.url}/cadres/${cadreId}?tab=${category}`);
    await page.getByTestId('archive-header').waitFor(WAIT);
    await page.getByTestId(`category-panel-${category}`).waitFor({ state: 'visible', ...WAIT });
  }

  const panel = (page: Page, category: number) => page.getByTestId(`category-panel-${category}`);
  const card = (page: Page, id: string) => page.locator(`[data-testid="record-card"][data-record-id="${id}"]`);
  const cardWith = (page: Page, category: number, text: string) =>
    panel(page, category).getByTestId('record-card').filter({ hasText: text }).first();
  const statusOf = (c: Locator) => c.getByTestId('record-status').textContent();
  /**
   * 确定 in the Popconfirm just opened (closed ones stay in the DOM, hidden). Clicked once its opening animation is
   * over: a popover still zooming in and aligning itself can move between Playwright's hit test and the click.
   */
  async function confirm(page: Page) {
    const ok = page.getByTestId('confirm-ok').filter({ visible: true });
    await expect.poll(() => ok.count(), WAIT).toBe(1);
    await expect.poll(() => ok.evaluate((el) => /-(appear|enter)/.test(el.closest('.ant-popover')?.className ?? '')), WAIT).toBe(false);
    await ok.click();
  }

  /** Choose an option of the form's Select for a field (once more if the click on the sliding list was lost). */
  async function choose(page: Page, field: string, option: string) {
    const select = page.locator(`.ant-select:has(#record_${field})`);
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        await select.click({ timeout: 5_000 });
        await page.locator(`.ant-select-item-option[title="${option}"]`).filter({ visible: true }).first().click({ timeout: 5_000 });
        await expect.poll(() => select.textContent(), { timeout: 5_000 }).toContain(option);
        return;
      } catch {
        // The list did not open or the click was lost: close whatever is open and try again.
        await page.keyboard.press('Escape');
      }
    }
    expect(await select.textContent(), `option ${option}`).toContain(option);
  }

  /** Type a date into a DatePicker and commit it; leaving the field proves it was taken (else the picker clears it). */
  async function fillDate(page: Page, selector: string, value: string) {
    const input = page.locator(selector);
    for (let attempt = 0; attempt < 3; attempt++) {
      await input.click();
      await input.fill(value);
      await input.press('Enter');
      await input.press('Tab');
      try {
        await expect.poll(() => input.inputValue(), { timeout: 5_000 }).toBe(value);
        return;
      } catch { /* not taken: once more */ }
    }
    expect(await input.inputValue(), `date ${selector}`).toBe(value);
  }



  it('a filler enters a gift, an officer returns it with a reason, the filler corrects it and the officer accepts it', async () => {
    const fillerToken = await apiLogin('km-wh.filler');
    const officerToken = await apiLogin('km-wh.officer');
    const officerName = (await me(officerToken)).displayName;
    const cadre = await freshCadre('档案');
    // An accepted gift with two materials, entered by the officer.
    await api(CREATE, {
      c: cadre.id, cat: 2,
      f: { gift: { occurredOn: '2025-09-28', giver: '某建筑公司项目经理', giftKind: '礼金', amount: '2000.00', handling: '上交组织' } },
      m: [{ name: '上交礼金登记表', formedOn: '2025-09-29', pages: 1 }, { name: '廉政账户收款凭证', formedOn: '2025-09-29', pages: 1 }],
    }, officerToken);

    // From the ledger: the name opens the archive.
    const filler = await login('km-wh.filler');
    await filler.getByTestId('cadre-row').filter({ hasText: cadre.name }).first().getByTestId('cadre-name').click();
    await filler.waitForURL(new RegExp(`/cadres/${cadre.id}`), WAIT);
    await expect.poll(() => filler.getByTestId('archive-name').textContent(), WAIT).toBe(cadre.name);
    expect(await filler.getByTestId('archive-photo').textContent()).toBe('照片');
    await filler.getByTestId('category-tab-2').click();
    // The officer's gift: accepted, with two materials.
    const seeded = panel(filler, 2).getByTestId('record-card').first();
    await seeded.waitFor(WAIT);
    expect(await statusOf(seeded)).toBe('已审核');
    expect(await seeded.getByTestId('material-row').count()).toBe(2);
    await shot(filler, 'archive-page');

    // 新增: the form generated from the category's fields; required fields are checked in Chinese.
    await panel(filler, 2).getByTestId('record-add').click();
    await filler.getByTestId('record-form').waitFor(WAIT);
    await filler.getByTestId('record-form-ok').click();
    await filler.getByText('请填写送礼人').waitFor(WAIT);
    await filler.getByText('请选择处理方式').waitFor(WAIT);
    await fillDate(filler, '#record_occurredOn', '2026-03-08');
    await filler.locator('#record_giver').fill('某供应商销售经理');
    await filler.locator('#record_giverUnit').fill('某办公设备有限公司');
    await choose(filler, 'giftKind', '礼品');
    await filler.locator('#record_description').fill('茶叶 2 盒');
    await filler.locator('#record_amount').fill('860');
    await choose(filler, 'handling', '上交组织');
    await filler.locator('#record_handedTo').fill('区纪委监委廉政账户');
    await filler.getByTestId('material-add').click();
    await filler.locator('#record_materials_0_name').fill('上交礼品登记表');
    await filler.locator('#record_materials_0_pages').fill('1');
    await shot(filler, 'archive-add-record', false);
    await filler.getByTestId('record-form-ok').click();
    await toast(filler, '已提交，待纪检干部审核');
    const mine = cardWith(filler, 2, '某供应商销售经理');
    await mine.waitFor(WAIT);
    expect(await statusOf(mine)).toBe('待审核');
    expect(await mine.getByTestId('field-amount').textContent()).toBe('860.00');
    expect(await mine.getByTestId('material-row').count()).toBe(1);
    const recordId = (await mine.getAttribute('data-record-id'))!;
    expect((await giftState(recordId, officerToken)).statusLabel).toBe('待审核');

    // The officer (another browser) finds it in 待审核记录 and returns it with a reason.
    const officer = await login('km-wh.officer');
    await officer.getByTestId('menu-review').click();
    await officer.waitForURL(/\/review$/, WAIT);
    const row = officer.locator(`[data-testid="review-row"][data-record-id="${recordId}"]`);
    await row.waitFor(WAIT);
    expect(await row.getByTestId('review-cadre').textContent()).toBe(cadre.name);
    expect(await row.textContent()).toContain('拒收上交礼品礼金');
    await shot(officer, 'review-queue');
    await row.getByTestId('review-return').click();
    await officer.getByRole('dialog', { name: '退回记录' }).waitFor(WAIT);
    await officer.getByTestId('return-ok').click();
    await officer.getByText('请填写退回理由').waitFor(WAIT);
    await officer.locator('#return-reason').fill('请补充登记（收据）编号，并核对礼品价值');
    await officer.getByTestId('return-ok').click();
    await toast(officer, `已退回：${cadre.name}`);
    await row.waitFor({ state: 'detached', ...WAIT });
    // Under 已退回, with its reason.
    await officer.getByTestId('review-status').getByText('已退回').click();
    await expect.poll(() => row.getByTestId('review-reason').textContent(), WAIT).toBe('请补充登记（收据）编号，并核对礼品价值');

    // The filler sees 已退回 with the reason, corrects the amount and saves: back to 待审核.
    await filler.getByTestId('archive-reload').click();
    await expect.poll(() => statusOf(card(filler, recordId)), WAIT).toBe('已退回');
    expect(await card(filler, recordId).getByTestId('record-return-reason').textContent()).toContain('请补充登记（收据）编号，并核对礼品价值');
    await shot(filler, 'archive-returned');
    const materialsBefore = await materialIds(recordId, officerToken);
    await card(filler, recordId).getByTestId('record-edit').click();
    await filler.getByTestId('record-form').waitFor(WAIT);
    expect(await filler.locator('#record_amount').inputValue()).toBe('860.00');
    await filler.locator('#record_amount').fill('880');
    await filler.locator('#record_receiptNo').fill('LZ2026-015');
    await filler.getByTestId('record-form-ok').click();
    await toast(filler, '已保存，记录已重新提交审核');
    await expect.poll(() => statusOf(card(filler, recordId)), WAIT).toBe('待审核');
    expect(await card(filler, recordId).getByTestId('field-amount').textContent()).toBe('880.00');
    // The catalogue entry was edited in place (its id, and so a scan attached to it, kept).
    expect(await materialIds(recordId, officerToken)).toEqual(materialsBefore);
    expect(await card(filler, recordId).getByTestId('record-return-reason').count()).toBe(0);

    // The officer accepts it from the queue; the archive shows 已审核 with the reviewer.
    await officer.getByTestId('review-status').getByText('待审核').click();
    await row.waitFor(WAIT);
    await row.getByTestId('review-accept').click();
    await confirm(officer);
    await toast(officer, `已审核通过：${cadre.name}`);
    await row.waitFor({ state: 'detached', ...WAIT });

    await filler.getByTestId('archive-reload').click();
    await expect.poll(() => statusOf(card(filler, recordId)), WAIT).toBe('已审核');
    expect(await card(filler, recordId).getByTestId('record-reviewer').textContent()).toContain(officerName);

    const state = await giftState(recordId, officerToken);
    expect(state).toMatchObject({ statusLabel: '已审核', amount: '880.00', reviewedBy: officerName, returnReason: null });
    expect(state.history.map((h) => h.action)).toEqual(['accept', 'update', 'return', 'create']);

    // 变更历史 lists every step with the changed fields.
    await card(filler, recordId).getByTestId('record-history').click();
    const drawer = filler.getByTestId('history-drawer');
    await expect.poll(() => drawer.getByTestId('history-item').count(), WAIT).toBe(4);
    const text = (await drawer.textContent()) ?? '';
    for (const s of ['审核通过', '修改', '退回', '录入', '请补充登记（收据）编号', '860.00', '880.00']) expect(text).toContain(s);
    await shot(filler, 'archive-history', false);
  }, TIMEOUT);

  it('a stale save is refused with the newer values beside the form, and overwrites nothing', async () => {
    const token = await apiLogin('km-wh.officer');
    const [, cadre] = await firstCadres(token, 2);
    const created = (await api<{ createRecord: { id: string } }>(CREATE, {
      c: cadre.id, cat: 2,
      f: { gift: { occurredOn: '2026-02-01', giver: '某商会会长', giftKind: '礼金', amount: '1000.00', handling: '事后退还' } },
      m: [{ name: '退还礼金说明', formedOn: '2026-02-02', pages: 2 }],
    }, token)).createRecord;

    // Two officers open the same record's edit form.
    const a = await login('km-wh.officer');
    const b = await login('km-wh.officer');
    for (const p of [a, b]) {
      await openArchive(p, cadre.id, 2);
      await card(p, created.id).getByTestId('record-edit').click();
      await p.getByTestId('record-form').waitFor(WAIT);
    }

    // The first saves.
    await a.locator('#record_amount').fill('1200');
    await a.locator('#record_giver').fill('某商会副会长');
    await a.getByTestId('record-form-ok').click();
    await toast(a, '已保存');
    await expect.poll(() => card(a, created.id).getByTestId('field-amount').textContent(), WAIT).toBe('1,200.00');

    // The second, still on version 1, saves other values: refused, its input kept, the newer values shown.
    await b.locator('#record_amount').fill('999');
    await b.locator('#record_remarks').fill('经核实，礼金已于次日退还本人');
    await b.getByTestId('record-form-ok').click();
    const alert = b.getByTestId('record-conflict');
    await alert.waitFor(WAIT);
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('该记录已被');
    expect(message).toContain('当前为第 2 版');
    const latest = b.getByTestId('record-conflict-latest');
    await latest.waitFor(WAIT);
    expect(await latest.getByTestId('latest-amount').textContent()).toBe('1,200.00');
    expect(await latest.getByTestId('latest-giver').textContent()).toBe('某商会副会长');
    expect(await b.locator('#record_amount').inputValue()).toBe('999.00');
    expect(await b.locator('#record_remarks').inputValue()).toBe('经核实，礼金已于次日退还本人');
    await shot(b, 'archive-conflict', false);

    // Nothing was overwritten.
    const after = await giftState(created.id, token);
    expect(after).toMatchObject({ version: 2, amount: '1200.00', giver: '某商会副会长', remarks: null });

    // 载入最新版本 puts the newer values into the form; a save then goes through on version 2.
    await b.getByTestId('record-load-latest').click();
    await expect.poll(() => b.locator('#record_amount').inputValue(), WAIT).toBe('1200.00');
    expect(await b.getByTestId('record-conflict').count()).toBe(0);
    await b.locator('#record_remarks').fill('经核实，礼金已于次日退还本人');
    await b.getByTestId('record-form-ok').click();
    await toast(b, '已保存');
    expect(await giftState(created.id, token)).toMatchObject({ version: 3, amount: '1200.00', remarks: '经核实，礼金已于次日退还本人' });
  }, TIMEOUT);

  it('a filler has no 问题线索处置 (8) or 谈话函询等材料 (9) tab; an officer has both', async () => {
    const cadre = await freshCadre('线索');
    await api(CREATE, {
      c: cadre.id, cat: 8,
      f: { clue: { receivedOn: '2026-03-02', source: '信访举报', summary: '反映其在工程项目验收中接受吃请。', disposalMode: '谈话函询', handlingStatus: '已办结' } },
    }, await apiLogin('km-wh.officer'));

    const filler = await login('km-wh.filler');
    await openArchive(filler, cadre.id, 2);
    await filler.getByTestId('category-tab-10').waitFor(WAIT);
    expect(await filler.getByTestId('category-tab-8').count()).toBe(0);
    expect(await filler.getByTestId('category-tab-9').count()).toBe(0);
    const fillerTabs = (await filler.locator('.lz-category-tabs .ant-tabs-nav').textContent()) ?? '';
    expect(fillerTabs).not.toContain('问题线索处置');
    expect(fillerTabs).not.toContain('谈话函询等材料');
    // Nor the review queue, nor delete.
    expect(await filler.getByTestId('menu-review').count()).toBe(0);
    expect(await panel(filler, 2).getByTestId('record-delete').count()).toBe(0);
    expect(await filler.getByTestId('show-deleted').count()).toBe(0);

    const officer = await login('km-wh.officer');
    await openArchive(officer, cadre.id, 8);
    expect(await officer.getByTestId('category-tab-8').textContent()).toContain('问题线索处置');
    expect(await officer.getByTestId('category-tab-9').textContent()).toContain('谈话函询等材料');
    // The clue, under its tab; an empty category says so.
    await expect.poll(() => panel(officer, 8).getByTestId('record-card').count(), WAIT).toBe(1);
    expect(await statusOf(panel(officer, 8).getByTestId('record-card').first())).toBe('已审核');
    await officer.getByTestId('category-tab-9').click();
    await panel(officer, 9).getByTestId('category-empty').waitFor({ state: 'visible', ...WAIT });
    expect(await panel(officer, 9).getByTestId('category-empty').textContent()).toContain('暂无记录');

    // On paper: every category one after the other, without menu, tabs or buttons.
    await officer.emulateMedia({ media: 'print' });
    for (const id of [1, 2, 8, 9, 12]) expect(await panel(officer, id).isVisible()).toBe(true);
    expect(await officer.getByTestId('side-menu').isVisible()).toBe(false);
    expect(await officer.getByTestId('archive-print').isVisible()).toBe(false);
    expect(await panel(officer, 2).getByTestId('record-add').isVisible()).toBe(false);
    expect(await panel(officer, 8).getByTestId('record-card').first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
    await shot(officer, 'archive-print');
    await officer.emulateMedia({ media: 'screen' });
  }, TIMEOUT);

  it('an officer deletes a record and restores it', async () => {
    const token = await apiLogin('km-wh.officer');
    const [, cadre] = await firstCadres(token, 2);
    const created = (await api<{ createRecord: { id: string } }>(CREATE, {
      c: cadre.id, cat: 12, f: { otherMaterial: { recordedOn: '2026-04-01', title: '年度述责述廉报告', issuer: '本人' } },
    }, token)).createRecord;
    const deletedState = async () =>
      (await api<{ record: { deleted: boolean; deletedBy: string | null } }>('query($id: ID!) { record(id: $id) { deleted deletedBy } }', { id: created.id }, token)).record;

    const page = await login('km-wh.officer');
    await openArchive(page, cadre.id, 12);
    const c = card(page, created.id);
    await c.waitFor(WAIT);
    expect(await c.getByTestId('field-title').textContent()).toBe('年度述责述廉报告');

    await c.getByTestId('record-delete').click();
    await confirm(page);
    await toast(page, '已删除');
    await c.waitFor({ state: 'detached', ...WAIT });
    expect((await deletedState()).deleted).toBe(true);

    // 显示已删除: the record comes back greyed, with 恢复.
    await page.getByTestId('show-deleted').click();
    await c.waitFor(WAIT);
    expect(await statusOf(c)).toBe('已删除');
    expect(await c.getByTestId('record-deleted-note').textContent()).toContain('删除');
    expect(await c.getByTestId('record-edit').count()).toBe(0);
    await shot(page, 'archive-deleted');
    await c.getByTestId('record-restore').click();
    await confirm(page);
    await toast(page, '已恢复');
    await expect.poll(() => statusOf(c), WAIT).toBe('已审核');
    expect((await deletedState()).deleted).toBe(false);

    // Without 显示已删除 it is listed as usual.
    await page.getByTestId('show-deleted').click();
    await expect.poll(() => c.count(), WAIT).toBe(1);
    expect(await c.getByTestId('record-delete').count()).toBe(1);
  }, TIMEOUT);

  it('an officer fills in the basic information — code pickers by pinyin initials, the ID number, family rows — and a photo; a leader sees the ID number masked', async () => {
    const officerToken = await apiLogin('km-wh.officer');
    const units = (await api<{ units: { id: string }[] }>('{ units(tenantCode: "km-wh") { id } }', {}, officerToken)).units;
    const cadre = (await api<{ createCadre: CadreRef }>('mutation($u: ID!) { createCadre(input: { name: "周建国", unitId: $u }) { id name } }', { u: units[0].id }, officerToken)).createCadre;
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const body17 = `11010519800101${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
    const idNumber = body17 + '10X98765432'[w.reduce((a, x, i) => a + x * Number(body17[i]), 0) % 11];

    const page = await login('km-wh.officer');
    await openArchive(page, cadre.id, 1);
    await page.getByTestId('profile-sheet').waitFor(WAIT);
    await page.getByTestId('profile-edit').click();
    await page.locator('#profile-birthMonth').waitFor(WAIT);
    // Months are picked with the one month picker (components/MonthField), typed and shown as YYYY.MM.
    expect(await page.locator('.ant-picker:has(#profile-birthMonth)').count()).toBe(1);
    expect(await page.locator('.ant-picker:has(#profile-workStart)').count()).toBe(1);
    expect(await page.locator('.ant-picker:has(#profile-partyJoin)').count()).toBe(1);
    await page.locator('#profile-birthMonth').click();
    await page.locator('.ant-picker-dropdown .ant-picker-month-panel').filter({ visible: true }).waitFor(WAIT);
    await page.locator('#profile-birthMonth').fill('1975.03');
    await page.locator('#profile-birthMonth').press('Enter');
    await page.locator('#profile-workStart').fill('1996.07');
    await page.locator('#profile-workStart').press('Enter');
    // Code pickers by initials: "hz" → 汉族, "zgdy" → 中共党员 (once more if a click on the sliding list was lost).
    const pickCode = async (field: string, typed: string, label: string) => {
      const select = page.locator(`.ant-select:has(#profile-${field})`);
      for (let attempt = 0; attempt < 4; attempt++) {
        try {
          await select.click({ timeout: 5_000 });
          await page.locator(`#profile-${field}`).fill(typed);
          const options = page.locator('.ant-select-item-option').filter({ visible: true });
          await expect.poll(() => options.first().getAttribute('title'), { timeout: 5_000 }).toBe(label);
          await options.first().click({ timeout: 5_000 });
          await expect.poll(() => select.textContent(), { timeout: 5_000 }).toContain(label);
          return;
        } catch {
          await page.keyboard.press('Escape');
        }
      }
      expect(await select.textContent(), `${field} picked`).toContain(label);
    };
    await pickCode('ethnicity', 'hz', '汉族');
    await pickCode('politicalStatus', 'zgdy', '中共党员');
    await page.locator('#profile-idNumber').fill(idNumber);
    await page.getByRole('tab', { name: '家庭成员' }).click();
    await page.getByTestId('add-family').click();
    const line = page.getByTestId('edit-family').locator('.lz-rows-line').first();
    await line.getByPlaceholder('称谓').fill('妻子');
    await line.getByPlaceholder('姓名').fill('李某');
    await line.getByPlaceholder('出生年月').fill('1976.08');
    await line.getByPlaceholder('出生年月').press('Enter');
    await line.getByPlaceholder('工作单位及职务').fill('五华区某小学教师');
    await shot(page, 'archive-profile-edit', false);
    await page.getByTestId('profile-save').click();
    await toast(page, '基本信息已保存');
    await expect.poll(() => page.getByTestId('profile-ethnicity').textContent(), WAIT).toBe('汉族');
    expect(await page.getByTestId('profile-politicalStatus').textContent()).toBe('中共党员');
    expect(await page.getByTestId('profile-birthMonth').textContent()).toBe('1975.03');
    expect(await page.getByTestId('profile-workStart').textContent()).toBe('1996.07');
    expect(await page.getByTestId('archive-header').textContent()).toMatch(/1975\.03（\d+岁）/);
    expect(await page.getByTestId('archive-header').textContent()).toContain('1996.07');
    expect(await page.getByTestId('profile-idNumber').textContent()).toBe(idNumber);
    expect(await page.getByTestId('profile-family').textContent()).toContain('李某');
    expect(await page.getByTestId('profile-family').textContent()).toContain('1976.08');
    // The API stored what it takes (YYYYMM); its history reads YYYY.MM like the screens.
    const stored = (await api<{ cadre: { birthMonth: string; workStart: string; family: { birthMonth: string }[]; history: { changes: { label: string; to: string | null }[] }[] } }>(
      'query($id: ID!) { cadre(id: $id) { birthMonth workStart family { birthMonth } history { changes { label to } } } }', { id: cadre.id }, officerToken)).cadre;
    expect([stored.birthMonth, stored.workStart, stored.family[0].birthMonth]).toEqual(['197503', '199607', '197608']);
    expect(stored.history[0].changes).toEqual(expect.arrayContaining([{ label: '出生年月', to: '1975.03' }, { label: '参加工作时间', to: '1996.07' }]));
    // Opened again, the picker shows the stored month as YYYY.MM.
    await page.getByTestId('profile-edit').click();
    await expect.poll(() => page.locator('#profile-birthMonth').inputValue(), WAIT).toBe('1975.03');
    await shot(page, 'archive-profile-months', false);
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal').filter({ visible: true }).waitFor({ state: 'hidden', ...WAIT }).catch(() => undefined);
    await shot(page, 'archive-months');

    // The photo: chosen from a file, shown in the photo cell.
    const png = await sharp({ create: { width: 240, height: 320, channels: 3, background: '#5577aa' } }).png().toBuffer();
    await page.getByTestId('photo-input').setInputFiles({ name: '照片.png', mimeType: 'image/png', buffer: png });
    await toast(page, '照片已更新');
    const img = page.getByTestId('archive-photo-img');
    await img.waitFor(WAIT);
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth), WAIT).toBeGreaterThan(0);
    await shot(page, 'archive-profile');

    // The API agrees; a leader reads the ID number masked.
    const saved = (await api<{ cadre: { ethnicity: string; idNumber: string; family: { name: string }[]; version: number } }>(
      'query($id: ID!) { cadre(id: $id) { ethnicity idNumber family { name } version } }', { id: cadre.id }, officerToken)).cadre;
    expect(saved).toMatchObject({ ethnicity: '汉族', idNumber, family: [{ name: '李某' }], version: 2 });
    const leader = await login('km-wh.leader');
    await openArchive(leader, cadre.id, 1);
    await expect.poll(() => leader.getByTestId('profile-idNumber').textContent(), WAIT).toBe(`${idNumber.slice(0, 6)}************（已脱敏）`);
    expect(await leader.getByTestId('profile-edit').count()).toBe(0);
  }, 2 * TIMEOUT);
});
