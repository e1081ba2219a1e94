// 预警处置 in a real browser (issue 14, docs/dispositions.md): a red cadre's officer issues the default disposition
// (警示追究书, numbered, due in working days) from the archive page; the filler of the cadre's unit finds it under
// 整改任务 — without the colour or the warning — and submits the rectification with an attachment; the officer
// opens it from 处置台账, accepts it, and the case reads 已通过 with both steps on its timeline. Needs web/dist and
// /usr/bin/chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withScope } from '../../services/api/src/db/scope.js';
import { hasChromium, shot, submitLogin, toast, useBrowser, WAIT } from '../helpers/browser.js';

const TIMEOUT = 240_000;

describe.skipIf(!hasChromium)('预警处置 in the browser', () => {
  const rig = useBrowser({ timezoneId: 'Asia/Shanghai' });
  const api = <T,>(query: string, variables: Record<string, unknown> = {}, token?: string) => rig.api<T>(query, variables, token);

  async function login(username: string, landing = /\/cadres$/): Promise<Page> {
    const page = await rig.newPage();
    await submitLogin(page, rig.srv.url, username, rig.srv.password);
    await page.waitForURL(landing, WAIT);
    return page;
  }

  it('a red disposition goes from issue (officer) to rectification (filler of the unit) to accepted (officer)', async () => {
    // A cadre of its own in the filler's first unit, with a red warning (as the recompute writes it).
    const officerToken = await rig.apiLogin('km-wh.officer');
    const fillerToken = await rig.apiLogin('km-wh.filler');
    const unit = (await api<{ units: { id: string }[] }>('{ units { id } }', {}, fillerToken)).units[0];
    const han = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
    const name = '红' + Array.from({ length: 2 }, () => han[Math.floor(Math.random() * han.length)]).join('');
    const cadre = (await api<{ createCadre: { id: string } }>(
      'mutation($u: ID!, $n: String!) { createCadre(input: { name: $n, unitId: $u }) { id } }', { u: unit.id, n: name }, officerToken,
    )).createCadre;
    await withScope(rig.srv.database.db, 'yn', async (trx) => {
      const c = await trx.selectFrom('cadre').select('tenant_id').where('id', '=', cadre.id).executeTakeFirstOrThrow();
      await trx.insertInto('warning_hit').values({
        tenant_id: c.tenant_id, cadre_id: cadre.id, rule_code: 'RED-FORM3', rule_version: 1, rule_name: '第三种形态处理处分影响期内', level: 'red',
        level_rank: 4, starts_on: '2025-03-01', ends_on: '2027-03-01', record_ids: [], reason: '撤销党内职务（2025-03-01 生效，影响期 24 个月，至 2027-02-28）',
      }).execute();
    });

    // 1. The officer issues from the archive page: the kind follows the red warning.
    const officer = await login('km-wh.officer');
    await officer.goto(`${rig.srv.url}/cadres/${cadre.id}`);
    const card = officer.getByTestId('disposition-card');
    await card.waitFor(WAIT);
    await card.getByTestId('disposition-issue').click();
    await officer.getByTestId('issue-confirm').click();
    await toast(officer, /已下发 警示追究书（五纪预〔\d{4}〕\d+号），整改期限 \d{4}-\d{2}-\d{2}/);
    const drawer = officer.getByTestId('case-drawer');
    await drawer.getByTestId('case-view').waitFor(WAIT);
    const number = (await drawer.getByTestId('case-number').textContent())!;
    expect(number).toMatch(/^五纪预〔\d{4}〕\d+号$/);
    expect(await drawer.getByTestId('case-warning').textContent()).toContain('撤销党内职务（2025-03-01 生效');
    expect(await drawer.getByTestId('disposition-status').textContent()).toBe('待整改');
    expect(await drawer.getByTestId('case-body').textContent()).toContain(`${name}同志：`);
    await shot(officer, 'disposition-issued', false);
    // The notice downloads as Word.
    const [download] = await Promise.all([officer.waitForEvent('download'), drawer.getByTestId('case-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await officer.keyboard.press('Escape');
    await card.getByTestId('disposition-row').first().waitFor(WAIT);
    expect(await card.getByTestId('disposition-row').first().textContent()).toContain(number);

    // 2. The filler of the unit: 廉情预警 → 整改任务, no colour, no warning; submits with an attachment.
    const filler = await login('km-wh.filler');
    await filler.getByTestId('menu-rectification').click();
    await filler.waitForURL(/\/rectification$/, WAIT);
    const task = filler.getByTestId('rectification-row').filter({ hasText: number });
    await task.waitFor(WAIT);
    await shot(filler, 'rectification-tasks');
    await task.getByTestId('ledger-open').click();
    const fd = filler.getByTestId('case-drawer');
    await fd.getByTestId('case-view').waitFor(WAIT);
    expect(await fd.getByTestId('case-warning').count()).toBe(0);
    await fd.getByTestId('case-submit').click();
    await filler.getByTestId('rectification-text').fill('已召开专题民主生活会，深刻检视问题，制定整改措施 5 项并逐项落实。');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lz-rect-')), '整改情况报告.pdf');
    fs.writeFileSync(file, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await filler.locator('[data-testid="rectification-upload"] input[type="file"], .ant-upload input[type="file"]').first().setInputFiles(file);
    await filler.locator('.ant-upload-list-item-done, .ant-upload-list-item').filter({ hasText: '整改情况报告.pdf' }).first().waitFor(WAIT);
    await filler.waitForFunction(() => !document.querySelector('.ant-upload-list-item-uploading'));
    await shot(filler, 'rectification-submit', false);
    await filler.getByTestId('rectification-submit').click();
    await toast(filler, '整改情况已提交，待纪检干部审核');
    await fd.getByTestId('case-round').first().waitFor(WAIT);
    expect(await fd.getByTestId('disposition-status').textContent()).toBe('已提交');
    expect(await fd.getByTestId('attachment-link').first().textContent()).toContain('整改情况报告.pdf');

    // 3. The officer: 廉情预警 → 处置台账, filtered to 已提交, opens the case and accepts it.
    await officer.getByTestId('menu-dispositions').click();
    await officer.waitForURL(/\/dispositions$/, WAIT);
    const row = officer.getByTestId('dispositions-row').filter({ hasText: number });
    await row.waitFor(WAIT);
    expect(await row.getByTestId('disposition-status').textContent()).toBe('已提交');
    await shot(officer, 'disposition-ledger');
    await row.getByTestId('ledger-open').click();
    const od = officer.getByTestId('case-drawer');
    await od.getByTestId('case-round').first().waitFor(WAIT);
    expect(await od.getByTestId('case-round').first().textContent()).toContain('已召开专题民主生活会');
    await od.getByTestId('case-review').click();
    await officer.getByTestId('review-comment').fill('整改措施具体，材料齐全，予以通过。');
    await officer.getByTestId('review-confirm').click();
    await toast(officer, '整改已通过');
    await od.getByTestId('case-review-result').first().waitFor(WAIT);
    expect(await od.getByTestId('disposition-status').textContent()).toBe('已通过');
    expect(await od.getByTestId('case-review-result').first().textContent()).toContain('审核通过');
    await shot(officer, 'disposition-accepted', false);

    // The API agrees: accepted, one round, the attachment bound to it.
    const d = (await api<{ dispositions: { edges: { node: { docNumber: string; status: string; rectifications: { decision: string; attachments: { filename: string }[] }[] } }[] } }>(
      '{ dispositions(first: 100, status: ["已通过"]) { edges { node { docNumber status rectifications { decision attachments { filename } } } } } }', {}, officerToken,
    )).dispositions.edges.map((e) => e.node).find((x) => x.docNumber === number);
    expect(d).toEqual({ docNumber: number, status: 'accepted', rectifications: [{ decision: 'accepted', attachments: [{ filename: '整改情况报告.pdf' }] }] });
  }, TIMEOUT);
});
