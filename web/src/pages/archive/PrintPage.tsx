// 打印档案: the whole archive laid out for A4 (docs/print.md) — cover (档案封面), 个人基本信息 with the photo, each
// category the user may see as its paper tables (accepted records only; an empty category prints 无记录), the
// materials catalogue. print.css gives the pages their 密级 header and 「第 n 页 共 m 页」 (CSS page margin boxes).
// 下载图片 fetches the same pages as JPG images made by the server (GET /api/cadres/{id}/print.zip).
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { Alert, App as AntApp, Button, Result, Space, Spin } from 'antd';
import { ArrowLeftOutlined, FileImageOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { classificationMark, PRINT_CLASSIFICATION, PRINT_EMPTY } from '@shared/print';
import { errorText, gql } from '../../api/graphql';
import { queryKey, useGqlQuery } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { formatMonth } from '../../components/format';
import { downloadFile } from '../imports/api';
import { ageOf, categoryNumeral } from './format';
import { CadreProfileDocument, type CadreProfile } from './profile';
import { RecordSheet } from './RecordSheet';
import type { ArchiveRecord, CadreArchive, Category } from './types';
import { useCategories } from './useCategories';
import './print.css';

const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** 学历学位 as the 任免审批表 prints it: level and degree; the schools once when they are the same. */
function education(p: CadreProfile, k: 'eduFt' | 'eduPt') {
  const level = [p[`${k}Level`], p[`${k}Degree`]].filter(Boolean).join(' ');
  const a = (p[`${k}LevelSchool`] as string | null) ?? '', b = (p[`${k}DegreeSchool`] as string | null) ?? '';
  return { level, school: !a || !b || a === b ? a || b : `${a}（学历）；${b}（学位）` };
}

/** The page header's text in CSS (`content: "…"`): quotes and backslashes escaped. */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ')}"`;

const HEAD = 'font-size: 9pt; vertical-align: bottom; padding-bottom: 2mm; border-bottom: 0.6pt solid #404040;';
/**
 * The archive's pages: 密级 at the top left (red), the archive's owner at the top right, the page number below.
 * Chromium prints CSS page margin boxes (version 131 on); the cover (lz-cover) has none.
 */
const pageRule = (name: string) => `@page lz-archive {
  size: A4; margin: 22mm 18mm 20mm;
  @top-left { content: ${cssString(classificationMark(PRINT_CLASSIFICATION))}; color: #b3121b; font-weight: 700; ${HEAD} font-size: 10pt; }
  @top-right { content: ${cssString(`廉政档案 · ${name}`)}; color: #333; ${HEAD} }
  @bottom-center { content: "第 " counter(page) " 页　共 " counter(pages) " 页"; font-size: 9pt; color: #333; }
}`;

function Cover({ cadre, printedBy }: { cadre: CadreArchive; printedBy: string }) {
  return (
    <section className="lz-pp-cover" data-testid="print-cover">
      <div className="lz-pp-mark">{classificationMark(PRINT_CLASSIFICATION)}</div>
      <div className="lz-pp-cover-title">廉政档案</div>
      <table className="lz-pp-cover-fields">
        <tbody>
          <tr><th>姓　　名</th><td data-testid="print-name">{cadre.name}</td></tr>
          <tr><th>单　　位</th><td>{cadre.unit.name}</td></tr>
          <tr><th>现任职务</th><td>{dash(cadre.position)}</td></tr>
          <tr><th>建档机关</th><td>{cadre.tenant.name}</td></tr>
        </tbody>
      </table>
      <div className="lz-pp-cover-foot">
        <div className="lz-pp-cover-org">{cadre.tenant.name}</div>
        <div>打印时间：{dayjs().format('YYYY-MM-DD HH:mm')}　打印人：{printedBy}</div>
      </div>
    </section>
  );
}

function BasicInformation({ p }: { p: CadreProfile }) {
  const age = ageOf(p.birthMonth);
  const birth = p.birthMonth ? `${formatMonth(p.birthMonth)}${age !== null ? `（${age}岁）` : ''}` : null;
  const ft = education(p, 'eduFt'), pt = education(p, 'eduPt');
  return (
    <>
      <table className="lz-pp-form" data-testid="print-basic">
        <colgroup>
          <col className="lz-pp-l" /><col /><col className="lz-pp-l" /><col /><col className="lz-pp-l" /><col /><col className="lz-pp-photo" />
        </colgroup>
        <tbody>
          <tr>
            <th>姓名</th><td>{p.name}</td><th>性别</th><td>{dash(p.sex)}</td><th>出生年月（岁）</th><td>{dash(birth)}</td>
            <td rowSpan={4} className="lz-pp-photo-cell">
              {p.photoUrl ? <img src={p.photoUrl} alt="照片" className="lz-pp-photo-img" data-testid="print-photo" /> : <span className="lz-pp-photo-none">照片</span>}
            </td>
          </tr>
          <tr><th>民族</th><td>{dash(p.ethnicity)}</td><th>籍贯</th><td>{dash(p.nativePlace)}</td><th>出生地</th><td>{dash(p.birthPlace)}</td></tr>
          <tr><th>入党时间</th><td>{dash(formatMonth(p.partyJoin))}</td><th>参加工作时间</th><td>{dash(formatMonth(p.workStart))}</td><th>健康状况</th><td>{dash(p.health)}</td></tr>
          <tr><th>专业技术职务</th><td>{dash(p.professionalTitle)}</td><th>熟悉专业有何专长</th><td colSpan={3}>{dash(p.specialty)}</td></tr>
          <tr><th>政治面貌</th><td>{dash(p.politicalStatus)}</td><th>最高学历</th><td>{dash(p.education)}</td><th>职级</th><td colSpan={2}>{dash(p.rank)}</td></tr>
          <tr><th rowSpan={2}>学历学位</th><th>全日制教育</th><td>{dash(ft.level)}</td><th>毕业院校系及专业</th><td colSpan={3}>{dash(ft.school)}</td></tr>
          <tr><th>在职教育</th><td>{dash(pt.level)}</td><th>毕业院校系及专业</th><td colSpan={3}>{dash(pt.school)}</td></tr>
          <tr><th>现任职务</th><td colSpan={6}>{dash(p.position)}</td></tr>
          <tr><th>拟任职务</th><td colSpan={2}>{dash(p.proposedPosition)}</td><th>拟免职务</th><td colSpan={3}>{dash(p.proposedRemoval)}</td></tr>
          <tr><th>状态</th><td colSpan={2}>{dash(p.status)}</td><th>干部管理权限</th><td colSpan={3}>{dash(p.managementLevel)}</td></tr>
          <tr><th>公民身份号码</th><td colSpan={6} className="lz-nums">{dash(p.idNumber)}</td></tr>
          <tr><th>奖惩情况</th><td colSpan={6} className="lz-pp-long">{dash(p.rewards)}</td></tr>
          <tr><th>年度考核结果</th><td colSpan={6} className="lz-pp-long">{dash(p.assessmentSummary)}</td></tr>
          <tr><th>任免理由</th><td colSpan={6} className="lz-pp-long">{dash(p.appointmentReason)}</td></tr>
          <tr><th>呈报单位</th><td colSpan={6}>{dash(p.reportingUnit)}</td></tr>
        </tbody>
      </table>

      <h3 className="lz-pp-sub">简　历</h3>
      {p.resume.length ? (
        <table className="lz-pp-rows">
          <tbody>
            {p.resume.map((r, i) => (
              <tr key={i}><td className="lz-pp-when">{formatMonth(r.startMonth)}—{r.endMonth ? formatMonth(r.endMonth) : ''}</td><td>{r.content}</td></tr>
            ))}
          </tbody>
        </table>
      ) : <p className="lz-pp-none">{PRINT_EMPTY}</p>}

      <h3 className="lz-pp-sub">任免情况</h3>
      {p.appointments.length ? (
        <table className="lz-pp-rows">
          <thead><tr><th>日期</th><th>类别</th><th>职务</th><th>批准机关</th><th>文号</th></tr></thead>
          <tbody>
            {p.appointments.map((a, i) => (
              <tr key={i}><td className="lz-nums">{a.decidedOn}</td><td>{a.kind}</td><td>{a.position}</td><td>{dash(a.approver)}</td><td>{dash(a.documentNo)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : <p className="lz-pp-none">{PRINT_EMPTY}</p>}

      <h3 className="lz-pp-sub">家庭主要成员及重要社会关系</h3>
      {p.family.length ? (
        <table className="lz-pp-rows">
          <thead><tr><th>称谓</th><th>姓名</th><th>出生年月</th><th>政治面貌</th><th>工作单位及职务</th></tr></thead>
          <tbody>
            {p.family.map((m, i) => (
              <tr key={i}><td>{m.relation}</td><td>{m.name}</td><td className="lz-nums">{dash(formatMonth(m.birthMonth))}</td><td>{dash(m.politicalStatus)}</td><td>{dash(m.workPosition)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : <p className="lz-pp-none">{PRINT_EMPTY}</p>}
    </>
  );
}

function Records({ category, records }: { category: Category; records: ArchiveRecord[] }) {
  if (!records.length) return <p className="lz-pp-none" data-testid="print-empty">{PRINT_EMPTY}</p>;
  return (
    <>
      {records.map((r, i) => (
        <div key={r.id} className="lz-pp-record" data-testid="print-record">
          <div className="lz-pp-caption">第 {i + 1} 条{r.reviewedBy ? `　审核人：${r.reviewedBy}` : ''}</div>
          <RecordSheet category={category} record={r} perRow={2} />
        </div>
      ))}
    </>
  );
}

function Catalogue({ categories, byCategory }: { categories: Category[]; byCategory: Map<number, ArchiveRecord[]> }) {
  const items = categories.flatMap((c) => (byCategory.get(c.id) ?? []).flatMap((r) => r.materials.map((m) => ({ c, m }))));
  const pages = items.reduce((n, x) => n + (x.m.pages ?? 0), 0);
  return (
    <section className="lz-pp-catalogue" data-testid="print-catalogue">
      <h2 className="lz-pp-heading">材料目录</h2>
      {items.length ? (
        <table className="lz-pp-rows lz-pp-catalogue-table">
          <thead><tr><th>序号</th><th>类别</th><th>材料名称</th><th>形成时间</th><th>页数</th></tr></thead>
          <tbody>
            {items.map(({ c, m }, i) => (
              <tr key={`${m.id ?? ''}${i}`}>
                <td className="lz-center">{i + 1}</td><td>{categoryNumeral(c.id)}、{c.short}</td><td>{m.name}</td>
                <td className="lz-center lz-nums">{m.formedOn ?? ''}</td><td className="lz-center lz-nums">{m.pages ?? ''}</td>
              </tr>
            ))}
          </tbody>
          <tfoot><tr><td colSpan={4} className="lz-pp-total">合计 {items.length} 件</td><td className="lz-center lz-nums">{pages || ''}</td></tr></tfoot>
        </table>
      ) : <p className="lz-pp-none">本档案的已审核记录均未登记材料。</p>}
    </section>
  );
}

export function PrintPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { me } = useAuth();
  const { message } = AntApp.useApp();
  const { categories, docs, error: catError } = useCategories();

  const archive = useQuery({
    queryKey: queryKey(docs?.cadre ?? 'CadreArchive', { id, includeDeleted: false }),
    enabled: !!docs,
    queryFn: async ({ signal }): Promise<CadreArchive | null> => {
      const d = await gql<{ cadre: (Omit<CadreArchive, 'records'> & { records: unknown[] }) | null }>(docs!.cadre, { id, includeDeleted: false }, { signal });
      return d.cadre ? { ...d.cadre, records: d.cadre.records.map((r) => docs!.normalize(r)) } : null;
    },
  });
  const profileQuery = useGqlQuery(CadreProfileDocument, { id });
  const cadre = archive.data ?? null;
  const profile = profileQuery.data?.cadre ?? null;

  // Accepted records only: what waits for review or was returned is not yet part of the archive on paper.
  const byCategory = useMemo(() => {
    const m = new Map<number, ArchiveRecord[]>();
    for (const r of cadre?.records ?? []) if (r.status === 'accepted' && !r.deleted) m.set(r.category, [...(m.get(r.category) ?? []), r]);
    return m;
  }, [cadre]);

  const backTo = `/cadres/${id}`;
  const printedBy = me ? `${me.displayName}（${me.username}）` : '';
  const error = catError ?? (archive.error ? errorText(archive.error, '档案加载失败') : profileQuery.error ? errorText(profileQuery.error, '基本信息加载失败') : null);
  const ready = !!(cadre && profile && categories);

  const toolbar = (
    <div className="lz-pp-toolbar lz-no-print">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(backTo, { state: location.state })} data-testid="print-back">返回档案</Button>
      <span className="lz-pp-toolbar-title">打印预览 · A4{cadre ? ` · ${cadre.name}` : ''}</span>
      <Space>
        <Button icon={<FileImageOutlined />} disabled={!ready} data-testid="print-download-jpg"
          onClick={() => cadre && downloadFile(`/api/cadres/${cadre.id}/print.zip`, `${cadre.name}-廉政档案.zip`).catch((e) => message.error(errorText(e)))}>
          下载图片（JPG）
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()} data-testid="print-now">打印</Button>
      </Space>
    </div>
  );

  if (archive.data === null || profileQuery.data?.cadre === null) {
    return (
      <div className="lz-pp-screen">
        {toolbar}
        <Result status="404" title="档案不存在或不在可见范围内" extra={<Button type="primary" onClick={() => navigate('/cadres')}>返回干部档案</Button>} />
      </div>
    );
  }

  return (
    <div className="lz-pp-screen" data-testid="print-page">
      {toolbar}
      {error && <Alert type="error" showIcon title={error} className="lz-no-print" />}
      {!ready ? (
        !error && <div className="lz-center-pad"><Spin description="正在准备打印…" /></div>
      ) : (
        <div className="lz-paper" data-testid="print-paper">
          {/* The page header names the archive on every page but the cover (print.css: @page lz-archive). */}
          <style>{pageRule(cadre.name)}</style>
          <Cover cadre={cadre} printedBy={printedBy} />
          <div className="lz-pp-body">
            {categories.map((c) => (
              <section key={c.id} className={`lz-pp-category${c.id === 1 ? ' lz-pp-first' : ''}`} data-testid={`print-category-${c.id}`}>
                <h2 className="lz-pp-heading">{categoryNumeral(c.id)}、{c.title}</h2>
                {c.id === 1 ? (
                  <>
                    <h3 className="lz-pp-sub">（一）个人基本信息</h3>
                    <BasicInformation p={profile} />
                    <h3 className="lz-pp-sub">（二）个人有关事项报告情况</h3>
                    <Records category={c} records={byCategory.get(c.id) ?? []} />
                  </>
                ) : <Records category={c} records={byCategory.get(c.id) ?? []} />}
              </section>
            ))}
            <Catalogue categories={categories} byCategory={byCategory} />
          </div>
        </div>
      )}
    </div>
  );
}
