// The printed SDL in schema/schema.graphql must match the code: run `npm run schema:print` after changing the API.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../services/api/src/config/index.js';
import { printedSchema } from '../../services/api/src/graphql/schema.js';

describe('GraphQL schema snapshot', () => {
  it('schema/schema.graphql is up to date', () => {
    const file = path.join(repoRoot, 'schema', 'schema.graphql');
    expect(fs.existsSync(file), 'schema/schema.graphql exists').toBe(true);
    expect(fs.readFileSync(file, 'utf8'), 'stale: run `npm run schema:print`').toBe(printedSchema());
  });

  it('exposes the shapes the contract names', () => {
    const sdl = printedSchema();
    expect(sdl).toMatch(/login\(password: String!, username: String!\): AuthPayload/);
    expect(sdl).toMatch(/cadres\([^)]*after: String[^)]*filter: CadreFilter[^)]*first: Int[^)]*\): CadreConnection!/);
    expect(sdl).toMatch(/cadre\(id: ID!\): Cadre\n/);
  });
});
