// GET /api/cadres/:id/print.zip — the whole archive as A4 JPG pages in a zip (docs/print.md). Authorised and audited as
// every read (http/rest-session.ts): the cadre as `export.docx` finds it (a missing, foreign or out-of-reach id is the
// same 404), the records through the caller's reach (a filler never gets categories 8 and 9), accepted records only.
// The pages are built after the request's transaction ended; at most PRINT_RENDERS renders run at once per process.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Config } from '../../config/index.js';
import type { Tx } from '../../db/scope.js';
import type { Principal } from '../../auth/principal.js';
import { asSubject } from '../../authz/abilities.js';
import { hiddenCategories, recordReach } from '../../authz/reach.js';
import { decryptField, fieldKeys, type FieldKeys } from '../../crypto/fields.js';
import { withRestSession, type RestSession } from '../../http/rest-session.js';
import { appendAuditSeparately } from '../../audit/index.js';
import { contentDisposition, type ObjectStore } from '../../storage/index.js';
import { beijingTime } from '../../util/time.js';
import { PRINT_CLASSIFICATION } from '../../../../../shared/print.js';
import { findCadre, type CadreRow } from '../cadres/repo.js';
import { BASIC_FIELDS, maskIdNumber, monthText } from '../cadres/fields.js';
import { listAppointments, listFamily, listResume } from '../cadres/rows.js';
import { CATEGORIES, type FieldSpec } from '../records/categories.js';
import { listRecords, type RecordRow } from '../records/repo.js';
import type { PrintArchive, PrintField } from './layout.js';
import { renderArchiveZip } from './render.js';

/** Renders at once per process (each holds a PDF and one page's pixels: tens of MB, a few seconds of CPU). */
const PRINT_RENDERS = 2;
/** Most records one print reads (far beyond what 200 pages hold). */
const MAX_RECORDS = 2000;

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** A record's value as the console reads it (web/src/pages/archive/format.ts formatValue). */
export function printValue(fd: Pick<FieldSpec, 'type'>, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  switch (fd.type) {
    case 'bool': return v === true || v === 'true' ? '是' : '否';
    case 'money': {
      const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(String(v));
      return m ? `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(m[3] ?? '').padEnd(2, '0').slice(0, 2)}` : String(v);
    }
    case 'year': return `${String(v)}年`;
    default: return String(v);
  }
}

/** 「1976.04（50岁）」 as the 任免审批表 prints a birth month, the age as of `asOf` (YYYYMM). */
function birthWithAge(v: string | null, asOf: string): string {
  if (!v) return '';
  if (!/^\d{6}$/.test(v)) return v;
  const age = Number(asOf.slice(0, 4)) - Number(v.slice(0, 4)) - (Number(asOf.slice(4)) < Number(v.slice(4)) ? 1 : 0);
  return `${monthText(v)}（${age}岁）`;
}

const PHOTO_ROWS: string[][] = [
  ['name', 'sex', 'birthMonth'], ['ethnicity', 'nativePlace', 'birthPlace'], ['partyJoin', 'workStart', 'health'], ['professionalTitle', 'specialty'],
];
const WIDE = new Set(['position', 'rewards', 'assessmentSummary', 'appointmentReason']);

/** What the caller may print of the cadre's archive, read in the request's transaction. */
export async function printArchive(trx: Tx, principal: Principal, keys: FieldKeys, cadre: CadreRow, reveal: boolean): Promise<PrintArchive> {
  const now = beijingTime(new Date());
  const asOf = now.slice(0, 4) + now.slice(5, 7);
  const row = cadre as unknown as Record<string, unknown>;
  const basicValue = (name: string): string => {
    const f = BASIC_FIELDS.find((b) => b.name === name)!;
    const v = row[f.column];
    if (v === null || v === undefined) return '';
    if (f.name === 'birthMonth') return birthWithAge(String(v), asOf);
    return f.kind === 'month' || f.kind === 'partyJoin' ? monthText(String(v)) : String(v);
  };
  const field = (name: string): PrintField => {
    const f = BASIC_FIELDS.find((b) => b.name === name)!;
    return { label: f.name === 'birthMonth' ? '出生年月（岁）' : f.label, value: basicValue(name), wide: WIDE.has(name) || f.kind === 'longtext' };
  };
  const inPhoto = new Set(PHOTO_ROWS.flat());
  // 学历学位 as the 任免审批表 prints it: per kind of education, level and degree, then school and major.
  const school = (a: string, b: string) => (!a || !b || a === b ? a || b : `${a}（学历）；${b}（学位）`);
  const education = (label: string, p: 'eduFt' | 'eduPt'): PrintField[] => [
    { label, value: [basicValue(`${p}Level`), basicValue(`${p}Degree`)].filter(Boolean).join(' ') },
    { label: '毕业院校系及专业', value: school(basicValue(`${p}LevelSchool`), basicValue(`${p}DegreeSchool`)) },
  ];
  const basic: PrintField[] = [];
  for (const f of BASIC_FIELDS) {
    if (inPhoto.has(f.name) || f.name === 'sortOrder') continue;
    if (f.name === 'eduFtLevel') basic.push(...education('全日制教育', 'eduFt'));
    else if (f.name === 'eduPtLevel') basic.push(...education('在职教育', 'eduPt'));
    else if (!f.name.startsWith('eduFt') && !f.name.startsWith('eduPt')) basic.push(field(f.name));
  }
  const plainId = cadre.id_number_cipher ? decryptField(keys, cadre.id_number_cipher) : null;
  basic.push({ label: '公民身份号码', value: plainId ? (reveal ? plainId : maskIdNumber(plainId)) : '', wide: true });

  const hidden = hiddenCategories(principal);
  const rows: RecordRow[] = await listRecords(trx, { cadreId: cadre.id, status: 'accepted', reach: recordReach(principal) }, MAX_RECORDS);
  const categories = CATEGORIES.filter((c) => !hidden.includes(c.id)).map((c) => ({
    id: c.id, numeral: NUMERALS[c.id], title: c.title,
    records: rows.filter((r) => r.category === c.id).map((r) => ({
      fields: c.fields.map((fd) => ({ label: fd.label, value: printValue(fd, r.fields[fd.name]), wide: !!fd.wide || fd.type === 'longtext' })),
      materials: (r.materials ?? []).map((m) => ({ name: m.name, formedOn: m.formed_on, pages: m.pages })),
      reviewedBy: r.reviewed_by_name,
    })),
  }));
  const [resume, appointments, family] = await Promise.all([listResume(trx, cadre.id), listAppointments(trx, cadre.id), listFamily(trx, cadre.id)]);
  return {
    classification: PRINT_CLASSIFICATION,
    name: cadre.name, tenantName: cadre.tenant_name, unitName: cadre.unit_name, position: cadre.position ?? '',
    photoRows: PHOTO_ROWS.map((r) => r.map(field)),
    basic,
    resume: resume.map((r) => ({ when: `${monthText(r.start_month)}—${r.end_month ? monthText(r.end_month) : ''}`, content: r.content })),
    appointments: appointments.map((a) => [a.decided_on, a.kind, a.position, a.approver ?? '', a.document_no ?? '']),
    family: family.map((m) => [m.relation, m.name, m.birth_month ? monthText(m.birth_month) : '', m.political_status ?? '', m.work_position ?? '']),
    categories,
    printedBy: `${principal.displayName}（${principal.username}）`,
    printedAt: now.slice(0, 16),
  };
}

/** A small gate: at most `n` holders at once, the rest wait in order. */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

export function registerPrint(app: FastifyInstance, db: Kysely<DB>, config: Config, store: ObjectStore) {
  const keys = fieldKeys(config.fieldSecret);
  const gate = limiter(PRINT_RENDERS);

  app.get('/api/cadres/:id/print.zip', { config: { auditLabel: '打印廉政档案（图片）' } }, async (req, reply) => {
    let job: { archive: PrintArchive; photoKey: string | null; who: RestSession['who'] } | null = null;
    await withRestSession(db, req, reply, async (s) => {
      const { trx, ability, principal } = s;
      if (!ability.can('read', 'ArchiveRecord')) return s.fail(403, 'FORBIDDEN', '无权打印廉政档案', { kind: 'denied' });
      const cadre = await findCadre(trx, (req.params as { id: string }).id);
      // Missing, foreign and out-of-reach look the same (as export.docx).
      if (!cadre || !ability.can('read', asSubject('Cadre', { ...cadre }))) return s.fail(404, 'NOT_FOUND', '干部不存在', { kind: 'read' });
      const archive = await printArchive(trx, principal, keys, cadre, ability.can('reveal', 'Cadre'));
      const shown = archive.categories.reduce((n, c) => n + c.records.length, 0);
      await s.commit({
        kind: 'read', cadreIds: [cadre.id], summary: `打印廉政档案（图片）：${cadre.name}`,
        detail: { records: shown, categories: archive.categories.map((c) => c.id) },
      });
      job = { archive, photoKey: cadre.photo_key, who: { ...s.who, cadreIds: [cadre.id] } };
      return null;
    });
    if (reply.sent || !job) return reply;
    const { archive, photoKey, who } = job as { archive: PrintArchive; photoKey: string | null; who: RestSession['who'] };
    // The transaction has ended: only now the object store, the fonts and the CPU.
    let out;
    try {
      const photo = photoKey ? await store.get(photoKey) : null;
      out = await gate(() => renderArchiveZip(archive, photo));
    } catch (err) {
      // The read was logged as a success; that no pages left is logged beside it.
      req.log.error({ err }, 'print render failed');
      await appendAuditSeparately(db, { ...who, kind: 'read', outcome: 'failure', summary: `打印廉政档案（图片）（失败：生成图片出错）：${archive.name}`, detail: { errors: ['RENDER'] } })
        .catch((e) => req.log.error({ err: e }, 'audit of a failed print failed'));
      return reply.code(500).send({ error: 'INTERNAL', message: '生成图片失败，请稍后重试' });
    }
    return reply.header('content-type', 'application/zip')
      .header('content-disposition', contentDisposition(`${archive.name}-廉政档案.zip`))
      .header('x-print-pages', String(out.pages))
      .header('cache-control', 'private, no-store').send(out.zip);
  });
}
