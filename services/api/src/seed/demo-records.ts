// Demo archive records: every tenant's staff have records in all twelve categories
// (docs/domain.md#the-twelve-categories), told in that body's own words — its streets, firms, hotels, issuing bodies and people — so no two
// tenants share a record. Handlings spread over the four forms (四种形态), some still inside their influence period
// in 2026 (the warnings have something to show), and records the filler entered are pending or returned.
// The first cadre of a tenant sits in the filler's unit and holds an accepted gift and a pending celebration.
import type { Tx } from '../db/scope.js';
import { categoryById, formOfMeasure } from '../modules/records/categories.js';
import { addRevision, insertRecord, setMaterials, updateEnvelope, type FieldValues } from '../modules/records/repo.js';
import { flatUnits, intIn, makeDemo, pickOf, rng, type DemoCadre, type DemoTenant, type Rng } from './demo-data.js';

export interface DemoRecord {
  cadre: number; category: number; status: 'accepted' | 'pending' | 'returned'; fields: FieldValues; returnReason?: string;
  materials?: { name: string; formedOn: string; pages: number }[];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A date between two months (inclusive), as YYYY-MM-DD. */
function dateIn(r: Rng, from: string, to: string): string {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  const months = (ty - fy) * 12 + (tm - fm);
  const k = intIn(r, 0, months);
  const y = fy + Math.floor((fm - 1 + k) / 12);
  const m = ((fm - 1 + k) % 12) + 1;
  return `${y}-${pad(m)}-${pad(intIn(r, 1, 28))}`;
}
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const money = (n: number) => n.toFixed(2);

/** The body's short name for document numbers (纪发〔2026〕…) and its issuing bodies. */
function bodyOf(t: DemoTenant) {
  const short: Record<string, string> = {
    yn: '云纪', km: '昆纪', 'km-wh': '五纪', 'km-pl': '盘纪', 'km-gd': '官纪', 'km-pz-jy': '昆纪驻教', 'km-pz-wj': '昆纪驻卫',
    'km-xc': '昆巡', 'km-qy-ct': '城投纪', 'km-qy-gj': '公交纪', 'km-gx-kmxy': '昆院纪',
  };
  const discipline = t.kind === 'county_commission' ? t.name : t.kind === 'province_commission' ? '云南省纪委监委' : t.kind === 'city_commission' ? '昆明市纪委监委'
    : t.kind === 'supervision_team' || t.kind === 'inspection_office' ? '昆明市纪委监委' : t.name;
  const organisation = t.kind === 'county_commission' ? `中共${t.name.slice(0, 3)}委组织部` : t.code === 'yn' ? '中共云南省委组织部'
    : t.kind === 'enterprise_discipline' ? `${t.prefix}党委组织部` : t.kind === 'university_discipline' ? '中共昆明学院委员会组织部' : '中共昆明市委组织部';
  const account = t.kind === 'county_commission' || t.kind === 'city_commission' || t.kind === 'province_commission' ? `${t.name}廉政账户` : `${t.name}指定账户`;
  return { short: short[t.code] ?? '纪', discipline, organisation, account };
}

const GOODS: [string, number, number][] = [['普洱茶两饼', 600, 1800], ['白酒两瓶', 800, 3000], ['购物卡一张', 1000, 5000], ['鲜花饼礼盒四盒', 200, 600], ['三七粉两罐', 500, 1600], ['野生菌干货礼盒', 400, 1500]];
const GIVER_TITLES = ['总经理', '项目经理', '销售经理', '负责人', '法定代表人'];
const RELATIONS = ['同学', '表兄', '大学同学', '同乡', '朋友', '妻弟'];

/** The records of one tenant, from its people and a seed. */
export function makeRecords(t: DemoTenant, cadres: DemoCadre[], seed: number): DemoRecord[] {
  const r = rng(seed);
  const pick = pickOf(r);
  const units = flatUnits(t);
  const b = bodyOf(t);
  const local = t.local;
  const out: DemoRecord[] = [];
  // The filler's reach: the first top-level unit and the units beneath it.
  const reach = new Set<number>([0]);
  for (const [i, u] of units.entries()) if (u.parent !== null && reach.has(u.parent)) reach.add(i);
  const inReach = cadres.map((c, i) => (reach.has(c.unit) ? i : -1)).filter((i) => i >= 0);
  const unitOf = (i: number) => units[cadres[i].unit].unit.name;
  const person = () => pick([...'王李张刘陈杨赵黄周吴徐孙朱高林何郭马罗梁']) + pick(['某', '某某']);
  const order = [...cadres.keys()];
  for (let i = order.length - 1; i > 1; i--) {
    const j = 1 + Math.floor(r() * i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  let next = 0;
  /** Another cadre (not the first), in a shuffled order so every category reaches different people. */
  const someone = () => order[1 + (next++ % (order.length - 1))];
  let docSeq = intIn(r, 3, 20);
  const doc = (year: string, kind = '') => `${b.short}${kind}〔${year}〕${docSeq += intIn(r, 1, 9)}号`;

  const gift = (i: number, status: DemoRecord['status'], on?: string): DemoRecord => {
    const occurredOn = on ?? dateIn(r, '2023-01', '2026-10');
    const kind = pick(['礼金', '礼品', '礼品', '会员卡（消费卡）']);
    const [what, lo, hi] = kind === '礼金' ? ['现金红包一个', 500, 5000] as const : kind === '会员卡（消费卡）' ? ['商场购物卡两张', 1000, 4000] as const : pick(GOODS);
    const amount = Math.round(intIn(r, lo, hi) / 100) * 100;
    const handling = pick(['上交组织', '上交组织', '当场拒收', '事后退还']);
    const handedOn = handling === '当场拒收' ? null : addDays(occurredOn, intIn(r, 1, 5));
    const firm = pick(local.firms);
    return {
      cadre: i, category: 2, status,
      fields: {
        occurredOn, giver: person(), giverUnit: `${firm}${pick(GIVER_TITLES)}`, giftKind: kind, description: what, amount: money(amount), handling,
        handedTo: handling === '上交组织' ? b.account : handling === '事后退还' ? '送礼人本人' : null, handedOn,
        receiptNo: handling === '上交组织' ? `${b.short}廉${occurredOn.slice(0, 4)}-${pad(intIn(r, 1, 99))}` : null,
        remarks: `${firm}人员在${pick(local.places)}以${pick(['节日看望', '感谢帮助', '工作联系'])}为由所送，${cadres[i].name}${handling === '当场拒收' ? '当场拒收' : '及时登记处理'}。`,
      },
      materials: handling === '上交组织' ? [{ name: '上交礼金礼品登记表', formedOn: handedOn!, pages: 1 }, { name: `${b.account}收款凭证`, formedOn: handedOn!, pages: 1 }] : [],
    };
  };

  const celebration = (i: number, status: DemoRecord['status'], pending = false): DemoRecord => {
    const c = cadres[i];
    const age = 2026 - Number(c.birthMonth.slice(0, 4));
    const kind = pending ? (age < 32 ? '本人婚礼' : '子女婚礼') : pick(age < 32 ? ['本人婚礼', '乔迁'] : age > 48 ? ['子女婚礼', '丧事', '子女婚礼'] : ['丧事', '子女升学', '乔迁']);
    const heldOn = pending ? dateIn(r, '2026-10', '2026-12') : dateIn(r, '2022-03', '2026-09');
    const tables = kind === '丧事' ? intIn(r, 5, 10) : kind === '子女升学' || kind === '乔迁' ? intIn(r, 2, 5) : intIn(r, 8, 16);
    const hotel = pick(local.hotels);
    const relatives = kind === '本人婚礼' || kind === '子女婚礼';
    return {
      cadre: i, category: 3, status,
      fields: {
        heldOn, eventKind: kind, venue: hotel, tables, guests: tables * 10 - intIn(r, 0, 6), giftsTotal: relatives ? money(intIn(r, 40, 260) * 100) : '0.00',
        reportedBefore: true, reportedOn: addDays(heldOn, -intIn(r, 10, 25)),
        afterReport: pending ? null : `${c.name}在${hotel}举办，${tables}桌，宾客限于亲属和${pick(['同学', '老家亲友', '同事'])}，${relatives ? '所收礼金均来自亲属' : '未收受礼金'}，未邀请管理服务对象，未使用公车。`,
        remarks: null,
      },
      materials: [{ name: '操办婚丧喜庆事宜报告表', formedOn: addDays(heldOn, -intIn(r, 10, 25)), pages: 1 }],
    };
  };

  // 1 个人有关事项报告: the annual report for most, a check for some.
  const reporters = cadres.map((_, i) => i).filter((i) => i === 0 || r() < 0.3);
  for (const i of reporters) {
    const year = pick([2024, 2025, 2025]);
    const check = r() < 0.3 ? pick(['随机抽查', '重点抽查', '提拔前查核']) : '未查核';
    const result = check === '未查核' ? null : pick(['一致', '一致', '如实报告', '漏报']);
    out.push({
      cadre: i, category: 1, status: 'accepted',
      fields: {
        reportYear: year, reportType: '年度集中报告', reportedOn: `${year + 1}-${pad(intIn(r, 1, 3))}-${pad(intIn(r, 5, 28))}`, checkMethod: check, checkResult: result,
        handling: result === '漏报' ? `${cadres[i].name}漏报其配偶在${pick(local.firms)}的投资${intIn(r, 2, 30)}万元，经核实属认识偏差，已补报，给予批评教育。` : null,
        remarks: null,
      },
      materials: [{ name: `${year}年度领导干部个人有关事项报告表`, formedOn: `${year + 1}-01-15`, pages: intIn(r, 6, 14) }],
    });
  }

  // 2 and 3: the first cadre's accepted gift and pending celebration, then others'.
  out.push(gift(0, 'accepted'));
  out.push(celebration(0, 'pending', true));
  for (let k = 0; k < 3; k++) out.push(gift(someone(), 'accepted'));
  for (let k = 0; k < 2; k++) out.push(celebration(someone(), 'accepted'));
  // One entered by the filler and returned with a reason.
  if (inReach.length > 1) {
    const g = gift(inReach[1], 'returned');
    out.push({ ...g, returnReason: '金额与上交登记表不一致，请核对后重新填报' });
  }

  // 4 民间借贷
  for (let k = 0; k < 2; k++) {
    const i = someone();
    const on = dateIn(r, '2020-06', '2026-06');
    const lend = r() < 0.6;
    const status = pick(['已结清', '未结清', '未结清', '逾期']);
    const rate = pick(['0.00', '0.00', '3.85', '4.35']);
    out.push({
      cadre: i, category: 4, status: 'accepted',
      fields: {
        occurredOn: on, direction: lend ? '出借' : '借入', counterparty: person().replace('某', pick(['建', '志', '丽', '国'])), relation: pick(RELATIONS),
        amount: money(intIn(r, 2, 30) * 10_000), annualRate: rate, dueOn: addDays(on, 365 * intIn(r, 1, 3)), repayStatus: status,
        purpose: lend ? pick(['亲属购房首付', '亲属就医', '同学经营周转']) : pick(['购房首付', '子女留学费用', '装修住房']),
        remarks: `${cadres[i].name}${lend ? '出借' : '借入'}款项经${pick(local.places)}${pick(['银行转账', '手机银行转账'])}，签有借条，${rate === '0.00' ? '未约定利息' : `约定年利率${rate}%`}，${status === '逾期' ? '对方逾期未还，已报告' : '已按规定报告'}。`,
      },
    });
  }

  // 5 民主生活会 / 组织生活会
  for (let k = 0; k < 3; k++) {
    const i = k === 0 ? 0 : someone();
    const year = pick([2023, 2024, 2025]);
    const leader = cadres[i].rank?.includes('职') || /书记|组长|主任|部长/.test(cadres[i].position);
    const kind = leader ? pick(['民主生活会', '专题民主生活会']) : '组织生活会';
    out.push({
      cadre: i, category: 5, status: 'accepted',
      fields: {
        heldOn: `${year + 1}-${pad(intIn(r, 1, 2))}-${pad(intIn(r, 5, 28))}`, meetingKind: kind, organiser: leader ? t.name : `${t.prefix}${unitOf(i)}党支部`,
        theme: `${t.prefix}${leader ? '' : unitOf(i)}${year}年度${kind}（${pick(['深入学习贯彻党的二十届三中全会精神', '加强党的纪律建设', '以案促改、以案促治', '严守纪律规矩、加强作风建设'])}）`,
        selfCriticism: `${cadres[i].name}对照检查：${pick(['调查研究不够深入，到' + pick(local.places) + '等基层一线次数偏少', '运用纪法思维解决问题能力不足', '对分管领域廉政风险点排查不够细'])}。`,
        criticismReceived: `对${cadres[i].name}同志：${pick(['希望在案件质量上再下功夫', '建议加强对年轻干部的传帮带', '对' + pick(local.places) + '等重点区域的监督要再压实'])}。`,
        rectification: `${cadres[i].name}已制定整改清单${intIn(r, 3, 8)}项，截至${year + 1}年${intIn(r, 6, 11)}月已完成${intIn(r, 2, 3)}项，其余持续推进。`,
      },
    });
  }

  // 6 年度考核: most people, 2024 and 2025.
  for (const [i, c] of cadres.entries()) {
    if (i !== 0 && r() < 0.65) continue;
    const year = i % 2 ? 2024 : 2025;
    const grade = r() < 0.2 ? '优秀' : r() < 0.04 ? '基本称职' : '称职';
    out.push({
      cadre: i, category: 6, status: 'accepted',
      fields: {
        year, grade, assessedOn: `${year + 1}-01-${pad(intIn(r, 10, 28))}`, integrityScore: money(intIn(r, 860, 990) / 10), overallScore: money(intIn(r, 820, 980) / 10),
        evaluation: `${c.name}${year}年度${grade === '优秀' ? '工作实绩突出，' : grade === '基本称职' ? '工作主动性不足，' : ''}${pick(['政治立场坚定', '严守纪律规矩', '廉洁自律意识强'])}，民主测评廉洁自律满意率${intIn(r, 88, 100)}%。`,
      },
    });
  }

  // 8 问题线索, 9 谈话函询等材料: a clue per disposal mode, materials for those talked to or verified.
  const modes = ['谈话函询', '初步核实', '暂存待查', '予以了结'] as const;
  const clueCadres: { i: number; mode: string; on: string; open: boolean }[] = [];
  for (const [k, mode] of modes.entries()) {
    const i = k === 0 ? 0 : someone();
    const on = k === 1 ? dateIn(r, '2026-07', '2026-10') : dateIn(r, '2022-01', '2025-12');
    const open = k === 1 || (k === 2 && r() < 0.5);
    const source = pick(['信访举报', '巡察', '案件监督管理', '审计', '巡视']);
    const place = pick(local.places);
    const firm = pick(local.firms);
    clueCadres.push({ i, mode, on, open });
    out.push({
      cadre: i, category: 8, status: 'accepted',
      fields: {
        receivedOn: on, source, clueNo: `${b.short}线〔${on.slice(0, 4)}〕${intIn(r, 10, 240)}号`,
        summary: pick([
          `反映${cadres[i].name}在${place}${pick(['监督检查', '走访'])}期间接受${firm}安排的宴请。`,
          `反映${cadres[i].name}的亲属在${firm}承揽业务，本人打过招呼。`,
          `反映${cadres[i].name}在处置${place}一件信访件时态度生硬、推诿拖延。`,
        ]),
        disposalMode: mode, disposedOn: open && mode === '初步核实' ? null : addDays(on, intIn(r, 10, 40)), handlingStatus: open ? '办理中' : '已办结',
        result: open ? null : mode === '谈话函询' ? `经函询，${cadres[i].name}如实说明，反映问题不属实，予以采信了结。`
          : mode === '予以了结' ? `反映${cadres[i].name}的问题内容笼统、无可查性，经集体研究予以了结。`
          : `${cadres[i].name}的问题线索暂存待查，待${place}相关事项查清后再行处置。`,
      },
      materials: [{ name: '问题线索处置审批表', formedOn: addDays(on, 5), pages: 2 }],
    });
  }
  for (const cc of clueCadres.filter((x) => x.mode === '谈话函询' || x.mode === '初步核实')) {
    const name = cadres[cc.i].name;
    const inquiry = cc.mode === '谈话函询';
    out.push({
      cadre: cc.i, category: 9, status: 'accepted',
      fields: {
        formedOn: addDays(cc.on, intIn(r, 8, 20)), procedure: cc.mode, materialKind: inquiry ? '函询通知及回复' : '初核报告',
        title: inquiry ? `关于${name}同志有关问题的函询及本人说明` : `关于${name}同志有关问题的初步核实情况报告（阶段）`,
        summary: inquiry ? `${name}按期书面说明，附${pick(local.firms)}出具的相关票据复印件。` : `核查组调取${pick(local.places)}相关账目，已询问证人${intIn(r, 2, 6)}人，核实工作仍在进行。`,
      },
      materials: [{ name: inquiry ? '函询通知书' : '初核工作方案', formedOn: addDays(cc.on, 6), pages: intIn(r, 2, 8) }],
    });
  }

  // 10 处理处分: the four forms, some still inside their influence period in 2026.
  const ti = Number(seed % 97);
  const plan: [kind: string, measure: string, from: string, to: string][] = [
    ['提醒谈话', '谈话提醒', '2023-01', '2026-10'],
    ['诫勉', '诫勉', '2026-06', '2026-10'],
    [pick(['党纪处分', '政务处分']), '', '2025-06', '2026-09'],
    ['组织处理', '调整职务', '2021-03', '2023-12'],
  ];
  plan[2][1] = plan[2][0] === '党纪处分' ? pick(['警告', '严重警告']) : pick(['警告', '记过']);
  if (ti % 2 === 0) plan.push(['党纪处分', '撤销党内职务', '2022-01', '2025-06']);
  if (t.kind === 'county_commission' || t.kind === 'city_commission') plan.push(['党纪处分', '开除党籍', '2021-01', '2024-12']);
  for (const [kind, measure, from, to] of plan) {
    const i = someone();
    const decidedOn = dateIn(r, from, to);
    const form = measure === '开除党籍' ? '第四种形态' : formOfMeasure(measure);
    const place = pick(local.places);
    const facts: Record<string, string> = {
      谈话提醒: `在${place}开展监督检查时工作作风不够扎实，${pick(['办理信访件超期', '调查笔录不规范'])}。`,
      诫勉: `参加${pick(local.firms)}组织的${pick(['聚餐', '联谊活动'])}，违反廉洁纪律，情节较轻。`,
      警告: `违规接受${pick(local.firms)}安排的宴请${intIn(r, 2, 5)}次，在${pick(local.hotels)}用餐。`,
      严重警告: `违规收受${pick(local.firms)}所送购物卡共计${intIn(r, 8, 30) * 1000}元。`,
      记过: `在${place}违规操办子女升学宴并收受管理服务对象礼金。`,
      调整职务: `工作失职，对${place}一起信访问题处置不当，造成不良影响。`,
      撤销党内职务: `违规为${pick(local.firms)}承揽业务提供帮助，收受财物${intIn(r, 3, 12)}万元。`,
      开除党籍: `利用职务便利为${pick(local.firms)}谋取利益，收受财物${intIn(r, 40, 160)}万元，涉嫌受贿犯罪，移送检察机关依法审查起诉。`,
    };
    const state = t.kind === 'county_commission' ? t.name.replace('纪委监委', '监委') : t.code === 'yn' ? '云南省监委' : '昆明市监委';
    const body = measure === '调整职务' ? b.organisation.replace(/组织部$/, '') : kind === '政务处分' ? state : b.discipline;
    out.push({
      cadre: i, category: 10, status: 'accepted',
      fields: {
        kind, measure, form, decidedOn, effectiveOn: decidedOn, issuingBody: body,
        documentNo: kind === '提醒谈话' ? null : doc(decidedOn.slice(0, 4), kind === '组织处理' ? '组' : '发'), influenceMonths: null,
        facts: `${cadres[i].name}${facts[measure]}`,
      },
      materials: kind === '提醒谈话' ? [{ name: '谈话提醒记录', formedOn: decidedOn, pages: 2 }] : [{ name: `${measure}决定书`, formedOn: decidedOn, pages: intIn(r, 2, 5) }],
    });
    if (measure === '开除党籍') cadres[i].status = '其他';
  }

  // 7 廉政意见回复: mostly no objection; one deferred (an open clue), one refused (inside an influence period).
  const inside = out.filter((x) => x.category === 10 && ['诫勉', '警告', '严重警告', '记过'].includes(String(x.fields.measure))).map((x) => x.cadre)[0];
  const openClue = clueCadres.find((x) => x.open)?.i;
  const replies: [number, string][] = [[0, '不持异议'], [someone(), '不持异议'], [someone(), '不持异议']];
  if (openClue !== undefined) replies.push([openClue, '建议暂缓']);
  if (inside !== undefined) replies.push([inside, '不宜作为拟任人选']);
  for (const [i, conclusion] of replies) {
    const on = conclusion === '建议暂缓' ? '2026-11-10' : conclusion === '不宜作为拟任人选' ? '2026-11-18' : dateIn(r, '2023-03', '2026-10');
    const purpose = pick(['选拔任用', '职级晋升', '评先评优', '表彰奖励', '交流任职']);
    out.push({
      cadre: i, category: 7, status: 'accepted',
      fields: {
        repliedOn: on, requester: b.organisation, purpose, documentNo: doc(on.slice(0, 4), '廉复'), conclusion,
        content: conclusion === '不持异议' ? `经查阅${t.name}廉政档案，未发现${cadres[i].name}同志有违反廉洁纪律问题，对其${purpose}不持异议。`
          : conclusion === '建议暂缓' ? `${cadres[i].name}同志有反映问题线索正在办理，建议暂缓其${purpose}，待办结后另行回复。`
          : `${cadres[i].name}同志受处理处分尚在影响期内，不宜作为拟${purpose}人选。`,
      },
    });
  }

  // 11 八小时外
  for (let k = 0; k < 3; k++) {
    const i = k === 0 && inReach.length > 2 ? inReach[2] : someone();
    const found = k === 2;
    const place = pick(local.places);
    out.push({
      cadre: i, category: 11, status: k === 0 && inReach.length > 2 ? 'pending' : 'accepted',
      fields: {
        recordedOn: dateIn(r, '2024-01', '2026-10'), source: found ? '群众反映' : pick(['家访', '社区走访', '日常监督']), finding: found ? '发现问题' : '未发现问题',
        matter: found ? `有群众反映${cadres[i].name}工作日晚间多次在${place}一处茶室打牌，经了解属实，未涉及赌博。` : `到${place}${pick(['社区', '居住小区'])}走访，邻里反映${cadres[i].name}${pick(['生活简朴', '家风正派', '热心社区事务'])}，无不良嗜好。`,
        handling: found ? `已对${cadres[i].name}进行提醒谈话，本人作出书面说明。` : null,
      },
    });
  }

  // 12 其他材料
  for (let k = 0; k < 2; k++) {
    const i = k === 0 ? 0 : someone();
    const year = pick([2024, 2025, 2026]);
    const kind = pick(['廉洁承诺书', '家庭助廉承诺书', '述责述廉报告']);
    out.push({
      cadre: i, category: 12, status: 'accepted',
      fields: {
        recordedOn: `${year}-${pad(intIn(r, 1, 6))}-${pad(intIn(r, 1, 28))}`, title: `${cadres[i].name}同志${year}年度${kind}`, issuer: t.name,
        summary: `${cadres[i].name}于${year}年签订${kind}，承诺${pick(['不利用职务影响为亲属经商办企业提供便利', '不接受' + pick(local.firms) + '等管理服务对象宴请', '管好配偶子女和身边工作人员'])}。`,
      },
      materials: [{ name: kind, formedOn: `${year}-01-10`, pages: intIn(r, 1, 3) }],
    });
  }
  out.push(...warningShowcase(t, cadres, seed, out, order.slice(1)));
  return out;
}

/**
 * Records that give every demo body a cadre of each warning colour as of December 2026 (docs/warnings.md#demo), with
 * dates on a fixed scheme and a generator of their own (the records above stay as they were): an open case (立案审查
 * 调查, 办理中) and a 留党察看 in its default 36 months (红), a 记大过 in its 18 months (橙), a 谈话提醒 within 12 months
 * (黄), an open 谈话函询 (蓝). The 橙, 黄 and 蓝 cadres have no other clue or handling, so that colour is their highest.
 */
function warningShowcase(t: DemoTenant, cadres: DemoCadre[], seed: number, before: DemoRecord[], order: number[]): DemoRecord[] {
  const w = rng(seed ^ 0x2b1d);
  const pick = pickOf(w);
  const local = t.local;
  const b = bodyOf(t);
  const used = new Set(before.filter((x) => x.category === 8 || x.category === 10).map((x) => x.cadre));
  const free = order.filter((i) => !used.has(i));
  // When the body is small, the red records go to someone with a lighter handling already on file.
  const lighter = before.filter((x) => x.category === 10 && ['第一种形态', '第二种形态'].includes(String(x.fields.form))).map((x) => x.cadre);
  const take = (lightOk: boolean) => free.shift() ?? (lightOk ? lighter.shift() : undefined) ?? order[0];
  const [blue, yellow, orange] = [take(false), take(false), take(false)];
  const [caseOf, probationOf] = [take(true), take(true)];
  let seq = intIn(w, 300, 400);
  const docNo = (year: string) => `${b.short}发〔${year}〕${seq += intIn(w, 1, 9)}号`;
  const state = t.kind === 'county_commission' ? t.name.replace('纪委监委', '监委') : t.code === 'yn' ? '云南省监委' : '昆明市监委';
  const out: DemoRecord[] = [];
  const clue = (i: number, mode: string, on: string, summary: string): DemoRecord => ({
    cadre: i, category: 8, status: 'accepted',
    fields: {
      receivedOn: on, source: pick(['信访举报', '案件监督管理', '巡察']), clueNo: `${b.short}线〔${on.slice(0, 4)}〕${intIn(w, 250, 400)}号`, summary,
      disposalMode: mode, disposedOn: addDays(on, intIn(w, 5, 12)), handlingStatus: '办理中', result: null,
    },
    materials: [{ name: '问题线索处置审批表', formedOn: addDays(on, 3), pages: 2 }],
  });
  const sanction = (i: number, kind: string, measure: string, decidedOn: string, body: string, facts: string): DemoRecord => ({
    cadre: i, category: 10, status: 'accepted',
    fields: {
      kind, measure, form: formOfMeasure(measure), decidedOn, effectiveOn: decidedOn, issuingBody: body,
      documentNo: kind === '提醒谈话' ? null : docNo(decidedOn.slice(0, 4)), influenceMonths: null, facts,
    },
    materials: [{ name: kind === '提醒谈话' ? '谈话提醒记录' : `${measure}决定书`, formedOn: decidedOn, pages: intIn(w, 2, 4) }],
  });
  const name = (i: number) => cadres[i].name;
  out.push(clue(blue, '谈话函询', dateIn(w, '2026-09', '2026-11'),
    `反映${name(blue)}在${pick(local.places)}督办项目期间与${pick(local.firms)}负责人往来密切、多次共同出游。`));
  out.push(sanction(yellow, '提醒谈话', '谈话提醒', dateIn(w, '2026-03', '2026-10'), b.discipline,
    `${name(yellow)}在${pick(local.places)}接访时${pick(['答复群众诉求不及时', '未按规定登记来访事项'])}，进行提醒谈话。`));
  out.push(sanction(orange, '政务处分', '记大过', dateIn(w, '2026-01', '2026-08'), state,
    `${name(orange)}违规使用公务用车接送亲属往返${pick(local.places)}，并在${pick(local.hotels)}公款报销个人消费。`));
  out.push(clue(caseOf, '立案审查调查', dateIn(w, '2026-08', '2026-11'),
    `反映${name(caseOf)}利用职务便利为${pick(local.firms)}承揽${pick(local.places)}工程提供帮助并收受财物，经初步核实后立案审查调查。`));
  out.push(sanction(probationOf, '党纪处分', '留党察看', dateIn(w, '2024-03', '2025-10'), b.discipline,
    `${name(probationOf)}违规在${pick(local.firms)}持有股份并长期领取分红，情节严重，给予留党察看一年处分。`));
  return out;
}

export async function seedDemoRecords(
  trx: Tx, tenantId: string, cadreIds: string[], officer: { id: string; name: string }, filler: { id: string; name: string }, records: DemoRecord[],
) {
  for (const rec of records) {
    const cadreId = cadreIds[rec.cadre];
    if (!cadreId) continue;
    const who = rec.status === 'accepted' ? officer : filler;
    const recordId = await insertRecord(trx, {
      tenantId, cadreId, category: categoryById.get(rec.category)!, status: rec.status === 'returned' ? 'pending' : rec.status, actorId: who.id, actorName: who.name, fields: rec.fields,
    });
    await setMaterials(trx, tenantId, recordId, rec.materials ?? []);
    await addRevision(trx, { tenantId, recordId, version: 1, action: 'create', actorId: who.id, actorName: who.name });
    if (rec.status === 'returned') {
      await updateEnvelope(trx, recordId, 1, { status: 'returned', return_reason: rec.returnReason, reviewed_by: officer.id, reviewed_by_name: officer.name });
      await addRevision(trx, { tenantId, recordId, version: 2, action: 'return', actorId: officer.id, actorName: officer.name, reason: rec.returnReason });
    }
  }
}

export interface DemoSet { tenant: DemoTenant; cadres: DemoCadre[]; records: DemoRecord[] }

/** The whole demo — tenants, people and their records — computed from fixed seeds: equal on every call. */
export function demoSet(): DemoSet[] {
  return makeDemo().map(({ tenant, cadres }, i) => ({ tenant, cadres, records: makeRecords(tenant, cadres, 5000 + i * 104_729) }));
}
