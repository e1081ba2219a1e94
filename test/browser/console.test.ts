// The console in a real browser: login (good and bad password), the cadre table, search, the unit tree, and the
// FORBIDDEN view. Needs web/dist (npm run build) and /usr/bin/chromium; skipped where chromium is absent.
import { describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { hasChromium, useBrowser, shot, submitLogin } from '../helpers/browser.js';
import { nameMatches } from '../../shared/name-match.js';

const TIMEOUT = 120_000;


describe.skipIf(!hasChromium)('console in the browser', () => {
  const rig = useBrowser();

  const api = <T,>(query: string, variables: Record<string, unknown> = {}, token?: string) => rig.api<T>(query, variables, token);

  const apiLogin = (username: string) => rig.apiLogin(username);

  async function newPage(): Promise<Page> {
    const ctx = await rig.newContext();
    return ctx.newPage();
  }

  async function loginThroughPage(page: Page, username: string, password: string) {
    await submitLogin(page, rig.srv.url, username, password);
  }

  const rowNames = (page: Page) => page.locator('[data-testid="cadre-row"] [data-testid="cadre-name"]').allTextContents();



  it('a wrong password shows 用户名或密码错误', async () => {
    const page = await newPage();
    await loginThroughPage(page, 'km.leader', 'not-the-password');
    const alert = page.getByTestId('login-error');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await shot(page, 'login-error');
  }, TIMEOUT);

  it('an officer logs in, sees the cadre table and finds a cadre by name', async () => {
    const token = await apiLogin('km-wh.officer');
    const { me } = await api<{ me: { displayName: string; tenant: { name: string } } }>(
      '{ me { displayName tenant { name } } }', {}, token,
    );
    const first = await api<{ cadres: { totalCount: number; edges: { node: { name: string; unit: { id: string; name: string } } }[] } }>(
      '{ cadres(first: 1) { totalCount edges { node { name unit { id name } } } } }', {}, token,
    );
    expect(first.cadres.totalCount).toBeGreaterThan(0);
    const cadre = first.cadres.edges[0].node;

    const page = await newPage();
    await page.goto(`${rig.srv.url}/login`);
    await shot(page, 'login');
    await loginThroughPage(page, 'km-wh.officer', rig.srv.password);
    await page.waitForURL(/\/cadres$/, { timeout: 15_000 });
    await page.locator('[data-testid="cadre-row"]').first().waitFor({ timeout: 15_000 });

    const header = await page.getByTestId('current-user').textContent();
    expect(header).toContain(me.displayName);
    expect(header).toContain(me.tenant.name);
    expect(header).toContain('纪检干部');
    expect(await page.getByText(`共 ${first.cadres.totalCount} 人`).count()).toBe(1);
    expect((await rowNames(page)).length).toBe(Math.min(20, first.cadres.totalCount));
    await shot(page, 'cadres');

    // Search by the exact name: only matching rows remain.
    const expected = await api<{ cadres: { totalCount: number } }>(
      'query($f: CadreFilter) { cadres(first: 0, filter: $f) { totalCount } }', { f: { search: cadre.name } }, token,
    );
    const search = page.getByTestId('cadre-search').locator('input');
    await search.fill(cadre.name);
    await search.press('Enter');
    await page.getByText(`共 ${expected.cadres.totalCount} 人`).waitFor({ timeout: 15_000 });
    const names = await rowNames(page);
    expect(names.length).toBe(expected.cadres.totalCount);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toContain(cadre.name);
    await shot(page, 'cadres-search');

    // Clear the search, then pick the cadre's unit in the tree: the table narrows to that unit.
    await search.fill('');
    await search.press('Enter');
    await page.getByText(`共 ${first.cadres.totalCount} 人`).waitFor({ timeout: 15_000 });
    const inUnit = await api<{ cadres: { totalCount: number } }>(
      'query($f: CadreFilter) { cadres(first: 0, filter: $f) { totalCount } }', { f: { unitId: cadre.unit.id } }, token,
    );
    // The unit may sit under a collapsed parent: the directory filter expands the matches.
    await page.getByTestId('unit-filter').fill(cadre.unit.name);
    await page.getByTestId('unit-tree').getByText(cadre.unit.name, { exact: true }).first().click();
    await page.getByText(`共 ${inUnit.cadres.totalCount} 人`).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('scope-tag').textContent()).toContain(cadre.unit.name);
  }, TIMEOUT);

  it('the unit-tree filter finds units by full pinyin and by initials', async () => {
    const token = await apiLogin('km-wh.officer');
    const { units } = await api<{ units: { id: string; name: string; parentId: string | null; pinyin: string[] }[] }>(
      '{ units { id name parentId pinyin } }', {}, token,
    );
    // A unit named in Chinese throughout (three characters or more), and a leaf unit the same keyword does not match.
    const unit = units.find((u) => u.pinyin.length >= 3 && u.pinyin.every((s) => s));
    expect(unit, 'a unit with a Chinese name').toBeDefined();
    const initials = unit!.pinyin.map((s) => s[0]).join('');
    const full = unit!.pinyin.join('');
    const parents = new Set(units.map((u) => u.parentId));
    // A matched unit keeps its children in the tree: the unmatched one must be outside its subtree.
    const below = new Set([unit!.id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const u of units) if (u.parentId && below.has(u.parentId) && !below.has(u.id)) { below.add(u.id); grew = true; }
    }
    const other = units.find((u) => !parents.has(u.id) && !below.has(u.id) && !nameMatches(u.name, u.pinyin, initials) && !nameMatches(u.name, u.pinyin, full));
    // The server's units(search:) agrees with the console's rule.
    const served = await api<{ units: { id: string }[] }>('query($s: String) { units(search: $s) { id } }', { s: initials }, token);
    expect(served.units.map((u) => u.id)).toContain(unit!.id);

    const page = await newPage();
    await loginThroughPage(page, 'km-wh.officer', rig.srv.password);
    await page.waitForURL(/\/cadres$/, { timeout: 15_000 });
    const filter = page.getByTestId('unit-filter');
    const tree = page.getByTestId('unit-tree');
    for (const k of [initials, full, full.slice(0, -1), initials.toUpperCase()]) {
      await filter.fill(k);
      await tree.getByText(unit!.name, { exact: true }).first().waitFor({ timeout: 15_000 });
      // The tree showed everything before the keyword: wait for the filter to hide the unmatched unit.
      if (other) await expect.poll(() => tree.getByText(other.name, { exact: true }).count()).toBe(0);
    }
    await filter.fill(initials);
    await tree.getByText(unit!.name, { exact: true }).first().waitFor({ timeout: 15_000 });
    await shot(page, 'unit-filter-pinyin');
    // Picking the match narrows the table, as by name.
    await tree.getByText(unit!.name, { exact: true }).first().click();
    expect(await page.getByTestId('scope-tag').textContent()).toContain(unit!.name);
    await filter.fill('zzzzqqq');
    await page.getByText('没有匹配的单位').waitFor({ timeout: 15_000 });
  }, TIMEOUT);

  it('a role that cannot read cadres sees 当前角色无权查看干部档案', async () => {
    const page = await newPage();
    await loginThroughPage(page, 'km.admin', rig.srv.password);
    // An administrator lands on 机构管理 and has no 干部档案 menu; opening the page directly is refused.
    await page.waitForURL(/\/admin\/tenants/, { timeout: 15_000 });
    await page.goto(`${rig.srv.url}/cadres`);
    await page.getByTestId('cadres-forbidden').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('cadres-forbidden').textContent()).toContain('当前角色无权查看干部档案');
    expect(await page.locator('[data-testid="cadre-row"]').count()).toBe(0);
    await shot(page, 'cadres-forbidden');
  }, TIMEOUT);
});

// Paging a large list: with a tiny exact-count limit the total is an estimate (「约 N 人」), the next and previous
// pages are read by keyset cursor (`after`), and the rows are those of the API's list at that position.
describe.skipIf(!hasChromium)('cadre list paging in the browser', () => {
  const rig = useBrowser({}, { exactCountLimit: 25 });

  it('pages by cursor and shows an estimated total as 约 N 人', async () => {
    const token = await rig.apiLogin('km.officer');
    const all = await rig.api<{ cadres: { totalCount: number; totalCountIsEstimate: boolean; edges: { node: { name: string } }[] } }>(
      '{ cadres(first: 500) { totalCount totalCountIsEstimate edges { node { name } } } }', {}, token,
    );
    const names = all.cadres.edges.map((e) => e.node.name);
    expect(names.length).toBeGreaterThan(40);
    expect(all.cadres.totalCountIsEstimate).toBe(true);

    const page = await (await rig.newContext()).newPage();
    const bodies: string[] = [];
    page.on('request', (r) => { if (r.url().endsWith('/graphql') && r.postData()?.includes('query Cadres')) bodies.push(r.postData()!); });
    await submitLogin(page, rig.srv.url, 'km.officer', rig.srv.password);
    await page.waitForURL(/\/cadres$/, { timeout: 15_000 });
    await page.locator('[data-testid="cadre-row"]').first().waitFor({ timeout: 15_000 });
    const rowNames = () => page.locator('[data-testid="cadre-row"] [data-testid="cadre-name"]').allTextContents();
    expect(await page.getByTestId('cadre-total').textContent()).toMatch(/^约 [\d,]+ 人$/);
    expect(await rowNames()).toEqual(names.slice(0, 20));

    await page.locator('.ant-pagination-next').click();
    await expect.poll(rowNames, { timeout: 15_000 }).toEqual(names.slice(20, 40));
    // Page 2 was asked for by page 1's end cursor, not by offset.
    const second = JSON.parse(bodies[bodies.length - 1]).variables;
    expect(second.after).toEqual(expect.any(String));
    expect(second.offset).toBeUndefined();

    await page.locator('.ant-pagination-prev').click();
    await expect.poll(rowNames, { timeout: 15_000 }).toEqual(names.slice(0, 20));
    await shot(page, 'cadres-estimated-total');
  }, TIMEOUT);
});
