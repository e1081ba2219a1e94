// Fictitious demo data: the Kunming hierarchy, realistic units and about 300 cadres. Deterministic.
import type { TenantKind } from '../modules/tenants/repo.js';

export interface DemoTenant { code: string; name: string; kind: TenantKind; parent: string | null; units: DemoUnit[]; cadres: number }
export interface DemoUnit { name: string; children?: DemoUnit[] }

const u = (name: string, ...children: string[]): DemoUnit => ({ name, children: children.map((c) => ({ name: c })) });

export const DEMO_TENANTS: DemoTenant[] = [
  { code: 'yn', name: '云南省纪委监委', kind: 'province_commission', parent: null, cadres: 18,
    units: [u('云南省发展和改革委员会'), u('云南省财政厅'), u('云南省交通运输厅')] },
  { code: 'km', name: '昆明市纪委监委', kind: 'city_commission', parent: 'yn', cadres: 40,
    units: [u('昆明市发展和改革委员会'), u('昆明市财政局'), u('昆明市自然资源和规划局'), u('昆明市住房和城乡建设局'), u('昆明市交通运输局')] },
  { code: 'km-wh', name: '五华区纪委监委', kind: 'county_commission', parent: 'km', cadres: 60,
    units: [u('五华区教育体育局', '五华区第一中学', '五华区红旗小学'), u('五华区财政局'), u('五华区卫生健康局'),
      u('五华区住房和城乡建设局'), u('五华区华山街道办事处'), u('五华区龙翔街道办事处')] },
  { code: 'km-pl', name: '盘龙区纪委监委', kind: 'county_commission', parent: 'km', cadres: 50,
    units: [u('盘龙区财政局'), u('盘龙区教育体育局', '盘龙区第二中学'), u('盘龙区市场监督管理局'), u('盘龙区拓东街道办事处'), u('盘龙区鼓楼街道办事处')] },
  { code: 'km-gd', name: '官渡区纪委监委', kind: 'county_commission', parent: 'km', cadres: 42,
    units: [u('官渡区财政局'), u('官渡区自然资源局'), u('官渡区农业农村局'), u('官渡区关上街道办事处'), u('官渡区六甲街道办事处')] },
  { code: 'km-pz-jy', name: '派驻市教育局纪检监察组', kind: 'supervision_team', parent: 'km', cadres: 16,
    units: [u('昆明市教育局机关'), u('昆明市第一中学'), u('昆明市第三中学')] },
  { code: 'km-pz-wj', name: '派驻市卫健委纪检监察组', kind: 'supervision_team', parent: 'km', cadres: 16,
    units: [u('昆明市卫生健康委员会机关'), u('昆明市第一人民医院'), u('昆明市疾病预防控制中心')] },
  { code: 'km-xc', name: '市委巡察办', kind: 'inspection_office', parent: 'km', cadres: 12,
    units: [u('市委巡察办综合科'), u('市委第一巡察组'), u('市委第二巡察组')] },
  { code: 'km-qy-ct', name: '城投集团纪委', kind: 'enterprise_discipline', parent: 'km', cadres: 16,
    units: [u('昆明城市建设投资开发有限责任公司本部', '财务管理部', '工程管理部'), u('昆明城投置业有限公司')] },
  { code: 'km-qy-gj', name: '公交集团纪委', kind: 'enterprise_discipline', parent: 'km', cadres: 14,
    units: [u('昆明公交集团有限责任公司本部'), u('昆明公交集团第一分公司'), u('昆明公交集团第二分公司')] },
  { code: 'km-gx-kmxy', name: '昆明学院纪委', kind: 'university_discipline', parent: 'km', cadres: 16,
    units: [u('昆明学院党政办公室'), u('昆明学院经济管理学院'), u('昆明学院人文学院'), u('昆明学院后勤管理处')] },
];

export const DEMO_ROLES = [
  ['admin', '系统管理员'], ['secadmin', '安全保密管理员'], ['officer', '纪检干部'], ['leader', '领导'], ['filler', '填报员'],
  ['auditor', '安全审计员'],
] as const;

// Mulberry32: a small deterministic PRNG so every demo seed is the same.
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Common surnames, with the polyphonic ones the search must handle (单 曾 解 仇 区) well represented.
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文单解仇区查';
const GIVEN_M = ['建华', '国强', '志明', '晓东', '卫东', '建国', '海涛', '文斌', '俊杰', '永刚', '德明', '光辉', '家豪', '明亮', '振宇', '立新', '世平', '红军', '勇', '斌', '磊', '涛', '鹏', '波', '杰', '强', '云飞', '春生', '庆华', '锦华', '长青', '学文', '绍明', '正祥', '兴旺', '宏伟', '子轩', '宇航'];
const GIVEN_F = ['丽', '芳', '娟', '敏', '静', '艳', '红梅', '丽华', '秀英', '晓燕', '桂兰', '玉兰', '雪梅', '春燕', '海燕', '丽萍', '建芬', '慧敏', '婷婷', '思雨', '雅琴', '琳', '颖', '云', '露', '梦瑶'];
const ETHNIC = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '彝族', '白族', '哈尼族', '傣族', '回族', '苗族', '纳西族'];
const PLACES = ['云南昆明', '云南曲靖', '云南大理', '云南玉溪', '云南红河', '云南昭通', '云南楚雄', '四川宜宾', '贵州毕节', '云南保山'];
const EDU = ['大学本科', '大学本科', '大学本科', '硕士研究生', '硕士研究生', '大学专科', '博士研究生'];
const POSTS: [string, string][] = [
  ['局长', '一级调研员'], ['副局长', '二级调研员'], ['副局长', '三级调研员'], ['办公室主任', '四级调研员'],
  ['科长', '一级主任科员'], ['副科长', '二级主任科员'], ['科员', '四级主任科员'], ['主任', '三级调研员'],
  ['副主任', '四级调研员'], ['党组成员', '二级调研员'], ['财务科科长', '一级主任科员'], ['人事科科长', '二级主任科员'],
];
const STATUS = ['在职', '在职', '在职', '在职', '在职', '在职', '在职', '在职', '在职', '在职', '在职', '在职', '在职', '在职', '在职', '在职', '在职', '退休', '调离'];

export interface DemoCadre {
  name: string; sex: string; birthMonth: string; ethnicity: string; nativePlace: string; partyJoin: string;
  workStart: string; education: string; position: string; rank: string; status: string;
}

export function makeCadres(count: number, seed: number, used: Set<string>): DemoCadre[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const out: DemoCadre[] = [];
  while (out.length < count) {
    const female = r() < 0.38;
    // One in eight gets a polyphonic surname so search by every reading is exercised.
    const surname = r() < 0.125 ? pick('单曾解仇区'.split('')) : pick(SURNAMES.split(''));
    const name = surname + pick(female ? GIVEN_F : GIVEN_M);
    if (used.has(name)) continue;
    used.add(name);
    const year = 1964 + Math.floor(r() * 32);
    const month = 1 + Math.floor(r() * 12);
    const ym = (y: number, m: number) => `${y}${String(m).padStart(2, '0')}`;
    const [position, rank] = pick(POSTS);
    out.push({
      name, sex: female ? '女' : '男', birthMonth: ym(year, month), ethnicity: pick(ETHNIC), nativePlace: pick(PLACES),
      partyJoin: r() < 0.85 ? ym(year + 20 + Math.floor(r() * 8), 1 + Math.floor(r() * 12)) : '',
      workStart: ym(year + 21 + Math.floor(r() * 3), 7), education: pick(EDU), position, rank, status: pick(STATUS),
    });
  }
  return out;
}
