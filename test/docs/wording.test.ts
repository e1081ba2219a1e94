// Users of a commission say 机构 (or 纪检监察机构), never 租户 (IT jargon): no text a user can read may say 租户 — the
// console (web/src), the labels shared with it (shared/), and every string of the API (Chinese error messages,
// GraphQL descriptions, audit labels, export headers: services/api/src). Code identifiers (tenant) stay English and
// comments may say anything; only string literals, template text and JSX text are read.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const JARGON = '租户';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sources(p);
    return /\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The texts of a source a user may read: string literals, template parts and JSX text (not comments). */
export function userTexts(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)
      || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node)) out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

describe('机构, not 租户, in every text a user reads', () => {
  it('reads literals and JSX text but not comments', () => {
    const sample = `// ${JARGON} in a comment\n/** ${JARGON} */\nconst a = '甲${JARGON}';\nconst b = \`乙\${a}${JARGON}\`;\nconst c = <b title="丙${JARGON}">丁${JARGON}</b>;`;
    expect(userTexts('x.tsx', sample).filter((t) => t.includes(JARGON))).toEqual([`甲${JARGON}`, `${JARGON}`, `丙${JARGON}`, `丁${JARGON}`]);
  });

  it('no string of the console, shared labels or the API says 租户', () => {
    const files = [...sources(join(root, 'web/src')), ...sources(join(root, 'shared')), ...sources(join(root, 'services/api/src'))];
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => userTexts(f, readFileSync(f, 'utf8')).filter((t) => t.includes(JARGON)).map((t) => `${relative(root, f)}: ${t}`));
    expect(found, 'say 机构 (or 纪检监察机构) instead').toEqual([]);
  });

  it('the printed GraphQL schema (descriptions) does not say 租户', () => {
    const sdl = readFileSync(join(root, 'schema/schema.graphql'), 'utf8');
    expect(sdl.split('\n').filter((l) => l.includes(JARGON))).toEqual([]);
  });
});
