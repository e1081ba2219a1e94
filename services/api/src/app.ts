// The HTTP server: GraphQL at /graphql, plain routes under /api, health probes, and the console (web/dist).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
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
import { openObjectStore } from './storage/index.js';
import { registerObjectDownloads } from './storage/routes.js';
import { traceHttp } from './telemetry/index.js';

export async function buildApp(
  config: Config, database: Database, opts: { logger?: boolean; logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    // pino, one JSON line per event, each request's lines labelled with its requestId.
    logger: opts.logStream ? { stream: opts.logStream } : opts.logger ?? false,
    trustProxy: config.mode === 'production' ? 'loopback' : false,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
  });
  await app.register(fastifyJwt, jwtOptions(config));

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
  registerCadrePhoto(app, database.db, store);
  registerImports(app, database.db, config, store);
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

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'unhandled error');
    reply.code(status).send({ error: status === 500 ? 'INTERNAL' : err.code ?? 'BAD_REQUEST', message: status === 500 ? '服务器内部错误' : err.message });
  });

  return app;
}
