// The evaluator of each rule kind (contract: ../evaluator.ts). One file per kind in this folder.
import type { RuleDefinition } from '../../../../../../shared/warnings.js';
import type { Evaluator } from '../evaluator.js';
import { evaluateAmount } from './amount.js';
import { evaluateClue } from './clue.js';
import { evaluateCount } from './count.js';
import { evaluateOverdue } from './overdue.js';
import { evaluateSanction } from './sanction.js';
import { evaluateScore } from './score.js';

export const EVALUATORS: Partial<Record<RuleDefinition['kind'], Evaluator>> = {
  sanction: evaluateSanction,
  clue: evaluateClue,
  count: evaluateCount,
  amount: evaluateAmount,
  score: evaluateScore,
  overdue: evaluateOverdue,
};
