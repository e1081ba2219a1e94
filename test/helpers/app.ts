// An in-process app on a test database, with helpers to log in and send GraphQL through fastify.inject.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../services/api/src/app.js';
import type { Database } from '../../services/api/src/db/index.js';
import type { Config } from '../../services/api/src/config/index.js';
import { DEMO_PASSWORD, openTestDatabase, testConfig } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  gql<T = any>(token: string | null, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(opts: { poolSize?: number; config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await openTestDatabase(opts);
  const app = await buildApp(testConfig(opts.config), database);
  await app.ready();
  const gql: TestApp['gql'] = async (token, query, variables = {}, headers = {}) => {
    const res = await app.inject({
      method: 'POST', url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      payload: JSON.stringify({ query, variables }),
    });
    return res.json();
  };
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const r = await gql<{ login: { accessToken: string } }>(null,
      'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } }', { u: username, p: password });
    if (!r.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(r.errors)}`);
    return r.data.login.accessToken;
  };
  return { app, database, gql, login, close: async () => { await app.close(); await database.close(); } };
}

/** POST appointment forms to /api/imports as the console's upload does (multipart, one part per file). */
export async function uploadForms(app: FastifyInstance, token: string, files: { name: string; data: Buffer | string }[]) {
  const fd = new FormData();
  for (const f of files) fd.append('file', new Blob([typeof f.data === 'string' ? f.data : new Uint8Array(f.data)]), f.name);
  const req = new Request('http://x/', { method: 'POST', body: fd });
  const res = await app.inject({
    method: 'POST', url: '/api/imports', payload: Buffer.from(await req.arrayBuffer()),
    headers: { authorization: `Bearer ${token}`, 'content-type': req.headers.get('content-type')! },
  });
  return { status: res.statusCode, body: res.json(), res };
}
