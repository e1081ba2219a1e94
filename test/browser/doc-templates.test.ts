// Word 模板 in a real browser (docs/templates.md): an officer opens 廉政复函 → 复函设置, downloads the built-in layout
// with its placeholders, uploads a template with an unknown placeholder (refused: the Chinese message names it), then
// a valid one (本机构, 第 1 版), and reverts it with 恢复默认 (系统默认). Needs web/dist and /usr/bin/chromium.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { hasChromium, shot, submitLogin, toast, useBrowser, WAIT } from '../helpers/browser.js';

const docxOf = async (children: (Paragraph | Table)[]) => Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children }] })));
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe.skipIf(!hasChromium)('Word 模板 in the browser', () => {
  const rig = useBrowser({ timezoneId: 'Asia/Shanghai' });

  it('download the layout, a refused upload with its reason, an accepted one, 恢复默认', async () => {
    const page = await rig.newPage();
    await submitLogin(page, rig.srv.url, 'km-wh.officer', rig.srv.password);
    await page.waitForURL(/\/cadres$/, WAIT);
    await page.getByTestId('menu-replies').click();
    await page.waitForURL(/\/replies$/, WAIT);
    await page.getByTestId('reply-settings').click();
    const card = page.getByTestId('doc-template-reply');
    await expect.poll(() => card.getByTestId('doc-template-source').textContent(), WAIT).toBe('系统默认');
    // The placeholders are listed with their meanings.
    await card.getByText(/可用占位符/).click();
    await expect.poll(() => card.getByText('{征求意见单位}').count(), WAIT).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('doc-template-download').click()]);
    expect(download.suggestedFilename()).toBe('廉政审查情况复函模板.docx');
    const sample = fs.readFileSync((await download.path())!);
    expect(sample.subarray(0, 2).toString()).toBe('PK');

    const input = card.locator('input[type=file]');
    const bad = await docxOf([new Paragraph('{发文机关}'), new Paragraph('{申请人}')]);
    await input.setInputFiles({ name: '错误模板.docx', mimeType: DOCX, buffer: bad });
    await expect.poll(() => card.getByTestId('doc-template-error').textContent(), WAIT).toContain('模板含有未知的占位符：{申请人}');
    await shot(page, 'doc-template-refused', false);
    expect(await card.getByTestId('doc-template-source').textContent()).toBe('系统默认');

    const good = await docxOf([
      new Paragraph('五华区浏览器测试红头'), new Paragraph('{发文机关} {文号}'), new Paragraph('{标题}'),
      new Table({ rows: [new TableRow({ children: ['{#干部}{序号}', '{姓名}', '{回复意见}{/干部}'].map((x) => new TableCell({ children: [new Paragraph(x)] })) })] }),
    ]);
    await input.setInputFiles({ name: '五华复函模板.docx', mimeType: DOCX, buffer: good });
    await toast(page, '廉政审查情况复函模板已上传');
    await expect.poll(() => card.getByTestId('doc-template-source').textContent(), WAIT).toBe('本机构');
    await expect.poll(() => card.textContent(), WAIT).toContain('五华复函模板.docx（第 1 版）');
    expect(await card.getByTestId('doc-template-error').count()).toBe(0);
    // The 逐人复函 without its own template uses it.
    await expect.poll(() => page.getByTestId('doc-template-reply-cadre').textContent(), WAIT).toContain('沿用廉政审查情况复函模板');
    await shot(page, 'doc-template-own', false);

    await card.getByTestId('doc-template-remove').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '恢复默认' }).click();
    await toast(page, '已恢复默认：廉政审查情况复函');
    await expect.poll(() => card.getByTestId('doc-template-source').textContent(), WAIT).toBe('系统默认');
  }, 120_000);
});
