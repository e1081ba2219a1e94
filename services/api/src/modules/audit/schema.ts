import { sql } from 'kysely';
import { builder, connection, connectionType, decodeCursor, pageSize } from '../../graphql/builder.js';
import { authorize } from '../../graphql/context.js';

interface AuditRow {
  id: string; at: Date; tenant_id: string | null; tenant_code: string | null; user_id: string | null;
  username: string | null; operation: string; kind: string; outcome: string; client_ip: string | null;
  request_id: string | null; cadre_ids: string[];
}

const AuditEvent = builder.objectRef<AuditRow>('AuditEvent').implement({
  description: '访问日志条目',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.field({ type: 'DateTime', resolve: (r) => r.at }),
    tenantCode: t.exposeString('tenant_code', { nullable: true }),
    username: t.exposeString('username', { nullable: true }),
    operation: t.exposeString('operation'),
    kind: t.exposeString('kind'),
    outcome: t.exposeString('outcome'),
    clientIp: t.exposeString('client_ip', { nullable: true }),
    requestId: t.exposeString('request_id', { nullable: true }),
    cadreIds: t.idList({ resolve: (r) => r.cadre_ids ?? [] }),
  }),
});

const AuditConnection = connectionType('AuditEvent', AuditEvent);

builder.queryField('auditEvents', (t) =>
  t.field({
    type: AuditConnection,
    description: '访问日志（审计员，本级及下级），新的在前',
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: async (_r, args, ctx) => {
      const { trx } = authorize(ctx, 'read', 'AuditEvent');
      const limit = pageSize(args.first);
      const offset = decodeCursor(args.after);
      const rows = (await trx.selectFrom('audit_event as a')
        .leftJoin('tenant as t', 't.id', 'a.tenant_id')
        .select(['a.id', 'a.at', 'a.tenant_id', 't.code as tenant_code', 'a.user_id', 'a.username', 'a.operation',
          'a.kind', 'a.outcome', 'a.client_ip', 'a.request_id', 'a.cadre_ids'])
        .orderBy('a.at', 'desc').orderBy('a.id', 'desc')
        .limit(limit).offset(offset).execute()) as unknown as AuditRow[];
      const total = await trx.selectFrom('audit_event').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
      return connection(rows, offset, Number(total.n));
    },
  }),
);
