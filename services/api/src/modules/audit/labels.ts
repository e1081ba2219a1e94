// Chinese labels of the access log's coded columns (console, exports).
import { AUDIT_KIND_LABELS, AUDIT_OUTCOME_LABELS } from '../../../../../shared/audit.js';

export const KIND_LABELS: Record<string, string> = AUDIT_KIND_LABELS;
export const OUTCOME_LABELS: Record<string, string> = AUDIT_OUTCOME_LABELS;
