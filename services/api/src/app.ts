// The HTTP server: GraphQL at /graphql, plain routes under /api, health probes, and the console (web/dist).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import fastifyJwt from '@fastify/jwt';
import fastifyStatic from '@fastify/static';
import { sql } from 'kysely';
import type { Config } from './config/index.js';
import type { Database } from './db/index.js';
import { mountGraphql } from './graphql/yoga.js';
import { jwtOptions } from './auth/request-session.js';
import { registerAuditExport } from './modules/audit/export.js';
import { registerCadrePhoto } from './modules/cadres/photo.js';
import { registerImports } from './modules/imports/routes.js';
import { startWarningRecompute } from './modules/warnings/recompute.js';
import { registerDispositions } from './modules/dispositions/routes.js';
import { registerReplies } from './modules/replies/routes.js';
import { registerTemplates } from './modules/templates/routes.js';
import { registerReports } from './modules/reports/routes.js';
import { registerPrint } from './modules/print/routes.js';
import { registerJobs } from './jobs/routes.js';
import { startJobRunner } from './jobs/runner.js';
import { openObjectStore } from './storage/index.js';
import { registerObjectDownloads } from './storage/routes.js';
import { traceHttp } from './telemetry/index.js';

/** Fastify's own refusals (body, parser, limits), in Chinese. */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: '请求内容过大',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的请求内容类型',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求内容为空',
  FST_ERR_CTP_INVALID_JSON_BODY: '请求内容不是有效的 JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求长度无效',
  FST_ERR_CTP_EMPTY_TYPE: '缺少请求内容类型',
  FST_ERR_VALIDATION: '请求参数无效',
  FST_ERR_BAD_URL: '请求地址无效',
  FST_ERR_ASYNC_CONSTRAINT: '请求无效',
};

/**
 * The one error handler: 5xx (and anything without a client status, e.g. database errors) answers a fixed Chinese
 * message and is logged; a 4xx answers its code with a Chinese message — never the error's own text unless it is
 * already Chinese (our own refusals), so no library or database text reaches a client.
 */
export function errorHandler(err: Error & { statusCode?: number; code?: string }, req: FastifyRequest, reply: FastifyReply) {
  const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  if (status === 500) {
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ error: 'INTERNAL', message: '服务器内部错误' });
  }
  const code = typeof err.code === 'string' && /^[A-Z][A-Z0-9_]{1,60}$/.test(err.code) ? err.code : 'BAD_REQUEST';
  const own = typeof err.message === 'string' && /[\u4e00-\u9fff]/.test(err.message) && !/[A-Za-z]{4,}/.test(err.message) ? err.message : null;
  const message = FASTIFY_MESSAGES[code] ?? own ?? (status === 413 ? '请求内容过大' : status === 415 ? '不支持的请求内容类型' : '请求无效');
  return reply.code(status).send({ error: status === 413 ? 'PAYLOAD_TOO_LARGE' : code.startsWith('FST_') ? 'BAD_REQUEST' : code, message });
}

export async function buildApp(
  config: Config, database: Database,
  opts: { logger?: boolean; logStream?: NodeJS.WritableStream; /** Tests: sees every route as it is registered. */ onRoute?: (route: RouteOptions) => void } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    // pino, one JSON line per event, each request's lines labelled with its requestId.
    logger: opts.logStream ? { stream: opts.logStream } : opts.logger ?? false,
    // X-Forwarded-For is believed only from the configured proxy (TRUST_PROXY); unset: from nobody.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
  });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  await app.register(fastifyJwt, jwtOptions(config));

  // Before any route, so every route (and every plugin registered below) answers errors through it.
  app.setErrorHandler(errorHandler);

  traceHttp(app);
  // Every response names its request: the same id is in the logs and in the access-log row.
  app.addHook('onSend', async (req, reply) => { reply.header('x-request-id', req.id); });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await sql`select 1`.execute(database.db);
      return { status: 'ready', engine: database.engine };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  // One object store for the app: photos and scans go in, short-lived download URLs come out.
  const store = openObjectStore(config);
  mountGraphql(app, database.db, config, store);
  registerAuditExport(app, database.db);
  registerCadrePhoto(app, database.db, store, config.downloadKey);
  registerImports(app, database.db, config, store);
  startWarningRecompute(app, database.db);
  registerDispositions(app, database.db, config, store);
  registerReplies(app, database.db);
  registerTemplates(app, database.db, config);
  registerReports(app, database.db);
  registerPrint(app, database.db, config, store);
  registerJobs(app, database.db, store, config.fieldSecret);
  startJobRunner(app, database.db, store, { workers: config.jobWorkers, pollMs: config.jobPollMs, fieldSecret: config.fieldSecret });
  registerObjectDownloads(app, store, config);

  const indexHtml = path.join(config.webDist, 'index.html');
  if (fs.existsSync(indexHtml)) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: false });
    app.get('/', (_req, reply) => reply.sendFile('index.html'));
    app.get('/assets/*', (req, reply) => reply.sendFile(req.url.split('?')[0].slice(1)));
  }

  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0];
    const isApi = url === '/api' || url.startsWith('/api/') || url === '/graphql' || url.startsWith('/graphql/');
    if (!isApi && req.method === 'GET' && fs.existsSync(indexHtml) && !/\.\w{1,8}$/.test(url)) {
      // Client-side routes of the console.
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'NOT_FOUND', message: '请求的接口不存在' });
  });

  return app;
}
