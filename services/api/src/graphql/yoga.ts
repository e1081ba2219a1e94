import { createYoga } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { ObjectStore } from '../storage/index.js';
import type { Config } from '../config/index.js';
import { verifyToken } from '../auth/request-session.js';
import { createLoginLimiter } from '../auth/rate-limit.js';
import { hardeningPlugin, inputRefusal, withoutSuggestions } from './hardening.js';
import { tracingPlugin } from '../telemetry/index.js';
import { getSchema } from './schema.js';
import { newContext, type Ctx } from './context.js';
import { operationPlugin, type RequestIdentity } from './operation.js';

/**
 * Errors raised on purpose (GraphQLError, also as original error) pass; anything else — database text included —
 * becomes a fixed message. A tag check, not instanceof: graphql's CJS and ESM builds may both be loaded. In production
 * graphql-js's suggestions of field, argument, type and enum names are cut from the messages.
 */
export function maskError(error: unknown, log: (e: unknown) => void = () => undefined, production = false): GraphQLError {
  const isGql = (x: unknown): x is GraphQLError => Object.prototype.toString.call(x) === '[object GraphQLError]';
  const original = (error as GraphQLError)?.originalError;
  if (isGql(error) && (!original || isGql(original))) {
    // GraphQL's parser prefixes its refusals in English; ours are already Chinese.
    const m = /^Syntax Error: (.*[\u4e00-\u9fff].*)$/s.exec(error.message);
    if (m) return new GraphQLError(m[1], { extensions: { ...error.extensions, code: 'GRAPHQL_PARSE_FAILED' } });
    // graphql-js's refusals of input values are English: said in Chinese, the original text logged.
    const input = inputRefusal(error.message);
    if (input) {
      log(error);
      return new GraphQLError(input, { extensions: { ...error.extensions, code: error.extensions?.code ?? 'BAD_USER_INPUT' } });
    }
    return production ? withoutSuggestions(error) : error;
  }
  log(original ?? error);
  return new GraphQLError('服务器内部错误', { extensions: { code: 'INTERNAL' } });
}

interface ServerContext { req: FastifyRequest; reply: FastifyReply; identity: () => Promise<RequestIdentity> }

export function mountGraphql(app: FastifyInstance, db: Kysely<DB>, config: Config, store: ObjectStore) {
  const loginLimiter = createLoginLimiter(config.loginRateLimitPerMinute, config.loginBackoff);
  const yoga = createYoga<ServerContext, Ctx>({
    schema: getSchema(),
    graphqlEndpoint: '/graphql',
    graphiql: config.mode !== 'production',
    landingPage: false,
    maskedErrors: { maskError: (error: unknown) => maskError(error, (e) => app.log.error({ err: e }, 'masked error'), config.mode === 'production') },
    logging: false,
    plugins: [hardeningPlugin(config), tracingPlugin(), operationPlugin()],
    context: async ({ req }): Promise<Ctx> => {
      const { token, tokenInvalid } = await verifyToken(req);
      return newContext({
        db, config, requestId: String(req.id), clientIp: req.ip ?? null, token, tokenInvalid,
        rollbackOnly: config.testRollbackHeader === true && req.headers['x-test-rollback'] === '1',
        loginLimiter, store,
        signAccessToken: (t) => app.jwt.sign({ sub: t.userId, sid: t.sessionId, typ: 'access' }, { expiresIn: config.accessTokenTtlSeconds }),
      });
    },
  });

  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    handler: async (req, reply) => {
      const identity = async (): Promise<RequestIdentity> =>
        ({ db, token: (await verifyToken(req)).token, clientIp: req.ip ?? null, requestId: String(req.id) });
      const response = await yoga.handleNodeRequestAndResponse(req, reply, { req, reply, identity });
      response.headers.forEach((value, key) => { reply.header(key, value); });
      reply.status(response.status);
      reply.send(response.body);
      return reply;
    },
  });
}
