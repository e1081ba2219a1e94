// The SQL side of graded access: which rows of a subject a list, search or count may contain beyond the RLS floor
// (the caller's tenant subtree). One predicate per subject, kept beside the CASL rules (abilities.ts) so the two say
// the same thing; test/authz/reach.test.ts checks, for every seeded row and account, that they agree.
// The rule itself: docs/domain.md (roles) and README.md (access).
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Principal } from '../auth/principal.js';
import { RESTRICTED_CATEGORIES } from './abilities.js';

const ALL = sql<SqlBool>`true`;
const NONE = sql<SqlBool>`false`;

/** The predicate adds nothing to the RLS floor (the whole visible subtree), so a query may leave it out. */
export const isWholeScope = (e: Expression<SqlBool>) => e === ALL;

/** `<alias>.unit_id` is one of a filler's units (its assigned units and every unit beneath them). */
const inUnits = (p: Principal, column: string) => sql<SqlBool>`${sql.ref(column)} = any(${p.unitIds}::uuid[])`;

/** Categories a principal never sees (a filler: 8 and 9); empty for everyone else. */
export function hiddenCategories(p: Principal | null): number[] {
  return p?.role === 'filler' ? RESTRICTED_CATEGORIES : [];
}

/** Cadres (table alias `cadre`, default `c`) the principal may read: officer and leader all, filler its units, others none. */
export function cadreReach(p: Principal | null, cadre = 'c'): Expression<SqlBool> {
  switch (p?.role) {
    case 'officer': case 'leader': return ALL;
    case 'filler': return inUnits(p, `${cadre}.unit_id`);
    default: return NONE;
  }
}

/**
 * Archive records (alias `record`, default `r`) the principal may read. A record's unit is its cadre's current unit,
 * so the query joins the cadre (alias `cadre`, default `c`). A filler: its units, never the hidden categories.
 */
export function recordReach(p: Principal | null, record = 'r', cadre = 'c'): Expression<SqlBool> {
  switch (p?.role) {
    case 'officer': case 'leader': return ALL;
    case 'filler':
      return sql<SqlBool>`(${inUnits(p, `${cadre}.unit_id`)} and ${sql.ref(`${record}.category`)} <> all(${hiddenCategories(p)}::smallint[]))`;
    default: return NONE;
  }
}

/** Units (alias `unit`, default `u`) the principal may list: structure, so administrators too; a filler its units. */
export function unitReach(p: Principal | null, unit = 'u'): Expression<SqlBool> {
  switch (p?.role) {
    case 'admin': case 'officer': case 'leader': return ALL;
    case 'filler': return inUnits(p, `${unit}.id`);
    default: return NONE;
  }
}

/** The predicates by CASL subject name. */
export const reach = { Cadre: cadreReach, ArchiveRecord: recordReach, Unit: unitReach } as const;
