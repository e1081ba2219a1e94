// HTTP interface of the appointment-form import and export:
//   POST /api/imports                      multipart, one or more `file` parts → { batchId, files: [...] }; a file that
//                                          would create a cadre (no match) carries `unit`: its proposed unit or null
//   POST /api/imports/:batchId/confirm     { unitId? } → { cadres: [{ id, name }], errors: [{ name, error }] }
//   GET  /api/imports/template.xlsx        the blank Excel roster
//   GET  /api/cadres/:id/export.lrmx | export.docx
// Nothing is written before confirmation; a batch belongs to its tenant and its user, expires after 24 hours and is
// confirmed once; each confirmed form is one transaction (cadre, rows, photo, revision, audit).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Config } from '../../config/index.js';
import { isUuid } from '../../db/scope.js';
import { fieldKeys } from '../../crypto/fields.js';
import { asSubject } from '../../authz/abilities.js';
import { appendAudit } from '../../audit/index.js';
import { restGate, SessionEndedError, withRestSession } from '../../http/rest-session.js';
import { verifyToken } from '../../auth/request-session.js';
import type { ObjectStore } from '../../storage/index.js';
import { beijingTime } from '../../util/time.js';
import { findCadre } from '../cadres/repo.js';
import { samePhoto } from '../cadres/photo.js';
import { archiveEditRefusal, diffCadre, formOfCadre, matchCadre, planFromForm, rehearsalUnit, rehearseWrite, writeCadre, writeRefusal } from './apply.js';
import { restCommandContext } from '../command.js';
import { droppedFiles, openFiles, previewFor, sealFiles, startBatchSweeper, sweepBatches, type BatchFile } from './batches.js';
import { buildFormDocx } from './docx-write.js';
import { writeLrmx } from './lrmx.js';
import { parseUpload, type ParsedFile } from './parse.js';
import { describeProposal, proposalBasis, proposeUnit, UNIT_SOURCE_LABELS, type ProposedUnit, type UnitSource } from './propose.js';
import { rosterTemplate } from './roster.js';

export const MAX_IMPORT_FILES = 200;

/** How a new cadre's unit was decided, for the audit rows. */
const howChosen = (source: UnitSource | 'chosen') => (source === 'chosen' ? '导入时选择' : UNIT_SOURCE_LABELS[source]);

const attachment = (name: string) => `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function registerImports(app: FastifyInstance, db: Kysely<DB>, config: Config, store: ObjectStore) {
  const keys = fieldKeys(config.fieldSecret);
  void app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: config.maxUploadBytes, files: MAX_IMPORT_FILES, fields: 10, parts: MAX_IMPORT_FILES + 10, fieldSize: 1024 },
  });
  startBatchSweeper(app, db);

  /** The uploaded files, read and parsed before any transaction is opened (an upload may be slow). */
  const readUpload = async (req: FastifyRequest): Promise<ParsedFile[] | { error: string; status: number }> => {
    const parsed: ParsedFile[] = [];
    let count = 0;
    try {
      for await (const part of req.parts()) {
        if (part.type !== 'file') continue;
        count++;
        const name = (part.filename || `文件${count}`).replace(/[\\/]/g, '_').slice(0, 200);
        const buf = await part.toBuffer();
        if (part.file.truncated) {
          parsed.push({ name, status: 'error', error: `${name}：文件超过 ${Math.round(config.maxUploadBytes / 1048576)} MB 上限`, warnings: [] });
          continue;
        }
        for (const f of await parseUpload(name, buf)) {
          // A library's own words about a broken file go to the log; the user reads the Chinese reason.
          if (f.detail) req.log.info({ file: f.name, detail: f.detail }, 'import file refused');
          delete f.detail;
          parsed.push(f);
        }
      }
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') return { status: 413, error: `一次最多上传 ${MAX_IMPORT_FILES} 个文件` };
      return { status: 400, error: '上传的数据不完整，请重新上传' };
    }
    return parsed;
  };

  /** Drops the photo of each file whose photo is the matched cadre's own; whether any was dropped. */
  const unchangedPhotos = async (checks: { file: BatchFile; key: string; photo: Buffer }[]) => {
    let dropped = false;
    for (const c of checks) {
      const stored = await store.get(c.key);
      const f = c.file;
      if (!stored || !f.fields || !(await samePhoto(stored, c.photo))) continue;
      delete f.fields.ZhaoPian;
      if (f.match) f.match.diff = f.match.diff.filter((d) => d.field !== 'ZhaoPian');
      dropped = true;
    }
    return dropped;
  };

  // Session and role are checked (and a refusal audited) before a byte of the upload is read.
  const uploadGate = restGate(db, async ({ ability }) =>
    (ability.can('create', 'Cadre') || ability.can('update', 'Cadre') ? null : { status: 403, error: 'FORBIDDEN', message: '无权导入干部任免审批表', kind: 'denied' }));

  app.post('/api/imports', { config: { auditLabel: '上传干部任免审批表' }, onRequest: uploadGate }, async (req, reply) => {
    // Only a signed-in caller gets its upload read; the session itself is checked (and audited) below.
    const { token } = await verifyToken(req);
    const upload = token && req.isMultipart() ? await readUpload(req) : null;
    return withRestSession(db, req, reply, async (s) => {
    const { trx, principal, ability } = s;
    if (!ability.can('create', 'Cadre') && !ability.can('update', 'Cadre')) return s.fail(403, 'FORBIDDEN', '无权导入干部任免审批表', { kind: 'denied' });
    if (!upload) return s.fail(415, 'BAD_USER_INPUT', '请以 multipart/form-data 上传文件（字段名 file）');
    if (!Array.isArray(upload)) return s.fail(upload.status, 'BAD_USER_INPUT', upload.error);
    const parsed = upload;
    if (!parsed.length) return s.fail(400, 'BAD_USER_INPUT', '没有收到文件（字段名应为 file）');

    const files: BatchFile[] = [];
    const command = restCommandContext(s, keys);
    const samePhotoCheck: { file: BatchFile; key: string; photo: Buffer }[] = [];
    const unitForNew = await rehearsalUnit(command);
    // Where each new cadre would go (propose.ts): shown with the preview, never applied silently.
    const basis = await proposalBasis(command);
    const proposals = new Map<BatchFile, ProposedUnit | null>();
    for (const p of parsed) {
      if (p.status !== 'ok' || !p.fields) {
        files.push({ name: p.name, status: 'error', error: p.error, warnings: p.warnings });
        continue;
      }
      let plan;
      try {
        plan = planFromForm(p.fields);
      } catch {
        files.push({ name: p.name, status: 'error', error: `${p.name}：姓名「${String(p.fields.XingMing ?? '')}」无效（应为汉字或字母）`, warnings: p.warnings });
        continue;
      }
      const warnings = [...p.warnings, ...plan.warnings];
      const match = await matchCadre(trx, principal, keys, plan, ability.can('reveal', 'Cadre'));
      if (match && 'ambiguous' in match) {
        files.push({ name: p.name, status: 'error', error: `${p.name}：有 ${match.ambiguous} 名干部姓名和出生年月都是「${plan.name}」「${plan.basic.birthMonth}」，无法确定是哪一位；${ability.can('reveal', 'Cadre') ? '请在文件中填写公民身份号码后重新导入' : '请由纪检干部导入该文件'}`, warnings, fields: p.fields });
        continue;
      }
      const canUpdate = match ? ability.can('update', asSubject('Cadre', { ...match.cadre })) : true;
      // What confirming will check, checked now: a preview's 'ok' does not fail at confirmation.
      const notDirect = match && canUpdate ? archiveEditRefusal(command, match.cadre.name) : null;
      const proposal = match ? null : proposeUnit(p.fields.XianRenZhiWu, basis);
      const refusal = canUpdate && !notDirect ? await rehearseWrite({ command, store }, plan, proposal?.id ?? unitForNew) : null;
      if (refusal) {
        req.log.warn({ err: refusal.cause, file: p.name }, 'import rehearsal refused');
        files.push({ name: p.name, status: 'error', error: `${p.name}：${refusal.error}`, warnings, fields: p.fields });
        continue;
      }
      files.push({
        name: p.name, status: canUpdate && !notDirect ? 'ok' : 'error', warnings, fields: p.fields,
        error: !canUpdate ? `${p.name}：匹配到的干部不在您的管理范围内` : notDirect ? `${p.name}：${notDirect}` : undefined,
        match: match ? { cadreId: match.cadre.id, name: match.cadre.name, unitName: match.cadre.unit_name, by: match.by, diff: await diffCadre(trx, keys, match.cadre, plan, ability.can('reveal', 'Cadre')) } : null,
      });
      if (!match) proposals.set(files[files.length - 1], proposal);
      if (match && plan.photo && match.cadre.photo_key) samePhotoCheck.push({ file: files[files.length - 1], key: match.cadre.photo_key, photo: plan.photo });
    }
    // Confirmed and expired batches in scope lose their content as new ones arrive; the new one is stored sealed.
    await sweepBatches(trx);
    const batch = await trx.insertInto('import_batch')
      .values({ tenant_id: principal.tenantId, user_id: principal.userId, files: JSON.stringify(sealFiles(keys, files)) })
      .returning(['id', 'expires_at']).executeTakeFirstOrThrow();
    const ok = files.filter((f) => f.status === 'ok').length;
    await s.commit({
      kind: 'write', summary: `上传干部任免审批表：${files.length} 份，可导入 ${ok} 份`, cadreIds: files.flatMap((f) => (f.match ? [f.match.cadreId] : [])),
      detail: {
        batchId: batch.id,
        files: files.map((f) => {
          const unit = f.status === 'ok' && proposals.has(f) ? proposals.get(f) ?? null : undefined;
          return { name: f.name, status: f.status, error: f.error, ...(unit !== undefined ? { unit: unit ? describeProposal(unit) : '未确定单位' } : {}) };
        }),
      },
    });
    // A form's photo that is the cadre's own (its export coming back) is no change: compared once the transaction
    // has ended (object-store reads hold none), then left out of the diff and of the batch, so confirming keeps it.
    if (await unchangedPhotos(samePhotoCheck)) {
      await s.scoped((t) => t.updateTable('import_batch').set({ files: JSON.stringify(sealFiles(keys, files)) }).where('id', '=', batch.id).execute());
    }
    // The proposal is told, not stored: confirming computes it again from the stored batch.
    const shown = previewFor(files, ability.can('reveal', 'Cadre')).map((f, i) => {
      if (f.status !== 'ok' || f.match || !proposals.has(files[i])) return f;
      const u = proposals.get(files[i]);
      return { ...f, unit: u ? { id: u.id, name: u.name, source: u.source } : null };
    });
    return reply.send({ batchId: batch.id, expiresAt: batch.expires_at.toISOString(), files: shown });
    });
  });

  app.post('/api/imports/:batchId/confirm', { config: { auditLabel: '确认导入干部任免审批表' } }, (req, reply) => withRestSession(db, req, reply, async (s) => {
    const { trx, principal, ability } = s;
    const { batchId } = req.params as { batchId: string };
    const body = (req.body ?? {}) as { unitId?: unknown };
    const missing = () => s.fail(404, 'NOT_FOUND', '导入批次不存在或已过期');
    if (!isUuid(batchId)) return missing();
    const batch = await trx.selectFrom('import_batch').selectAll().select(sql<boolean>`expires_at < now()`.as('expired'))
      .where('id', '=', batchId).where('user_id', '=', principal.userId).forUpdate().executeTakeFirst();
    if (!batch) return missing();
    if (batch.confirmed_at) return s.fail(409, 'ALREADY_CONFIRMED', '该导入批次已经确认过，不能重复导入');
    const stored = batch.expired ? null : openFiles(keys, batch.files);
    if (!stored) return s.fail(410, 'EXPIRED', '导入批次已超过 24 小时，请重新上传');
    const files = stored.filter((f) => f.status === 'ok' && f.fields);
    // The unit new cadres go into is never a silent default (issue 13): the unit chosen here (for every new cadre), else
    // each new cadre's proposed unit (propose.ts: from its 现任职务, else the tenant's 默认导入单位 — computed again now
    // from the stored batch, as the preview showed it); a new cadre with neither refuses the batch until one is chosen.
    let unitId: string | null = null;
    if (body.unitId !== undefined && body.unitId !== null && body.unitId !== '') {
      if (!isUuid(body.unitId)) return s.fail(400, 'BAD_USER_INPUT', '所选单位不存在，请重新选择要导入到的单位');
      unitId = body.unitId;
    }
    const unit = unitId ? await trx.selectFrom('unit').select(['id', 'name']).where('id', '=', unitId).executeTakeFirst() : null;
    if (unitId && !unit) return s.fail(400, 'BAD_USER_INPUT', '所选单位不存在，请重新选择要导入到的单位');
    const basis = unit ? null : await proposalBasis(restCommandContext(s, keys));
    // Only a form that matched no archive at preview is given a proposal: one that matched is never turned into a new
    // cadre somewhere the preview did not show (it is refused if its match is gone).
    const targets = files.map((f) => ({ file: f, unit: unit ? { ...unit, source: 'chosen' as const } : f.match ? null : proposeUnit(f.fields?.XianRenZhiWu, basis!) }));
    if (!unit && targets.some((x) => !x.file.match && !x.unit)) {
      return s.fail(400, 'UNIT_REQUIRED', '有干部在档案中找不到，将新建档案：请先选择新建的干部放入哪个单位');
    }
    const used = new Map<string, { name: string; how: string; n: number }>();
    for (const x of targets) {
      if (x.file.match || !x.unit) continue;
      const how = howChosen(x.unit.source);
      const u = used.get(x.unit.id) ?? used.set(x.unit.id, { name: x.unit.name, how, n: 0 }).get(x.unit.id)!;
      u.n++;
    }
    const where = unit ? `新建的干部导入到「${unit.name}」`
      : used.size ? `新建的干部导入到${[...used.values()].map((u) => `「${u.name}」（${u.how}）${u.n} 名`).join('、')}` : '均为已有干部';
    // Claimed first, in its own transaction: a second confirmation finds it taken; its content goes with the claim.
    await trx.updateTable('import_batch').set({
      confirmed_at: sql`now()`, unit_id: unit?.id ?? (used.size === 1 ? [...used.keys()][0] : null), files: JSON.stringify(droppedFiles(stored.length)),
    }).where('id', '=', batch.id).execute();
    await s.commit({
      kind: 'write', summary: `确认导入干部任免审批表：${files.length} 份，${where}`,
      detail: { batchId: batch.id, units: [...used.entries()].map(([id, u]) => ({ id, name: u.name, source: u.how, cadres: u.n })) },
    });

    const cadres: { id: string; name: string; created: boolean; file: string }[] = [];
    const errors: { name: string; error: string }[] = [];
    for (const { file: f, unit: target } of targets) {
      const sess = await s.reopen();
      if (!sess) {
        errors.push({ name: f.name, error: '会话已失效' });
        continue;
      }
      try {
        const res = await writeCadre({ command: restCommandContext(sess, keys), store }, planFromForm(f.fields!), target?.id ?? null);
        if ('error' in res) {
          await sess.trx.rollback().execute();
          errors.push({ name: f.name, error: `${f.name}：${res.error}` });
          continue;
        }
        await appendAudit(sess.trx, {
          ...s.who, kind: 'write', outcome: 'success', cadreIds: [res.cadre.id],
          summary: `导入干部任免审批表：${res.cadre.name}（${res.created && target ? `新建，放入「${target.name}」：${howChosen(target.source)}` : res.created ? '新建' : '更新'}）`,
          detail: { batchId: batch.id, file: f.name, ...(res.created && target ? { unitId: target.id, unitSource: target.source } : {}) },
        });
        await sess.trx.commit().execute();
        cadres.push({ id: res.cadre.id, name: res.cadre.name, created: res.created, file: f.name });
      } catch (e) {
        req.log.error({ err: e }, 'import write failed');
        await sess.trx.rollback().execute().catch(() => undefined);
        errors.push({ name: f.name, error: `${f.name}：${writeRefusal(e)}` });
      }
    }
    // The result for the console, in a short transaction that ends whatever happens (skipped if the session ended).
    await s.scoped((t) => t.updateTable('import_batch').set({ result: JSON.stringify({ cadres, errors }) }).where('id', '=', batch.id).execute())
      .catch((e) => { if (!(e instanceof SessionEndedError)) throw e; });
    return reply.send({ cadres, errors });
  }));

  app.get('/api/imports/template.xlsx', { config: { auditLabel: '下载干部花名册模板' } }, (req, reply) => withRestSession(db, req, reply, async (s) => {
    await s.commit({ kind: 'read', summary: '下载干部花名册模板' });
    // Built after the transaction ended (CPU work holds no connection), sent as one buffer.
    const body = await rosterTemplate();
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment('干部花名册模板.xlsx')).send(body);
  }));

  const exportRoute = (format: 'lrmx' | 'docx') => (req: FastifyRequest, reply: FastifyReply) =>
    withRestSession(db, req, reply, async (s) => {
      const { trx, ability } = s;
      const { id } = req.params as { id: string };
      const cadre = await findCadre(trx, id);
      // Missing, foreign and out-of-reach look the same.
      if (!cadre || !ability.can('read', asSubject('Cadre', { ...cadre }))) return s.fail(404, 'NOT_FOUND', '干部不存在', { kind: 'read' });
      const form = await formOfCadre(trx, keys, store, cadre, ability.can('reveal', 'Cadre'));
      const now = beijingTime(new Date());
      const asOf = now.slice(0, 4) + now.slice(5, 7);
      await s.commit({ kind: 'read', cadreIds: [cadre.id], summary: `导出干部任免审批表（${format === 'lrmx' ? 'lrmx' : 'Word'}）：${cadre.name}` });
      // The file is built after the transaction ended, then sent.
      const body = format === 'lrmx' ? Buffer.from(writeLrmx(form), 'utf8') : await buildFormDocx(form, asOf);
      return reply
        .header('content-type', format === 'lrmx' ? 'application/xml; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachment(`${cadre.name}-干部任免审批表.${format}`))
        .header('cache-control', 'no-store')
        .send(body);
    });
  app.get('/api/cadres/:id/export.lrmx', { config: { auditLabel: '导出干部任免审批表（lrmx）' } }, exportRoute('lrmx'));
  app.get('/api/cadres/:id/export.docx', { config: { auditLabel: '导出干部任免审批表（docx）' } }, exportRoute('docx'));
}
