// Keyset cursors of the cadre list and search (docs/search.md): a row's position in list order (its search tier,
// tenant sort key, unit sort order, cadre sort order, id), as base64url JSON with an HMAC, so a cursor cannot be
// forged or edited. A cursor only says where to continue: the rows after it are still read under the caller's
// scope (RLS) and reach, so even a valid cursor made by another account shows nothing outside the caller's reach.
import crypto from 'node:crypto';
import { isUuid } from '../../db/scope.js';
import { TIERS } from './search-terms.js';

export interface CadreKey {
  /** The search tier (0 exact name … 6 rare reading: search-terms.ts TIERS); null in the plain list. */
  tier: number | null;
  tenantSort: string;
  unitSort: number;
  sortOrder: number;
  id: string;
}

/** A cursor that is not one of ours (malformed, edited, or from the other kind of list). */
export class BadCursor extends Error {
  constructor() { super('分页位置（after）无效或已被改动，请从第一页重新查询'); }
}

const VERSION = 1;
const mac = (key: string, payload: string) => crypto.createHmac('sha256', key).update(payload).digest('base64url').slice(0, 22);
const int = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

export function encodeCadreCursor(key: string, k: CadreKey): string {
  const payload = Buffer.from(JSON.stringify([VERSION, k.tier, k.tenantSort, k.unitSort, k.sortOrder, k.id])).toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

/** The position a cursor names; `search` says which list it must come from. Throws BadCursor. */
export function decodeCadreCursor(key: string, cursor: string, search: boolean): CadreKey {
  const m = /^([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{22})$/.exec(cursor);
  if (!m) throw new BadCursor();
  const expected = Buffer.from(mac(key, m[1]));
  const given = Buffer.from(m[2]);
  if (!crypto.timingSafeEqual(expected, given)) throw new BadCursor();
  let v: unknown;
  try { v = JSON.parse(Buffer.from(m[1], 'base64url').toString()); } catch { throw new BadCursor(); }
  if (!Array.isArray(v) || v.length !== 6) throw new BadCursor();
  const [ver, tier, tenantSort, unitSort, sortOrder, id] = v as unknown[];
  if (ver !== VERSION || typeof tenantSort !== 'string' || !int(unitSort) || !int(sortOrder) || !isUuid(id)) throw new BadCursor();
  if (search ? !(int(tier) && tier >= 0 && tier <= TIERS.rare) : tier !== null) throw new BadCursor();
  return { tier: tier as number | null, tenantSort, unitSort, sortOrder, id };
}
