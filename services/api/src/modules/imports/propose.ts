// The unit a new cadre of an appointment-form import is proposed into
// (docs/domain.md#the-unit-of-a-new-cadre-默认导入单位). A form that matches no archive makes a new cadre; where it
// goes is shown at preview and never chosen silently:
//   1. 按现任职务匹配 ('post'): the live units of the caller's own tenant (those it may file cadres in) whose name, of at
//      least 2 characters, occurs in the form's 现任职务; the longest name wins; two different units tying at the
//      longest length propose nothing from the post;
//   2. 本机构默认导入单位 ('default'): else the tenant's 默认导入单位 (tenant_import_setting), if still live and usable;
//   3. else none: confirming without a unit chosen is refused (UNIT_REQUIRED).
// An explicit unit chosen at confirmation overrides the proposal for every new cadre. Confirmation computes the proposal
// again from the stored batch (a unit retired since the preview no longer counts), never from what the client sends.
import { unitInReach } from '../cadres/commands.js';
import type { CommandContext } from '../command.js';
import { defaultImportUnitIds } from '../units/repo.js';

export type UnitSource = 'post' | 'default';
export interface ProposedUnit { id: string; name: string; source: UnitSource }
/** What proposals are chosen from: the usable live units of the caller's tenant and its usable 默认导入单位. */
export interface ProposalBasis { units: { id: string; name: string }[]; fallback: { id: string; name: string } | null }

export const UNIT_SOURCE_LABELS: Record<UnitSource, string> = { post: '按现任职务匹配', default: '本机构默认导入单位' };

/** The caller's tenant's live units it may create cadres in (a filler: its own units), and the default among them. */
export async function proposalBasis(c: CommandContext): Promise<ProposalBasis> {
  const tenantId = c.principal.tenantId;
  const live = await c.trx.selectFrom('unit').select(['id', 'name']).where('tenant_id', '=', tenantId).where('retired_at', 'is', null)
    .orderBy('sort_order').orderBy('id').execute();
  const units = live.filter((u) => unitInReach(c, u.id));
  const defaultId = (await defaultImportUnitIds(c.trx, [tenantId])).get(tenantId);
  return { units, fallback: units.find((u) => u.id === defaultId) ?? null };
}

/** The proposed unit for a form's 现任职务 (XianRenZhiWu), or null. */
export function proposeUnit(post: unknown, basis: ProposalBasis): ProposedUnit | null {
  const text = typeof post === 'string' ? post.replace(/\s+/g, '') : '';
  if (text) {
    let longest = 0;
    let hits: { id: string; name: string }[] = [];
    for (const u of basis.units) {
      const name = u.name.replace(/\s+/g, '');
      const length = Array.from(name).length;
      if (length < 2 || length < longest || !text.includes(name)) continue;
      if (length > longest) {
        longest = length;
        hits = [u];
      } else {
        hits.push(u);
      }
    }
    if (hits.length === 1) return { id: hits[0].id, name: hits[0].name, source: 'post' };
  }
  return basis.fallback ? { ...basis.fallback, source: 'default' } : null;
}

/** 「办公室（本机构默认导入单位）」 */
export const describeProposal = (u: ProposedUnit) => `${u.name}（${UNIT_SOURCE_LABELS[u.source]}）`;
