// A cadre's photo after upload: every view through its link leaves an audit row naming who saw whose photo; a
// replaced or deleted photo's object is removed and its old link dies with it; a link lives only with its session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { withScope } from '../../services/api/src/db/scope.js';
import { openObjectStore } from '../../services/api/src/storage/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName, testConfig } from '../helpers/db.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const CADRE = `mutation($i:CadreInput!){ createCadre(input:$i){ id name } }`;
const photoUrl = async (token: string, id: string) =>
  (await t.gql(token, 'query($id:ID!){ cadre(id:$id){ photoUrl } }', { id })).data.cadre.photoUrl as string | null;
const keyOf = async (id: string) =>
  (await withScope(t.database.db, 'yn', (trx) => trx.selectFrom('cadre').select('photo_key').where('id', '=', id).executeTakeFirstOrThrow())).photo_key;
const image = (color: string) => sharp({ create: { width: 300, height: 400, channels: 3, background: color } }).png().toBuffer();

describe(`cadre photo links (${engineName})`, () => {
  it('a view is audited; a replaced or deleted photo is removed from the store and its old link answers 404', async () => {
    const officer = await t.login('km-wh.officer');
    const units = (await t.gql(officer, '{ units(tenantCode:"km-wh"){ id } }')).data.units;
    const name = `照片${String.fromCharCode(0x4e00 + Math.floor(Math.random() * 5000))}`;
    const c = (await t.gql(officer, CADRE, { i: { name, unitId: units[0].id } })).data.createCadre;
    const put = async (color: string) => t.app.inject({
      method: 'PUT', url: `/api/cadres/${c.id}/photo`, headers: { authorization: `Bearer ${officer}`, 'content-type': 'image/png' }, payload: await image(color),
    });
    expect((await put('#3366aa')).statusCode).toBe(200);
    const first = (await photoUrl(officer, c.id))!;
    const got = await t.app.inject({ method: 'GET', url: first });
    expect([got.statusCode, got.headers['content-type']]).toEqual([200, 'image/jpeg']);
    expect((await sharp(got.rawPayload).metadata()).format).toBe('jpeg');

    // Who viewed whose photo.
    const auditor = await t.login('km-wh.auditor');
    const rows = (await t.gql(auditor, 'query($c:ID){ auditEvents(first:5, filter:{ cadreId:$c, text:"查看干部照片" }){ edges { node { username summary kind outcome } } } }', { c: c.id }))
      .data.auditEvents.edges.map((e: any) => e.node);
    expect(rows[0]).toEqual({ username: 'km-wh.officer', summary: `查看干部照片：${name}`, kind: 'read', outcome: 'success' });

    // Replaced: the old object is gone and its link with it; the new link works.
    const store = openObjectStore(testConfig());
    const oldKey = (await keyOf(c.id))!;
    expect(await store.get(oldKey)).not.toBeNull();
    expect((await put('#aa3366')).statusCode).toBe(200);
    expect(await store.get(oldKey)).toBeNull();
    const stale = await t.app.inject({ method: 'GET', url: first });
    expect([stale.statusCode, stale.json()]).toEqual([404, { error: 'NOT_FOUND', message: '照片不存在或链接已失效' }]);
    const second = (await photoUrl(officer, c.id))!;
    expect((await t.app.inject({ method: 'GET', url: second })).statusCode).toBe(200);

    // A tampered or foreign link is refused like a missing photo.
    const tampered = second.replace(/sig=([^&]+)/, (_m, s: string) => `sig=${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`);
    expect((await t.app.inject({ method: 'GET', url: tampered })).statusCode).toBe(404);
    const leader = await t.login('km-wh.leader');
    const leaderUrl = (await photoUrl(leader, c.id))!;
    const swapped = leaderUrl.replace(/u=[^&]+/, `u=${new URLSearchParams(second.split('?')[1]).get('u')}`);
    expect((await t.app.inject({ method: 'GET', url: swapped })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: leaderUrl })).statusCode).toBe(200);

    // Deleted: object and link gone.
    const secondKey = (await keyOf(c.id))!;
    const del = await t.app.inject({ method: 'DELETE', url: `/api/cadres/${c.id}/photo`, headers: { authorization: `Bearer ${officer}` } });
    expect(del.statusCode).toBe(200);
    expect(await store.get(secondKey)).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: second })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: leaderUrl })).statusCode).toBe(404);
  });

  it('a link dies with the session it was issued to', async () => {
    const officer = await t.login('km-wh.officer');
    const units = (await t.gql(officer, '{ units(tenantCode:"km-wh"){ id } }')).data.units;
    const c = (await t.gql(officer, CADRE, { i: { name: '照片丙', unitId: units[0].id } })).data.createCadre;
    const res = await t.app.inject({
      method: 'PUT', url: `/api/cadres/${c.id}/photo`, headers: { authorization: `Bearer ${officer}`, 'content-type': 'image/png' }, payload: await image('#228822'),
    });
    expect(res.statusCode).toBe(200);
    const viewer = await t.login('km-wh.leader');
    const url = (await photoUrl(viewer, c.id))!;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(200);
    expect((await t.gql(viewer, 'mutation{ logout }')).data.logout).toBe(true);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});
