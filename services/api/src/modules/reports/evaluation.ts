// 廉情评价报告 (docs/reports.md): what the report of one cadre says, as pure data — numbered sections, each with
// lines, each line citing where it comes from (the cadre's own fields, an archive record, a warning hit, a
// disposition). Rendering is docx.ts's. Reads run in the caller's scoped transaction (RLS), as of one date:
// - records: accepted and live only (listRecords with status 'accepted'), filed on or before the date;
// - influence periods: only as warnings/influence.ts computes them (read.ts influencePeriods), under the cadre's
//   tenant's scheme;
// - the warning colour and its rules: the hits active on the date (read.ts activeHits/topWarning);
// - dispositions issued on or before the date, with their rectification rounds (dispositions/repo.ts).
import type { Tx } from '../../db/scope.js';
import type { CadreRow } from '../cadres/repo.js';
import { listRecords, type RecordRow } from '../records/repo.js';
import { categoryById } from '../records/categories.js';
import { warningConfigs } from '../warnings/resolve.js';
import { activeHits, dayBefore, formLabel, influencePeriods, topWarning, warningsOf, type InfluenceRow } from '../warnings/read.js';
import { listDispositions, rectificationsOf } from '../dispositions/repo.js';
import { DISPOSITION_STATUS_LABELS } from '../../../../../shared/dispositions.js';
import { chineseDate } from '../../../../../shared/time.js';

/** Where a line comes from: the cadre's fields, one archive record, a warning hit or a disposition. */
export type LineSource =
  | { kind: 'cadre'; fields: string[] }
  | { kind: 'record'; recordId: string; category: number }
  | { kind: 'warning'; ruleCode: string; ruleVersion: number; recordIds: string[] }
  | { kind: 'disposition'; dispositionId: string };

export interface ReportLine { text: string; source: LineSource }
/**
 * A block of a section: an optional sub-heading （一）…, an optional unnumbered lead line, and its lines (numbered
 * 1. 2. … when more than one); a block with neither lead nor lines prints 无相关记录.
 */
export interface ReportBlock { heading: string | null; lead?: ReportLine | null; lines: ReportLine[] }
export interface ReportSection { title: string; blocks: ReportBlock[] }

export interface EvaluationReport {
  cadreId: string;
  cadreName: string;
  /** 关于{姓名}同志廉情报告 (docs/reports.md#title). */
  title: string;
  asOf: string;
  /** The opening paragraph. */
  preamble: string;
  /** Numbered 一、二、… in order. */
  sections: ReportSection[];
  /** The closing: the issuing body (the caller's tenant) and the date. */
  issuer: string;
  date: string;
}

/** The text every empty block prints. */
export const NO_RECORDS = '无相关记录';

/** The most records of a cadre a report reads (an archive holds tens; the cap keeps a report bounded). */
const MAX_RECORDS = 5000;

/** 197604 → 1976年4月. */
const chineseMonth = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(4, 6))}月`;
const money = (v: unknown) => `${String(v)}元`;
/** Join the non-empty parts with '，' and close with '。'. */
const sentence = (...parts: (string | null | undefined | false)[]) => {
  const s = parts.filter((p): p is string => !!p && !!p.trim()).map((p) => p.trim().replace(/[。；，]$/, '')).join('，');
  return s ? `${s}。` : '';
};
const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

/** The date a record is filed under (its category's dateField), or null. */
const filedOn = (r: RecordRow) => text(r.fields[categoryById.get(r.category)!.dateField]);

const recordLine = (r: RecordRow, t: string): ReportLine => ({ text: t, source: { kind: 'record', recordId: r.id, category: r.category } });

// ---------- Section builders (one per heading; docs/reports.md#sections) ----------

function basicInformation(c: CadreRow): ReportLine[] {
  const used: string[] = [];
  const take = (field: string, v: string | null | undefined) => { if (v && v.trim()) { used.push(field); return v.trim(); } return null; };
  const name = take('name', c.name)!;
  const sex = take('sex', c.sex);
  const ethnicity = take('ethnicity', c.ethnicity);
  const birth = c.birth_month && /^\d{6}$/.test(c.birth_month) ? (used.push('birthMonth'), `${chineseMonth(c.birth_month)}生`) : null;
  const native = take('nativePlace', c.native_place);
  // 入党时间 is a month (YYYYMM) or the name of a democratic party (docs/domain.md#the-appointment-form-干部任免审批表).
  const pj = take('partyJoin', c.party_join);
  const party = pj ? (/^\d{6}$/.test(pj) ? `${chineseMonth(pj)}加入中国共产党` : pj) : take('politicalStatus', c.political_status);
  const education = take('education', c.education) ?? take('eduFtLevel', c.edu_ft_level);
  const post = take('position', c.position);
  const unit = take('unit', c.unit_name);
  const rank = take('rank', c.rank);
  const lines: ReportLine[] = [{
    text: sentence(name, sex, ethnicity, birth, native && `${native}人`, party, education && (/学历|毕业|肄业|结业/.test(education) ? education : `${education}学历`),
      unit && post ? `现任${post}（所在单位：${unit}）` : post ? `现任${post}` : unit && `所在单位：${unit}`,
      rank && `职级为${rank}`),
    source: { kind: 'cadre', fields: used },
  }];
  return lines;
}

/** 奖励情况: no archive category holds rewards; the appointment form's 奖惩情况 does (docs/reports.md#rewards). */
function rewards(c: CadreRow): ReportLine[] {
  return (c.rewards ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !/^无[。.]?$/.test(l))
    .map((l) => ({ text: /[。；]$/.test(l) ? l : `${l}。`, source: { kind: 'cadre', fields: ['rewards'] } }));
}

/** 影响期 wording of a category-10 record as of a date (docs/reports.md#influence). */
export function influenceWording(p: InfluenceRow | undefined, asOf: string): string {
  if (!p || p.months === null || p.ends_on === null) return '无影响期';
  const last = dayBefore(p.ends_on);
  if (p.months === 0) return '影响期为 0 个月';
  if (asOf >= p.ends_on) return `影响期 ${p.months} 个月，已于${chineseDate(last)}期满`;
  if (asOf < p.starts_on) return `影响期 ${p.months} 个月，自${chineseDate(p.starts_on)}起算，影响期至${chineseDate(last)}`;
  return `影响期 ${p.months} 个月，影响期至${chineseDate(last)}，截至${chineseDate(asOf)}仍在影响期内`;
}

function sanctions(records: RecordRow[], periods: Map<string, InfluenceRow>, asOf: string): ReportLine[] {
  return records.map((r) => {
    const f = r.fields;
    const p = periods.get(r.id);
    const eff = text(f.effectiveOn);
    return recordLine(r, sentence(
      `${chineseDate(String(f.decidedOn))}，${text(f.issuingBody) ?? '决定机关'}决定给予${text(f.kind) ?? ''}：${text(f.measure) ?? ''}（${text(f.form) ?? (p ? formLabel(p.form) : '')}）`,
      text(f.documentNo) && `文号${f.documentNo}`,
      eff && eff !== f.decidedOn && `${chineseDate(eff)}生效`,
      text(f.facts) && `主要事实：${String(f.facts).trim()}`,
      influenceWording(p, asOf),
    ));
  });
}

const yes = (v: unknown) => (v === true ? '是' : v === false ? '否' : null);

function personalReports(rs: RecordRow[]): ReportLine[] {
  return rs.map((r) => { const f = r.fields; return recordLine(r, sentence(
    `${chineseDate(String(f.reportedOn))}报告${text(f.reportYear) ? `${f.reportYear}年度` : ''}个人有关事项（${text(f.reportType) ?? ''}）`,
    text(f.checkMethod) && `查核方式：${f.checkMethod}`, text(f.checkResult) && `查核结果：${f.checkResult}`,
    text(f.handling) && `处理情况：${f.handling}`,
  )); });
}
function gifts(rs: RecordRow[]): ReportLine[] {
  return rs.map((r) => { const f = r.fields; return recordLine(r, sentence(
    `${chineseDate(String(f.occurredOn))}，${text(f.giver) ?? ''}${text(f.giverUnit) ? `（${f.giverUnit}）` : ''}送${text(f.giftKind) ?? ''}${text(f.description) ? `（${f.description}）` : ''}，价值${money(f.amount)}`,
    `处理方式：${text(f.handling) ?? ''}${text(f.handedTo) ? `，交${f.handedTo}` : ''}${text(f.handedOn) ? `（${chineseDate(String(f.handedOn))}）` : ''}`,
    text(f.receiptNo) && `登记编号${f.receiptNo}`,
  )); });
}
function celebrations(rs: RecordRow[]): ReportLine[] {
  return rs.map((r) => { const f = r.fields; return recordLine(r, sentence(
    `${chineseDate(String(f.heldOn))}操办${text(f.eventKind) ?? ''}${text(f.venue) ? `（${f.venue}）` : ''}`,
    text(f.tables) && `规模${f.tables}桌`, text(f.guests) && `参加${f.guests}人`, text(f.giftsTotal) && `收受礼金${money(f.giftsTotal)}`,
    `事前报告：${yes(f.reportedBefore) ?? '未记载'}${text(f.reportedOn) ? `（${chineseDate(String(f.reportedOn))}）` : ''}`,
    text(f.afterReport) && `事后报告情况：${f.afterReport}`,
  )); });
}
function lendings(rs: RecordRow[]): ReportLine[] {
  return rs.map((r) => { const f = r.fields; return recordLine(r, sentence(
    `${chineseDate(String(f.occurredOn))}${f.direction === '借入' ? '向' : '出借给'}${text(f.counterparty) ?? ''}${text(f.relation) ? `（${f.relation}）` : ''}${f.direction === '借入' ? '借入' : ''}${money(f.amount)}`,
    text(f.annualRate) && `年利率${f.annualRate}%`, text(f.dueOn) && `约定${chineseDate(String(f.dueOn))}还款`,
    `还款状态：${text(f.repayStatus) ?? ''}`, text(f.purpose) && `用途：${f.purpose}`,
  )); });
}
function conduct(rs: RecordRow[]): ReportLine[] {
  return rs.map((r) => { const f = r.fields; return recordLine(r, sentence(
    `${chineseDate(String(f.recordedOn))}通过${text(f.source) ?? ''}了解八小时外生活作风情况，结论：${text(f.finding) ?? ''}`,
    text(f.matter) && `具体情况：${f.matter}`, text(f.handling) && `处理情况：${f.handling}`,
  )); });
}
function meetings(rs: RecordRow[]): ReportLine[] {
  return rs.map((r) => { const f = r.fields; return recordLine(r, sentence(
    `${chineseDate(String(f.heldOn))}参加${text(f.organiser) ?? ''}${text(f.meetingKind) ?? ''}，主题：${text(f.theme) ?? ''}`,
    text(f.criticismReceived) && `他人提出的批评意见：${f.criticismReceived}`,
    text(f.rectification) && `整改措施及落实情况：${f.rectification}`,
  )); });
}
function assessments(rs: RecordRow[]): ReportLine[] {
  return rs.map((r) => { const f = r.fields; return recordLine(r, sentence(
    `${text(f.year) ?? ''}年度考核等次为${text(f.grade) ?? ''}`,
    text(f.integrityScore) && `廉洁自律测评得分${f.integrityScore}`, text(f.overallScore) && `综合测评得分${f.overallScore}`,
    text(f.evaluation) && `评价意见：${f.evaluation}`,
  )); });
}
/** Clues as they stood on the date: one closed after it with its 办结日期 was still 办理中 then (docs/warnings.md#closing-dates). */
function clues(rs: RecordRow[], asOf: string): ReportLine[] {
  return rs.map((r) => {
    const f = r.fields;
    const closedOn = text(f.closedOn);
    const closedLater = !!closedOn && closedOn > asOf;
    return recordLine(r, sentence(
      `${chineseDate(String(f.receivedOn))}受理${text(f.source) ?? ''}移交的问题线索${text(f.clueNo) ? `（编号${f.clueNo}）` : ''}`,
      text(f.summary) && `反映的主要问题：${f.summary}`,
      `处置方式：${text(f.disposalMode) ?? ''}${text(f.disposedOn) ? `（${chineseDate(String(f.disposedOn))}）` : ''}`,
      closedLater ? '办理状态：办理中' : `办理状态：${text(f.handlingStatus) ?? ''}${closedOn ? `（${chineseDate(closedOn)}办结）` : ''}`,
      !closedLater && text(f.result) && `处置结果：${f.result}`,
    ));
  });
}
function materials(rs: RecordRow[]): ReportLine[] {
  return rs.map((r) => { const f = r.fields; return recordLine(r, sentence(
    `${chineseDate(String(f.formedOn))}，${text(f.procedure) ?? ''}环节形成${text(f.materialKind) ?? ''}《${text(f.title) ?? ''}》`,
    text(f.summary) && `主要内容：${f.summary}`,
  )); });
}

// ---------- Assembly ----------

/**
 * The report of one cadre as of a date. `cadre` was found and checked by the caller (the route), in this
 * transaction; `issuer` is the name of the body that issues the report (the caller's tenant).
 */
export async function evaluationReport(trx: Tx, cadre: CadreRow, asOf: string, issuer: string): Promise<EvaluationReport> {
  const key = { tenantId: cadre.tenant_id, cadreId: cadre.id };
  const [records, configs, hits, dispositions] = await Promise.all([
    listRecords(trx, { cadreId: cadre.id, status: 'accepted' }, MAX_RECORDS),
    warningConfigs(trx, [cadre.tenant_id]),
    activeHits(trx, [key], asOf),
    listDispositions(trx, { cadreId: cadre.id }, 200, 0),
  ]);
  const scheme = configs.get(cadre.tenant_id)?.scheme ?? null;
  const periods = new Map((scheme ? await influencePeriods(trx, scheme.influence, { tenantIds: [cadre.tenant_id], cadreIds: [cadre.id] }) : [])
    .map((p) => [p.record_id, p]));

  // Records filed on or before the date, oldest first within each category.
  const byCategory = new Map<number, RecordRow[]>();
  for (const r of records) {
    const d = filedOn(r);
    if (d && d > asOf) continue;
    byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  }
  const of = (cat: number) => [...(byCategory.get(cat) ?? [])].sort((a, b) => (filedOn(a) ?? '').localeCompare(filedOn(b) ?? '') || a.entered_at.getTime() - b.entered_at.getTime());

  // 廉情预警: the colour on the date with the rules that fired it (the lead line), then every active warning.
  const top = topWarning(hits, scheme);
  const colour = (name: string) => (name.endsWith('色') ? name : `${name}色`);
  const all = warningsOf(hits, scheme);
  const warningLead: ReportLine | null = top && {
    text: `截至${chineseDate(asOf)}，预警等级为${colour(top.level.name)}（触发规则：${all.filter((w) => w.level.code === top.level.code).map((w) => `${w.rule.name}，第${w.rule.version}版`).join('；')}）。`,
    source: { kind: 'warning', ruleCode: top.rule.code, ruleVersion: top.rule.version, recordIds: top.recordIds },
  };
  const warningLines: ReportLine[] = all.map((w) => ({
    // A reason names its own end (「…，至 2026-03-09」); an open-ended one has none.
    text: `${colour(w.level.name)}·${w.rule.name}：${w.reasons.join('；')}${w.ends && !w.reasons.some((r) => r.includes(w.ends!)) ? `，预警至${chineseDate(w.ends)}` : ''}。`,
    source: { kind: 'warning', ruleCode: w.rule.code, ruleVersion: w.rule.version, recordIds: w.recordIds },
  }));

  // 预警处置及整改: the cases issued on or before the date, oldest first, with their rounds.
  const cases = dispositions.filter((d) => d.issued_on <= asOf).reverse();
  const rounds = await rectificationsOf(trx, cases.map((d) => d.id));
  const caseLines: ReportLine[] = cases.map((d) => {
    const rs = rounds.get(d.id) ?? [];
    const last = rs.at(-1);
    return {
      text: sentence(
        `${chineseDate(d.issued_on)}，${d.issuer}下发${d.title}（${d.doc_number}），整改期限至${chineseDate(d.due_on)}`,
        rs.length ? `已提交整改情况${rs.length}次` : '尚未提交整改情况',
        last?.decision && `最近一次审核：${last.decision === 'accepted' ? '通过' : '退回'}${last.review_comment ? `（${last.review_comment}）` : ''}`,
        `当前状态：${DISPOSITION_STATUS_LABELS[d.status]}${d.accepted_on ? `（${chineseDate(d.accepted_on)}通过验收）` : ''}`,
      ),
      source: { kind: 'disposition', dispositionId: d.id },
    };
  });

  const sections: ReportSection[] = [
    { title: '基本情况', blocks: [{ heading: null, lines: basicInformation(cadre) }] },
    { title: '奖励情况', blocks: [{ heading: null, lines: rewards(cadre) }] },
    { title: '违纪违法及处分情况', blocks: [{ heading: null, lines: sanctions(of(10), periods, asOf) }] },
    {
      title: '廉洁自律情况',
      blocks: [
        { heading: '个人有关事项报告', lines: personalReports(of(1)) },
        { heading: '拒收或上交礼金、礼品', lines: gifts(of(2)) },
        { heading: '操办婚丧喜庆事宜', lines: celebrations(of(3)) },
        { heading: '参与民间借贷', lines: lendings(of(4)) },
        { heading: '八小时外生活作风', lines: conduct(of(11)) },
      ],
    },
    { title: '参加民主生活会情况', blocks: [{ heading: null, lines: meetings(of(5)) }] },
    { title: '年度考核情况', blocks: [{ heading: null, lines: assessments(of(6)) }] },
    {
      title: '信访举报及问题线索处置情况',
      blocks: [
        { heading: '问题线索及处置', lines: clues(of(8), asOf) },
        { heading: '谈话函询、初步核实、审查调查等形成的材料', lines: materials(of(9)) },
      ],
    },
    {
      title: '廉情预警及整改情况',
      blocks: [
        { heading: '廉情预警', lead: warningLead, lines: warningLines },
        { heading: '预警处置及整改', lines: caseLines },
      ],
    },
  ];

  return {
    cadreId: cadre.id,
    cadreName: cadre.name,
    title: `关于${cadre.name}同志廉情报告`,
    asOf,
    preamble: `根据${cadre.name}同志廉政档案记载及廉情预警、处置情况，截至${chineseDate(asOf)}，现将其廉情情况报告如下。`,
    sections,
    issuer,
    date: asOf,
  };
}
