// [postgres] Several hundred concurrent mixed-tenant requests over a pool of two connections: no request ever
// sees another tenant's rows (a leaked transaction-local scope would show here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { isPg } from '../helpers/db.js';

let t: TestApp;
const users = ['km-wh.officer', 'km-pl.officer', 'km-gd.leader', 'km-pz-jy.officer', 'km-qy-ct.leader', 'km.leader'];
// Each user's subtree, as the root sees the tree now (other test files may have added tenants below these).
const allowed: Record<string, (code: string) => boolean> = {};

describe.skipIf(!isPg)('[postgres] concurrent mixed-tenant requests over a pool of two', () => {
  beforeAll(async () => {
    t = await createTestApp({ poolSize: 2 });
    const tree = await withScope(t.database.db, 'yn', (trx) => trx.selectFrom('tenant').select(['code', sql<string>`path::text`.as('path')]).execute());
    const pathOf = new Map(tree.map((x) => [x.code, x.path]));
    for (const u of users) {
      const root = pathOf.get(u.split('.')[0])!;
      const inside = new Set(tree.filter((x) => x.path === root || x.path.startsWith(root + '.')).map((x) => x.code));
      allowed[u] = (c) => inside.has(c);
    }
  });
  afterAll(async () => { await t?.close(); });

  it('400 concurrent requests return zero foreign rows', async () => {
    const tokens = Object.fromEntries(await Promise.all(users.map(async (u) => [u, await t.login(u)] as const)));
    const foreignIds = (await t.gql(tokens['km.leader'], '{ cadres(first: 500){ edges { node { id tenant { code } } } } }'))
      .data.cadres.edges.map((e: any) => e.node);
    const queries = [
      (u: string) => t.gql(tokens[u], '{ cadres(first: 50){ edges { node { id tenant { code } } } } }'),
      (u: string) => t.gql(tokens[u], '{ cadres(first: 50, filter:{search:"z"}){ edges { node { id tenant { code } } } } }'),
      (u: string) => t.gql(tokens[u], '{ tenants { code } units { tenant { code } } }'),
      (u: string, i: number) => t.gql(tokens[u], 'query($id:ID!){ cadre(id:$id){ id tenant { code } } }', { id: foreignIds[i % foreignIds.length].id }),
    ];
    let foreign = 0, rows = 0, failures = 0;
    const jobs = Array.from({ length: 400 }, (_, i) => {
      const user = users[i % users.length];
      return queries[i % queries.length](user, i).then((r) => {
        if (r.errors) { failures++; return; }
        const codes: string[] = JSON.stringify(r.data).match(/"code":"([a-z0-9-]+)"/g)?.map((m) => m.slice(8, -1)) ?? [];
        rows += codes.length;
        foreign += codes.filter((c) => !allowed[user](c)).length;
      });
    });
    await Promise.all(jobs);
    expect(failures).toBe(0);
    expect(rows).toBeGreaterThan(1000);
    expect(foreign).toBe(0);
  });
});
