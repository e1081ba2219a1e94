import { builder } from '../graphql/builder.js';
import { session } from '../graphql/context.js';
import { findTenant } from '../modules/tenants/repo.js';
import { Tenant } from '../modules/tenants/schema.js';
import { login } from './login.js';
import type { Principal } from './principal.js';

const AuthPayload = builder.objectRef<{ accessToken: string; expiresIn: number }>('AuthPayload').implement({
  fields: (t) => ({
    accessToken: t.exposeString('accessToken'),
    expiresIn: t.exposeInt('expiresIn', { description: '有效期（秒）' }),
  }),
});

const Me = builder.objectRef<Principal>('Me').implement({
  fields: (t) => ({
    id: t.exposeID('userId'),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    roles: t.stringList({ resolve: (p) => [p.role] }),
    tenant: t.field({
      type: Tenant,
      resolve: async (p, _a, ctx) => {
        const tn = await findTenant(session(ctx).trx, p.tenantId);
        if (!tn) throw new Error('own tenant not visible');
        return tn;
      },
    }),
  }),
});

builder.queryField('me', (t) =>
  t.field({ type: Me, resolve: (_r, _a, ctx) => session(ctx).principal }),
);

builder.mutationField('login', (t) =>
  t.field({
    type: AuthPayload,
    // Nullable so that every aliased attempt in one request runs (and counts) even after one fails.
    nullable: true,
    args: {
      username: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_r, { username, password }, ctx) => {
      const { userId } = await login({
        db: ctx.db, username, password: password.slice(0, 200), clientIp: ctx.clientIp, requestId: ctx.requestId,
      });
      return { accessToken: ctx.signAccessToken(userId), expiresIn: ctx.config.accessTokenTtlSeconds };
    },
  }),
);
