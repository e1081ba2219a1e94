// Writes services/api/src/db/generated.ts from the migrations (part of `make schema`).
import fs from 'node:fs';
import path from 'node:path';
import { generateDbTypes, generatedTypesPath } from './codegen.js';

fs.writeFileSync(generatedTypesPath, await generateDbTypes());
console.log(`wrote ${path.relative(process.cwd(), generatedTypesPath)}`);
