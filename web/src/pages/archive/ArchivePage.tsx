// 干部廉政档案 (one person, one archive): the head of the 任免审批表, then one tab per category the user may see, each
// listing its records as paper-form cards with the actions of the user's role. 打印 opens the A4 print view
// (PrintPage.tsx: cover, every category as its paper tables, the materials catalogue; docs/print.md).
import { useCallback, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, App as AntApp, Badge, Button, Card, Empty, Result, Space, Spin, Switch, Tabs, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, ExportOutlined, FileTextOutlined, FileWordOutlined, PlusOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { downloadFile } from '../imports/api';
import dayjs from 'dayjs';
import { errorText, gql } from '../../api/graphql';
import { queryClient, queryKey, useGqlQuery } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { CadreHeader } from './CadreHeader';
import { CadreWarningTag } from '../warnings/CadreWarningTag';
import { CadreLifecycle } from './CadreLifecycle';
import { PhotoFrame } from './PhotoFrame';
import { ProfileEditor } from './ProfileEditor';
import { OpenChangeNote } from './OpenChangeNote';
import { ProfileSheet } from './ProfileSheet';
import { CadreProfileDocument } from './profile';
import { categoryNumeral } from './format';
import { HistoryDrawer } from './HistoryDrawer';
import type { ArchiveDocs } from './queries';
import { RecordCard, type RecordPermissions } from './RecordCard';
import { RecordForm } from './RecordForm';
import { ReturnModal } from './ReturnModal';
import type { ArchiveRecord, CadreArchive, Category } from './types';
import { useCategories } from './useCategories';
import { DispositionCard } from '../dispositions/DispositionCard';

type ModalState =
  | { kind: 'create'; category: Category }
  | { kind: 'edit'; record: ArchiveRecord }
  | { kind: 'return'; record: ArchiveRecord }
  | { kind: 'history'; record: ArchiveRecord };

interface BackState { from?: string; fromLabel?: string }

function CategoryPanel({ category, records, docs, can, canCreate, onAdd, panelProps }: {
  category: Category;
  records: ArchiveRecord[];
  docs: ArchiveDocs;
  can: RecordPermissions;
  canCreate: boolean;
  onAdd(): void;
  panelProps: Omit<Parameters<typeof RecordCard>[0], 'category' | 'record' | 'docs' | 'can' | 'index'>;
}) {
  const live = records.filter((r) => !r.deleted);
  const pending = live.filter((r) => r.status === 'pending').length;
  const returned = live.filter((r) => r.status === 'returned').length;
  return (
    <div className="lz-category-panel" data-testid={`category-panel-${category.id}`}>
      <div className="lz-category-head">
        <div className="lz-category-title">
          <span className="lz-category-no">{categoryNumeral(category.id)}、</span>
          {category.title}
        </div>
        <div className="lz-category-stats">
          <span>共 <b data-testid="category-total">{live.length}</b> 条</span>
          {pending > 0 && <span className="lz-stat-pending">待审核 {pending}</span>}
          {returned > 0 && <span className="lz-stat-returned">已退回 {returned}</span>}
          {records.length > live.length && <span className="lz-muted">已删除 {records.length - live.length}</span>}
        </div>
        {canCreate && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={onAdd} className="lz-no-print" data-testid="record-add">
            新增
          </Button>
        )}
      </div>
      {records.length ? (
        <div className="lz-record-list">
          {records.map((r, i) => (
            <RecordCard key={r.id} category={category} record={r} docs={docs} can={can} index={i + 1} {...panelProps} />
          ))}
        </div>
      ) : (
        <div className="lz-category-empty" data-testid="category-empty">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
        </div>
      )}
    </div>
  );
}

export function ArchivePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { me, can } = useAuth();
  const { message } = AntApp.useApp();
  const { categories, docs, error: catError, retry } = useCategories();

  const perms: RecordPermissions = useMemo(() => ({
    // The API lists no separate update permission: whoever may enter records may correct them (within reach).
    edit: can('ArchiveRecord:create'),
    review: can('ArchiveRecord:review'),
    remove: can('ArchiveRecord:delete'),
    restore: can('ArchiveRecord:restore'),
  }), [can]);
  const canCreate = can('ArchiveRecord:create');

  const [showDeleted, setShowDeleted] = useState(false);
  const [modal, setModal] = useState<ModalState | null>(null);

  const includeDeleted = showDeleted && perms.restore;
  // The archive as the console shows it (records normalized), cached under the document's name and variables;
  // null when the cadre does not exist or is out of reach.
  const archiveKey = useMemo(() => queryKey(docs?.cadre ?? 'CadreArchive', { id, includeDeleted }), [docs, id, includeDeleted]);
  const archive = useQuery({
    queryKey: archiveKey,
    enabled: !!docs,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<CadreArchive | null> => {
      const d = await gql<{ cadre: (Omit<CadreArchive, 'records'> & { records: unknown[] }) | null }>(
        docs!.cadre, { id, includeDeleted }, { signal },
      );
      return d.cadre ? { ...d.cadre, records: d.cadre.records.map((r) => docs!.normalize(r)) } : null;
    },
  });
  const cadre = archive.data ?? null;
  const missing = archive.data === null;
  const loading = archive.isFetching;

  // The full basic information (every field of the appointment form, rows, photo, history): category 1's sheet.
  const profileQuery = useGqlQuery(CadreProfileDocument, { id });
  const profile = profileQuery.data?.cadre ?? null;
  const [editingProfile, setEditingProfile] = useState(false);
  const canEditProfile = can('Cadre:update');

  const error = archive.error
    ? errorText(archive.error, '档案加载失败')
    : profileQuery.error ? errorText(profileQuery.error, '基本信息加载失败') : null;
  const reload = useCallback(() => { void archive.refetch(); void profileQuery.refetch(); }, [archive, profileQuery]);

  /** Put a record as it now is into the cached list (a deleted one leaves it unless deleted ones are shown). */
  const put = useCallback((r: ArchiveRecord) => {
    queryClient.setQueryData<CadreArchive | null>(archiveKey, (c) => {
      if (!c) return c;
      const has = c.records.some((x) => x.id === r.id);
      let records = has ? c.records.map((x) => (x.id === r.id ? r : x)) : [r, ...c.records];
      if (r.deleted && !includeDeleted) records = records.filter((x) => x.id !== r.id);
      return { ...c, records };
    });
  }, [archiveKey, includeDeleted]);

  const byCategory = useMemo(() => {
    const m = new Map<number, ArchiveRecord[]>();
    for (const r of cadre?.records ?? []) m.set(r.category, [...(m.get(r.category) ?? []), r]);
    return m;
  }, [cadre]);

  const back = (location.state ?? {}) as BackState;
  const backTo = back.from ?? '/cadres';
  const backLabel = back.fromLabel ?? '干部档案';

  const tabParam = Number(params.get('tab'));
  const visibleIds = categories?.map((c) => c.id) ?? [];
  const firstWithRecords = categories?.find((c) => (byCategory.get(c.id) ?? []).some((r) => !r.deleted))?.id;
  const activeTab = String(visibleIds.includes(tabParam) ? tabParam : firstWithRecords ?? visibleIds[0] ?? '');
  const selectTab = (key: string) => {
    const next = new URLSearchParams(params);
    next.set('tab', key);
    setParams(next, { replace: true, state: location.state });
  };

  const head = (
    <div className="lz-page-head lz-archive-head">
      <Button type="link" icon={<ArrowLeftOutlined />} className="lz-back lz-no-print" onClick={() => navigate(backTo)} data-testid="archive-back">
        返回{backLabel}
      </Button>
      <Typography.Title level={4} className="lz-page-title">干部廉政档案</Typography.Title>
      <span className="lz-page-desc">{cadre ? `${cadre.name} · 一人一档` : '一人一档'}</span>
      <span className="lz-head-spacer" />
      <Space size={12} className="lz-no-print">
        {perms.restore && (
          <label className="lz-switch-label">
            <Switch size="small" checked={showDeleted} onChange={setShowDeleted} data-testid="show-deleted" />
            <span>显示已删除</span>
          </label>
        )}
        <Tooltip title="刷新">
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新" data-testid="archive-reload" />
        </Tooltip>
        <Button icon={<FileWordOutlined />} disabled={!cadre} data-testid="archive-export-docx"
          onClick={() => cadre && downloadFile(`/api/cadres/${cadre.id}/export.docx`, `${cadre.name}-干部任免审批表.docx`).catch((e) => message.error(errorText(e)))}>
          导出任免审批表
        </Button>
        <Button icon={<ExportOutlined />} disabled={!cadre} data-testid="archive-export-lrmx"
          onClick={() => cadre && downloadFile(`/api/cadres/${cadre.id}/export.lrmx`, `${cadre.name}-干部任免审批表.lrmx`).catch((e) => message.error(errorText(e)))}>
          导出 lrmx
        </Button>
        {can('Warning:read') && (
          // 廉情评价报告 (docs/reports.md): officers and leaders only — it prints clues (8–9) and the warning colour.
          <Button icon={<FileTextOutlined />} disabled={!cadre} data-testid="archive-report-docx"
            onClick={() => cadre && downloadFile(`/api/cadres/${cadre.id}/report.docx`, `关于${cadre.name}同志廉情报告.docx`).catch((e) => message.error(errorText(e)))}>
            廉情报告
          </Button>
        )}
        <Button icon={<PrinterOutlined />} onClick={() => navigate(`/cadres/${id}/print`, { state: location.state })} disabled={!cadre} data-testid="archive-print">打印</Button>
      </Space>
    </div>
  );

  if (catError) {
    return (
      <div className="lz-archive">
        {head}
        <Alert type="error" showIcon title={catError} action={<Button size="small" onClick={retry}>重试</Button>} />
      </div>
    );
  }

  if (missing) {
    return (
      <div className="lz-archive">
        {head}
        <Card className="lz-page-card" data-testid="archive-missing">
          <Result
            status="404"
            title="档案不存在或不在可见范围内"
            subTitle="该干部可能已调离本机关，或不在您负责的单位范围内。"
            extra={<Button type="primary" onClick={() => navigate('/cadres')}>返回干部档案</Button>}
          />
        </Card>
      </div>
    );
  }

  const panelProps = {
    onEdit: (record: ArchiveRecord) => setModal({ kind: 'edit', record }),
    onReturn: (record: ArchiveRecord) => setModal({ kind: 'return', record }),
    onHistory: (record: ArchiveRecord) => setModal({ kind: 'history', record }),
    onChanged: (r: ArchiveRecord, text: string) => { put(r); message.success(text); },
    onStale: reload,
  };

  const modalCategory = modal && (modal.kind === 'create' ? modal.category : docs?.byId.get(modal.record.category));

  return (
    <div className="lz-archive" data-testid="archive-page">
      {head}
      {error && (
        <Alert type="error" showIcon title={error} className="lz-table-alert" action={<Button size="small" onClick={reload}>重试</Button>} />
      )}
      {!cadre || !categories || !docs ? (
        !error && <Card className="lz-page-card"><div className="lz-center-pad"><Spin description="正在加载档案…" /></div></Card>
      ) : (
        <>
          <div className="lz-print-only lz-print-title">
            <div className="lz-print-heading">干部廉政档案</div>
            <div className="lz-print-meta">
              {cadre.tenant.name} · {cadre.unit.name}　打印人：{me?.displayName}（{me?.username}）　打印时间：{dayjs().format('YYYY-MM-DD HH:mm')}
            </div>
          </div>
          <Card size="small" className="lz-archive-card lz-cadre-card">
            <CadreHeader
              cadre={cadre}
              warning={can('Warning:read') ? <CadreWarningTag id={cadre.id} stamp={cadre.records.map((r) => `${r.id}:${r.version}:${r.status}:${r.deleted}`).join()} /> : undefined}
              photo={profile ? <PhotoFrame cadreId={cadre.id} url={profile.photoUrl} editable={canEditProfile} onChanged={reload} /> : undefined}
            />
          </Card>
          <CadreLifecycle id={cadre.id} />
          <DispositionCard cadre={cadre} />
          <Card size="small" className="lz-archive-card lz-records-card">
            <Spin spinning={loading} delay={200}>
              <Tabs
                className="lz-category-tabs"
                tabPlacement="start"
                activeKey={activeTab}
                onChange={selectTab}
                items={categories.map((c) => {
                  const records = byCategory.get(c.id) ?? [];
                  const live = records.filter((r) => !r.deleted);
                  const open = live.filter((r) => r.status !== 'accepted').length;
                  return {
                    key: String(c.id),
                    forceRender: true,
                    label: (
                      <span className="lz-cat-tab" data-testid={`category-tab-${c.id}`} title={c.title}>
                        <span className="lz-cat-no">{categoryNumeral(c.id)}</span>
                        <span className="lz-cat-name">{c.short}</span>
                        {live.length > 0 && <Badge
                          count={live.length}
                          overflowCount={999}
                          className="lz-cat-count"
                          color={open ? '#d46b08' : '#8592a6'}
                          title={open ? `共 ${live.length} 条，其中待审核或已退回 ${open} 条` : `共 ${live.length} 条`}
                          data-testid={`category-count-${c.id}`}
                        />}
                      </span>
                    ),
                    children: (
                      <>
                      {c.id === 1 && profile && <OpenChangeNote profile={profile} reviewer={can('Cadre:review')} />}
                      {c.id === 1 && profile && (
                        <ProfileSheet profile={profile} canEdit={canEditProfile} onEdit={() => setEditingProfile(true)} />
                      )}
                      <CategoryPanel
                        category={c}
                        records={records}
                        docs={docs}
                        can={perms}
                        canCreate={canCreate}
                        onAdd={() => setModal({ kind: 'create', category: c })}
                        panelProps={panelProps}
                      />
                      </>
                    ),
                  };
                })}
              />
            </Spin>
          </Card>
        </>
      )}

      {profile && editingProfile && (
        <ProfileEditor
          profile={profile}
          open={editingProfile}
          onClose={() => setEditingProfile(false)}
          reviewed={!can('Cadre:review')}
          onSaved={(submitted) => { setEditingProfile(false); message.success(submitted ? '已提交审核' : '基本信息已保存'); reload(); }}
        />
      )}
      {modal && docs && cadre && modalCategory && (modal.kind === 'create' || modal.kind === 'edit') && (
        <RecordForm
          mode={modal.kind}
          category={modalCategory}
          cadre={cadre}
          record={modal.kind === 'edit' ? modal.record : undefined}
          docs={docs}
          needsReview={!perms.review}
          onClose={() => setModal(null)}
          onSaved={(r) => {
            setModal(null);
            put(r);
            message.success(
              modal.kind === 'create'
                ? (r.status === 'pending' ? '已提交，待纪检干部审核' : '已录入')
                : (r.status === 'pending' && !perms.review ? '已保存，记录已重新提交审核' : '已保存'),
            );
          }}
        />
      )}
      {modal?.kind === 'return' && docs && (
        <ReturnModal
          record={modal.record}
          docs={docs}
          onClose={() => setModal(null)}
          onDone={(r) => { setModal(null); put(r); message.success('已退回'); }}
        />
      )}
      {modal?.kind === 'history' && docs && (
        <HistoryDrawer record={modal.record} docs={docs} onClose={() => setModal(null)} />
      )}
    </div>
  );
}
