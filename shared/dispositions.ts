// 预警处置与整改 (docs/dispositions.md): the codes and Chinese labels of a disposition's status and of a review decision,
// and the limits on rectification attachments. Shared by the API and the console.

export const DISPOSITION_STATUSES = ['pending', 'submitted', 'returned', 'accepted', 'closed'] as const;
export type DispositionStatus = (typeof DISPOSITION_STATUSES)[number];

export const DISPOSITION_STATUS_LABELS: Record<DispositionStatus, string> = {
  pending: '待整改', submitted: '已提交', returned: '已退回', accepted: '已通过', closed: '已结案',
};

/** Statuses in which the unit still owes (or re-owes) a rectification report: the filler's tasks. */
export const OPEN_STATUSES: DispositionStatus[] = ['pending', 'submitted', 'returned'];

export const REVIEW_DECISIONS = ['accepted', 'returned'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = { accepted: '通过', returned: '退回' };

/** A status given as its code or its label (待整改 …); undefined when neither. */
export function dispositionStatus(v: string): DispositionStatus | undefined {
  const s = v.trim();
  if ((DISPOSITION_STATUSES as readonly string[]).includes(s)) return s as DispositionStatus;
  return DISPOSITION_STATUSES.find((k) => DISPOSITION_STATUS_LABELS[k] === s);
}

/** A review decision as its code, its label (通过 / 退回) or accept / return. */
export function reviewDecision(v: string): ReviewDecision | undefined {
  const s = v.trim();
  if (s === 'accepted' || s === 'accept' || s === '通过') return 'accepted';
  if (s === 'returned' || s === 'return' || s === '退回') return 'returned';
  return undefined;
}

/** Rectification attachments: at most this size each, this many per disposition, of these kinds. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENTS_PER_DISPOSITION = 30;
/** Extension → content type stored and served (the content is checked against it: modules/dispositions/files.ts). */
export const ATTACHMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  wps: 'application/vnd.ms-works',
  ofd: 'application/ofd',
  txt: 'text/plain; charset=utf-8',
};
export const ATTACHMENT_ACCEPT = Object.keys(ATTACHMENT_TYPES).map((e) => `.${e}`).join(',');
