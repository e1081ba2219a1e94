import { createYoga } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { Config } from '../config/index.js';
import type { AccessClaims } from '../auth/principal.js';
import { getSchema } from './schema.js';
import { newContext, type Ctx } from './context.js';
import { operationPlugin, type RequestIdentity } from './operation.js';

/**
 * Errors raised on purpose (GraphQLError, also as original error) pass; anything else — database text included —
 * becomes a fixed message. A tag check, not instanceof: graphql's CJS and ESM builds may both be loaded.
 */
export function maskError(error: unknown, log: (e: unknown) => void = () => undefined): GraphQLError {
  const isGql = (x: unknown): x is GraphQLError => Object.prototype.toString.call(x) === '[object GraphQLError]';
  const original = (error as GraphQLError)?.originalError;
  if (isGql(error) && (!original || isGql(original))) return error;
  log(original ?? error);
  return new GraphQLError('服务器内部错误', { extensions: { code: 'INTERNAL' } });
}

interface ServerContext { req: FastifyRequest; reply: FastifyReply; identity: () => Promise<RequestIdentity> }

/** The access token's subject, if the Authorization header carries a valid one. */
async function verifyToken(req: FastifyRequest): Promise<{ tokenUserId: string | null; tokenInvalid: boolean }> {
  if (!req.headers.authorization) return { tokenUserId: null, tokenInvalid: false };
  try {
    const claims = await req.jwtVerify<AccessClaims>();
    if (claims.typ === 'access' && typeof claims.sub === 'string') return { tokenUserId: claims.sub, tokenInvalid: false };
  } catch {
    // fall through
  }
  return { tokenUserId: null, tokenInvalid: true };
}

export function mountGraphql(app: FastifyInstance, db: Kysely<DB>, config: Config) {
  const yoga = createYoga<ServerContext, Ctx>({
    schema: getSchema() as never,
    graphqlEndpoint: '/graphql',
    graphiql: config.mode !== 'production',
    landingPage: false,
    maskedErrors: { maskError: (error: unknown) => maskError(error, (e) => app.log.error({ err: e }, 'masked error')) },
    logging: false,
    plugins: [operationPlugin()],
    context: async ({ req }): Promise<Ctx> => {
      const { tokenUserId, tokenInvalid } = await verifyToken(req);
      return newContext({
        db, config, requestId: String(req.id), clientIp: req.ip ?? null, tokenUserId, tokenInvalid,
        signAccessToken: (userId) => app.jwt.sign({ sub: userId, typ: 'access' }, { expiresIn: config.accessTokenTtlSeconds }),
      });
    },
  });

  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    handler: async (req, reply) => {
      const identity = async (): Promise<RequestIdentity> =>
        ({ db, tokenUserId: (await verifyToken(req)).tokenUserId, clientIp: req.ip ?? null, requestId: String(req.id) });
      const response = await yoga.handleNodeRequestAndResponse(req, reply, { req, reply, identity });
      response.headers.forEach((value, key) => { reply.header(key, value); });
      reply.status(response.status);
      reply.send(response.body);
      return reply;
    },
  });
}
