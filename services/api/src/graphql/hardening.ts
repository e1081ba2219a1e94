// Limits on what one GraphQL request may ask: depth, aliases, and a cost that follows page sizes (a field under
// `first: N` counts N times); the parser caps tokens. They run as validation rules, so a refused request is logged
// like any invalid one, in Chinese, without exposing the limits. Production also refuses introspection.
// (GraphQL Armor's cost rule scored a one-page list at over 6,000 and threw instead of reporting; these are small.)
import {
  GraphQLError, Kind, NoSchemaIntrospectionCustomRule, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode,
  type ValidationContext, type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config/index.js';
import { MAX_PAGE } from './builder.js';

export const LIMITS = { depth: 10, aliases: 20, cost: 20_000, tokens: 3000 } as const;
const REFUSED = '请求过于复杂，已被拒绝';
const DEFAULT_PAGE = 20;

interface Measure { depth: number; aliases: number; cost: number }

/** Depth, alias count and cost of a selection set (fragments expanded, cycles cut). */
function measure(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): Measure {
  let depth = 0, aliases = 0, cost = 0;
  for (const sel of set.selections) {
    let inner: Measure | null = null;
    let weight = 1;
    if (sel.kind === Kind.FIELD) {
      if (sel.alias) aliases++;
      const first = sel.arguments?.find((a) => a.name.value === 'first');
      if (first) weight = first.value.kind === Kind.INT ? Math.min(Number(first.value.value), MAX_PAGE) : MAX_PAGE;
      else if (sel.arguments?.some((a) => a.name.value === 'filter')) weight = DEFAULT_PAGE;
      inner = sel.selectionSet ? measure(sel.selectionSet, fragments, seen) : { depth: 0, aliases: 0, cost: 0 };
      depth = Math.max(depth, inner.depth + 1);
      cost += 1 + Math.max(weight, 1) * inner.cost;
      aliases += inner.aliases;
      continue;
    }
    if (sel.kind === Kind.INLINE_FRAGMENT) inner = measure(sel.selectionSet, fragments, seen);
    if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const name = sel.name.value;
      if (seen.has(name) || !fragments[name]) continue;
      inner = measure(fragments[name].selectionSet, fragments, new Set([...seen, name]));
    }
    if (inner) { depth = Math.max(depth, inner.depth); aliases += inner.aliases; cost += inner.cost; }
  }
  return { depth, aliases, cost };
}

export const requestLimitsRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Document(doc) {
    const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION) continue;
      const m = measure(def.selectionSet, fragments, new Set());
      if (m.depth > LIMITS.depth || m.aliases > LIMITS.aliases || m.cost > LIMITS.cost) {
        context.reportError(new GraphQLError(REFUSED, { nodes: [def], extensions: { code: 'QUERY_TOO_COMPLEX', ...m } }));
      }
    }
  },
});

/** graphql-js appends 「 Did you mean "x", "y"?」 to validation and coercion errors: it names the schema's fields. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** The error without graphql-js's suggestions (the same error when it has none). */
export function withoutSuggestions(error: GraphQLError): GraphQLError {
  const message = error.message.replace(SUGGESTION, '');
  if (message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes, source: error.source, positions: error.positions, path: error.path,
    originalError: error.originalError, extensions: error.extensions,
  });
}

export function hardeningPlugin(config: Config): Plugin {
  const production = config.mode === 'production';
  const rules: ValidationRule[] = [requestLimitsRule];
  if (production) rules.push(NoSchemaIntrospectionCustomRule);
  return {
    onParse: ({ setParseFn, parseFn }) => {
      // graphql-js stops lexing past maxTokens (a cheap guard against huge documents).
      setParseFn((source, options) => parseFn(source, { ...options, maxTokens: LIMITS.tokens }));
    },
    onValidate: ({ addValidationRule }) => {
      for (const r of rules) addValidationRule(r);
      // Validation errors bypass the error mask: production cuts the schema names graphql-js suggests here.
      if (production) {
        return ({ result, setResult }) => {
          if (result.length) setResult(result.map((e) => (Object.prototype.toString.call(e) === '[object GraphQLError]' ? withoutSuggestions(e as GraphQLError) : e)));
        };
      }
      return undefined;
    },
  };
}
