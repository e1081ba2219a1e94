// Jobs (docs/jobs.md) on the demo data: a 200-cadre batch of 廉情评价报告 runs to success with its progress reaching
// the total, and its zip holds 200 .docx; nobody but its creator sees or downloads it (another officer and the leader
// of the tenant, the parent's officer, another tenant's officer), a forged or malformed id is 「任务不存在」 alike;
// cancelling stops a queued and a running job (no result kept); a job whose creator lost the right fails with a Chinese
// message; a running job whose process died is queued again (or failed after its last attempt) by the runner's
// recovery; expiry removes the result's object and the row; the job's work and the download are on the access log.
// The runner is driven by the test (drain/tick): its poll interval is set beyond the test's length.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { readZip } from '../../services/api/src/modules/imports/safe-zip.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';
import { asUsers, code, msg } from '../helpers/users.js';

let t: TestApp;
const u = asUsers(() => t);
beforeAll(async () => { t = await createTestApp({ config: { jobWorkers: 1, jobPollMs: 3_600_000 } }); }, 120_000);
afterAll(async () => { await t?.close(); });

const JOB = 'id kind kindLabel status statusLabel progress total message createdAt startedAt finishedAt expiresAt resultName resultSize';
const jobOf = async (user: string, id: string) => (await u.gql(user, `query($id:ID!){ job(id:$id){ ${JOB} } }`, { id })).data?.job;
const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await u.token(user)}` } });
const startReports = async (user: string, cadreIds: string[], asOf = '2026-06-01') =>
  u.gql(user, `mutation($c:[ID!]!,$a:String){ startReportBatch(cadreIds:$c, asOf:$a){ ${JOB} } }`, { c: cadreIds, a: asOf });
const rowOf = (id: string) => u.asRoot((trx) => trx.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

describe(`jobs (${engineName})`, () => {
  let cadreIds: string[] = [];

  beforeAll(async () => {
    // 200 cadres of 昆明市 and its subtree as its officer reads them.
    const r = await u.gql('km.officer', '{ cadres(first:500){ totalCount edges { node { id } } } }');
    cadreIds = r.data.cadres.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(cadreIds.length).toBeGreaterThanOrEqual(200);
    cadreIds = cadreIds.slice(0, 200);
  });

  it('a 200-cadre 廉情评价报告 batch runs to success: progress reaches the total, the zip holds 200 .docx, the work is audited', async () => {
    const started = await startReports('km.officer', cadreIds);
    expect(started.errors).toBeUndefined();
    const job = started.data.startReportBatch;
    expect(job).toMatchObject({ kind: 'report_batch', kindLabel: '批量廉情评价报告', status: 'queued', statusLabel: '排队中', progress: 0, total: 200, resultName: null });
    // Listed for its creator, newest first.
    const list = (await u.gql('km.officer', `{ jobs(first:5){ totalCount edges { node { id status } } } }`)).data.jobs;
    expect(list.edges[0].node).toEqual({ id: job.id, status: 'queued' });

    await t.app.jobRunner.drain();
    const done = await jobOf('km.officer', job.id);
    expect(done).toMatchObject({ status: 'succeeded', statusLabel: '已完成', progress: 200, total: 200, message: null });
    expect(done.resultName).toBe('廉情评价报告（200人，截至2026-06-01）.zip');
    expect(new Date(done.expiresAt).getTime() - new Date(done.finishedAt).getTime()).toBe(7 * 24 * 3600 * 1000);
    expect(done.startedAt).not.toBeNull();

    const res = await get('km.officer', `/api/jobs/${job.id}/result`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('廉情评价报告（200人，截至2026-06-01）.zip');
    expect(res.rawPayload.length).toBe(done.resultSize);
    const entries = await readZip(res.rawPayload, () => true, '结果');
    const names = [...entries.keys()];
    expect(names).toHaveLength(200);
    expect(names.every((n) => /^\d{3}-关于.+同志廉情报告\.docx$/.test(n))).toBe(true);
    expect(names[0].startsWith('001-')).toBe(true);
    // Each entry is a Word file.
    expect([...entries.values()].every((b) => b.subarray(0, 2).toString() === 'PK')).toBe(true);

    // The access log: the job's read of 200 cadres' content under its creator, and the download.
    const events = await u.asRoot((trx) => trx.selectFrom('audit_event').select(['operation', 'summary', 'username', 'outcome', 'cadre_ids'])
      .where('request_id', '=', job.id).execute());
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ operation: '后台任务：批量廉情评价报告', username: 'km.officer', outcome: 'success' });
    expect(events[0].summary).toBe('批量下载廉情评价报告：200 人（截至 2026-06-01）（后台任务）');
    expect(events[0].cadre_ids).toHaveLength(200);
    const download = await u.asRoot((trx) => trx.selectFrom('audit_event').select(['summary', 'cadre_ids', 'operation'])
      .where('operation', '=', 'GET /api/jobs/:id/result').where('username', '=', 'km.officer').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow());
    expect(download.summary).toBe('下载任务结果：批量廉情评价报告《廉情评价报告（200人，截至2026-06-01）.zip》，200 人');
    expect(download.cadre_ids).toHaveLength(200);
  }, 300_000);

  it('nobody but the creator sees or downloads a job; forged and malformed ids are 「任务不存在」 alike; fillers get nothing', async () => {
    const { id } = (await startReports('km.officer', cadreIds.slice(0, 2))).data.startReportBatch;
    await t.app.jobRunner.drain();
    expect((await jobOf('km.officer', id)).status).toBe('succeeded');
    // The tenant's leader and another officer's peers: the parent's officer (whose scope holds the row), a child's.
    for (const other of ['km.leader', 'yn.officer', 'km-wh.officer']) {
      expect(await jobOf(other, id)).toBeNull();
      expect((await u.gql(other, '{ jobs(first:100){ edges { node { id } } } }')).data.jobs.edges.map((e: any) => e.node.id)).not.toContain(id);
      const res = await get(other, `/api/jobs/${id}/result`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: 'NOT_FOUND', message: '任务不存在' });
      const cancel = await u.gql(other, 'mutation($id:ID!){ cancelJob(id:$id){ id } }', { id });
      expect([code(cancel), msg(cancel)]).toEqual(['NOT_FOUND', '任务不存在']);
    }
    for (const forged of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', `${id}x`]) {
      expect(await jobOf('km.officer', forged)).toBeNull();
      const res = await get('km.officer', `/api/jobs/${encodeURIComponent(forged)}/result`);
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('任务不存在');
    }
    // Fillers and administrators: refused.
    expect(code(await u.gql('km.filler', '{ jobs(first:5){ totalCount } }'))).toBe('FORBIDDEN');
    expect(code(await startReports('km.filler', cadreIds.slice(0, 1)))).toBe('FORBIDDEN');
    expect((await get('km.filler', `/api/jobs/${id}/result`)).statusCode).toBe(403);
    // A forged, a foreign cadre: the batch is refused, naming none; nothing is queued.
    const before = await u.asRoot((trx) => trx.selectFrom('job').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow());
    const ynCadre = (await u.gql('yn.officer', '{ cadres(first:1, filter:{tenantCode:"yn"}){ edges { node { id } } } }')).data.cadres.edges[0].node.id;
    for (const bad of [[cadreIds[0], ynCadre], [cadreIds[0], '00000000-0000-4000-8000-000000000000'], ['x']]) {
      const r = await startReports('km.officer', bad);
      expect(code(r)).toBe('NOT_FOUND');
      expect(msg(r)).toMatch(/^有 1 名干部不存在$/);
    }
    expect(code(await startReports('km.officer', [...cadreIds, ...cadreIds.map(() => crypto.randomUUID()), ...cadreIds.map(() => crypto.randomUUID())]))).toBe('BAD_USER_INPUT');
    expect(code(await startReports('km.officer', cadreIds.slice(0, 1), '2026-02-30'))).toBe('BAD_USER_INPUT');
    const after = await u.asRoot((trx) => trx.selectFrom('job').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow());
    expect(after.n).toBe(before.n);
  }, 120_000);

  it('cancelling stops a queued and a running job; nothing is kept', async () => {
    const queued = (await startReports('km.officer', cadreIds.slice(0, 3))).data.startReportBatch;
    const c1 = (await u.gql('km.officer', `mutation($id:ID!){ cancelJob(id:$id){ ${JOB} } }`, { id: queued.id })).data.cancelJob;
    expect(c1).toMatchObject({ status: 'cancelled', statusLabel: '已取消', progress: 0 });
    expect(c1.message).toContain('取消');

    const running = (await startReports('km.officer', cadreIds)).data.startReportBatch;
    const ticking = t.app.jobRunner.tick();
    // Wait for the first progress report, then cancel.
    for (let i = 0; i < 600; i++) {
      const j = await jobOf('km.officer', running.id);
      if (j.status === 'running' && j.progress > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const c2 = await u.gql('km.officer', `mutation($id:ID!){ cancelJob(id:$id){ ${JOB} } }`, { id: running.id });
    expect(c2.errors).toBeUndefined();
    expect(c2.data.cancelJob.status).toBe('cancelled');
    await ticking;
    await t.app.jobRunner.drain();
    const row = await rowOf(running.id);
    expect(row.status).toBe('cancelled');
    expect(row.result_key).toBeNull();
    expect(row.progress).toBeLessThan(200);
    expect((await get('km.officer', `/api/jobs/${running.id}/result`)).statusCode).toBe(409);
    // A finished job cannot be cancelled.
    const again = await u.gql('km.officer', 'mutation($id:ID!){ cancelJob(id:$id){ id } }', { id: running.id });
    expect([code(again), msg(again)]).toEqual(['BAD_USER_INPUT', '任务已结束，不能取消']);
    // No result object was left behind by the cancelled job.
    const keys: string[] = [];
    const tenant = (await rowOf(running.id)).tenant_id;
    for await (const k of t.app.jobRunner.store.list(`t/${tenant}/job-result/`)) keys.push(k);
    const kept = await u.asRoot((trx) => trx.selectFrom('job').select('result_key').where('result_key', 'is not', null).execute());
    expect(keys.sort()).toEqual(kept.map((r) => r.result_key!).filter((k) => k.startsWith(`t/${tenant}/`)).sort());
  }, 300_000);

  it('a job whose creator lost the right fails with a Chinese message (and the failure is audited)', async () => {
    const { id } = (await startReports('km.leader', cadreIds.slice(0, 2))).data.startReportBatch;
    // The leader becomes a filler before the job runs (a role change, as 用户管理 would make it).
    await u.asRoot((trx) => trx.updateTable('app_user').set({ role: 'filler' }).where('username', '=', 'km.leader').execute());
    try {
      await t.app.jobRunner.drain();
    } finally {
      await u.asRoot((trx) => trx.updateTable('app_user').set({ role: 'leader' }).where('username', '=', 'km.leader').execute());
    }
    const row = await rowOf(id);
    expect(row.status).toBe('failed');
    expect(row.message).toBe('发起人已无权批量廉情评价报告（角色已变更），任务已停止');
    expect(row.result_key).toBeNull();
    const failure = await u.asRoot((trx) => trx.selectFrom('audit_event').select(['summary', 'outcome', 'username']).where('request_id', '=', id).executeTakeFirstOrThrow());
    expect(failure).toMatchObject({ outcome: 'failure', username: 'km.leader' });
    expect(failure.summary).toContain('失败：发起人已无权');
    expect((await jobOf('km.leader', id)).statusLabel).toBe('失败');
  }, 120_000);

  it('a running job whose heartbeat stopped is queued again, and runs; after its last attempt it fails', async () => {
    const a = (await startReports('km.officer', cadreIds.slice(0, 2))).data.startReportBatch;
    const b = (await startReports('km.officer', cadreIds.slice(0, 1))).data.startReportBatch;
    // As a process that died mid-job would leave them: running, the heartbeat ten minutes old.
    await u.asRoot((trx) => trx.updateTable('job').set({ status: 'running', attempts: 1, heartbeat_at: sql`now() - interval '10 minutes'`, started_at: sql`now() - interval '11 minutes'` })
      .where('id', '=', a.id).execute());
    await u.asRoot((trx) => trx.updateTable('job').set({ status: 'running', attempts: 3, heartbeat_at: sql`now() - interval '10 minutes'`, started_at: sql`now() - interval '11 minutes'` })
      .where('id', '=', b.id).execute());
    // A running job with a fresh heartbeat (another live process's) is left alone.
    expect(await t.app.jobRunner.recover()).toEqual({ queued: 1, failed: 1 });
    expect((await rowOf(a.id)).status).toBe('queued');
    expect((await rowOf(a.id)).message).toBe('服务重启，任务已重新排队');
    expect((await rowOf(b.id))).toMatchObject({ status: 'failed', message: '任务多次中断，已停止，请重新发起' });
    await t.app.jobRunner.drain();
    expect((await rowOf(a.id))).toMatchObject({ status: 'succeeded', progress: 2, attempts: 2 });
    expect(await t.app.jobRunner.recover()).toEqual({ queued: 0, failed: 0 });
  }, 120_000);

  it('expiry removes the result object and the row', async () => {
    const { id } = (await startReports('km.officer', cadreIds.slice(0, 1))).data.startReportBatch;
    await t.app.jobRunner.drain();
    const row = await rowOf(id);
    expect(row.status).toBe('succeeded');
    const key = row.result_key!;
    expect(await t.app.jobRunner.store.stat(key)).not.toBeNull();
    // Not yet expired: the sweep leaves it.
    await t.app.jobRunner.sweep();
    expect(await t.app.jobRunner.store.stat(key)).not.toBeNull();
    await u.asRoot((trx) => trx.updateTable('job').set({ expires_at: sql`now() - interval '1 minute'` }).where('id', '=', id).execute());
    // Past expiry but not yet swept: the download is refused.
    expect((await get('km.officer', `/api/jobs/${id}/result`)).statusCode).toBe(410);
    expect(await t.app.jobRunner.sweep()).toBeGreaterThanOrEqual(1);
    expect(await t.app.jobRunner.store.stat(key)).toBeNull();
    expect(await u.asRoot((trx) => trx.selectFrom('job').select('id').where('id', '=', id).executeTakeFirst())).toBeUndefined();
    expect(await jobOf('km.officer', id)).toBeNull();
  }, 120_000);

  it('逐人复函 of a request as a job: one letter per cadre, as GET /api/replies/{id}.zip', async () => {
    const own = (await u.gql('km-wh.officer', '{ cadres(first:100, filter:{tenantCode:"km-wh"}){ edges { node { id } } } }')).data.cadres.edges
      .map((e: { node: { id: string } }) => e.node.id).slice(0, 25);
    expect(own).toHaveLength(25);
    const created = await u.gql('km-wh.officer', 'mutation($i:CreateReplyRequestInput!){ createReplyRequest(input:$i){ id } }', {
      i: { requester: '任务测试组织部', purpose: '选拔任用', asOf: '2026-06-01', cadreIds: own },
    });
    const requestId = created.data?.createReplyRequest?.id;
    expect(created.errors ?? []).toEqual([]);
    const started = await u.gql('km-wh.officer', `mutation($id:ID!){ startReplyLetters(requestId:$id){ ${JOB} } }`, { id: requestId });
    expect(started.data.startReplyLetters).toMatchObject({ kind: 'reply_letters', kindLabel: '逐人复函', total: 25 });
    await t.app.jobRunner.drain();
    const done = await jobOf('km-wh.officer', started.data.startReplyLetters.id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 25, resultName: '草稿-逐人复函.zip' });
    const res = await get('km-wh.officer', `/api/jobs/${done.id}/result`);
    const direct = await get('km-wh.officer', `/api/replies/${requestId}.zip`);
    const names = [...(await readZip(res.rawPayload, () => true, '结果')).keys()];
    expect(names).toEqual([...(await readZip(direct.rawPayload, () => true, '结果')).keys()]);
    expect(names).toHaveLength(25);
    // Another tenant's request id: not found.
    const foreign = await u.gql('km-pl.officer', `mutation($id:ID!){ startReplyLetters(requestId:$id){ id } }`, { id: requestId });
    expect(code(foreign)).toBe('NOT_FOUND');
  }, 120_000);

  it('the print JPG pages of a batch of cadres as a job: one folder of A4 pages per cadre; fillers may not', async () => {
    const two = cadreIds.slice(0, 2);
    const started = await u.gql('km.officer', `mutation($c:[ID!]!){ startPrintBatch(cadreIds:$c){ ${JOB} } }`, { c: two });
    expect(started.data.startPrintBatch).toMatchObject({ kind: 'print_batch', kindLabel: '批量打印档案（图片）', total: 2 });
    await t.app.jobRunner.drain();
    const done = await jobOf('km.officer', started.data.startPrintBatch.id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 2, resultName: '廉政档案图片（2人）.zip' });
    const res = await get('km.officer', `/api/jobs/${done.id}/result`);
    const names = [...(await readZip(res.rawPayload, () => true, '结果')).keys()];
    expect(names.filter((n) => n.startsWith('01-')).length).toBeGreaterThan(0);
    expect(names.filter((n) => n.startsWith('02-')).length).toBeGreaterThan(0);
    expect(names.every((n) => /^0[12]-[^/]+\/page-\d{2}\.jpg$/.test(n))).toBe(true);
    const audit = await u.asRoot((trx) => trx.selectFrom('audit_event').select(['summary', 'cadre_ids']).where('request_id', '=', done.id).executeTakeFirstOrThrow());
    expect(audit.summary).toMatch(/^批量打印廉政档案（图片）：2 人，\d+ 页（后台任务）$/);
    expect([...audit.cadre_ids].sort()).toEqual([...two].sort());
    expect(code(await u.gql('km.filler', 'mutation($c:[ID!]!){ startPrintBatch(cadreIds:$c){ id } }', { c: two }))).toBe('FORBIDDEN');
    expect(code(await u.gql('km.officer', 'mutation($c:[ID!]!){ startPrintBatch(cadreIds:$c){ id } }', { c: cadreIds.slice(0, 21) }))).toBe('BAD_USER_INPUT');
  }, 240_000);

  // Last: the runner stops here.
  it('a process that stops puts its running job back in the queue, the attempt not counted', async () => {
    const { id } = (await startReports('km.officer', cadreIds)).data.startReportBatch;
    const ticking = t.app.jobRunner.tick();
    for (let i = 0; i < 600; i++) {
      const j = await rowOf(id);
      if (j.status === 'running' && j.progress > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await ticking;
    await t.app.jobRunner.stop();
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 0, result_key: null, message: '服务重启，任务已重新排队' });
    expect(row.progress).toBeLessThan(200);
  }, 240_000);
});
