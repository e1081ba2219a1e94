// Jobs in a real browser (docs/jobs.md#console): an officer opens a 复函 of 25 cadres (more than the 20 downloaded
// directly) in 廉政复函, clicks 廉情报告, follows the job's progress in the modal to 已完成 (25/25), downloads the zip
// from it, and finds the job in 任务中心 with its 下载. The server runs one job worker. Needs web/dist and
// /usr/bin/chromium.
import { describe, expect, it } from 'vitest';
import { hasChromium, shot, submitLogin, useBrowser, WAIT } from '../helpers/browser.js';

describe.skipIf(!hasChromium)('任务中心 in the browser', () => {
  const rig = useBrowser({ timezoneId: 'Asia/Shanghai' }, { jobWorkers: 1, jobPollMs: 300 });

  it('a 廉情报告 batch from the 复函 drawer runs as a job: progress, download, 任务中心', async () => {
    const token = await rig.apiLogin('km-wh.officer');
    const api = <T,>(q: string, v: Record<string, unknown> = {}) => rig.api<T>(q, v, token);
    const ids = (await api<{ cadres: { edges: { node: { id: string } }[] } }>('{ cadres(first: 25, filter: { tenantCode: "km-wh" }) { edges { node { id } } } }'))
      .cadres.edges.map((e) => e.node.id);
    expect(ids).toHaveLength(25);
    await api('mutation($i: CreateReplyRequestInput!) { createReplyRequest(input: $i) { id } }', {
      i: { requester: '任务测试组织部', purpose: '选拔任用', cadreIds: ids },
    });

    const page = await rig.newPage();
    await submitLogin(page, rig.srv.url, 'km-wh.officer', rig.srv.password);
    await page.waitForURL(/\/cadres$/, WAIT);
    await page.getByTestId('menu-replies').click();
    await page.waitForURL(/\/replies$/, WAIT);
    await page.getByTestId('replies-row').filter({ hasText: '任务测试组织部' }).getByTestId('reply-open').click();
    const drawer = page.getByTestId('reply-drawer');
    await expect.poll(() => drawer.getByTestId('reply-item').count(), WAIT).toBeGreaterThan(0);

    await drawer.getByTestId('reply-reports').click();
    const modal = page.getByTestId('job-modal');
    await expect.poll(() => modal.getByTestId('job-status').textContent(), WAIT).toMatch(/排队中|进行中|已完成/);
    await expect.poll(() => modal.getByTestId('job-status').textContent(), { timeout: 120_000 }).toBe('已完成');
    expect(await modal.getByTestId('job-count').textContent()).toBe('25/25');
    await shot(page, 'job-modal-done', false);
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), modal.getByTestId('job-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^廉情评价报告（25人，截至\d{4}-\d{2}-\d{2}）\.zip$/);

    await modal.getByTestId('job-center-link').click();
    await page.waitForURL(/\/jobs$/, WAIT);
    const row = page.getByTestId('jobs-row').first();
    await expect.poll(() => row.getByTestId('jobs-status').textContent(), WAIT).toBe('已完成');
    expect(await row.textContent()).toContain('批量廉情评价报告');
    expect(await row.textContent()).toContain('25/25');
    await shot(page, 'jobs-page', false);
    const [again] = await Promise.all([page.waitForEvent('download', WAIT), row.getByTestId('jobs-download').click()]);
    expect(again.suggestedFilename()).toBe(download.suggestedFilename());
  }, 240_000);
});
