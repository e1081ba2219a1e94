// HTTP surface: health probes; unknown /api paths answer JSON 404 for every method; no console fallback there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe(`http surface (${engineName})`, () => {
  it('/healthz and /readyz answer', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const r = await t.app.inject({ url: '/readyz' });
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('ready');
  });

  it('unknown /api/* paths answer 404 JSON for every method', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api', '/api/nothing', '/api/cadres/1/x?y=1', '/graphql/x']) {
        const r = await t.app.inject({ method, url, headers: { accept: 'text/html' } });
        expect(r.statusCode, `${method} ${url}`).toBe(404);
        expect(r.headers['content-type']).toMatch(/application\/json/);
        expect(r.json().error).toBe('NOT_FOUND');
      }
    }
  });
});
