// The contract of a rule evaluator (docs/warnings.md#evaluation): one set-based INSERT … SELECT into warning_hit per
// rule and evaluation group, over the typed record columns, never archives loaded into Node.
import type { Tx } from '../../db/scope.js';
import type { EvaluationGroup } from './resolve.js';

export interface EvalScope {
  /** The tenants of the group whose hits are being rebuilt (a subset of group.tenantIds). */
  tenantIds: string[];
  /** Only these cadres (null: every live cadre of the tenants). */
  cadreIds: string[] | null;
}

/**
 * Writes the hits of `group.rule` for the scope into warning_hit: rule_code/rule_version/rule_name from the rule,
 * level/level_rank from group.scheme, [starts_on, ends_on) the interval during which the rule fires for the cadre,
 * record_ids the records that fired it, reason the explanation a user reads (e.g. "撤销党内职务（2024-12-20 生效，
 * 影响期 24 个月，至 2026-12-19）" — the last day inside, i.e. ends_on − 1). Deleted cadres and records, and records not
 * yet accepted, fire nothing. The caller has already deleted the scope's old hits.
 */
export type Evaluator = (trx: Tx, group: EvaluationGroup, scope: EvalScope) => Promise<void>;
