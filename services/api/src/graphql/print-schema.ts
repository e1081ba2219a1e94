// Writes the SDL snapshot to schema/schema.graphql (npm run schema:print).
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config/index.js';
import { printedSchema } from './schema.js';

export const sdlPath = path.join(repoRoot, 'schema', 'schema.graphql');
fs.writeFileSync(sdlPath, printedSchema());
console.log(`wrote ${path.relative(process.cwd(), sdlPath)}`);
