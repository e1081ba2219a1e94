// One home for tracing (OpenTelemetry). Off unless an OTLP endpoint or a traces exporter is named by the standard
// OTEL_* variables (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_TRACES_EXPORTER,
// OTEL_SERVICE_NAME …). Spans: one per HTTP request (Fastify hooks, active for the whole request), one per GraphQL
// operation and per root resolver (Yoga plugin), one per SQL statement (Kysely's query log).
import { context, trace, SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { LogEvent } from 'kysely';
import type { Plugin } from 'graphql-yoga';
import { useOnResolve } from '@envelop/on-resolve';

export const tracer = () => trace.getTracer('lianzheng-api');

let provider: NodeTracerProvider | null = null;

/** Whether the environment asks for traces. */
export function tracingRequested(env = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return false;
  return !!(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_TRACES_EXPORTER);
}

/** Start tracing when requested (or with the given exporter, for tests). Returns a shutdown function. */
export function startTelemetry(opts: { exporter?: SpanExporter } = {}): () => Promise<void> {
  if (provider || (!opts.exporter && !tracingRequested())) return async () => undefined;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || 'lianzheng-api' }),
    spanProcessors: [opts.exporter ? new SimpleSpanProcessor(opts.exporter) : new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  return async () => {
    await provider?.shutdown();
    provider = null;
    trace.disable();
    context.disable();
  };
}

const SPAN = Symbol('otelSpan');
type Traced = FastifyRequest & { [SPAN]?: Span };

/** One span per HTTP request, active while the request is handled, so GraphQL and SQL spans nest beneath it. */
export function traceHttp(app: FastifyInstance) {
  app.addHook('onRequest', (req, _reply, done) => {
    const span = tracer().startSpan(`${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method, 'url.path': req.url.split('?')[0], 'lz.request_id': String(req.id) },
    });
    (req as Traced)[SPAN] = span;
    context.with(trace.setSpan(context.active(), span), done);
  });
  app.addHook('onResponse', async (req, reply) => {
    const span = (req as Traced)[SPAN];
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}

/** GraphQL: a span per operation and per root-field resolver. */
export function tracingPlugin(): Plugin {
  // @envelop/on-resolve types its plugin for an empty context; Yoga's Plugin wants YogaInitialContext.
  const resolve = useOnResolve(({ info }) => {
    if (info.parentType.name !== 'Query' && info.parentType.name !== 'Mutation') return;
    const span = tracer().startSpan(`resolve ${info.parentType.name}.${info.fieldName}`, { attributes: { 'graphql.field.name': info.fieldName } });
    return ({ result }) => {
      if (result instanceof Error) span.setStatus({ code: SpanStatusCode.ERROR, message: result.message });
      span.end();
    };
  }) as unknown as Plugin;
  return {
    onPluginInit: ({ addPlugin }) => { addPlugin(resolve); },
    onExecute: ({ args }) => {
      const op = (args.document.definitions as readonly { kind: string }[]).find((d) => d.kind === 'OperationDefinition') as { operation?: string; name?: { value: string } } | undefined;
      const span = tracer().startSpan(`graphql ${op?.operation ?? 'query'}${op?.name ? ' ' + op.name.value : ''}`, {
        attributes: { 'graphql.operation.type': op?.operation ?? 'query' },
      });
      return { onExecuteDone: ({ result }) => {
        if ('errors' in result && result.errors?.length) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      } };
    },
  };
}

/** Kysely's query log → a span per SQL statement (text only, never parameters). */
export function traceSql(event: LogEvent) {
  if (!provider) return;
  const end = Date.now();
  const span = tracer().startSpan('sql', {
    kind: SpanKind.CLIENT,
    startTime: end - event.queryDurationMillis,
    attributes: { 'db.system': 'postgresql', 'db.query.text': event.query.sql.slice(0, 2000) },
  });
  if (event.level === 'error') span.setStatus({ code: SpanStatusCode.ERROR });
  span.end(end);
}
