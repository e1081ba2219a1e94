// The database types, generated from the migrations into generated.ts by `make schema` (db/codegen.ts); never edit
// them by hand. This module is the one import path for them.
export type * from './generated.js';
export type { Cadre as CadreTable } from './generated.js';
