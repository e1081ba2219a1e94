// The twelve archive categories (docs/domain.md#the-twelve-categories) as typed forms: one table per category, one
// column per field.
// This spec is the one home of their shape: the GraphQL types and inputs, the zod checks, the SQL column lists and
// the console's forms are all derived from it; test/api/records-schema.test.ts checks the migration matches it.

export type FieldType =
  | 'date'      // YYYY-MM-DD (SQL date)
  | 'year'      // four-digit year (SQL smallint)
  | 'text'      // one line (SQL text, length-capped)
  | 'longtext'  // paragraphs (SQL text, up to 4000)
  | 'enum'      // one of `options`: stored as its code (SQL text with a check), exchanged as its label
  | 'money'     // yuan with fen (SQL numeric(14,2)), exchanged as a decimal string
  | 'decimal'   // a rate or score (SQL numeric(7,2)), exchanged as a decimal string
  | 'int'       // a count (SQL integer, ≥ 0)
  | 'bool';     // yes / no

/**
 * A choice of an enum field. The column stores the code (stable, ASCII: statistics group by it and join the SQL table
 * code_label for the label); GraphQL and the console show and take the label. docs/domain.md#enum-codes.
 */
export interface EnumOption { code: string; label: string }

export interface FieldSpec {
  /** GraphQL and console name (camelCase). */
  name: string;
  /** SQL column (snake_case). */
  column: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: readonly EnumOption[];
  /** Maximum characters (text, longtext). */
  max?: number;
  /** Console layout: the field spans the whole row of the paper table. */
  wide?: boolean;
  /** Required in the table, but the server derives it when the input leaves it out (四种形态 from the measure). */
  derived?: boolean;
}

export interface CategorySpec {
  id: number;
  /** Code name: GraphQL type prefix and table suffix (record_<key>). */
  key: string;
  title: string;
  /** Menu and tab label. */
  short: string;
  /** The field whose date orders the records (newest first) and shows in lists. */
  dateField: string;
  fields: FieldSpec[];
}

const opts = (...pairs: [code: string, label: string][]): readonly EnumOption[] => pairs.map(([code, label]) => ({ code, label }));

const f = (name: string, column: string, label: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name, column, label, type, ...extra,
});

/** Kinds and measures of category 10; the form (四种形态) of a measure by default is FORM_BY_MEASURE below. */
export const SANCTION_KINDS = opts(
  ['reminder_talk', '提醒谈话'], ['interview', '约谈'], ['criticism', '批评教育'], ['ordered_examination', '责令检查'], ['admonition', '诫勉'],
  ['circular', '通报'], ['organisational', '组织处理'], ['accountability', '问责'], ['party', '党纪处分'], ['state', '政务处分'],
  ['other', '其他处分'],
);
export const SANCTION_MEASURES = opts(
  ['reminder_talk', '谈话提醒'], ['criticism', '批评教育'], ['ordered_examination', '责令检查'], ['written_examination', '责令作出书面检查'],
  ['admonition', '诫勉'], ['circular_criticism', '通报批评'],
  ['suspension', '停职检查'], ['reassignment', '调整职务'], ['ordered_resignation', '责令辞职'], ['removal', '免职'], ['demotion', '降职'],
  ['warning', '警告'], ['serious_warning', '严重警告'], ['party_post_revoked', '撤销党内职务'], ['probation', '留党察看'], ['party_expulsion', '开除党籍'],
  ['demerit', '记过'], ['major_demerit', '记大过'], ['downgrade', '降级'], ['dismissal', '撤职'], ['expulsion', '开除'],
  ['other', '其他'],
);

export const FORMS = opts(['1', '第一种形态'], ['2', '第二种形态'], ['3', '第三种形态'], ['4', '第四种形态']);

export const CATEGORIES: readonly CategorySpec[] = [
  {
    id: 1, key: 'personalReport', title: '个人基本信息、任免情况、个人有关事项报告情况', short: '基本信息及事项报告',
    dateField: 'reportedOn',
    fields: [
      f('reportYear', 'report_year', '报告年度', 'year', { required: true }),
      f('reportType', 'report_type', '报告类型', 'enum', { required: true, options: opts(['annual', '年度集中报告'], ['adhoc', '随时报告'], ['new_post', '新任职报告'], ['other', '其他']) }),
      f('reportedOn', 'reported_on', '报告日期', 'date', { required: true }),
      f('checkMethod', 'check_method', '查核方式', 'enum', { options: opts(['none', '未查核'], ['random', '随机抽查'], ['targeted', '重点抽查'], ['pre_promotion', '提拔前查核'], ['other', '其他']) }),
      f('checkResult', 'check_result', '查核结果', 'enum', { options: opts(['consistent', '一致'], ['truthful', '如实报告'], ['omitted', '漏报'], ['concealed', '瞒报'], ['other', '其他']) }),
      f('handling', 'handling', '处理情况', 'longtext', { max: 2000, wide: true }),
      f('remarks', 'remarks', '备注', 'longtext', { max: 2000, wide: true }),
    ],
  },
  {
    id: 2, key: 'gift', title: '拒收或上交礼金、礼品情况', short: '拒收上交礼品礼金',
    dateField: 'occurredOn',
    fields: [
      f('occurredOn', 'occurred_on', '收受（拒收）日期', 'date', { required: true }),
      f('giver', 'giver', '送礼人', 'text', { required: true, max: 100 }),
      f('giverUnit', 'giver_unit', '送礼人单位及职务', 'text', { max: 200 }),
      f('giftKind', 'gift_kind', '类别', 'enum', { required: true, options: opts(['cash', '礼金'], ['goods', '礼品'], ['securities', '有价证券'], ['payment_voucher', '支付凭证'], ['card', '会员卡（消费卡）'], ['other', '其他']) }),
      f('description', 'description', '物品名称及数量', 'text', { max: 200 }),
      f('amount', 'amount', '金额（价值，元）', 'money', { required: true }),
      f('handling', 'handling', '处理方式', 'enum', { required: true, options: opts(['refused', '当场拒收'], ['returned', '事后退还'], ['handed_in', '上交组织'], ['other', '其他']) }),
      f('handedTo', 'handed_to', '上交（退还）对象', 'text', { max: 200 }),
      f('handedOn', 'handed_on', '上交（退还）日期', 'date'),
      f('receiptNo', 'receipt_no', '登记（收据）编号', 'text', { max: 60 }),
      f('remarks', 'remarks', '备注', 'longtext', { max: 2000, wide: true }),
    ],
  },
  {
    id: 3, key: 'celebration', title: '操办婚丧喜庆事宜情况', short: '操办婚丧喜庆',
    dateField: 'heldOn',
    fields: [
      f('heldOn', 'held_on', '操办日期', 'date', { required: true }),
      f('eventKind', 'event_kind', '事项类别', 'enum', { required: true, options: opts(['own_wedding', '本人婚礼'], ['child_wedding', '子女婚礼'], ['funeral', '丧事'], ['child_school', '子女升学'], ['housewarming', '乔迁'], ['birthday', '生日寿宴'], ['other', '其他']) }),
      f('venue', 'venue', '地点', 'text', { max: 200 }),
      f('tables', 'tables', '规模（桌数）', 'int'),
      f('guests', 'guests', '参加人数', 'int'),
      f('giftsTotal', 'gifts_total', '收受礼金总额（元）', 'money'),
      f('reportedBefore', 'reported_before', '事前报告', 'bool', { required: true }),
      f('reportedOn', 'reported_on', '报告日期', 'date'),
      f('afterReport', 'after_report', '事后报告情况', 'longtext', { max: 2000, wide: true }),
      f('remarks', 'remarks', '备注', 'longtext', { max: 2000, wide: true }),
    ],
  },
  {
    id: 4, key: 'lending', title: '参与民间借贷情况', short: '民间借贷',
    dateField: 'occurredOn',
    fields: [
      f('occurredOn', 'occurred_on', '借贷日期', 'date', { required: true }),
      f('direction', 'direction', '借贷方向', 'enum', { required: true, options: opts(['lend', '出借'], ['borrow', '借入']) }),
      f('counterparty', 'counterparty', '对方姓名（单位）', 'text', { required: true, max: 200 }),
      f('relation', 'relation', '与本人关系', 'text', { max: 60 }),
      f('amount', 'amount', '金额（元）', 'money', { required: true }),
      f('annualRate', 'annual_rate', '年利率（%）', 'decimal'),
      f('dueOn', 'due_on', '约定还款日期', 'date'),
      f('repayStatus', 'repay_status', '还款状态', 'enum', { required: true, options: opts(['open', '未结清'], ['settled', '已结清'], ['overdue', '逾期'], ['disputed', '发生纠纷']) }),
      f('purpose', 'purpose', '用途', 'text', { max: 200 }),
      f('remarks', 'remarks', '备注', 'longtext', { max: 2000, wide: true }),
      // The day a settled loan was settled: before it the loan reads 未结清 at an as-of date (docs/warnings.md#closing-dates).
      f('settledOn', 'settled_on', '结清日期', 'date'),
    ],
  },
  {
    id: 5, key: 'lifeMeeting', title: '参加民主生活会情况', short: '民主生活会',
    dateField: 'heldOn',
    fields: [
      f('heldOn', 'held_on', '召开日期', 'date', { required: true }),
      f('meetingKind', 'meeting_kind', '会议类别', 'enum', { required: true, options: opts(['democratic_life', '民主生活会'], ['organisational_life', '组织生活会'], ['special_democratic_life', '专题民主生活会'], ['other', '其他']) }),
      f('organiser', 'organiser', '召开单位', 'text', { max: 200 }),
      f('theme', 'theme', '会议主题', 'text', { required: true, max: 200, wide: true }),
      f('selfCriticism', 'self_criticism', '对照检查及自我批评', 'longtext', { max: 4000, wide: true }),
      f('criticismReceived', 'criticism_received', '他人提出的批评意见', 'longtext', { max: 4000, wide: true }),
      f('rectification', 'rectification', '整改措施及落实情况', 'longtext', { max: 4000, wide: true }),
    ],
  },
  {
    id: 6, key: 'assessment', title: '年度考核测评情况', short: '年度考核',
    dateField: 'assessedOn',
    fields: [
      f('year', 'year', '考核年度', 'year', { required: true }),
      f('grade', 'grade', '考核等次', 'enum', { required: true, options: opts(['excellent', '优秀'], ['competent', '称职'], ['basically_competent', '基本称职'], ['incompetent', '不称职'], ['ungraded', '不定等次']) }),
      f('assessedOn', 'assessed_on', '确定日期', 'date'),
      f('integrityScore', 'integrity_score', '廉洁自律测评得分', 'decimal'),
      f('overallScore', 'overall_score', '综合测评得分', 'decimal'),
      f('evaluation', 'evaluation', '评价意见', 'longtext', { max: 4000, wide: true }),
    ],
  },
  {
    id: 7, key: 'opinionReply', title: '党风廉政意见回复情况', short: '廉政意见回复',
    dateField: 'repliedOn',
    fields: [
      f('repliedOn', 'replied_on', '回复日期', 'date', { required: true }),
      f('requester', 'requester', '征求意见单位', 'text', { required: true, max: 200 }),
      f('purpose', 'purpose', '征求事由', 'enum', { required: true, options: opts(['selection', '选拔任用'], ['commendation', '表彰奖励'], ['rank_promotion', '职级晋升'], ['transfer', '交流任职'], ['merit', '评先评优'], ['other', '其他']) }),
      f('documentNo', 'document_no', '复函文号', 'text', { max: 100 }),
      f('conclusion', 'conclusion', '回复结论', 'enum', { required: true, options: opts(['no_objection', '不持异议'], ['defer', '建议暂缓'], ['unsuitable', '不宜作为拟任人选']) }),
      f('content', 'content', '回复内容', 'longtext', { max: 4000, wide: true }),
    ],
  },
  {
    id: 8, key: 'clue', title: '巡视巡察、信访、案件监督管理等移交的问题线索和处置情况', short: '问题线索处置',
    dateField: 'receivedOn',
    fields: [
      f('receivedOn', 'received_on', '受理日期', 'date', { required: true }),
      f('source', 'source', '线索来源', 'enum', { required: true, options: opts(['inspection', '巡视'], ['patrol', '巡察'], ['petition', '信访举报'], ['case_supervision', '案件监督管理'], ['audit', '审计'], ['other', '其他']) }),
      f('clueNo', 'clue_no', '线索编号', 'text', { max: 60 }),
      f('summary', 'summary', '反映的主要问题', 'longtext', { required: true, max: 4000, wide: true }),
      f('disposalMode', 'disposal_mode', '处置方式', 'enum', { required: true, options: opts(['talk_inquiry', '谈话函询'], ['verification', '初步核实'], ['held', '暂存待查'], ['closed', '予以了结'], ['investigation', '立案审查调查']) }),
      f('disposedOn', 'disposed_on', '处置日期', 'date'),
      f('handlingStatus', 'handling_status', '办理状态', 'enum', { required: true, options: opts(['open', '办理中'], ['closed', '已办结']) }),
      f('result', 'result', '处置结果', 'longtext', { max: 4000, wide: true }),
      // The day a closed clue was closed: before it the clue reads 办理中 at an as-of date (docs/warnings.md#closing-dates).
      f('closedOn', 'closed_on', '办结日期', 'date'),
    ],
  },
  {
    id: 9, key: 'inquiryMaterial', title: '谈话函询、初步核实、审查调查等形成的材料', short: '谈话函询等材料',
    dateField: 'formedOn',
    fields: [
      f('formedOn', 'formed_on', '形成日期', 'date', { required: true }),
      f('procedure', 'procedure', '环节', 'enum', { required: true, options: opts(['talk_inquiry', '谈话函询'], ['verification', '初步核实'], ['investigation', '审查调查'], ['other', '其他']) }),
      f('materialKind', 'material_kind', '材料类别', 'enum', { required: true, options: opts(['talk_record', '谈话记录'], ['inquiry_letter', '函询通知及回复'], ['verification_report', '初核报告'], ['investigation_report', '审查调查报告'], ['statement', '说明材料'], ['other', '其他']) }),
      f('title', 'title', '材料名称', 'text', { required: true, max: 200, wide: true }),
      f('summary', 'summary', '主要内容', 'longtext', { max: 4000, wide: true }),
    ],
  },
  {
    id: 10, key: 'sanction', title: '被约谈、提醒谈话、组织处理、问责、党纪政务处分情况', short: '处理处分',
    dateField: 'decidedOn',
    fields: [
      f('kind', 'kind', '类别', 'enum', { required: true, options: SANCTION_KINDS }),
      f('measure', 'measure', '处理（处分）种类', 'enum', { required: true, options: SANCTION_MEASURES }),
      f('form', 'form', '四种形态', 'enum', { required: true, derived: true, options: FORMS }),
      f('decidedOn', 'decided_on', '决定日期', 'date', { required: true }),
      f('effectiveOn', 'effective_on', '生效日期', 'date'),
      f('issuingBody', 'issuing_body', '决定机关', 'text', { required: true, max: 200 }),
      f('documentNo', 'document_no', '文号', 'text', { max: 100 }),
      f('influenceMonths', 'influence_months', '影响期（月）', 'int'),
      f('facts', 'facts', '主要事实', 'longtext', { required: true, max: 4000, wide: true }),
    ],
  },
  {
    id: 11, key: 'conduct', title: '八小时外生活作风情况', short: '八小时外',
    dateField: 'recordedOn',
    fields: [
      f('recordedOn', 'recorded_on', '了解日期', 'date', { required: true }),
      f('source', 'source', '了解途径', 'enum', { required: true, options: opts(['home_visit', '家访'], ['community_visit', '社区走访'], ['public_report', '群众反映'], ['self_report', '个人报告'], ['supervision', '日常监督'], ['other', '其他']) }),
      f('finding', 'finding', '结论', 'enum', { required: true, options: opts(['none', '未发现问题'], ['found', '发现问题']) }),
      f('matter', 'matter', '具体情况', 'longtext', { required: true, max: 4000, wide: true }),
      f('handling', 'handling', '处理情况', 'longtext', { max: 4000, wide: true }),
    ],
  },
  {
    id: 12, key: 'otherMaterial', title: '反映廉政情况的其他材料', short: '其他材料',
    dateField: 'recordedOn',
    fields: [
      f('recordedOn', 'recorded_on', '日期', 'date', { required: true }),
      f('title', 'title', '材料名称', 'text', { required: true, max: 200, wide: true }),
      f('issuer', 'issuer', '出具单位', 'text', { max: 200 }),
      f('summary', 'summary', '主要内容', 'longtext', { max: 4000, wide: true }),
    ],
  },
];

/** Names the ArchiveRecord interface itself uses: a category field may not take one (it would shadow it). */
export const ENVELOPE_FIELDS = [
  'id', 'category', 'categoryTitle', 'status', 'statusLabel', 'returnReason', 'version', 'enteredBy', 'enteredAt', 'reviewedBy',
  'reviewedAt', 'updatedBy', 'updatedAt', 'deleted', 'deletedAt', 'deletedBy', 'cadre', 'materials', 'history',
] as const;

export const categoryById = new Map(CATEGORIES.map((c) => [c.id, c]));
export const categoryTable = (c: CategorySpec) => `record_${c.key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}`;

/**
 * 四种形态 of a measure when the record does not say (docs/domain.md#the-four-forms-四种形态); 第四种形态 is always
 * stated explicitly.
 */
const FORM_BY_MEASURE: Record<string, string> = {
  谈话提醒: '第一种形态', 批评教育: '第一种形态', 责令检查: '第一种形态', 责令作出书面检查: '第一种形态', 诫勉: '第一种形态', 通报批评: '第一种形态',
  警告: '第二种形态', 严重警告: '第二种形态', 记过: '第二种形态', 记大过: '第二种形态', 降级: '第二种形态',
  停职检查: '第二种形态', 调整职务: '第二种形态', 责令辞职: '第二种形态', 免职: '第二种形态',
  撤销党内职务: '第三种形态', 留党察看: '第三种形态', 开除党籍: '第三种形态', 撤职: '第三种形态', 开除: '第三种形态', 降职: '第三种形态',
  其他: '第一种形态',
};
export const formOfMeasure = (measure: string) => FORM_BY_MEASURE[measure] ?? '第一种形态';

export const STATUS_LABELS: Record<string, string> = { pending: '待审核', accepted: '已审核', returned: '已退回' };

// ---------- Enum codes: the one mapping between stored codes and shown labels ----------

/** The code_label domain of an enum field: `<category key>.<field name>` (e.g. sanction.measure). */
export const codeDomain = (cat: CategorySpec, fd: FieldSpec) => `${cat.key}.${fd.name}`;

/** The option a value names, by its label or by its code (labels first: no label is another option's code). */
export function enumOption(fd: FieldSpec, value: string): EnumOption | undefined {
  return fd.options?.find((o) => o.label === value) ?? fd.options?.find((o) => o.code === value);
}

/**
 * A closing date (docs/warnings.md#closing-dates) — 办结日期 of a clue, 结清日期 of a loan — belongs only to a closed
 * clue / settled loan and is not before the record's own date (the record commands refuse it in Chinese; the table's
 * check is the floor: migration 0034). Keyed by category key; `closed` is the status code.
 */
export const CLOSING_DATES: Record<string, { date: string; status: string; closed: string; from: string; what: string; state: string }> = {
  clue: { date: 'closedOn', status: 'handlingStatus', closed: 'closed', from: 'receivedOn', what: '办结日期', state: '已办结' },
  lending: { date: 'settledOn', status: 'repayStatus', closed: 'settled', from: 'occurredOn', what: '结清日期', state: '已结清' },
};
