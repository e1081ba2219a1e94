// Lists do not cost a query per row: the SQL statements of one request (counted as tracing spans) are the same for
// a page of 3 cadres as for a page of 30, with every per-row field the console and the API offer asked for
// (tenant and its parent, unit and its tenant, dated rows, history, records with their materials and history).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTelemetry } from '../../services/api/src/telemetry/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

const exporter = new InMemorySpanExporter();
let stop: () => Promise<void>;
let t: TestApp;
beforeAll(async () => {
  stop = startTelemetry({ exporter });
  t = await createTestApp();
});
afterAll(async () => { await t?.close(); await stop?.(); });

const CADRE_PAGE = `query Page($first: Int!, $filter: CadreFilter) { cadres(first: $first, filter: $filter) { totalCount edges { node {
  id name idNumber photoUrl
  tenant { id code name parent { id name } }
  unit { id name tenant { id code } }
  appointments { id } resume { id content } family { id name }
  history { version changes { label } }
} } } }`;
// Records in a separate request (the cost limit, graphql/hardening.ts, would refuse both in one at 30 rows).
const RECORD_PAGE = `query Records($first: Int!, $filter: CadreFilter) { cadres(first: $first, filter: $filter) { edges { node {
  id records { id category materials { id name } history { version action } cadre { id name } }
} } } }`;

/** SQL statements of one GraphQL request, and its answer. */
async function statements(token: string, query: string, variables: Record<string, unknown>) {
  exporter.reset();
  const res = await t.gql(token, query, variables);
  expect(res.errors).toBeUndefined();
  // Only this request's statements: background work (the warning recompute at start, docs/warnings.md) has its own trace.
  const spans = exporter.getFinishedSpans();
  const request = spans.filter((s) => s.name.startsWith('POST '));
  expect(request).toHaveLength(1);
  const traceId = request[0]!.spanContext().traceId;
  return { n: spans.filter((s) => s.name === 'sql' && s.spanContext().traceId === traceId).length, data: res.data };
}

describe(`list sub-resolvers are batched (${engineName})`, () => {
  it('a page of 30 cadres with every per-row field takes as many statements as a page of 3', async () => {
    const token = await t.login('km.officer');
    const small = await statements(token, CADRE_PAGE, { first: 3 });
    const large = await statements(token, CADRE_PAGE, { first: 30 });
    expect(small.data.cadres.edges).toHaveLength(3);
    expect(large.data.cadres.edges).toHaveLength(30);
    const nodes = large.data.cadres.edges.map((e: any) => e.node);
    expect(nodes.every((c: any) => c.unit.tenant.id === c.tenant.id)).toBe(true);
    expect(large.n).toBe(small.n);
    // Records with their materials and history (the demo data has some on the first cadres of each tenant).
    const r3 = await statements(token, RECORD_PAGE, { first: 3 });
    const r30 = await statements(token, RECORD_PAGE, { first: 30 });
    expect(r30.data.cadres.edges.some((e: any) => e.node.records.some((r: any) => r.history.length))).toBe(true);
    expect(r30.n).toBe(r3.n);
    // A search page too.
    const s3 = await statements(token, CADRE_PAGE, { first: 3, filter: { search: 'w' } });
    const s30 = await statements(token, CADRE_PAGE, { first: 30, filter: { search: 'w' } });
    expect(s30.data.cadres.edges.length).toBeGreaterThan(3);
    expect(s30.n).toBe(s3.n);
  });

  it('the review queue: materials and history of every row in one statement each', async () => {
    const token = await t.login('km.officer');
    const q = `query Q($first: Int!) { reviewQueue(first: $first, status: "pending") { totalCount edges { node {
      id materials { id } history { version } cadre { id name } } } } }`;
    const one = await statements(token, q, { first: 1 });
    const all = await statements(token, q, { first: 100 });
    expect(one.data.reviewQueue.edges).toHaveLength(1);
    expect(all.data.reviewQueue.edges.length).toBeGreaterThan(1);
    expect(all.n).toBe(one.n);
  });
});
