// Unit kinds (docs/domain.md#units) and the unit-code pattern, shared by the API and the console. The codes are
// stored (unit.kind, with code_label rows under the domain unit.kind: migration 0020); never renumber or reuse one.

export const UNIT_KINDS = {
  internal: '内设机构',
  dispatched: '派驻机构',
  inspection: '巡察机构',
  county_leadership: '县区纪委监委班子',
  enterprise: '企业纪委',
  college: '院校纪委',
  other: '其他',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;

/** A unit's short code: letters, digits and '-', 1–20 characters; unique (ignoring case) among a tenant's active units. */
export const UNIT_CODE_RE = /^[A-Za-z0-9-]{1,20}$/;

/** The stored code of a kind given as its code or its Chinese label; null when it is neither. */
export function unitKindCode(input: string): UnitKind | null {
  const v = input.trim();
  if (v in UNIT_KINDS) return v as UnitKind;
  const hit = (Object.entries(UNIT_KINDS) as [UnitKind, string][]).find(([, label]) => label === v);
  return hit ? hit[0] : null;
}
