// The access log speaks Chinese: every Query, Mutation (and Subscription) field declares its label with itself
// ({ extensions: { auditLabel } }) and so does every HTTP route under /api ({ config: { auditLabel } }), so an auditor
// never reads an English operation name. The walk covers the whole schema and every registered route: a field or
// route added anywhere without a Chinese label fails here. A label reads as Chinese: Chinese text, no identifier, no
// English beyond the names of file formats, and 机构 (the commissions' word), never 租户.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RouteOptions } from 'fastify';
import { buildApp } from '../../services/api/src/app.js';
import { openTestDatabase, testConfig } from '../helpers/db.js';
import { getSchema } from '../../services/api/src/graphql/schema.js';
import { describeOperation, describeLogin, operationLabel, storedSummary, UNKNOWN_OPERATION } from '../../services/api/src/audit/describe.js';

const CJK = /[\u4e00-\u9fff]/;
/** Latin words a Chinese label may carry: file formats and standards, as users name them. */
const LATIN_OK = new Set(['CSV', 'Excel', 'XLSX', 'Word', 'lrmx', 'docx', 'SM2', 'SM3', 'IP']);

/** Why a label does not read as Chinese, or null when it does. */
function notChinese(label: unknown): string | null {
  if (typeof label !== 'string' || !label.trim()) return 'no label';
  if (!CJK.test(label)) return 'no Chinese';
  const latin = (label.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((w) => !LATIN_OK.has(w));
  if (latin.length) return `English: ${latin.join(' ')}`;
  if (label.includes('租户')) return '租户 (say 机构)';
  return null;
}

describe('what a label must be', () => {
  it('Chinese, without identifiers or English words, 机构 not 租户', () => {
    expect(notChinese('查看干部档案')).toBeNull();
    expect(notChinese('导出干部任免审批表（lrmx）')).toBeNull();
    expect(notChinese(undefined)).toBe('no label');
    expect(notChinese('recordCategories')).toBe('no Chinese');
    expect(notChinese('查看 recordCategories')).toBe('English: recordCategories');
    expect(notChinese('新建租户')).toBe('租户 (say 机构)');
  });
});

describe('audit labels', () => {
  it('every Query, Mutation and Subscription field has a Chinese auditLabel extension, and the log reads it', () => {
    const schema = getSchema();
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((x) => !!x);
    const fields = roots.flatMap((type) => Object.values(type.getFields()).map((f) => ({ field: f.name, name: `${type.name}.${f.name}`, label: f.extensions.auditLabel })));
    // The fields the product has today, so the check cannot pass on an empty list.
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['Query.cadre', 'Query.auditEvents', 'Mutation.login', 'Mutation.createRecord']));
    expect(fields.length).toBeGreaterThan(40);
    expect(fields.map((f) => [f.name, notChinese(f.label)]).filter(([, why]) => why)).toEqual([]);
    // The summary of each field alone is its label (audit/describe.ts reads the schema).
    expect(fields.filter((f) => describeOperation({ fields: [f.field], outcome: 'success', denied: false, errors: [], cadreNames: [], targets: [] }) !== f.label)
      .map((f) => f.name)).toEqual([]);
    // What no module defines: introspection, and a name the schema lacks (a refused request may send anything).
    expect(notChinese(operationLabel('__schema'))).toBeNull();
    expect(notChinese(operationLabel('__type'))).toBeNull();
    expect(operationLabel('noSuchField')).toBe(UNKNOWN_OPERATION);
    expect(notChinese(UNKNOWN_OPERATION)).toBeNull();
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
    expect(api.map((r) => [`${r.method} ${r.url}`, notChinese(r.config?.auditLabel)]).filter(([, why]) => why)).toEqual([]);
    expect([...new Set(urls.filter((u) => !u.startsWith('/api/')))].sort()).toEqual([...OTHERS].sort());
  });

  it('a summary names the operation in Chinese', () => {
    expect(describeOperation({ fields: ['createRecord'], outcome: 'success', denied: false, errors: [], cadreNames: ['张建华'], targets: [] }))
      .toBe('新增档案记录：张建华');
    expect(describeOperation({ fields: ['me', 'units'], outcome: 'success', denied: false, errors: [], cadreNames: [], targets: [] }))
      .toBe('查看本人信息、查看单位树');
    expect(describeLogin('login', 'failure', 'bad_password')).toBe('登录失败：密码错误');
    expect(describeLogin('refreshSession', 'success')).toBe('刷新会话成功');
    // What the operation concerned (a record's category) qualifies its label; a refusal reads 「无权操作：…」.
    expect(describeOperation({ fields: ['createRecord'], outcome: 'success', denied: false, errors: [], cadreNames: ['张建华'], targets: [], notes: ['民间借贷'] }))
      .toBe('新增档案记录（民间借贷）：张建华');
    expect(describeOperation({ fields: ['reviewQueue'], outcome: 'failure', denied: true, errors: ['FORBIDDEN'], cadreNames: [], targets: [] }))
      .toBe('无权操作：查看待审核记录');
    expect(describeOperation({ fields: ['noSuchField'], outcome: 'failure', denied: false, errors: ['GRAPHQL_VALIDATION_FAILED'], cadreNames: [], targets: [] }))
      .toBe('未知操作（失败：请求不合法）');
    // A row stored without a summary reads as its operation's labels, never the raw operation.
    expect(storedSummary({ summary: null, operation: 'query CadreArchive {cadre,recordCategories}' })).toBe('查看干部档案、查看档案类别');
    expect(storedSummary({ summary: null, operation: 'mutation {noSuchField}' })).toBe(UNKNOWN_OPERATION);
    expect(storedSummary({ summary: null, operation: 'GET /api/whatever' })).toBe(UNKNOWN_OPERATION);
    expect(storedSummary({ summary: null, operation: '清理导入批次' })).toBe('清理导入批次');
    expect(storedSummary({ summary: '登录成功', operation: 'login' })).toBe('登录成功');
  });
});
