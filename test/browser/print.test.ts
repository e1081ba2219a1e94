// 打印档案 in a real browser (docs/print.md): 打印 on the archive page opens the A4 print view — cover with the name,
// basic information, every category the user may see as its tables (accepted records only, 无记录 when empty), the
// materials catalogue — and Chromium prints it to A4 PDF pages with the 密级 header and page numbers; a filler's
// view has no categories 8 and 9; 下载图片 fetches the server's JPG pages. Needs web/dist and /usr/bin/chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { hasChromium, useBrowser, shot, submitLogin, WAIT } from '../helpers/browser.js';

const TIMEOUT = 150_000;
const SHOTS = process.env.SCREENSHOTS === '1';
const CREATE = `mutation($c: ID!, $cat: Int!, $f: RecordFieldsInput!, $m: [RecordMaterialInput!]) {
  createRecord(cadreId: $c, category: $cat, fields: $f, materials: $m) { id status }
}`;
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

describe.skipIf(!hasChromium)('打印档案 in the browser', () => {
  const rig = useBrowser({ timezoneId: 'Asia/Shanghai' });

  async function login(username: string): Promise<Page> {
    const page = await (await rig.newContext()).newPage();
    await submitLogin(page, rig.srv.url, username, rig.srv.password);
    await page.waitForURL(/\/cadres$/, WAIT);
    return page;
  }

  /** A cadre of the filler's unit with an accepted gift (and its material), a clue, and a filler's pending entry. */
  async function archive() {
    const officer = await rig.apiLogin('km-wh.officer');
    const filler = await rig.apiLogin('km-wh.filler');
    const unit = (await rig.api<{ units: { id: string }[] }>('{ units { id } }', {}, filler)).units[0];
    const han = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
    const name = `打印${Array.from({ length: 2 }, () => han[Math.floor(Math.random() * han.length)]).join('')}`;
    const cadre = (await rig.api<{ createCadre: { id: string } }>(
      'mutation($u: ID!, $n: String!) { createCadre(input: { name: $n, unitId: $u, position: "第一监督检查室主任", birthMonth: "197604" }) { id } }',
      { u: unit.id, n: name }, officer)).createCadre;
    const photo = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#4a6fa5' } }).jpeg().toBuffer();
    const put = await fetch(`${rig.srv.url}/api/cadres/${cadre.id}/photo`, { method: 'PUT', headers: { authorization: `Bearer ${officer}`, 'content-type': 'image/jpeg' }, body: new Uint8Array(photo) });
    expect(put.status).toBe(200);
    await rig.api(CREATE, {
      c: cadre.id, cat: 2, f: { gift: { occurredOn: '2026-02-10', giver: '某建筑公司经理', giftKind: '礼金', amount: '2000', handling: '上交组织', remarks: '春节前送至家中，次日上交机关纪委。' } },
      m: [{ name: '上交礼金登记表', formedOn: '2026-02-11', pages: 2 }],
    }, officer);
    await rig.api(CREATE, {
      c: cadre.id, cat: 8, f: { clue: { receivedOn: '2026-03-02', source: '信访举报', summary: '反映其在工程项目验收中接受吃请。', disposalMode: '谈话函询', handlingStatus: '办理中' } },
    }, officer);
    await rig.api(CREATE, {
      c: cadre.id, cat: 12, f: { otherMaterial: { recordedOn: '2026-04-01', title: '填报员录入待审核的述责述廉报告' } },
    }, filler);
    return { id: cadre.id, name };
  }

  const section = (page: Page, id: number) => page.getByTestId(`print-category-${id}`);

  it('an officer opens the print view from the archive; it prints to A4 pages with 密级 and page numbers', async () => {
    const c = await archive();
    const page = await login('km-wh.officer');
    await page.goto(`${rig.srv.url}/cadres/${c.id}`);
    await page.getByTestId('archive-header').waitFor(WAIT);
    await page.getByTestId('archive-print').click();
    await page.waitForURL(new RegExp(`/cadres/${c.id}/print$`), WAIT);
    await page.getByTestId('print-paper').waitFor(WAIT);

    expect(await page.getByTestId('print-name').textContent()).toBe(c.name);
    expect(await page.getByTestId('print-cover').textContent()).toContain('密级：内部');
    expect(await page.getByTestId('print-basic').textContent()).toContain('1976.04');
    // The photo in its cell of the form.
    await expect.poll(() => page.getByTestId('print-photo').evaluate((img) => (img as HTMLImageElement).naturalWidth), WAIT).toBeGreaterThan(0);
    for (let id = 1; id <= 12; id++) await expect.poll(() => section(page, id).count()).toBe(1);
    expect(await section(page, 2).textContent()).toContain('某建筑公司经理');
    expect(await section(page, 2).textContent()).toContain('2,000.00');
    expect(await section(page, 8).textContent()).toContain('接受吃请');
    expect(await section(page, 3).getByTestId('print-empty').textContent()).toBe('无记录');
    // Accepted records only: the filler's entry waits for review.
    expect(await section(page, 12).textContent()).not.toContain('述责述廉报告');
    expect(await page.getByTestId('print-catalogue').textContent()).toContain('上交礼金登记表');
    await shot(page, 'print-view');

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-now').isVisible()).toBe(false);
    expect(await page.getByTestId('side-menu').isVisible()).toBe(false);
    expect(await page.locator('.lz-paper .lz-sheet tr').first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
    await shot(page, 'print-view-paper');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });
    if (hasPoppler) {
      const dir = SHOTS ? path.resolve('screenshots') : fs.mkdtempSync(path.join(os.tmpdir(), 'lz-print-'));
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'print-view.pdf');
      fs.writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(c.name);
      // The header and footer of the archive's pages (CSS page margin boxes).
      expect(text).toContain('密级：内部');
      expect(text).toMatch(new RegExp(`第\\s*2\\s*页\\s*共\\s*${pages}\\s*页`));
      if (SHOTS && spawnSync('pdftoppm', ['-v']).status === 0) execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(dir, 'print-view-pdf')]);
    }

    // The same pages as JPG images, made by the server.
    const download = page.waitForEvent('download', WAIT);
    await page.getByTestId('print-download-jpg').click();
    const d = await download;
    expect(d.suggestedFilename()).toBe(`${c.name}-廉政档案.zip`);
    const zip = fs.readFileSync((await d.path())!);
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(zip.toString('latin1')).toContain('page-01.jpg');
  }, TIMEOUT);

  it('a filler\'s print view has no categories 8 and 9', async () => {
    const c = await archive();
    const page = await login('km-wh.filler');
    await page.goto(`${rig.srv.url}/cadres/${c.id}/print`);
    await page.getByTestId('print-paper').waitFor(WAIT);
    await section(page, 10).waitFor(WAIT);
    expect(await section(page, 8).count()).toBe(0);
    expect(await section(page, 9).count()).toBe(0);
    expect(await page.getByTestId('print-paper').textContent()).not.toContain('接受吃请');
    expect(await section(page, 2).textContent()).toContain('某建筑公司经理');
  }, TIMEOUT);
});
