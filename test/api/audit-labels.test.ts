// The access log speaks Chinese: every Query and Mutation field declares its label with itself
// ({ extensions: { auditLabel } }) and so does every HTTP route under /api ({ config: { auditLabel } }), so an auditor
// never reads an English operation name (a new field or route without one fails here).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RouteOptions } from 'fastify';
import { buildApp } from '../../services/api/src/app.js';
import { openTestDatabase, testConfig } from '../helpers/db.js';
import { getSchema } from '../../services/api/src/graphql/schema.js';
import { describeOperation, describeLogin } from '../../services/api/src/audit/describe.js';

const CJK = /[\u4e00-\u9fff]/;

describe('audit labels', () => {
  it('every Query and Mutation field has a Chinese auditLabel extension', () => {
    const schema = getSchema();
    const fields = [schema.getQueryType()!, schema.getMutationType()!]
      .flatMap((type) => Object.values(type.getFields()).map((f) => ({ name: `${type.name}.${f.name}`, label: f.extensions.auditLabel })));
    // The fields the product has today, so the check cannot pass on an empty list.
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['Query.cadre', 'Query.auditEvents', 'Mutation.login', 'Mutation.createRecord']));
    expect(fields.filter((f) => typeof f.label !== 'string' || !CJK.test(f.label)).map((f) => f.name)).toEqual([]);
  });

  it('every HTTP route under /api declares a Chinese label; the others are listed here', async () => {
    // A console build of two files, so the static routes are registered too.
    const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-web-'));
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), '');
    // Not under /api, with the reason: health checks; GraphQL (labelled per field above); the console's files.
    const OTHERS = ['/healthz', '/readyz', '/graphql', '/', '/assets/*', '/index.html', '/assets/app.js'];
    const routes: RouteOptions[] = [];
    const database = await openTestDatabase();
    try {
      const app = await buildApp(testConfig({ webDist }), database, { onRoute: (r) => { routes.push(r); } });
      await app.ready();
      await app.close();
    } finally {
      await database.close();
      fs.rmSync(webDist, { recursive: true, force: true });
    }
    const urls = routes.map((r) => r.url);
    const api = routes.filter((r) => r.url.startsWith('/api/'));
    // The routes the product has today, so the check cannot pass on an empty list.
    expect(api.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining([
      'GET /api/audit/export', 'POST /api/imports', 'POST /api/imports/:batchId/confirm', 'GET /api/imports/template.xlsx',
      'GET /api/cadres/:id/export.lrmx', 'GET /api/cadres/:id/export.docx', 'PUT /api/cadres/:id/photo', 'DELETE /api/cadres/:id/photo',
      'GET /api/cadres/:id/photo', 'GET /api/objects/*',
    ]));
    expect(api.filter((r) => !CJK.test(r.config?.auditLabel ?? '')).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect([...new Set(urls.filter((u) => !u.startsWith('/api/')))].sort()).toEqual([...OTHERS].sort());
  });

  it('a summary names the operation in Chinese', () => {
    expect(describeOperation({ fields: ['createRecord'], outcome: 'success', denied: false, errors: [], cadreNames: ['张建华'], targets: [] }))
      .toBe('新增档案记录：张建华');
    expect(describeOperation({ fields: ['me', 'units'], outcome: 'success', denied: false, errors: [], cadreNames: [], targets: [] }))
      .toBe('查看本人信息、查看单位树');
    expect(describeLogin('login', 'failure', 'bad_password')).toBe('登录失败：密码错误');
    expect(describeLogin('refreshSession', 'success')).toBe('刷新会话成功');
  });
});
