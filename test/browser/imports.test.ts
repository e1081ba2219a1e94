// 导入任免审批表 in a real browser: an officer drops a Word-style .docx, a .lrmx and a hostile file, sees the preview
// (fields, match, the proposed unit of a new cadre, the hostile file refused with its name), confirms into a chosen unit, opens the new archive and
// exports the Word form and the .lrmx. Needs web/dist and /usr/bin/chromium; skipped where chromium is absent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { hasChromium, useBrowser, shot, submitLogin, WAIT } from '../helpers/browser.js';
import { DEMO_TENANTS } from '../../services/api/src/seed/demo-data.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/forms');

describe.skipIf(!hasChromium)('导入任免审批表 in the browser', () => {
  const rig = useBrowser({ timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-import-'));

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function login(username: string): Promise<Page> {
    const page = await rig.newPage();
    await submitLogin(page, rig.srv.url, username, rig.srv.password);
    await page.waitForURL(/\/cadres$/, WAIT);
    return page;
  }

  it('an officer previews a .docx and a .lrmx (a hostile file refused by name), confirms into a unit, and exports the new archive', async () => {
    const han = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
    const name = '浏览' + Array.from({ length: 2 }, () => han[Math.floor(Math.random() * han.length)]).join('');
    const lrmxPath = path.join(tmp, `${name}.lrmx`);
    fs.writeFileSync(lrmxPath, `<?xml version="1.0" encoding="UTF-8"?>\n<Person><XingMing>${name}</XingMing><XingBie>女</XingBie><ChuShengNianYue>198604</ChuShengNianYue>`
      + `<MinZu>回族</MinZu><XianRenZhiWu>五华区财政局副局长</XianRenZhiWu><JianLi>2008.07--  五华区财政局</JianLi>`
      + `<JiaTingChengYuan><Item><ChengWei>丈夫</ChengWei><XingMing>马强</XingMing><ChuShengRiQi>198501</ChuShengRiQi><ZhengZhiMianMao>群众</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>职员</GongZuoDanWeiJiZhiWu></Item></JiaTingChengYuan></Person>\n`);
    const badPath = path.join(tmp, 'bad.lrmx');
    fs.writeFileSync(badPath, '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Person><XingMing>&x;</XingMing></Person>');

    const page = await login('km-wh.officer');
    await page.getByTestId('menu-import').click();
    await page.waitForURL(/\/import$/, WAIT);
    await page.getByTestId('import-page').locator('input[type=file]').setInputFiles([path.join(FIXTURES, 'word-style.docx'), lrmxPath, badPath]);
    await expect.poll(() => page.getByTestId('import-parse').textContent()).toContain('3 个文件');
    await page.getByTestId('import-parse').click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor(WAIT);
    await expect.poll(() => preview.locator('.ant-card-head').textContent()).toContain('共 3 份，可导入 2 份');
    const rowOf = (file: string) => preview.locator('tr.ant-table-row').filter({ hasText: file });
    expect(await rowOf('word-style.docx').textContent()).toContain('李卫东');
    expect(await rowOf(`${name}.lrmx`).textContent()).toContain('新建档案');
    expect(await rowOf('bad.lrmx').textContent()).toContain('不能导入');
    expect(await rowOf('bad.lrmx').getByTestId('import-note').textContent()).toContain('bad.lrmx：文件含有 DOCTYPE 或实体声明');
    // The parsed form in detail.
    await rowOf(`${name}.lrmx`).locator('.ant-table-row-expand-icon').click();
    const detail = page.getByTestId('import-detail').filter({ hasText: name });
    await detail.waitFor(WAIT);
    expect(await detail.textContent()).toContain('马强');
    expect(await detail.textContent()).toContain('1986.04');
    await shot(page, 'import-preview');

    // Where the new cadre would go: its 现任职务 names no unit of 五华区, so 五华区's 默认导入单位; confirming needs no choice.
    expect(await rowOf(`${name}.lrmx`).getByTestId('import-new-unit').textContent()).toBe('将新建于：办公室（本机构默认导入单位）');
    expect(await page.getByTestId('import-unit-proposed').textContent()).toContain('建议单位');
    expect(await page.getByTestId('import-confirm').isEnabled()).toBe(true);

    // A unit chosen overrides the proposals: into 五华区's 委领导班子 (a top-level unit that is not the first).
    const into = DEMO_TENANTS.find((x) => x.code === 'km-wh')!.units[1].name;
    await page.getByTestId('import-unit').click();
    await page.locator('.ant-select-tree-title').filter({ hasText: into }).first().click();
    await expect.poll(() => page.getByTestId('import-unit').innerText()).toContain(into);
    await page.getByTestId('import-confirm').click();
    const result = page.getByTestId('import-result');
    await result.waitFor(WAIT);
    expect(await result.textContent()).toContain('已导入 2 名干部');
    await shot(page, 'import-result');

    await result.getByTestId('import-result-link').filter({ hasText: name }).click();
    await page.getByTestId('archive-header').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('archive-header').textContent()).toContain(name);
    expect(await page.getByTestId('archive-header').textContent()).toContain(into);

    const [docx] = await Promise.all([page.waitForEvent('download', WAIT), page.getByTestId('archive-export-docx').click()]);
    expect(docx.suggestedFilename()).toBe(`${name}-干部任免审批表.docx`);
    const docxFile = path.join(tmp, 'out.docx');
    await docx.saveAs(docxFile);
    expect(fs.readFileSync(docxFile).subarray(0, 2).toString()).toBe('PK');
    const [lrmx] = await Promise.all([page.waitForEvent('download', WAIT), page.getByTestId('archive-export-lrmx').click()]);
    const lrmxFile = path.join(tmp, 'out.lrmx');
    await lrmx.saveAs(lrmxFile);
    const text = fs.readFileSync(lrmxFile, 'utf8');
    expect(text).toContain(`<XingMing>${name}</XingMing>`);
    expect(text).toContain('<ChengWei>丈夫</ChengWei>');
    await shot(page, 'import-archive-export');
  }, 180_000);

  it('单位管理 tags the 默认导入单位 and moves it to another unit', async () => {
    const page = await login('km-wh.officer');
    await page.getByTestId('menu-units').click();
    await page.getByTestId('units-tree-card').waitFor(WAIT);
    const title = (unit: string) => page.getByTestId('units-tree').locator('.lz-unit-title').filter({ has: page.locator('.lz-unit-name').getByText(unit, { exact: true }) });
    await expect.poll(() => title('办公室').getByTestId('unit-import-default').count()).toBe(1);
    expect(await page.getByTestId('units-tree').getByTestId('unit-import-default').count()).toBe(1);
    await title('信访室').click();
    await expect.poll(() => page.getByTestId('unit-detail-name').textContent()).toBe('信访室');
    await page.getByTestId('unit-import-default-set').click();
    await expect.poll(() => title('信访室').getByTestId('unit-import-default').count()).toBe(1);
    expect(await title('办公室').getByTestId('unit-import-default').count()).toBe(0);
    expect(await page.getByTestId('unit-detail').textContent()).toContain('取消默认导入单位');
    await shot(page, 'units-import-default');
    // Back to 办公室.
    await title('办公室').click();
    await expect.poll(() => page.getByTestId('unit-detail-name').textContent()).toBe('办公室');
    await page.getByTestId('unit-import-default-set').click();
    await expect.poll(() => title('办公室').getByTestId('unit-import-default').count()).toBe(1);
  }, 120_000);
});
