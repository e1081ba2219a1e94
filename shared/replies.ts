// 廉政审查情况复函 (docs/replies.md): purposes, conclusions and statuses of a reply request, as codes with the Chinese
// labels users see and type. Shared by the API and the console.

export const REPLY_PURPOSES = ['selection', 'commendation', 'rank_promotion', 'transfer', 'merit', 'other'] as const;
export type ReplyPurpose = (typeof REPLY_PURPOSES)[number];
export const REPLY_PURPOSE_LABELS: Record<ReplyPurpose, string> = {
  selection: '选拔任用', commendation: '表彰奖励', rank_promotion: '职级晋升', transfer: '交流任职', merit: '评先评优', other: '其他',
};
/** The purposes a record inside its influence period bars unless the tenant sets others. */
export const DEFAULT_BARRED_PURPOSES: ReplyPurpose[] = ['selection', 'rank_promotion', 'commendation'];

export const REPLY_CONCLUSIONS = ['no_objection', 'defer', 'unsuitable'] as const;
export type ReplyConclusion = (typeof REPLY_CONCLUSIONS)[number];
export const REPLY_CONCLUSION_LABELS: Record<ReplyConclusion, string> = {
  no_objection: '不持异议', defer: '建议暂缓', unsuitable: '不宜作为拟任人选',
};

/** draft 待签发 → issued; a part (docs/replies.md#parts): draft 待答复 → answered 已答复 → issued with the whole. */
export const REPLY_STATUSES = ['draft', 'answered', 'issued'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];
export const REPLY_STATUS_LABELS: Record<ReplyStatus, string> = { draft: '待签发', answered: '已答复', issued: '已签发' };
/** What a status reads as: a part not yet answered is 待答复. */
export const replyStatusLabel = (status: ReplyStatus, isPart: boolean) => (isPart && status === 'draft' ? '待答复' : REPLY_STATUS_LABELS[status]);

/** At most this many cadres in one request. */
export const REPLY_MAX_CADRES = 500;

/** The purpose's words in a conclusion: 选拔任用 → 拟选拔任用人选; 表彰奖励 → 拟表彰奖励人选. */
export function conclusionText(c: ReplyConclusion, purpose: ReplyPurpose, purposeText?: string | null): string {
  if (c !== 'unsuitable') return REPLY_CONCLUSION_LABELS[c];
  const words = purpose === 'other' ? (purposeText?.trim() || '相关') : REPLY_PURPOSE_LABELS[purpose];
  return `不宜作为拟${words}人选`;
}

/** A purpose given as its code or its label (选拔任用 …); undefined when neither. */
export function replyPurpose(v: string): ReplyPurpose | undefined {
  const s = v.trim();
  if ((REPLY_PURPOSES as readonly string[]).includes(s)) return s as ReplyPurpose;
  return REPLY_PURPOSES.find((k) => REPLY_PURPOSE_LABELS[k] === s);
}
