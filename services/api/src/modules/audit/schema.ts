import { z } from 'zod';
import { builder, connection, connectionType, pageOffset, pageSize } from '../../graphql/builder.js';
import { authorize, badInput, forbidden, type Ctx } from '../../graphql/context.js';
import { oneOf, text } from '../../graphql/inputs.js';
import { cadreNames, countAudit, listAudit, type AuditFilter, type AuditRow } from './repo.js';
import { purgeAuditLog } from '../../audit/purge.js';
import { AUDIT_PURGE_MAX_DAYS, AUDIT_PURGE_MIN_DAYS } from '../../../../../shared/audit.js';
import { HeadNotCommitted, anchorHeadIn, appendAnchorFile, listAnchors, type Anchor } from '../../audit/anchor.js';
import { auditKeys } from '../../audit/keys.js';
import { KIND_LABELS, OUTCOME_LABELS } from './labels.js';
import { storedSummary } from '../../audit/describe.js';

const CadreRef = builder.objectRef<{ id: string; name: string | null }>('AuditCadreRef').implement({
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name', { nullable: true }) }),
});

const AuditEvent = builder.objectRef<AuditRow>('AuditEvent').implement({
  description: '访问日志条目',
  fields: (t) => ({
    id: t.exposeID('id'),
    seq: t.string({ nullable: true, description: '哈希链序号', resolve: (r) => (r.seq === null ? null : String(r.seq)) }),
    at: t.field({ type: 'DateTime', resolve: (r) => r.at }),
    tenantCode: t.exposeString('tenant_code', { nullable: true }),
    tenantName: t.exposeString('tenant_name', { nullable: true }),
    username: t.exposeString('username', { nullable: true }),
    summary: t.string({ description: '中文摘要，如「查看干部档案：张建华」', resolve: (r) => storedSummary(r) }),
    operation: t.exposeString('operation', { description: '技术操作（GraphQL 操作与字段）' }),
    kind: t.exposeString('kind'),
    kindLabel: t.string({ resolve: (r) => KIND_LABELS[r.kind] ?? r.kind }),
    outcome: t.exposeString('outcome'),
    outcomeLabel: t.string({ resolve: (r) => OUTCOME_LABELS[r.outcome] ?? r.outcome }),
    clientIp: t.exposeString('client_ip', { nullable: true }),
    requestId: t.exposeString('request_id', { nullable: true }),
    cadreIds: t.idList({ resolve: (r) => r.cadre_ids ?? [] }),
    cadres: t.field({
      type: [CadreRef],
      description: '涉及的干部（当前姓名；已不在可见范围内的只给 id）',
      resolve: (r) => (r.cadre_ids ?? []).map((id) => ({ id, name: r.cadre_names?.get(id) ?? null })),
    }),
    detail: t.string({ description: 'JSON', resolve: (r) => JSON.stringify(r.detail ?? {}) }),
    hash: t.exposeString('hash', { nullable: true, description: 'SM3 链式哈希' }),
  }),
});

const AuditConnection = connectionType('AuditEvent', AuditEvent);

export const AuditFilterInput = builder.inputType('AuditFilter', {
  fields: (t) => ({
    from: t.field({ type: 'DateTime', description: '起始时间（含）' }),
    to: t.field({ type: 'DateTime', description: '截止时间（不含）' }),
    username: t.string({ description: '用户（登录名包含）' }),
    tenantCode: t.string({ description: '机构（含下级）' }),
    kind: t.string({ description: 'read | write | login | denied | system' }),
    outcome: t.string({ description: 'success | failure' }),
    cadreId: t.id({ description: '涉及的干部' }),
    text: t.string({ description: '全文：摘要、操作、用户、IP，或请求编号' }),
  }),
});

/** Empty strings and nulls (a form's blank filters, a query string's `&kind=`) mean "no condition". */
const blankless = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TIME_MESSAGE = '时间格式无效（应为 YYYY-MM-DD 或 ISO 8601 时间，年份在 0001–9999 之间）';

/**
 * An ISO 8601 date or time whose year (as written and in UTC) lies in 0001–9999 and whose calendar date exists;
 * anything else (year 0, negative or six-digit years, 2 月 30 日, garbage) is refused before any query runs.
 * The value becomes canonical ISO text.
 */
export function parseAuditTime(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > 40) return null;
  const m = ISO_TIME.exec(v.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(2000, month, 0)).getUTCDate()) return null;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return null;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return null;
  const ms = Date.parse(m[4] === undefined && !m[7] ? `${m[1]}-${m[2]}-${m[3]}T00:00:00Z` : v.trim().replace(' ', 'T'));
  if (Number.isNaN(ms)) return null;
  const utc = new Date(ms);
  const y = utc.getUTCFullYear();
  return y >= 1 && y <= 9999 ? utc.toISOString() : null;
}
const isoTime = z.unknown().transform((v, ctx) => {
  const t = parseAuditTime(v);
  if (t === null) ctx.addIssue({ code: 'custom', message: TIME_MESSAGE });
  return t ?? '';
});

/** The filter of the log, from GraphQL or from the export route's query string. */
const auditFilterSchema = z.object({
  from: blankless(isoTime),
  to: blankless(isoTime),
  username: blankless(text('用户', 100)),
  tenantCode: blankless(text('机构', 100)),
  kind: blankless(oneOf(Object.keys(KIND_LABELS), '类型无效')),
  outcome: blankless(oneOf(Object.keys(OUTCOME_LABELS), '结果无效')),
  cadreId: blankless(z.union([z.string(), z.number()]).transform(String).pipe(z.string().max(100, '干部编号无效'))),
  text: blankless(text('查询条件', 100)),
});

/** Validate a filter; a Chinese message (BAD_USER_INPUT) for anything malformed. */
export function checkAuditFilter(f: Record<string, unknown> | null | undefined): AuditFilter {
  const r = auditFilterSchema.safeParse(f ?? {});
  if (!r.success) throw badInput(r.error.issues[0]?.message ?? '查询条件无效');
  return r.data;
}

builder.queryField('auditEvents', (t) =>
  t.field({
    extensions: { auditLabel: '查询访问日志' },
    type: AuditConnection,
    description: '访问日志（审计员，本级及下级），新的在前',
    args: {
      first: t.arg.int(), after: t.arg.string(), offset: t.arg.int(),
      filter: t.arg({ type: AuditFilterInput }),
    },
    resolve: async (_r, args, ctx) => {
      const { trx } = authorize(ctx, 'read', 'AuditEvent');
      const f = checkAuditFilter(args.filter as Record<string, unknown> | null);
      const limit = pageSize(args.first);
      const offset = pageOffset(args);
      const [rows, total] = await Promise.all([limit ? listAudit(trx, f, limit, offset) : [], countAudit(trx, f)]);
      // One lookup for the whole page: the current names of the cadres the rows mention.
      const names = await cadreNames(trx, rows.flatMap((r) => r.cadre_ids ?? []));
      for (const r of rows) r.cadre_names = names;
      return connection(rows, offset, total);
    },
  }),
);

builder.mutationField('purgeAuditEvents', (t) =>
  t.int({
    extensions: { auditLabel: '清理访问日志' },
    description: `清理早于指定天数（不少于 ${AUDIT_PURGE_MIN_DAYS} 天）的访问日志（审计员，本级及下级）；被清理的行在哈希链中留下占位。返回清理行数`,
    args: {
      olderThanDays: t.arg.int({
        required: true,
        validate: z.number().int('天数须为整数').min(AUDIT_PURGE_MIN_DAYS, `只能清理 ${AUDIT_PURGE_MIN_DAYS} 天以前的访问日志`).max(AUDIT_PURGE_MAX_DAYS, '天数过大'),
      }),
    },
    resolve: async (_r, { olderThanDays }, ctx) => {
      const { trx, principal } = authorize(ctx, 'purge', 'AuditEvent');
      const run = await purgeAuditLog(trx, olderThanDays, {
        tenantId: principal.tenantId, tenantPath: principal.tenantPath, userId: principal.userId, username: principal.username,
        clientIp: ctx.clientIp, requestId: ctx.requestId,
      });
      const n = run.rows;
      ctx.audit.target('AuditLog', principal.tenantId, `${olderThanDays} 天以前，${n} 行`);
      return n;
    },
  }),
);


// Signed heads of the chain (audit/anchor.ts), for auditors of the root tenant: the chain spans every tenant.
const AuditAnchor = builder.objectRef<Anchor>('AuditAnchor').implement({
  description: '访问日志哈希链的签名锚点（SM2 签名的链头）；签名原文为 anchorPayload 的各字段逐行拼接',
  fields: (t) => ({
    chainId: t.exposeString('chainId', { description: '链标识（每个数据库一条链）' }),
    kind: t.exposeString('kind', { description: 'seal（启用链密钥时的封存）| head（定期或按需签署的链头）' }),
    seq: t.string({ description: '链头序号', resolve: (a) => String(a.seq) }),
    hash: t.exposeString('hash', { description: '链头哈希' }),
    at: t.exposeString('at', { description: '签署时间（ISO 8601）' }),
    keyId: t.exposeString('keyId', { description: '链密钥指纹（不是密钥）' }),
    tombstones: t.exposeString('tombstones', { nullable: true, description: '封存时的占位行（数量:SHA-256）' }),
    publicKey: t.exposeString('publicKey', { description: 'SM2 公钥（十六进制）' }),
    signature: t.exposeString('signature', { description: 'SM2 签名（r‖s，十六进制）' }),
  }),
});

/** An auditor of a root tenant (the anchors cover every tenant's rows). */
function rootAuditor(ctx: Ctx) {
  const s = authorize(ctx, 'read', 'AuditEvent');
  if (s.principal.tenantPath.includes('.')) throw forbidden(ctx);
  return s;
}

builder.queryField('auditAnchors', (t) =>
  t.field({
    extensions: { auditLabel: '下载哈希链签名锚点' },
    type: [AuditAnchor],
    description: '访问日志哈希链的签名锚点，新的在前（顶级机构的审计员）；可用 auditSigningKey 在系统外核验',
    args: { first: t.arg.int({ validate: z.number().int().min(1, '数量无效').max(10000, '一次最多 10000 个') }) },
    resolve: async (_r, { first }, ctx) => {
      const { trx } = rootAuditor(ctx);
      ctx.audit.target('AuditLog', ctx.principal!.tenantId, '下载签名锚点');
      return listAnchors(trx, first ?? 100);
    },
  }),
);

builder.queryField('auditSigningKey', (t) =>
  t.string({
    extensions: { auditLabel: '查看签名公钥' },
    description: '签署链头的 SM2 公钥（十六进制，04 开头）（顶级机构的审计员）',
    resolve: (_r, _a, ctx) => {
      rootAuditor(ctx);
      return ctx.config.auditPublicKey;
    },
  }),
);

builder.mutationField('anchorAuditChain', (t) =>
  t.field({
    extensions: { auditLabel: '签署哈希链链头' },
    type: AuditAnchor,
    description: '立即签署当前链头（顶级机构的审计员），保存在数据库和库外锚点目录',
    resolve: async (_r, _a, ctx) => {
      const { trx } = rootAuditor(ctx);
      const keys = auditKeys(ctx.config);
      const a = await anchorHeadIn(trx, keys, true).catch((e) => {
        throw e instanceof HeadNotCommitted ? badInput('请单独执行“签署链头”，不要与其他修改放在同一请求中') : e;
      });
      if (!a) throw new Error('no anchor');
      // Written before the operation commits: should it roll back, the file holds a valid signature of a head the
      // database already had, which the verifier checks like any other.
      appendAnchorFile(keys.anchorDir, a);
      ctx.audit.target('AuditLog', ctx.principal!.tenantId, `签署链头：序号 ${a.seq}`);
      return a;
    },
  }),
);
