// 访问日志 in a real browser: an auditor filters the log to one cadre, exports it (CSV and Excel) and sees the export
// logged; the log stays within the auditor's tenant; the watermark over archive and audit pages; the page refused to
// other roles. Needs web/dist (npm run build) and /usr/bin/chromium; skipped where chromium is absent.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Download, type Page } from 'playwright-core';
import { hasChromium, useBrowser, shot, toast, WAIT, submitLogin } from '../helpers/browser.js';

const TIMEOUT = 120_000;

interface GqlResult<T> { data?: T; errors?: { message: string; extensions?: { code?: string } }[] }
interface Cadre { id: string; name: string }
interface AuditNode { id: string; summary: string; username: string | null; tenantCode: string | null; cadreIds: string[] }

/** Records of a CSV text (quoted cells may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); out.push(row); row = []; cell = ''; i++; }
    else if (c === '\n') { row.push(cell); out.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); out.push(row); }
  return out;
}

describe.skipIf(!hasChromium)('访问日志 and the watermark in the browser', () => {
  // A browser far from Beijing: the console still shows Beijing time, the same as the exports.
  const rig = useBrowser({ timezoneId: 'America/New_York', acceptDownloads: true });

  const api = <T,>(query: string, variables: Record<string, unknown> = {}, token?: string) => rig.api<T>(query, variables, token);

  const apiLogin = (username: string) => rig.apiLogin(username);

  const auditQuery = 'query($n: Int, $f: AuditFilter) { auditEvents(first: $n, filter: $f) { totalCount edges { node { id summary username tenantCode cadreIds } } } }';
  const audit = (token: string, f: Record<string, unknown> = {}, n = 500) =>
    api<{ auditEvents: { totalCount: number; edges: { node: AuditNode }[] } }>(auditQuery, { n, f }, token).then((d) => d.auditEvents);

  async function newPage(): Promise<Page> {
    const ctx = await rig.newContext();
    return ctx.newPage();
  }

  async function loginThroughPage(page: Page, username: string) {
    await submitLogin(page, rig.srv.url, username, rig.srv.password);
  }

  /** Log in as an auditor: the landing page is 访问日志. */
  async function auditorPage(username = 'km-wh.auditor'): Promise<Page> {
    const page = await newPage();
    await loginThroughPage(page, username);
    await page.waitForURL(/\/audit$/, WAIT);
    await page.getByTestId('audit-row').first().waitFor(WAIT);
    return page;
  }

  const total = async (page: Page) => Number(/共\s*(\d+)\s*条/.exec((await page.getByTestId('audit-total').first().textContent()) ?? '')?.[1] ?? NaN);
  const waitTotal = (page: Page, n: number) => expect.poll(() => total(page), WAIT).toBe(n);
  async function download(page: Page, testId: string): Promise<{ file: Download; body: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download', WAIT), page.getByTestId(testId).click()]);
    const p = await file.path();
    return { file, body: fs.readFileSync(p) };
  }



  it('an auditor filters the log to one cadre, sees only rows naming it, and exports the whole result as CSV and Excel', async () => {
    const officer = await apiLogin('km-wh.officer');
    const auditor = await apiLogin('km-wh.auditor');

    // A cadre X that no earlier row mentions without naming it (a big list names only its first five cadres).
    // Reading one cadre at a time keeps every row about X naming X.
    const { cadres: { totalCount } } = await api<{ cadres: { totalCount: number } }>('{ cadres(first: 0) { totalCount } }', {}, officer);
    let x: Cadre | null = null;
    for (let offset = totalCount - 1; offset >= 0 && !x; offset--) {
      const d = await api<{ cadres: { edges: { node: Cadre }[] } }>(
        'query($o: Int) { cadres(first: 1, offset: $o) { edges { node { id name } } } }', { o: offset }, officer);
      const candidate = d.cadres.edges[0].node;
      const rows = await audit(auditor, { cadreId: candidate.id });
      if (rows.edges.every((e) => e.node.summary.includes(candidate.name))) x = candidate;
    }
    expect(x).toBeTruthy();
    const cadre = x!;

    // The officer finds X by name, then opens X's archive: two more reads naming X.
    await api('query($f: CadreFilter) { cadres(first: 5, filter: $f) { edges { node { id name } } } }', { f: { search: cadre.name } }, officer);
    const read = await api<{ cadre: (Cadre & { unit: { name: string } }) | null }>('query($id: ID!) { cadre(id: $id) { id name unit { name } } }', { id: cadre.id }, officer);
    expect(read.cadre?.name).toBe(cadre.name);
    const expected = (await audit(auditor, { cadreId: cadre.id })).totalCount;
    expect(expected).toBeGreaterThanOrEqual(3);

    // The auditor lands on 访问日志: its only page.
    const page = await auditorPage();
    const menu = (await page.getByTestId('side-menu').textContent()) ?? '';
    expect(menu).toContain('安全审计');
    expect(menu).toContain('访问日志');
    expect(menu).not.toContain('干部档案');
    expect(menu).not.toContain('系统管理');

    // The officer's newest row is the archive read; its 涉及干部 popover offers 「只看此人」.
    await page.locator('#audit-filter-username').fill('km-wh.officer');
    await page.getByTestId('audit-search').click();
    await expect.poll(async () => (await page.getByTestId('audit-summary').first().textContent()) ?? '', WAIT).toBe(`查看干部档案：${cadre.name}`);
    await page.getByTestId('audit-row').first().getByTestId('audit-cadres').click();
    const list = page.getByTestId('audit-cadre-list');
    await list.waitFor(WAIT);
    expect(await list.textContent()).toContain(cadre.id);
    await shot(page, 'audit-cadre-popover', false);
    await list.getByTestId('audit-cadre-pick').first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('cadreId'), WAIT).toBe(cadre.id);
    expect(await page.locator('#audit-filter-cadre').inputValue()).toBe(cadre.id);
    await page.getByTestId('audit-cadre-tag').waitFor(WAIT);

    // The same filter from the address alone (how other pages link here): only rows about X, every one naming X.
    await page.goto(`${rig.srv.url}/audit?cadreId=${cadre.id}`);
    await page.getByTestId('audit-row').first().waitFor(WAIT);
    await waitTotal(page, expected);
    expect(await page.locator('#audit-filter-cadre').inputValue()).toBe(cadre.id);
    const summaries = await page.getByTestId('audit-summary').allTextContents();
    expect(summaries.length).toBe(expected);
    for (const s of summaries) expect(s).toContain(cadre.name);

    // Nothing an auditor reads in the table is a raw operation name (the technical one is in the expanded row).
    expect(await page.getByTestId('audit-time-head').first().textContent()).toBe('时间（北京时间）');
    const tableText = (await page.getByTestId('audit-table').locator('tbody').innerText());
    expect(tableText).not.toMatch(/\b(query|mutation)\s*\{|\b[a-z]+[A-Z][A-Za-z]*\b/);
    // The 涉及干部 cell names the cadre.
    expect(await page.getByTestId('audit-cadres').first().textContent()).toContain(cadre.name);

    // The expanded row shows the chain fields and the detail.
    await page.getByTestId('audit-row').first().locator('.ant-table-row-expand-icon').click();
    const expandedRow = page.getByTestId('audit-expanded').first();
    await expandedRow.waitFor(WAIT);
    expect((await expandedRow.getByTestId('audit-hash').textContent())?.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(await expandedRow.getByTestId('audit-seq').textContent())).toBeGreaterThan(0);
    expect(await expandedRow.textContent()).toContain('请求编号');
    await shot(page, 'audit');

    // 导出 CSV: the whole filtered result, headed by the watermark line.
    const csv = await download(page, 'audit-export-csv');
    expect(csv.file.suggestedFilename()).toMatch(/^访问日志_\d{12}\.csv$/);
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = csvRecords(csv.body.subarray(3).toString('utf8'));
    expect(records[0][0]).toContain('导出人');
    expect(records[0][0]).toContain('km-wh.auditor');
    expect(records[0][0]).toContain(`共 ${expected} 行`);
    const head = records[1];
    expect(head[0]).toBe('时间（北京时间 UTC+8）');
    const data = records.slice(2);
    expect(data.length).toBe(await total(page));
    for (const r of data) expect(r[5]).toContain(cadre.name);
    // The cadre named, with its unit, in every row; the times are the console's, to the second.
    const [nameCol, unitCol] = [head.indexOf('干部姓名'), head.indexOf('单位')];
    for (const r of data) {
      expect(r[nameCol].split('、')).toContain(cadre.name);
      expect(r[unitCol].split('、')).toContain(read.cadre!.unit.name);
    }
    expect(data.map((r) => r[0])).toEqual(await page.getByTestId('audit-time').allTextContents());
    await toast(page, `已导出 ${expected} 条访问日志（CSV）`);

    // 导出 Excel: a zip (XLSX), with the row count read from the file.
    const xlsx = await download(page, 'audit-export-xlsx');
    expect(xlsx.file.suggestedFilename()).toMatch(/^访问日志_\d{12}\.xlsx$/);
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');
    // The CSV export's own row names the cadre it exported, so the Excel export has one more row.
    const expectedXlsx = expected + 1;
    await toast(page, `已导出 ${expectedXlsx} 条访问日志（Excel）`);

    // The newest row of the log is the export itself.
    const newest = (await audit(auditor, {}, 1)).edges[0].node;
    expect(newest.username).toBe('km-wh.auditor');
    expect(newest.summary.startsWith('导出访问日志')).toBe(true);
    expect(newest.summary).toContain('XLSX');

    // The export's row, found by 关键词 with the cadre filter dropped, keeps what was exported in its detail.
    await page.getByTestId('audit-cadre-tag').locator('.anticon-close-circle').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('cadreId'), WAIT).toBeNull();
    await page.locator('#audit-filter-text').fill('导出访问日志');
    await page.getByTestId('audit-search').click();
    await expect.poll(async () => (await page.getByTestId('audit-summary').first().textContent()) ?? '', WAIT).toBe(`导出访问日志：${expectedXlsx} 行（XLSX）`);
    await page.getByTestId('audit-row').first().locator('.ant-table-row-expand-icon').click();
    const detail = page.getByTestId('audit-detail').first();
    await detail.waitFor(WAIT);
    const json = JSON.parse((await detail.textContent()) ?? '{}') as { format: string; rows: number; filter: { cadreId?: string } };
    expect(json).toMatchObject({ format: 'xlsx', rows: expectedXlsx, filter: { cadreId: cadre.id } });
    await shot(page, 'audit-export-detail');
  }, TIMEOUT);

  it('a county auditor sees only its own county; 清理 asks for at least 180 days', async () => {
    // A wrong password and a refused query: rows of 失败 and 拒绝 in the county's log.
    const bad = await fetch(`${rig.srv.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(username: "km-wh.leader", password: "wrong-password") { accessToken } }' }),
    });
    expect(((await bad.json()) as GqlResult<unknown>).errors?.[0]?.extensions?.code).toBe('BAD_CREDENTIALS');
    const leader = await apiLogin('km-wh.leader');
    await expect(api('{ users { totalCount } }', {}, leader)).rejects.toThrow(/FORBIDDEN/);

    const auditor = await apiLogin('km-wh.auditor');
    const all = await audit(auditor);
    expect(all.edges.length).toBeGreaterThan(0);
    for (const e of all.edges) expect(e.node.tenantCode).toBe('km-wh');

    const page = await auditorPage();
    await page.locator('.ant-pagination-options .ant-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '100' }).first().click();
    await page.getByTestId('audit-row').nth(Math.min(20, all.totalCount - 1)).waitFor(WAIT);
    const tenants = await page.getByTestId('audit-tenant').allTextContents();
    expect(tenants.length).toBeGreaterThan(0);
    for (const t of tenants) expect(t).toBe('五华区纪委监委');
    const failedLogin = page.getByTestId('audit-row').filter({ hasText: '登录失败：密码错误' }).first();
    expect(await failedLogin.getByTestId('audit-outcome').textContent()).toBe('失败');
    expect(await failedLogin.getByTestId('audit-kind').textContent()).toBe('登录');
    const refused = page.getByTestId('audit-row').filter({ hasText: '无权操作：查看用户列表' }).first();
    expect(await refused.getByTestId('audit-kind').textContent()).toBe('拒绝');
    await shot(page, 'audit-overview', false);
    // A hundred rows of every kind: no raw operation name where an auditor reads.
    expect(await page.getByTestId('audit-table').locator('tbody').innerText()).not.toMatch(/\b(query|mutation)\s*\{|\b[a-z]+[A-Z][A-Za-z]*\b/);

    // 类型 = 拒绝: only refused rows.
    await page.locator('.ant-select:has(#audit-filter-kind)').click();
    await page.locator('.ant-select-item-option[title="拒绝"]').click();
    await page.getByTestId('audit-search').click();
    await waitTotal(page, (await audit(auditor, { kind: 'denied' }, 0)).totalCount);
    for (const k of await page.getByTestId('audit-kind').allTextContents()) expect(k).toBe('拒绝');
    await page.getByTestId('audit-reset').click();
    await expect.poll(() => page.getByTestId('audit-criterion').count(), WAIT).toBe(0);

    // The tenant picker offers the own county only.
    await page.locator('.ant-select:has(#audit-filter-tenant)').click();
    const options = await page.locator('.ant-select-tree-title').allTextContents();
    expect(options).toEqual(['五华区纪委监委']);
    await page.keyboard.press('Escape');

    // 清理: fewer than 180 days is not accepted; the warning names what is lost.
    await page.getByTestId('audit-purge').click();
    const days = page.locator('#audit-purge-days');
    await days.waitFor(WAIT);
    expect(await days.inputValue()).toBe('365');
    expect(await page.locator('.ant-modal').textContent()).toContain('清理后的记录无法恢复');
    await days.fill('30');
    await days.press('Tab');
    await expect.poll(() => days.inputValue(), WAIT).toBe('180');
    await days.fill('365');
    await days.press('Tab');
    await shot(page, 'audit-purge', false);
    await page.getByTestId('audit-purge-ok').click();
    await page.getByTestId('audit-purge-confirm').click();
    await toast(page, /已清理 \d+ 条/);
    const purged = (await audit(auditor, { text: '清理访问日志' }, 5)).edges.map((e) => e.node.summary);
    expect(purged.some((s) => s.includes('365 天以前'))).toBe(true);
  }, TIMEOUT);

  it('the watermark names the viewer over the cadre ledger and the access log, without taking clicks', async () => {
    const token = await apiLogin('km-wh.officer');
    const { me } = await api<{ me: { displayName: string } }>('{ me { displayName } }', {}, token);

    const page = await newPage();
    await loginThroughPage(page, 'km-wh.officer');
    await page.waitForURL(/\/cadres$/, WAIT);
    await page.locator('[data-testid="cadre-row"]').first().waitFor(WAIT);
    const mark = page.locator('.lz-content [data-testid="page-watermark"]');
    await mark.waitFor(WAIT);
    await expect.poll(() => page.locator('.lz-content .lz-watermark div[style*="background-image"]').count(), WAIT).toBeGreaterThan(0);
    const layer = page.locator('.lz-content .lz-watermark div[style*="background-image"]').first();
    expect(await layer.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    expect(await layer.evaluate((el) => getComputedStyle(el).backgroundImage)).toMatch(/^url\("data:image\/png;base64,/);
    expect(await mark.getAttribute('data-watermark-time')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await page.getByTestId('current-user').textContent()).toContain(me.displayName);
    // Clicks go through to the ledger underneath.
    await page.getByTestId('cadre-search').locator('input').fill('张');
    await page.getByTestId('cadre-search').locator('input').press('Enter');
    await page.getByText('查询：张').waitFor(WAIT);
    await shot(page, 'cadres-watermark');

    const auditorView = await auditorPage();
    await auditorView.locator('.lz-content [data-testid="page-watermark"]').waitFor(WAIT);
    await expect.poll(() => auditorView.locator('.lz-content .lz-watermark div[style*="background-image"]').count(), WAIT).toBeGreaterThan(0);
  }, TIMEOUT);

  it('a leader has no 访问日志 menu, and opening /audit is refused', async () => {
    const page = await newPage();
    await loginThroughPage(page, 'km-wh.leader');
    await page.waitForURL(/\/cadres$/, WAIT);
    const menu = (await page.getByTestId('side-menu').textContent()) ?? '';
    expect(menu).toContain('干部档案');
    expect(menu).not.toContain('访问日志');
    expect(menu).not.toContain('安全审计');
    expect(await page.getByTestId('menu-audit').count()).toBe(0);

    await page.goto(`${rig.srv.url}/audit`);
    await page.getByTestId('page-forbidden').waitFor(WAIT);
    expect(await page.getByTestId('page-forbidden').textContent()).toContain('当前角色无权查看访问日志');
    expect(await page.getByTestId('audit-row').count()).toBe(0);
    await shot(page, 'audit-forbidden');
  }, TIMEOUT);
});
