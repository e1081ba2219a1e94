// The console's generated operation types (web/src/gql, see web/codegen.ts) must match the schema snapshot and the
// documents in web/src: regenerate in memory and compare with what is committed. Fix: `npm run codegen -w web`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../web/codegen.js';

const web = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../web');

describe('console operation types', () => {
  it('web/src/gql is what codegen makes of schema/schema.graphql and the documents', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: web, silent: true }, false);
    const generated = new Map(outputs.map((o) => [relative(web, resolve(web, o.filename)), o.content]));
    const committed = readdirSync(join(web, 'src/gql')).map((f) => `src/gql/${f}`).sort();
    expect(committed, 'files in web/src/gql (run `npm run codegen -w web`)').toEqual([...generated.keys()].sort());
    for (const [file, content] of generated) {
      expect(readFileSync(join(web, file), 'utf8'), `${file} is stale: run \`npm run codegen -w web\``).toBe(content);
    }
  });

  it('the cadre profile query asks for every field the profile sheet and editor show (PROFILE_FIELDS)', () => {
    const source = readFileSync(join(web, 'src/pages/archive/profile.ts'), 'utf8');
    const list = source.slice(source.indexOf('PROFILE_FIELDS: ProfileField[] = ['), source.indexOf('];'));
    const names = [...list.matchAll(/\{ name: '(\w+)'/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(20);
    const doc = source.slice(source.indexOf('query CadreProfile'), source.indexOf('appointments {'));
    const asked = new Set(doc.split(/[^\w]+/));
    expect(names.filter((n) => !asked.has(n))).toEqual([]);
  });
});
