// What each kind of job does (docs/jobs.md), reusing the builders of the synchronous downloads: reports/
// evaluation.ts + reports/docx.ts for 廉情评价报告, replies/docx.ts for 逐人复函. Content is read in short transactions
// of the creator's scope (JobStep.read), files are built outside any transaction, and progress is reported after each
// step (which is where a cancellation or a lost right stops the job).
import type { Principal } from '../auth/principal.js';
import type { AppAbility } from '../authz/abilities.js';
import { asSubject } from '../authz/abilities.js';
import type { Tx } from '../db/scope.js';
import { findCadres } from '../modules/cadres/repo.js';
import { evaluationReport, type EvaluationReport } from '../modules/reports/evaluation.js';
import { buildReportDocx } from '../modules/reports/docx.js';
import { templateFile } from '../modules/templates/commands.js';
import { buildReplyDocx, replyLetterSource } from '../modules/replies/docx.js';
import { numberedName, zipBuffers } from '../util/zip.js';
import type { FieldKeys } from '../crypto/fields.js';
import type { ObjectStore } from '../storage/index.js';
import { findCadre } from '../modules/cadres/repo.js';
import { printArchive } from '../modules/print/routes.js';
import { pageName, rasterise, renderPdf } from '../modules/print/render.js';
import type { PrintArchive } from '../modules/print/layout.js';
import type { JobKind } from '../../../../shared/jobs.js';
import type { PrintBatchParams, ReplyLettersParams, ReportBatchParams } from './commands.js';
import type { JobRow } from './repo.js';

/** A job stopped for a reason its creator reads (Chinese), e.g. the creator lost the right. */
export class JobFailure extends Error {}

export interface JobStep {
  /** fn in a short transaction in the creator's scope, with the creator's principal and abilities checked anew. */
  read<T>(fn: (trx: Tx, principal: Principal, ability: AppAbility) => Promise<T>): Promise<T>;
  /** The field keys (ID numbers in a print) and the object store (photos). */
  keys: FieldKeys;
  store: ObjectStore;
  /** done of total: written in a transaction of its own; throws when the job was cancelled meanwhile. */
  progress(done: number, total: number): Promise<void>;
}

export interface JobOutput {
  body: Buffer;
  name: string;
  contentType: string;
  /** The cadres whose content the result holds (the job's audit row names them). */
  cadreIds: string[];
  /** The audit row's summary, as the synchronous route words it. */
  summary: string;
  detail?: Record<string, unknown>;
}

/** A job shares the process with requests: let those waiting run between two files. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Cadres whose reports are read in one transaction. */
const REPORT_CHUNK = 10;
/** Letters built between two progress reports. */
const LETTER_CHUNK = 20;

async function reportBatch(job: JobRow, step: JobStep): Promise<JobOutput> {
  const { cadreIds, asOf } = job.params as unknown as ReportBatchParams;
  const entries: { name: string; data: Buffer }[] = [];
  let template: Buffer | null | undefined;
  for (let i = 0; i < cadreIds.length; i += REPORT_CHUNK) {
    const chunk = cadreIds.slice(i, i + REPORT_CHUNK);
    const { reports, template: read } = await step.read(async (trx, principal, ability) => {
      const found = (await findCadres(trx, chunk)).filter((c) => ability.can('read', asSubject('Cadre', { ...c })));
      if (found.length !== chunk.length) throw new JobFailure(`有 ${chunk.length - found.length} 名干部已不存在或不在您的管理范围内`);
      const byId = new Map(found.map((c) => [c.id, c]));
      const issuer = await trx.selectFrom('tenant').select('name').where('id', '=', principal.tenantId).executeTakeFirst();
      const out: EvaluationReport[] = [];
      for (const id of chunk) out.push(await evaluationReport(trx, byId.get(id)!, asOf, issuer?.name ?? byId.get(id)!.tenant_name));
      // The issuing tenant's Word template in force (docs/templates.md), as the direct download uses: read with the
      // first chunk only (up to 2 MB, the same for the whole batch).
      return { reports: out, template: template === undefined ? (await templateFile(trx, principal.tenantId, 'report'))?.content ?? null : template };
    });
    template = read;
    // Built after the transaction ended, yielding to the requests the process serves between two files.
    for (const r of reports) {
      entries.push({ name: numberedName(entries.length, cadreIds.length, r.title, 'docx'), data: await buildReportDocx(r, template ?? null) });
      await yieldToRequests();
    }
    await step.progress(entries.length, cadreIds.length);
  }
  return {
    body: await zipBuffers(entries), contentType: 'application/zip',
    name: `廉情评价报告（${cadreIds.length}人，截至${asOf}）.zip`, cadreIds,
    summary: `批量下载廉情评价报告：${cadreIds.length} 人（截至 ${asOf}）`, detail: { asOf },
  };
}

async function replyLetters(job: JobRow, step: JobStep): Promise<JobOutput> {
  const { requestId } = job.params as unknown as ReplyLettersParams;
  const { row, items, template } = await step.read(async (trx, principal) => {
    const source = await replyLetterSource(trx, principal.tenantId, requestId, true);
    if (!source) throw new JobFailure('复函已不存在或不在您的管理范围内');
    return source;
  });
  const entries: { name: string; data: Buffer }[] = [];
  for (const [i, it] of items.entries()) {
    entries.push({ name: numberedName(i, items.length, it.cadre_name, 'docx'), data: await buildReplyDocx(row, [it], template) });
    await yieldToRequests();
    if (entries.length % LETTER_CHUNK === 0 || entries.length === items.length) await step.progress(entries.length, items.length);
  }
  return {
    body: await zipBuffers(entries), contentType: 'application/zip',
    name: `${row.doc_number ?? '草稿'}-逐人复函.zip`, cadreIds: items.map((i) => i.cadre_id),
    summary: `下载复函（逐人）：${row.requester}${row.doc_number ? `（${row.doc_number}）` : '（草稿）'}，${items.length} 人`,
  };
}

/**
 * Each cadre's archive as the print route renders it (the caller's reach: categories and ID numbers as the creator may
 * see them), one folder of A4 JPG pages per cadre: 01-张三/page-01.jpg …
 */
async function printBatch(job: JobRow, step: JobStep): Promise<JobOutput> {
  const { cadreIds } = job.params as unknown as PrintBatchParams;
  const entries: { name: string; data: Buffer }[] = [];
  let pages = 0;
  for (const [i, id] of cadreIds.entries()) {
    const { archive, photoKey } = await step.read(async (trx, principal, ability): Promise<{ archive: PrintArchive; photoKey: string | null }> => {
      const cadre = await findCadre(trx, id);
      if (!cadre || !ability.can('read', asSubject('Cadre', { ...cadre }))) throw new JobFailure('有 1 名干部已不存在或不在您的管理范围内');
      return { archive: await printArchive(trx, principal, step.keys, cadre, ability.can('reveal', 'Cadre')), photoKey: cadre.photo_key };
    });
    // Outside any transaction: the photo, the fonts and the CPU.
    const photo = photoKey ? await step.store.get(photoKey) : null;
    const jpgs = await rasterise((await renderPdf(archive, photo)).pdf);
    const folder = numberedName(i, cadreIds.length, archive.name, 'x').replace(/\.x$/, '');
    for (const [n, data] of jpgs.entries()) entries.push({ name: `${folder}/${pageName(n, jpgs.length)}`, data });
    pages += jpgs.length;
    await step.progress(i + 1, cadreIds.length);
    await yieldToRequests();
  }
  return {
    // Stored, not deflated: JPEGs do not compress.
    body: await zipBuffers(entries, { compress: false }), contentType: 'application/zip',
    name: `廉政档案图片（${cadreIds.length}人）.zip`, cadreIds,
    summary: `批量打印廉政档案（图片）：${cadreIds.length} 人，${pages} 页`, detail: { pages },
  };
}

export const JOB_KINDS: Record<JobKind, (job: JobRow, step: JobStep) => Promise<JobOutput>> = {
  report_batch: reportBatch,
  reply_letters: replyLetters,
  print_batch: printBatch,
};
