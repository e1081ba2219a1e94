// The SQL side of graded access: what a list may contain beyond the RLS floor. Kept beside the CASL rules so the
// two say the same thing (a filler: its assigned units and their sub-units).
import type { Principal } from '../auth/principal.js';

/** Unit ids a principal's cadre and unit lists are limited to; null means the whole visible subtree. */
export function unitReach(p: Principal): string[] | null {
  return p.role === 'filler' ? p.unitIds : null;
}
