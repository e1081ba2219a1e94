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

const SCALAR_NAMES: Record<string, string> = { Int: '整数', Float: '数字', String: '文本', Boolean: '是或否', ID: '编号' };
/** A scalar's Chinese name, or a neutral word for an input type (its English name is not for users). */
const expected = (type: string) => SCALAR_NAMES[type.replace(/[[\]!]/g, '')] ?? '规定的格式';

/**
 * graphql-js's refusal of an input value (a variable or an argument that does not fit its type) in Chinese, or null
 * for anything else. Refusals of the query's shape (unknown fields, …) are the developers', not the users', and stay.
 */
export function inputRefusal(message: string): string | null {
  let m = /^Variable "\$(\w+)" got invalid value .*?; (?:(?:Int|Float|String|Boolean|ID) cannot represent|Expected type "([\w!\[\]]+)")/s.exec(message);
  if (m) {
    const scalar = /; (Int|Float|String|Boolean|ID) cannot represent/.exec(message)?.[1];
    return `参数 ${m[1]} 的值无效（应为${expected(scalar ?? m[2] ?? '')}）`;
  }
  m = /^Variable "\$(\w+)" got invalid value/.exec(message);
  if (m) {
    const field = /Field "(\w+)" of required type .* was not provided|field "(\w+)" is not defined|at "\w+\.(\w+)"/.exec(message);
    const name = field?.[1] ?? field?.[2] ?? field?.[3];
    return `参数 ${m[1]} 的值无效${name ? `（字段 ${name} 缺失、多余或格式不符）` : ''}`;
  }
  m = /^Variable "\$(\w+)" of (?:required|non-null) type "([^"]+)" (?:was not provided|must not be null)/.exec(message);
  if (m) return `缺少必填参数 ${m[1]}`;
  m = /^(Int|Float|String|Boolean|ID) cannot represent/.exec(message);
  if (m) return `参数的值无效（应为${expected(m[1])}）`;
  m = /^(?:Expected value of type|Enum) "([^"]+)"/.exec(message);
  if (m) return `参数的值无效（应为${expected(m[1])}）`;
  m = /^Field "\w+\.(\w+)" of required type "[^"]+" was not provided/.exec(message);
  if (m) return `缺少必填字段 ${m[1]}`;
  m = /^Argument "(\w+)" of required type "[^"]+" was not provided/.exec(message);
  if (m) return `缺少必填参数 ${m[1]}`;
  return null;
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
      // Validation errors bypass the error mask: input values of the wrong type are said in Chinese here (as the
      // mask does for variables), and production cuts the schema names graphql-js suggests.
      return ({ result, setResult }) => {
        if (!result.length) return;
        setResult(result.map((e) => {
          if (Object.prototype.toString.call(e) !== '[object GraphQLError]') return e;
          const err = e as GraphQLError;
          const input = inputRefusal(err.message);
          if (input) return new GraphQLError(input, { nodes: err.nodes, source: err.source, positions: err.positions, extensions: err.extensions });
          return production ? withoutSuggestions(err) : err;
        }));
      };
    },
  };
}
