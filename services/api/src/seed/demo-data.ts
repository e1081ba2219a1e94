// Fictitious demo data: the Kunming hierarchy of discipline bodies, each keeping the archives of its own staff
// (纪检监察干部, docs/domain.md#whose-archive-一人一档): the commissions' leadership and departments, the embedded
// teams, the inspection office, the discipline bodies of city-managed enterprises and of a university. Every person,
// resume line, family row and ID number is generated here from a fixed seed (makeDemo): the same data on every seed.
import type { TenantKind } from '../modules/tenants/repo.js';

/** A unit's kind as its label (shared/units.ts UNIT_KINDS; seed/demo.ts stores the code in unit.kind). */
export type DemoUnitKind = '内设机构' | '派驻机构' | '巡察机构' | '县区纪委监委班子' | '企业纪委' | '院校纪委' | '其他';
/** Where a person works: decides rank (civil servants only), professional titles and the wording of resumes. */
export type Sector = 'commission' | 'enterprise' | 'university' | 'school' | 'hospital';
/** How senior a post is: decides age, rank and resume length. */
export type Level = 'top' | 'deputy' | 'head' | 'vice' | 'senior' | 'staff';

/** A post: its title (appended to the unit's full name unless `full` says the whole 现任职务), its rank, how many. */
export interface DemoPost { title: string; level: Level; rank?: string | null; full?: string; n?: number }
export interface DemoUnit { name: string; kind: DemoUnitKind; sector?: Sector; posts: DemoPost[]; children?: DemoUnit[] }
export interface DemoTenant {
  code: string; name: string; kind: TenantKind; parent: string | null; units: DemoUnit[];
  /** The body's short name as it begins 现任职务 (昆明市纪委监委…) and the issuing body of its decisions. */
  prefix: string; sector: Sector;
  /** ID-number region codes of the places its people come from (Yunnan: 53…). */
  regions: string[];
  /** Local words for records: streets and villages, firms, hotels — so no two tenants tell the same story. */
  local: { places: string[]; firms: string[]; hotels: string[] };
}

// ---------- Posts ----------
const P = (title: string, level: Level, rank: string | null = null, n = 1, full?: string): DemoPost => ({ title, level, rank, n, full });
/** Staff of a civil-service department: 职级 from 四级主任科员 up to 一级主任科员 (and 四级调研员 for the senior). */
const staff = (n: number, senior = 0): DemoPost[] => [
  ...(senior ? [P('四级调研员', 'senior', '四级调研员', senior)] : []),
  ...Array.from({ length: n }, (_, i) => P(['一级主任科员', '二级主任科员', '三级主任科员', '四级主任科员', '一级科员'][i % 5], 'staff', ['一级主任科员', '二级主任科员', '三级主任科员', '四级主任科员', '一级科员'][i % 5])),
];
/** A civil-service department: a head, a deputy, staff. */
const dept = (name: string, head: string, headRank: string, viceRank: string, n: number, kind: DemoUnitKind = '内设机构', senior = 0): DemoUnit => ({
  name, kind, posts: [P(head, 'head', headRank), P(`副${head}`, 'vice', viceRank), ...staff(n, senior)],
});

/** A county commission's own staff: 班子成员 and 内设机构, its embedded teams and its street 纪工委. */
function county(district: string, streets: string[], teams: string[], depts: [string, number][]): DemoUnit[] {
  return [
    {
      // The 机关 as a whole: non-leadership rank holders (调研员) belong to it rather than to one department.
      name: '委机关', kind: '内设机构', posts: [P('三级调研员', 'senior', '三级调研员'), P('四级调研员', 'senior', '四级调研员')],
      children: [
        dept('办公室', '主任', '乡科级正职', '乡科级副职', 2),
        dept('党风政风监督室', '主任', '乡科级正职', '乡科级副职', 1),
        ...depts.map(([n, k]) => dept(n, '主任', '乡科级正职', '乡科级副职', k)),
        dept('案件审理室', '主任', '乡科级正职', '乡科级副职', 1),
      ],
    },
    {
      name: '委领导班子', kind: '县区纪委监委班子', posts: [
        P('书记', 'top', '县处级副职', 1, `${district}纪委书记、区监委主任`),
        P('副书记', 'deputy', '乡科级正职', 2, `${district}纪委副书记、区监委副主任`),
        P('常委', 'deputy', '乡科级正职', 2, `${district}纪委常委、区监委委员`),
      ],
    },
    {
      name: '派驻纪检监察组', kind: '派驻机构', posts: [],
      children: teams.map((t) => ({ name: `派驻${t}纪检监察组`, kind: '派驻机构' as const, posts: [P('组长', 'head', '乡科级正职'), P('副组长', 'vice', '乡科级副职'), ...staff(1)] })),
    },
    {
      name: '街道纪工委', kind: '其他', posts: [],
      children: streets.map((s) => ({ name: `${s}街道纪工委`, kind: '其他' as const, posts: [P('书记', 'vice', '乡科级副职', 1, `${district}${s}街道党工委委员、纪工委书记`), P('纪工委副书记', 'staff', '一级主任科员'), ...staff(1)] })),
    },
  ];
}

const eighth = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八'];

export const DEMO_TENANTS: DemoTenant[] = [
  {
    code: 'yn', name: '云南省纪委监委', kind: 'province_commission', parent: null, prefix: '云南省纪委监委', sector: 'commission',
    regions: ['530102', '530103', '530302', '532301', '532901', '530402', '530602'],
    local: { places: ['五华区翠湖', '西山区滇池路', '呈贡区吴家营'], firms: ['云南滇中建设工程有限公司', '云南普洱茶业发展有限公司'], hotels: ['翠湖宾馆', '滇池大酒店'] },
    units: [
      {
        name: '委机关', kind: '内设机构', posts: [P('二级巡视员', 'senior', '二级巡视员')],
        children: [
          dept('办公厅', '主任', '厅局级副职', '县处级正职', 2, '内设机构', 1),
          dept('组织部', '部长', '厅局级副职', '县处级正职', 1),
          dept('第一监督检查室', '主任', '厅局级副职', '县处级正职', 2),
          dept('第三审查调查室', '主任', '厅局级副职', '县处级正职', 2),
          dept('案件审理室', '主任', '厅局级副职', '县处级正职', 1),
        ],
      },
      { name: '委领导班子', kind: '其他', posts: [P('副书记', 'top', '厅局级正职', 1, '云南省纪委副书记、省监委副主任'), P('常委', 'deputy', '厅局级副职', 1, '云南省纪委常委、省监委委员')] },
    ],
  },
  {
    code: 'km', name: '昆明市纪委监委', kind: 'city_commission', parent: 'yn', prefix: '昆明市纪委监委', sector: 'commission',
    regions: ['530102', '530103', '530111', '530112', '530114', '530181', '530125', '530302', '532301'],
    local: { places: ['盘龙区北京路', '西山区前卫街道', '官渡区关上', '呈贡区斗南'], firms: ['昆明东川矿业有限公司', '昆明螺蛳湾商贸有限公司', '昆明长水物流有限公司'], hotels: ['锦华大酒店', '春城大饭店'] },
    units: [
      {
        name: '委机关', kind: '内设机构', posts: [P('秘书长', 'deputy', '县处级正职', 1, '昆明市纪委监委秘书长'), P('一级调研员', 'senior', '一级调研员', 1, '昆明市纪委监委一级调研员')],
        children: [
          dept('办公室', '主任', '县处级正职', '县处级副职', 1),
          dept('组织部', '部长', '县处级正职', '县处级副职', 1),
          dept('宣传部', '部长', '县处级正职', '县处级副职', 0),
          dept('党风政风监督室', '主任', '县处级正职', '县处级副职', 1),
          dept('信访室', '主任', '县处级正职', '县处级副职', 1),
          dept('案件监督管理室', '主任', '县处级正职', '县处级副职', 1),
          ...eighth.map((n, i) => dept(`${n}监督检查室`, '主任', '县处级正职', '县处级副职', i < 2 ? 1 : 0)),
          dept('第一审查调查室', '主任', '县处级正职', '县处级副职', 1),
          dept('第二审查调查室', '主任', '县处级正职', '县处级副职', 1),
          dept('案件审理室', '主任', '县处级正职', '县处级副职', 1),
        ],
      },
      {
        name: '委领导班子', kind: '其他', posts: [
          P('书记', 'top', '厅局级副职', 1, '昆明市纪委书记、市监委主任'),
          P('副书记', 'deputy', '县处级正职', 2, '昆明市纪委副书记、市监委副主任'),
          P('常委', 'deputy', '县处级正职', 2, '昆明市纪委常委、市监委委员'),
        ],
      },
      {
        name: '派驻纪检监察组', kind: '派驻机构', posts: [],
        children: ['市发展改革委', '市财政局', '市住房城乡建设局'].map((d) => ({
          name: `派驻${d}纪检监察组`, kind: '派驻机构' as const, posts: [P('组长', 'head', '县处级正职'), P('副组长', 'vice', '县处级副职')],
        })),
      },
      {
        name: '县（市）区纪委监委班子成员', kind: '县区纪委监委班子', posts: [],
        children: [['西山区', '区'], ['呈贡区', '区'], ['安宁市', '市']].map(([d, s]) => ({
          name: `${d}纪委监委`, kind: '县区纪委监委班子' as const, posts: [
            P('书记', 'top', '县处级副职', 1, `${d}纪委书记、${s}监委主任`), P('副书记', 'deputy', '乡科级正职', 1, `${d}纪委副书记、${s}监委副主任`),
          ],
        })),
      },
      {
        name: '市管企业和院校纪检机构负责人', kind: '其他', posts: [],
        children: [
          { name: '昆明发展投资集团有限公司纪委', kind: '企业纪委', sector: 'enterprise', posts: [P('纪委书记', 'top', null, 1, '昆明发展投资集团有限公司党委委员、纪委书记')] },
          { name: '昆明产业开发投资有限责任公司纪委', kind: '企业纪委', sector: 'enterprise', posts: [P('纪委书记', 'top', null, 1, '昆明产业开发投资有限责任公司党委委员、纪委书记')] },
          { name: '昆明卫生职业学院纪委', kind: '院校纪委', sector: 'university', posts: [P('纪委书记', 'top', null, 1, '昆明卫生职业学院党委委员、纪委书记')] },
        ],
      },
    ],
  },
  {
    code: 'km-wh', name: '五华区纪委监委', kind: 'county_commission', parent: 'km', prefix: '五华区纪委监委', sector: 'commission',
    regions: ['530102', '530103', '530112', '530124', '530302', '532901'],
    local: { places: ['五华区华山街道', '五华区龙翔街道', '五华区莲华街道', '五华区普吉街道'], firms: ['昆明华山建筑工程有限公司', '五华区龙泉物业服务有限公司', '昆明莲华园林绿化有限公司'], hotels: ['五华区翠湖畔酒店', '龙翔饭店'] },
    units: county('五华区', ['华山', '龙翔', '莲华'], ['区教育体育局', '区卫生健康局'],
      [['第一纪检监察室', 2], ['第二纪检监察室', 2], ['第三纪检监察室', 1], ['第一审查调查室', 2], ['信访室', 1], ['案件监督管理室', 1]]),
  },
  {
    code: 'km-pl', name: '盘龙区纪委监委', kind: 'county_commission', parent: 'km', prefix: '盘龙区纪委监委', sector: 'commission',
    regions: ['530103', '530102', '530111', '530126', '530129', '532301'],
    local: { places: ['盘龙区拓东街道', '盘龙区鼓楼街道', '盘龙区东华街道', '盘龙区双龙街道'], firms: ['昆明拓东商贸有限公司', '盘龙江水务工程有限公司', '昆明鼓楼餐饮管理有限公司'], hotels: ['拓东宾馆', '盘龙江畔酒店'] },
    units: county('盘龙区', ['拓东', '鼓楼'], ['区财政局', '区市场监督管理局'],
      [['第一纪检监察室', 2], ['第二纪检监察室', 2], ['第一审查调查室', 1], ['信访室', 1]]),
  },
  {
    code: 'km-gd', name: '官渡区纪委监委', kind: 'county_commission', parent: 'km', prefix: '官渡区纪委监委', sector: 'commission',
    regions: ['530111', '530103', '530114', '530115', '530125', '530402'],
    local: { places: ['官渡区关上街道', '官渡区六甲街道', '官渡区矣六街道', '官渡区小板桥街道'], firms: ['昆明关上农贸市场管理有限公司', '官渡区六甲建材有限公司', '昆明螺蛳湾物流有限公司'], hotels: ['官渡古镇酒店', '关上宾馆'] },
    units: county('官渡区', ['关上', '六甲'], ['区自然资源局'],
      [['第一纪检监察室', 1], ['第二纪检监察室', 1], ['第一审查调查室', 1], ['信访室', 1]]),
  },
  {
    code: 'km-pz-jy', name: '派驻市教育局纪检监察组', kind: 'supervision_team', parent: 'km', prefix: '市纪委监委派驻市教育局纪检监察组', sector: 'commission',
    regions: ['530102', '530103', '530112', '530181', '532301'],
    local: { places: ['五华区学府路', '盘龙区青年路', '西山区滇池路'], firms: ['昆明育才教学设备有限公司', '昆明书香教育图书有限公司'], hotels: ['学苑宾馆', '青年路酒店'] },
    units: [
      { name: '组领导', kind: '派驻机构', posts: [P('组长', 'top', '县处级正职', 1, '市纪委监委派驻市教育局纪检监察组组长'), P('副组长', 'deputy', '县处级副职', 2, '市纪委监委派驻市教育局纪检监察组副组长')] },
      dept('综合室', '主任', '乡科级正职', '乡科级副职', 2, '派驻机构'),
      dept('监督检查室', '主任', '乡科级正职', '乡科级副职', 2, '派驻机构'),
      {
        name: '市属学校纪检组织', kind: '其他', sector: 'school', posts: [],
        children: ['昆明市第一中学', '昆明市第三中学', '昆明市第八中学'].map((s) => ({
          name: `${s}纪委`, kind: '其他' as const, sector: 'school' as const,
          posts: [P('纪委书记', 'head', null, 1, `${s}党委委员、纪委书记`), ...(s.endsWith('第一中学') ? [P('纪检干事', 'staff', null, 1, `${s}纪检监察室干事`)] : [])],
        })),
      },
    ],
  },
  {
    code: 'km-pz-wj', name: '派驻市卫健委纪检监察组', kind: 'supervision_team', parent: 'km', prefix: '市纪委监委派驻市卫生健康委纪检监察组', sector: 'commission',
    regions: ['530102', '530103', '530111', '530602', '532501'],
    local: { places: ['五华区西昌路', '盘龙区白塔路', '官渡区金马街道'], firms: ['昆明康泰医疗器械有限公司', '云南仁和医药有限公司'], hotels: ['白塔路酒店', '金马宾馆'] },
    units: [
      { name: '组领导', kind: '派驻机构', posts: [P('组长', 'top', '县处级正职', 1, '市纪委监委派驻市卫生健康委纪检监察组组长'), P('副组长', 'deputy', '县处级副职', 1, '市纪委监委派驻市卫生健康委纪检监察组副组长')] },
      dept('综合室', '主任', '乡科级正职', '乡科级副职', 2, '派驻机构'),
      dept('监督检查室', '主任', '乡科级正职', '乡科级副职', 2, '派驻机构'),
      {
        name: '委属医疗卫生单位纪检组织', kind: '其他', sector: 'hospital', posts: [],
        children: ['昆明市第一人民医院', '昆明市中医医院', '昆明市疾病预防控制中心'].map((s, i) => ({
          name: `${s}纪委`, kind: '其他' as const, sector: 'hospital' as const,
          posts: [P('纪委书记', 'head', null, 1, `${s}党委委员、纪委书记`), ...(i === 0 ? [P('纪检监察室主任', 'vice', null, 1, `${s}纪检监察室主任`), P('纪检监察室干事', 'staff', null, 1, `${s}纪检监察室干事`)] : [])],
        })),
      },
    ],
  },
  {
    code: 'km-xc', name: '市委巡察办', kind: 'inspection_office', parent: 'km', prefix: '中共昆明市委', sector: 'commission',
    regions: ['530102', '530103', '530111', '530112', '530181'],
    local: { places: ['西山区马街街道', '东川区铜都街道', '晋宁区昆阳街道'], firms: ['昆明滇池旅游开发有限公司', '东川铜业物资有限公司'], hotels: ['马街宾馆', '昆阳大酒店'] },
    units: [
      { name: '巡察办', kind: '巡察机构', posts: [P('主任', 'top', '县处级正职', 1, '中共昆明市委巡察工作领导小组办公室主任'), P('副主任', 'deputy', '县处级副职', 1, '中共昆明市委巡察工作领导小组办公室副主任')],
        children: [{ name: '综合科', kind: '巡察机构', posts: [P('科长', 'head', '乡科级正职', 1, '市委巡察办综合科科长'), ...staff(1).map((p) => ({ ...p, full: `市委巡察办综合科${p.title}` }))] }] },
      ...['第一', '第二', '第三'].map((n) => ({
        name: `市委${n}巡察组`, kind: '巡察机构' as const,
        posts: [P('组长', 'head', '县处级正职', 1, `中共昆明市委${n}巡察组组长`), P('副组长', 'vice', '县处级副职', 1, `中共昆明市委${n}巡察组副组长`), P('一级主任科员', 'staff', '一级主任科员', 1, `中共昆明市委${n}巡察组一级主任科员`)],
      })),
    ],
  },
  {
    code: 'km-qy-ct', name: '城投集团纪委', kind: 'enterprise_discipline', parent: 'km', prefix: '昆明城投集团', sector: 'enterprise',
    regions: ['530102', '530111', '530112', '530114', '530302'],
    local: { places: ['呈贡新区', '官渡区巫家坝', '西山区福海街道'], firms: ['云南润城建筑工程有限公司', '昆明新城园林景观有限公司', '昆明远景建材贸易有限公司'], hotels: ['巫家坝酒店', '呈贡新区会议中心'] },
    units: [
      {
        name: '集团纪委', kind: '企业纪委', posts: [P('纪委书记', 'top', null, 1, '昆明城市建设投资开发有限责任公司党委委员、纪委书记'), P('纪委副书记', 'deputy', null, 1, '昆明城市建设投资开发有限责任公司纪委副书记')],
        children: [{ name: '纪检监察部', kind: '企业纪委', posts: [P('部长', 'head', null, 1, '集团纪检监察部部长'), P('副部长', 'vice', null, 1, '集团纪检监察部副部长'), P('主管', 'staff', null, 3, '集团纪检监察部主管'), P('专员', 'staff', null, 2, '集团纪检监察部专员')] }],
      },
      {
        name: '所属企业纪检机构', kind: '企业纪委', posts: [],
        children: ['昆明城投置业有限公司', '昆明城投建设工程有限公司', '昆明城投物业管理有限公司'].map((c, i) => ({
          name: `${c}纪委`, kind: '企业纪委' as const, posts: [P('纪委书记', 'head', null, 1, `${c}党委委员、纪委书记`), ...(i < 2 ? [P('纪检专员', 'staff', null, 1, `${c}纪检专员`)] : [])],
        })),
      },
    ],
  },
  {
    code: 'km-qy-gj', name: '公交集团纪委', kind: 'enterprise_discipline', parent: 'km', prefix: '昆明公交集团', sector: 'enterprise',
    regions: ['530102', '530103', '530111', '530125', '532301'],
    local: { places: ['官渡区东郊路', '盘龙区北京路公交枢纽', '西山区西部客运站'], firms: ['昆明运达汽车配件有限公司', '云南捷顺新能源科技有限公司'], hotels: ['东郊路酒店', '北京路宾馆'] },
    units: [
      {
        name: '集团纪委', kind: '企业纪委', posts: [P('纪委书记', 'top', null, 1, '昆明公交集团有限责任公司党委委员、纪委书记')],
        children: [{ name: '纪检监察部', kind: '企业纪委', posts: [P('部长', 'head', null, 1, '集团纪检监察部部长'), P('副部长', 'vice', null, 1, '集团纪检监察部副部长'), P('主管', 'staff', null, 3, '集团纪检监察部主管')] }],
      },
      {
        name: '所属分公司纪检机构', kind: '企业纪委', posts: [],
        children: ['第一分公司', '第二分公司', '第三分公司'].map((c, i) => ({
          name: `${c}纪委`, kind: '企业纪委' as const, posts: [P('纪委书记', 'head', null, 1, `昆明公交集团${c}党总支委员、纪委书记`), ...(i < 2 ? [P('纪检员', 'staff', null, 1, `昆明公交集团${c}纪检员`)] : [])],
        })),
      },
    ],
  },
  {
    code: 'km-gx-kmxy', name: '昆明学院纪委', kind: 'university_discipline', parent: 'km', prefix: '昆明学院', sector: 'university',
    regions: ['530102', '530103', '530112', '532301', '530602'],
    local: { places: ['呈贡大学城', '盘龙区穿金路', '呈贡区洛龙街道'], firms: ['昆明博文教学设备有限公司', '云南校园后勤服务有限公司', '昆明求实图书有限公司'], hotels: ['大学城宾馆', '洛龙湖酒店'] },
    units: [
      {
        name: '学校纪委', kind: '院校纪委', posts: [P('纪委书记', 'top', null, 1, '昆明学院党委常委、纪委书记'), P('纪委副书记', 'deputy', null, 1, '昆明学院纪委副书记')],
        children: [{ name: '纪检监察室', kind: '院校纪委', posts: [P('主任', 'head', null, 1, '昆明学院纪检监察室主任'), P('副主任', 'vice', null, 1, '昆明学院纪检监察室副主任'), P('科员', 'staff', null, 3, '昆明学院纪检监察室科员')] }],
      },
      {
        name: '二级学院纪检委员', kind: '院校纪委', posts: [],
        children: ['经济管理学院', '人文学院', '信息工程学院', '医学院'].map((c) => ({
          name: `${c}党委`, kind: '院校纪委' as const, posts: [P('纪检委员', 'senior', null, 1, `昆明学院${c}党委委员、纪检委员`)],
        })),
      },
      { name: '党委巡察办', kind: '巡察机构', posts: [P('主任', 'head', null, 1, '昆明学院党委巡察工作领导小组办公室主任'), P('科员', 'staff', null, 1, '昆明学院党委巡察办科员')] },
    ],
  },
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
export type Rng = ReturnType<typeof rng>;
export const pickOf = (r: Rng) => <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const intIn = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

// ---------- People ----------
// Common surnames, with the polyphonic ones the search must handle (单 曾 解 仇 区) well represented.
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文单解仇区查普字者';
const GIVEN_M = ['建华', '国强', '志明', '晓东', '卫国', '建国', '海涛', '文斌', '俊杰', '永刚', '德明', '光辉', '家豪', '明亮', '振宇', '立新', '世平', '红军', '勇', '斌', '磊', '涛', '鹏', '波', '杰', '强', '云飞', '春生', '庆华', '锦华', '长青', '学文', '绍明', '正祥', '兴旺', '宏伟', '子轩', '宇航', '绍华', '昆明', '滇生', '永福', '家林', '开元', '浩然', '思远'];
const GIVEN_F = ['丽', '芳', '娟', '敏', '静', '艳', '红梅', '丽华', '秀英', '晓燕', '桂兰', '玉兰', '雪梅', '春燕', '海燕', '丽萍', '建芬', '慧敏', '婷婷', '思雨', '雅琴', '琳', '颖', '云', '露', '梦瑶', '金花', '丽琼', '彩云', '晓琳', '佳怡', '欣怡'];
const ETHNIC = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '彝族', '白族', '哈尼族', '傣族', '回族', '苗族', '纳西族'];
/** Region code → place name (籍贯 and 出生地 agree with the ID number's region). */
export const REGIONS: Record<string, string> = {
  530102: '云南昆明', 530103: '云南昆明', 530111: '云南昆明', 530112: '云南昆明', 530114: '云南昆明', 530115: '云南晋宁',
  530124: '云南富民', 530125: '云南宜良', 530126: '云南石林', 530129: '云南寻甸', 530181: '云南安宁', 530302: '云南曲靖',
  532301: '云南楚雄', 532901: '云南大理', 530402: '云南玉溪', 530602: '云南昭通', 532501: '云南个旧',
};
const UNIS: [school: string, majors: string[]][] = [
  ['云南大学', ['法学', '汉语言文学', '经济学', '行政管理', '会计学']], ['云南财经大学', ['审计学', '会计学', '财务管理', '金融学']],
  ['云南民族大学', ['法学', '社会学', '思想政治教育']], ['云南师范大学', ['汉语言文学', '思想政治教育', '历史学']],
  ['昆明理工大学', ['土木工程', '计算机科学与技术', '工程管理', '法学']], ['西南政法大学', ['法学', '侦查学']],
  ['云南警官学院', ['侦查学', '治安学']], ['大理大学', ['临床医学', '汉语言文学']], ['曲靖师范学院', ['汉语言文学', '数学与应用数学']],
];
const DEGREE: Record<string, string> = {
  法学: '法学学士', 侦查学: '法学学士', 治安学: '法学学士', 社会学: '法学学士', 思想政治教育: '法学学士', 汉语言文学: '文学学士', 历史学: '历史学学士',
  经济学: '经济学学士', 金融学: '经济学学士', 行政管理: '管理学学士', 会计学: '管理学学士', 审计学: '管理学学士', 财务管理: '管理学学士', 工程管理: '管理学学士',
  土木工程: '工学学士', 计算机科学与技术: '工学学士', 临床医学: '医学学士', 数学与应用数学: '理学学士',
};
const SPECIALTY: Record<Sector, string[]> = {
  commission: ['纪检监察业务', '审查调查', '案件审理', '法律事务', '财务审计', '文字综合'],
  enterprise: ['企业内控与审计', '纪检监察业务', '工程造价管理', '财务管理'],
  university: ['高校纪检监察', '法学教学与研究', '思想政治教育'],
  school: ['中学教育教学', '学校管理'], hospital: ['医院管理', '医疗行风建设', '临床医学'],
};

export interface DemoFamily { relation: string; name: string; birthMonth: string; politicalStatus: string; workPosition: string }
export interface DemoResume { startMonth: string; endMonth: string | null; content: string }
export interface DemoCadre {
  name: string; sex: '男' | '女'; birthMonth: string; ethnicity: string; nativePlace: string; birthPlace: string; partyJoin: string;
  workStart: string; health: string; politicalStatus: string; education: string; eduFtLevel: string; eduFtDegree: string; eduFtSchool: string;
  eduPtLevel: string | null; eduPtDegree: string | null; eduPtSchool: string | null; professionalTitle: string | null; specialty: string;
  position: string; rank: string | null; managementLevel: string | null; status: string; idNumber: string;
  rewards: string; assessmentSummary: string; reportingUnit: string;
  resume: DemoResume[]; family: DemoFamily[]; appointment: { position: string; decidedOn: string; approver: string; documentNo: string } | null;
  /** Index of the unit (depth-first order of the tenant's tree). */
  unit: number; photo: boolean;
}

const ym = (y: number, m: number) => `${y}${String(m).padStart(2, '0')}`;
const dotted = (s: string) => `${s.slice(0, 4)}.${s.slice(4)}`;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A GB 11643 number: region, birth date, sequence (odd for men, even for women) and the MOD 11-2 check character. */
export function idNumberOf(region: string, birthMonth: string, day: number, seq: number, sex: '男' | '女'): string {
  const s3 = seq - (seq % 2) + (sex === '男' ? 1 : 0);
  const body = `${region}${birthMonth}${String(day).padStart(2, '0')}${String(s3 % 1000).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((a, w, i) => a + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/**
 * The 默认导入单位 of every demo tenant (tenant_import_setting): its general office, the first unit (depth-first) named
 * after the earliest of these — a form whose 现任职务 names none of the tenant's units is proposed there.
 */
export const IMPORT_UNIT_NAMES = ['办公厅', '办公室', '综合室', '综合科', '纪检监察部', '纪检监察室'];
export function importUnitIndex(t: DemoTenant): number {
  const units = flatUnits(t);
  for (const name of IMPORT_UNIT_NAMES) {
    const i = units.findIndex((u) => u.unit.name === name);
    if (i >= 0) return i;
  }
  throw new Error(`demo tenant ${t.code} has no unit for new imports (${IMPORT_UNIT_NAMES.join('、')})`);
}

/** The units of a tenant in depth-first order (the order they are inserted), each with its parent index. */
export function flatUnits(t: DemoTenant): { unit: DemoUnit; parent: number | null; sector: Sector; depth: number }[] {
  const out: { unit: DemoUnit; parent: number | null; sector: Sector; depth: number }[] = [];
  const walk = (list: DemoUnit[], parent: number | null, sector: Sector, depth: number) => {
    for (const u of list) {
      const s = u.sector ?? sector;
      out.push({ unit: u, parent, sector: s, depth });
      walk(u.children ?? [], out.length - 1, s, depth + 1);
    }
  };
  walk(t.units, null, t.sector, 0);
  return out;
}

const AGE: Record<Level, [number, number]> = { top: [50, 58], deputy: [44, 55], head: [40, 54], vice: [35, 48], senior: [38, 55], staff: [24, 40] };
const TODAY_YEAR = 2026;

/** One tenant's people. `used` keeps names unique over the whole demo (search tests rely on it). */
function makePeople(t: DemoTenant, seed: number, used: Set<string>): DemoCadre[] {
  const r = rng(seed);
  const pick = pickOf(r);
  const units = flatUnits(t);
  const out: DemoCadre[] = [];
  const newName = (female: boolean, surname?: string) => {
    for (;;) {
      const s = surname ?? (r() < 0.1 ? pick('单曾解仇区'.split('')) : pick([...SURNAMES]));
      const n = s + pick(female ? GIVEN_F : GIVEN_M);
      if (!used.has(n)) { used.add(n); return n; }
    }
  };
  const anyName = (female: boolean, surname?: string) => (surname ?? pick([...SURNAMES])) + pick(female ? GIVEN_F : GIVEN_M);
  for (const [ui, { unit, sector }] of units.entries()) {
    for (const post of unit.posts) {
      for (let k = 0; k < (post.n ?? 1); k++) {
        const female = r() < (post.level === 'top' ? 0.2 : 0.4);
        const name = newName(female);
        const [a0, a1] = AGE[post.level];
        const age = intIn(r, a0, a1);
        const by = TODAY_YEAR - age - (r() < 0.5 ? 1 : 0);
        const bm = intIn(r, 1, 12);
        const birthMonth = ym(by, bm);
        const region = pick(t.regions);
        const home = REGIONS[region];
        const idNumber = idNumberOf(region, birthMonth, intIn(r, 1, 28), intIn(r, 10, 998), female ? '女' : '男');
        const [school, majors] = pick(UNIS);
        const major = pick(majors);
        const master = post.level !== 'staff' ? r() < 0.25 : r() < 0.3;
        const gradY = by + 22 + (master ? 3 : 0);
        const workStart = ym(gradY, 7);
        const party = sector === 'commission' || post.level !== 'staff' || r() < 0.7;
        const partyJoin = party ? ym(by + intIn(r, 20, 28), intIn(r, 1, 12)) : '';
        const ptStudy = !master && post.level !== 'staff' && r() < 0.5;
        const ptSchool = ptStudy ? pick(['云南大学法学院法律专业', '云南财经大学公共管理学院公共管理专业', '云南省委党校法学专业']) : null;
        const position = post.full ?? `${t.prefix}${unit.name}${post.title}`;
        const rank = sector === 'commission' ? (post.rank ?? null) : null;
        const title = professionalTitle(sector, post.level, r);
        const resume = careerOf(r, t.code === 'km-qy-gj' ? ['昆明公交集团第一分公司', '昆明公交集团第二分公司', '昆明公交集团有限责任公司'] : t.code === 'km-qy-ct'
          ? ['昆明城投置业有限公司', '昆明城投建设工程有限公司', '昆明城市建设投资开发有限责任公司'] : ['昆明市政工程有限公司', '昆明发展投资集团有限公司', '昆明产业开发投资有限责任公司'], sector, position, by, school, major, master, gradY, ptSchool);
        const currentStart = resume[resume.length - 1].startMonth;
        out.push({
          name, sex: female ? '女' : '男', birthMonth, ethnicity: pick(ETHNIC), nativePlace: r() < 0.85 ? home : pick(Object.values(REGIONS)),
          birthPlace: home, partyJoin, workStart, health: '健康', politicalStatus: party ? '中共党员' : pick(['群众', '九三学社社员', '无党派人士']),
          education: master ? '硕士研究生毕业' : '大学本科毕业', eduFtLevel: master ? '硕士研究生' : '大学本科',
          eduFtDegree: master ? DEGREE[major].replace('学士', '硕士学位') : DEGREE[major] + '学位', eduFtSchool: `${school}${major}专业`,
          eduPtLevel: ptStudy ? '在职研究生' : null,
          eduPtDegree: ptSchool ? (ptSchool.includes('公共管理') ? '公共管理硕士专业学位' : ptSchool.includes('党校') ? null : '法律硕士专业学位') : null,
          eduPtSchool: ptSchool,
          professionalTitle: title, specialty: pick(SPECIALTY[sector]), position, rank, managementLevel: managementOf(t, sector, post),
          status: '在职', idNumber,
          rewards: r() < 0.35 ? `${intIn(r, 2018, 2024)}年度${pick(sector === 'commission' ? ['被评为优秀公务员', '被评为优秀共产党员', '记三等功一次', '获嘉奖一次'] : ['被评为优秀共产党员', '被评为先进工作者'])}` : '无',
          assessmentSummary: `${TODAY_YEAR - 3}年度、${TODAY_YEAR - 2}年度考核${pick(['均为称职', '均为优秀', '为称职、优秀'])}`,
          reportingUnit: t.prefix, resume, family: familyOf(r, anyName, name, female, by, bm, age),
          appointment: post.level === 'staff' ? null : {
            position, decidedOn: `${currentStart.slice(0, 4)}-${currentStart.slice(4)}-${String(intIn(r, 3, 27)).padStart(2, '0')}`,
            approver: approverOf(t, sector), documentNo: `${docPrefixOf(t, sector)}〔${currentStart.slice(0, 4)}〕${intIn(r, 3, 160)}号`,
          },
          unit: ui, photo: false,
        });
      }
    }
  }
  // A few people have left or retired (their archives stay), and one in three has a photo.
  for (const [i, c] of out.entries()) {
    const born = Number(c.birthMonth.slice(0, 4));
    if (i > 0 && born <= 1967 && r() < 0.4) c.status = '退休';
    else if (i > 0 && r() < 0.04) c.status = '调离';
    c.photo = i % 3 === 0;
  }
  return out;
}

function professionalTitle(sector: Sector, level: Level, r: Rng): string | null {
  const pick = pickOf(r);
  const senior = level === 'top' || level === 'deputy' || level === 'head' || level === 'senior';
  switch (sector) {
    case 'commission': return null;
    case 'enterprise': return senior ? pick(['高级经济师', '高级会计师', '高级政工师', '高级工程师']) : pick(['经济师', '会计师', '政工师', '助理经济师', null]);
    case 'university': return senior ? pick(['教授', '副教授', '副研究员']) : pick(['讲师', '助理研究员', null]);
    case 'school': return senior ? pick(['中学高级教师', '正高级教师']) : '中学一级教师';
    case 'hospital': return senior ? pick(['主任医师', '副主任医师', '高级政工师']) : pick(['主管护师', '政工师']);
  }
}

function managementOf(t: DemoTenant, sector: Sector, post: DemoPost): string | null {
  if (post.level === 'staff' || post.level === 'senior') return sector === 'enterprise' ? '企业自管' : sector === 'university' ? '院校自管' : null;
  if (t.code === 'yn') return '省管';
  if (post.level === 'top' && (sector === 'enterprise' || sector === 'university')) return '市管';
  if (sector === 'enterprise') return '企业自管';
  if (sector === 'university') return '院校自管';
  if (t.kind === 'county_commission') return post.level === 'top' ? '市管' : '县(区)管';
  return post.level === 'top' || post.level === 'deputy' || post.rank === '县处级正职' || post.rank === '县处级副职' ? '市管' : '其他';
}

function approverOf(t: DemoTenant, sector: Sector): string {
  if (t.code === 'yn') return '中共云南省委';
  if (sector === 'enterprise') return `中共${t.code === 'km-qy-gj' ? '昆明公交集团' : '昆明城投集团'}委员会`;
  if (sector === 'university') return '中共昆明学院委员会';
  if (t.kind === 'county_commission') return `中共${t.name.slice(0, 3)}委`;
  return '中共昆明市委';
}

/** The prefix of an appointment's document number (任免文号). */
function docPrefixOf(t: DemoTenant, sector: Sector): string {
  if (t.code === 'yn') return '云委';
  if (sector === 'enterprise') return t.code === 'km-qy-gj' ? '昆公交党' : t.code === 'km-qy-ct' ? '昆城投党' : '昆委';
  if (sector === 'university') return t.code === 'km-gx-kmxy' ? '昆院党' : '昆委';
  if (t.kind === 'county_commission') return `${t.name.slice(0, 2)}委`;
  return '昆委';
}

/** Earlier posts by sector (the resume walks through two or three of them before the current one). */
const EARLIER: Record<Sector, string[]> = {
  commission: ['{county}人民政府办公室科员', '{county}{town}镇党政办公室科员', '{county}审计局科员', '{county}纪委监委科员', '{county}纪委监委第二纪检监察室副主任',
    '昆明市纪委监委案件审理室一级主任科员', '{county}人民检察院检察官助理', '{county}财政局科员', '昆明市纪委监委信访室四级主任科员'],
  enterprise: ['{company}财务部会计', '{company}审计部主管', '{company}综合办公室副主任', '{company}工程管理部主管', '{company}人力资源部副部长'],
  university: ['昆明学院{college}辅导员', '昆明学院{college}讲师', '昆明学院党政办公室科员', '昆明学院审计处副处长', '昆明学院{college}党委副书记'],
  school: ['{school}语文教师', '{school}数学教师、年级组长', '{school}政教处副主任', '{school}办公室主任'],
  hospital: ['{hospital}内科医师', '{hospital}医务科科员', '{hospital}党委办公室副主任', '{hospital}护理部副主任'],
};
const COUNTIES = ['五华区', '盘龙区', '官渡区', '西山区', '呈贡区', '宜良县', '富民县', '寻甸县'];
const TOWNS = ['北古城', '竹园', '款庄', '草铺', '沙朗', '甸尾'];

/** Study, earlier posts, the current post (open-ended); an in-service study is noted on the line it falls in. */
function careerOf(r: Rng, companies: string[], sector: Sector, position: string, by: number, school: string, major: string,
  master: boolean, gradY: number, ptSchool: string | null): DemoResume[] {
  const pick = pickOf(r);
  const lines: DemoResume[] = [{ startMonth: ym(by + 18, 9), endMonth: ym(by + 22, 7), content: `${school}${major}专业学习` }];
  if (master) lines.push({ startMonth: ym(by + 22, 7), endMonth: ym(gradY, 7), content: `${school}${major}专业硕士研究生学习` });
  const years = TODAY_YEAR - gradY;
  const stages = Math.max(1, Math.min(4, Math.floor(years / 5)));
  const fill = (s: string) => s.replace('{county}', pick(COUNTIES)).replace('{town}', pick(TOWNS))
    .replace('{company}', pick(companies))
    .replace('{college}', pick(['经济管理学院', '人文学院', '信息工程学院'])).replace('{school}', pick(['昆明市第十中学', '昆明市第十四中学', '昆明市第三十中学']))
    .replace('{hospital}', pick(['昆明市第二人民医院', '昆明市延安医院', '昆明市儿童医院']));
  const pool = [...EARLIER[sector]];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const earlier = pool.slice(0, stages - 1).map(fill);
  // Stage boundaries: evenly spread, the current post taken one to six years ago.
  const currentY = Math.max(gradY + 1, TODAY_YEAR - intIn(r, 1, Math.min(6, Math.max(1, years - 1))));
  let y = gradY;
  let m = 7;
  const span = earlier.length ? Math.max(1, Math.floor((currentY - gradY) / (earlier.length))) : 0;
  for (const [i, e] of earlier.entries()) {
    const endY = i === earlier.length - 1 ? currentY : Math.min(currentY, y + span);
    const endM = i === earlier.length - 1 ? intIn(r, 1, 12) : intIn(r, 1, 12);
    lines.push({ startMonth: ym(y, m), endMonth: ym(endY, endM), content: e });
    y = endY;
    m = endM;
  }
  lines.push({ startMonth: ym(y, m), endMonth: null, content: position });
  if (ptSchool) {
    const st = Math.min(TODAY_YEAR - 4, gradY + intIn(r, 4, 10));
    const line = [...lines].reverse().find((l) => Number(l.startMonth.slice(0, 4)) <= st) ?? lines[lines.length - 1];
    line.content += `\n（其间：${st}.09--${st + 3}.07在${ptSchool}在职研究生学习）`;
  }
  return lines;
}

const JOBS_SPOUSE = ['昆明市第十中学教师', '五华区人民医院护士', '云南某建设集团有限公司职员', '昆明市财政局科员', '盘龙区某小学教师', '云南某银行昆明分行职员',
  '官渡区市场监督管理局科员', '昆明市某律师事务所律师', '个体工商户', '昆明市某会计师事务所职员', '云南某保险公司职员', '昆明市某社区卫生服务中心医师'];

function familyOf(r: Rng, anyName: (female: boolean, surname?: string) => string, name: string, female: boolean, by: number, bm: number, age: number): DemoFamily[] {
  const pick = pickOf(r);
  const out: DemoFamily[] = [];
  const surname = name[0];
  const married = age >= 28 || r() < 0.3;
  let spouseSurname = '';
  if (married) {
    const sy = by + intIn(r, -3, 3) + (female ? -1 : 1);
    const sp = anyName(!female);
    spouseSurname = sp[0];
    const retired = TODAY_YEAR - sy >= 60;
    out.push({ relation: female ? '丈夫' : '妻子', name: sp, birthMonth: ym(sy, intIn(r, 1, 12)), politicalStatus: pick(['中共党员', '群众', '中共党员']),
      workPosition: retired ? '退休' : pick(JOBS_SPOUSE) });
    if (age >= 30) {
      const cy = by + intIn(r, 25, 33);
      const son = r() < 0.5;
      const childAge = TODAY_YEAR - cy;
      const childSurname = female ? spouseSurname : surname;
      out.push({
        relation: son ? '儿子' : '女儿', name: anyName(!son, childSurname), birthMonth: ym(cy, intIn(r, 1, 12)),
        politicalStatus: childAge >= 14 && childAge <= 28 ? '共青团员' : '群众',
        workPosition: childAge < 6 ? '学龄前' : childAge < 12 ? '昆明市某小学学生' : childAge < 18 ? '昆明市某中学学生' : childAge < 23 ? pick(['云南大学学生', '云南师范大学学生', '昆明理工大学学生', '四川大学学生'])
          : pick(['昆明市某科技公司职员', '云南某医院医师', '西山区某街道办事处科员', '在读研究生']),
      });
    }
  }
  const fy = by - intIn(r, 24, 32);
  const my = fy + intIn(r, 0, 4);
  const job = (y: number) => (TODAY_YEAR - y >= 60 ? pick(['退休', '务农', '退休']) : pick(['个体工商户', '务农']));
  out.push({ relation: '父亲', name: anyName(false, surname), birthMonth: ym(fy, intIn(r, 1, 12)), politicalStatus: pick(['中共党员', '群众']), workPosition: job(fy) });
  out.push({ relation: '母亲', name: anyName(true), birthMonth: ym(my, intIn(r, 1, 12)), politicalStatus: '群众', workPosition: job(my) });
  void bm;
  return out;
}

export interface DemoData { tenant: DemoTenant; cadres: DemoCadre[] }

/** The whole demo, computed (pure: the same result every call). */
export function makeDemo(): DemoData[] {
  const used = new Set<string>();
  return DEMO_TENANTS.map((tenant, i) => ({ tenant, cadres: makePeople(tenant, 1000 + i * 7919, used) }));
}
export { dotted };
