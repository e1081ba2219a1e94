// 单位管理 in a real browser: an administrator creates units (top level and below), renames one, drags one under
// another, merges, and retires; a refusal (a unit with active sub-units) shows as a Chinese message. Units are made
// here (no demo unit names). Needs web/dist (npm run build) and /usr/bin/chromium; skipped where chromium is absent.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, shot, submitLogin, toast, useBrowser, WAIT } from '../helpers/browser.js';

const TIMEOUT = 240_000;
const TENANT = 'km-gd';

interface U { id: string; name: string; parentId: string | null; code: string | null; retired: boolean; mergedIntoId: string | null }

describe.skipIf(!hasChromium)('unit administration in the browser', () => {
  const rig = useBrowser();

  async function units(token: string): Promise<U[]> {
    const d = await rig.api<{ units: U[] }>('query($c:String){ units(tenantCode:$c, includeRetired:true){ id name parentId code retired mergedIntoId } }', { c: TENANT }, token);
    return d.units;
  }
  const byCode = async (token: string, code: string) => (await units(token)).find((u) => u.code === code)!;
  const node = (page: Page, code: string) => page.getByTestId(`unit-node-${code}`);

  /**
   * Drag a unit onto another to make it its child. The tree reads the level of a drop from how far right the mouse
   * moved since the drag began (rc-tree), so the drop lands to the right of where the drag started.
   */
  async function dragInto(page: Page, from: string, to: string) {
    // The target's whole row (blockNode), so the drop point lies on it however far right it is.
    const row = node(page, to).locator('xpath=ancestor::div[contains(@class, "ant-tree-treenode")][1]');
    const a = (await node(page, from).boundingBox())!, b = (await row.boundingBox())!;
    await node(page, from).dragTo(row, {
      sourcePosition: { x: 10, y: a.height / 2 },
      targetPosition: { x: a.x + 10 + 60 - b.x, y: b.height * 0.7 },
    });
  }

  async function create(page: Page, name: string, code: string, button: 'unit-create-top' | 'unit-create-child', kind?: string) {
    await page.getByTestId(button).click();
    await page.locator('#unit-name').fill(name);
    if (kind) {
      await page.getByTestId('unit-kind').click();
      await page.locator('.ant-select-item-option').getByText(kind, { exact: true }).click();
    }
    await page.locator('#unit-code').fill(code);
    await page.getByTestId('unit-create-ok').click();
    await toast(page, `已新增单位：${name}`);
    await node(page, code).waitFor(WAIT);
  }

  it('creates, renames, drags, merges and retires units; refusals show in Chinese', async () => {
    const page = await rig.newPage();
    await submitLogin(page, rig.srv.url, `${TENANT}.admin`, rig.srv.password);
    await page.getByTestId('menu-units').click();
    await page.getByTestId('units-page').waitFor(WAIT);
    await page.getByTestId('units-tree-card').waitFor(WAIT);
    const token = await rig.apiLogin(`${TENANT}.admin`);

    // Two top-level units and a child of the first.
    await create(page, '浏览器测试甲室', 'BR-A', 'unit-create-top', '派驻机构');
    await create(page, '浏览器测试乙室', 'BR-B', 'unit-create-top');
    await node(page, 'BR-A').click();
    await create(page, '浏览器测试子室', 'BR-A1', 'unit-create-child');
    const a = await byCode(token, 'BR-A'), b = await byCode(token, 'BR-B');
    expect((await byCode(token, 'BR-A1')).parentId).toBe(a.id);

    // A duplicate code is refused inside the dialog, in Chinese.
    await page.getByTestId('unit-create-top').click();
    await page.locator('#unit-name').fill('重复代码室');
    await page.locator('#unit-code').fill('br-a');
    await page.getByTestId('unit-create-ok').click();
    await expect.poll(async () => page.getByTestId('modal-error').textContent(), WAIT).toContain('已被本机构的其他单位使用');
    await page.locator('.ant-modal').getByRole('button', { name: /取\s*消/ }).click();

    // Rename the child.
    await node(page, 'BR-A1').click();
    await page.getByTestId('unit-edit').click();
    await page.locator('#unit-name').fill('浏览器测试改名室');
    await page.getByTestId('unit-edit-ok').click();
    await toast(page, '已保存：浏览器测试改名室');

    // Drag the child onto 乙室: it becomes 乙室's child.
    await dragInto(page, 'BR-A1', 'BR-B');
    await toast(page, /已移动：浏览器测试改名室/);
    await expect.poll(async () => (await byCode(token, 'BR-A1')).parentId, WAIT).toBe(b.id);

    // 乙室 has an active sub-unit: retiring it is refused with the reason.
    await node(page, 'BR-B').click();
    await page.getByTestId('unit-retire').click();
    await page.getByTestId('confirm-ok').click();
    await page.locator('.ant-message').getByText('请先撤销或移走下级单位', { exact: false }).waitFor(WAIT);
    expect((await byCode(token, 'BR-B')).retired).toBe(false);

    // Merge 甲室 into 乙室.
    await node(page, 'BR-A').click();
    await page.getByTestId('unit-merge').click();
    await page.getByTestId('unit-merge-into').click();
    await page.locator('.ant-select-tree-title').getByText('浏览器测试乙室（BR-B）').click();
    await shot(page, 'units-merge', false);
    await page.getByTestId('unit-merge-ok').click();
    await toast(page, '已将「浏览器测试甲室」合并到「浏览器测试乙室」');
    await expect.poll(async () => (await byCode(token, 'BR-A')).mergedIntoId, WAIT).toBe(b.id);
    await node(page, 'BR-A').waitFor({ state: 'detached', timeout: 30_000 });

    // Retire the child; with 显示已撤销单位 both retired units show, greyed.
    await node(page, 'BR-A1').click();
    await page.getByTestId('unit-retire').click();
    await page.getByTestId('confirm-ok').click();
    await toast(page, '已撤销：浏览器测试改名室');
    expect((await byCode(token, 'BR-A1')).retired).toBe(true);
    await page.getByTestId('units-show-retired').click();
    await node(page, 'BR-A').waitFor(WAIT);
    await node(page, 'BR-A1').click();
    await page.getByTestId('unit-restore').waitFor(WAIT);
    await shot(page, 'units-page');

    // The cadre list's unit tree (a picker) does not offer retired units.
    const picker = await rig.api<{ units: { id: string }[] }>('query($c:String){ units(tenantCode:$c){ id } }', { c: TENANT }, token);
    expect(picker.units.map((u) => u.id)).not.toContain(a.id);
  }, TIMEOUT);
});
