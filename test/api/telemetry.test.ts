// Tracing: with an exporter configured, one GraphQL request yields an HTTP span, an operation span, a resolver span
// and SQL spans, all in one trace and nested under the HTTP span. Off by default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTelemetry, tracingRequested } from '../../services/api/src/telemetry/index.js';
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

describe(`tracing (${engineName})`, () => {
  it('is off unless the OTEL_* variables ask for it', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });

  it('one request: HTTP → GraphQL operation → resolver, and SQL spans, in one trace', async () => {
    const token = await t.login('km-wh.officer');
    exporter.reset();
    await t.gql(token, 'query Ledger { cadres(first: 5) { totalCount } }');
    const spans = exporter.getFinishedSpans();
    const http = spans.find((s) => s.name === 'POST /graphql')!;
    const op = spans.find((s) => s.name === 'graphql query Ledger')!;
    const resolver = spans.find((s) => s.name === 'resolve Query.cadres')!;
    const sql = spans.filter((s) => s.name === 'sql');
    expect(http && op && resolver).toBeTruthy();
    expect(sql.length).toBeGreaterThan(2);
    const trace = http.spanContext().traceId;
    for (const s of [op, resolver, ...sql]) expect(s.spanContext().traceId).toBe(trace);
    expect(op.parentSpanContext?.spanId).toBe(http.spanContext().spanId);
    expect(sql.some((s) => String(s.attributes['db.query.text']).includes('cadre'))).toBe(true);
    // Statement text only: the bound values never reach a span.
    expect(JSON.stringify(sql.map((s) => s.attributes))).not.toContain('km-wh.officer');
    expect(http.attributes['http.response.status_code']).toBe(200);
  });
});
