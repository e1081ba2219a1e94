import type React from 'react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App as AntApp, Button, Card, Result, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, FileImageOutlined, FileTextOutlined, LockOutlined, UserAddOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { errorText, gql, isForbidden } from '../../api/graphql';
import { invalidate, queryKey } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { PageHead, RefreshButton } from '../../components/PageHead';
import { PagedTable, usePagedQuery } from '../../components/PagedTable';
import { ScopeLine, SearchBox } from '../../components/Toolbar';
import { CadresDocument, type Cadre, type CadreFilter } from './queries';
import { STATUS_COLORS } from './format';
import { formatMonth } from '../../components/format';
import { NewCadreModal } from './NewCadreModal';
import { WarningTag } from '../../components/WarningTag';
import { DeletedCadresDrawer } from './DeletedCadresDrawer';
import { useUnitDirectory } from './unitDirectory';
import { downloadFile } from '../imports/api';
import { reportsZipUrl } from '../replies/api';
import { JOB_DIRECT_MAX, JobsDocument, PRINT_JOB_MAX, REPORT_JOB_MAX, StartPrintBatchDocument, StartReportBatchDocument, type JobRow } from '../jobs/api';
import { JobProgressModal } from '../jobs/JobProgress';

const dash = (v: string | null | undefined) => (v ? v : <span className="lz-muted">—</span>);


function CadresForbidden() {
  return (
    <Card className="lz-page-card" data-testid="cadres-forbidden">
      <Result
        icon={<LockOutlined className="lz-forbidden-icon" />}
        title="当前角色无权查看干部档案"
        subTitle="如需查看，请联系本机关系统管理员调整角色权限。"
      />
    </Card>
  );
}

/** The ledger for roles that may read cadres; others get the refusal without asking the API. */
export function CadreListPage() {
  const { can } = useAuth();
  return can('Cadre:read') ? <CadreLedger /> : <CadresForbidden />;
}

function CadreLedger() {
  const { me, can } = useAuth();
  const [creating, setCreating] = useState(false);
  const [showDeleted, setShowDeleted] = useState(false);
  const navigate = useNavigate();
  const directory = useUnitDirectory();
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const { message } = AntApp.useApp();
  // 批量廉情报告 of the cadres ticked across pages (docs/jobs.md): a few at once, more as a job.
  const [picked, setPicked] = useState<React.Key[]>([]);
  const [job, setJob] = useState<{ job: JobRow; title: string } | null>(null);
  const batchReports = async () => {
    const ids = picked.map(String);
    const asOf = dayjs().format('YYYY-MM-DD');
    try {
      if (ids.length <= JOB_DIRECT_MAX) {
        await downloadFile(reportsZipUrl(ids, asOf), '廉情评价报告.zip');
      } else {
        setJob({ job: (await gql<{ startReportBatch: JobRow }>(StartReportBatchDocument, { cadreIds: ids, asOf })).startReportBatch, title: '批量生成廉情评价报告' });
        void invalidate(JobsDocument);
      }
    } catch (e) {
      message.error(errorText(e));
    }
  };
  // The archives as A4 JPG pages, one folder per cadre: always a job (each archive takes seconds to render).
  const batchPrint = async () => {
    try {
      setJob({ job: (await gql<{ startPrintBatch: JobRow }>(StartPrintBatchDocument, { cadreIds: picked.map(String) })).startPrintBatch, title: '批量打印档案（图片）' });
      void invalidate(JobsDocument);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const { selectedNode } = directory;
  // The colour of each row (廉情预警), for the roles that read warnings (not fillers: docs/warning-board.md).
  const warnings = can('Warning:read');
  const filter = useMemo<CadreFilter>(() => {
    const f: CadreFilter = {};
    if (search) f.search = search;
    if (selectedNode?.filter.tenantCode) f.tenantCode = selectedNode.filter.tenantCode;
    if (selectedNode?.filter.unitId) f.unitId = selectedNode.filter.unitId;
    return f;
  }, [search, selectedNode]);

  const cadres = usePagedQuery<Cadre>(
    // Keyset paging: the next or previous page by its cursor, a jump by its offset (docs/search.md).
    (first, offset, signal, after) => gql(CadresDocument, after ? { first, after, filter, warnings } : { first, offset, filter, warnings }, { signal })
      .then((d) => d.cadres),
    queryKey(CadresDocument, { filter, warnings }),
    { errorFallback: '干部档案加载失败', cursors: true },
  );
  const forbidden = isForbidden(cadres.failure);
  const { setPage } = cadres;

  const onSearch = (value: string) => {
    setSearchInput(value);
    setSearch(value.trim());
    setPage(1);
  };

  const onSelectNode = (keys: React.Key[]) => {
    directory.select(keys);
    setPage(1);
  };

  const columns: TableColumnsType<Cadre> = [
    {
      title: '序号', key: 'index', width: 52, align: 'center', fixed: 'left',
      render: (_v, _r, i) => (cadres.page - 1) * cadres.pageSize + i + 1,
    },
    {
      title: '姓名', dataIndex: 'name', key: 'name', width: 80, fixed: 'left',
      render: (v: string, r) => (
        <Link to={`/cadres/${r.id}`} className="lz-cadre-name lz-cadre-link" data-testid="cadre-name" onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    ...(warnings ? [{
      title: '预警', key: 'warning', width: 52, align: 'center' as const, fixed: 'left' as const,
      // The list asks for the warnings only (most severe first; the request's cost limit): the first is the colour.
      render: (_v: unknown, r: Cadre) => <WarningTag warning={r.warnings?.[0]} details={r.warnings} hideNone />,
    }] : []),
    { title: '性别', dataIndex: 'sex', key: 'sex', width: 48, align: 'center', render: dash },
    {
      title: '出生年月', dataIndex: 'birthMonth', key: 'birthMonth', width: 76, align: 'center',
      render: (v: string | null) => dash(formatMonth(v)),
    },
    { title: '民族', dataIndex: 'ethnicity', key: 'ethnicity', width: 64, align: 'center', render: dash },
    {
      title: '单位', key: 'unit', width: 140, ellipsis: { showTitle: false },
      render: (_v, r) => <Tooltip placement="topLeft" title={r.unit.name}><span data-testid="cadre-unit">{r.unit.name}</span></Tooltip>,
    },
    {
      title: '现任职务', dataIndex: 'position', key: 'position', width: 120, ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Tooltip placement="topLeft" title={v}>{v}</Tooltip> : dash(v)),
    },
    { title: '职级', dataIndex: 'rank', key: 'rank', width: 112, render: dash },
    { title: '学历', dataIndex: 'education', key: 'education', width: 88, render: dash },
    {
      title: '状态', dataIndex: 'status', key: 'status', width: 60, align: 'center',
      render: (v: string) => <Tag color={STATUS_COLORS[v] ?? 'blue'}>{v}</Tag>,
    },
    {
      title: '所属机关', key: 'tenant', width: 124, ellipsis: { showTitle: false },
      render: (_v, r) => <Tooltip placement="topLeft" title={r.tenant.name}>{r.tenant.name}</Tooltip>,
    },
  ];

  if (forbidden) return <CadresForbidden />;

  return (
    <div className="lz-cadres">
      <PageHead
        title="干部档案"
        desc={!me
          ? '一人一档'
          : me.roles.includes('filler')
            ? '本人负责填报的单位（含下级单位）的干部，一人一档'
            : `${me.tenant.name}及下级机关可见范围内的干部，一人一档`}
      />

      <div className="lz-cadres-body">
        {directory.card(onSelectNode)}

        <PagedTable<Cadre>
          query={cadres}
          columns={columns}
          className="lz-cadre-table"
          testId="cadre-table"
          rowTestId="cadre-row"
          scrollX={960}
          rowClassName="lz-clickable-row"
          rowSelection={warnings ? {
            selectedRowKeys: picked, preserveSelectedRowKeys: true, onChange: setPicked,
            getCheckboxProps: () => ({ 'data-testid': 'cadre-pick' }) as Record<string, string>,
          } : undefined}
          onRow={(r) => ({
            onClick: (e: React.MouseEvent) => {
              // A text selection is not a click on the row.
              if (window.getSelection()?.toString()) return;
              // Nor a link, a button, or the selection checkbox.
              if ((e.target as HTMLElement).closest('a, button, .ant-table-selection-column')) return;
              navigate(`/cadres/${r.id}`);
            },
          })}
          empty={search ? '没有符合条件的干部' : '暂无干部档案'}
          total={(n, estimate) => (estimate ? `约 ${roughly(n)} 人` : `共 ${n} 人`)}
          totalTestId="cadre-total"
          toolbar={
            <>
              <SearchBox
                id="cadre-search-input"
                testId="cadre-search"
                placeholder="姓名 / 拼音 / 首字母"
                value={searchInput}
                onChange={setSearchInput}
                onSearch={onSearch}
              />
              <ScopeLine
                scope={selectedNode ? selectedNode.scopeText : null}
                onClear={() => onSelectNode([])}
                all={me ? `${me.tenant.name}（全部可见）` : '全部可见'}
              >
                {search && (
                  <Tag closable onClose={(e) => { e.preventDefault(); onSearch(''); }}>
                    查询：{search}
                  </Tag>
                )}
              </ScopeLine>
              <RefreshButton onClick={cadres.refresh} />
              {warnings && picked.length > 0 && (
                <Tooltip title={picked.length > REPORT_JOB_MAX ? `一次最多 ${REPORT_JOB_MAX} 人` : `所选干部截至今天的廉情评价报告${picked.length > JOB_DIRECT_MAX ? '（在后台生成）' : ''}`}>
                  <Button icon={<FileTextOutlined />} onClick={() => void batchReports()} disabled={picked.length > REPORT_JOB_MAX} data-testid="cadre-batch-reports">
                    批量廉情报告（{picked.length}）
                  </Button>
                </Tooltip>
              )}
              {warnings && picked.length > 0 && can('ArchiveRecord:read') && (
                <Tooltip title={picked.length > PRINT_JOB_MAX ? `一次最多 ${PRINT_JOB_MAX} 人` : '所选干部的廉政档案，生成 A4 图片（在后台生成）'}>
                  <Button icon={<FileImageOutlined />} onClick={() => void batchPrint()} disabled={picked.length > PRINT_JOB_MAX} data-testid="cadre-batch-print">
                    批量打印图片（{picked.length}）
                  </Button>
                </Tooltip>
              )}
              {warnings && picked.length > 0 && <Button type="link" onClick={() => setPicked([])}>清除选择</Button>}
              {can('Cadre:restore') && (
                <Button icon={<DeleteOutlined />} onClick={() => setShowDeleted(true)} data-testid="deleted-cadres-open">已删除干部</Button>
              )}
              {can('Cadre:create') && (
                <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)} data-testid="new-cadre">新建干部</Button>
              )}
            </>
          }
        />
      </div>
      {job && <JobProgressModal job={job.job} title={job.title} onClose={() => setJob(null)} />}
      <NewCadreModal open={creating} onClose={() => setCreating(false)} />
      <DeletedCadresDrawer open={showDeleted} onClose={() => setShowDeleted(false)} />
    </div>
  );
}

/** An estimated count to two significant figures, grouped: 7,849 → 7,800. */
export function roughly(n: number): string {
  const step = n >= 100 ? 10 ** (Math.floor(Math.log10(n)) - 1) : 1;
  return (Math.round(n / step) * step).toLocaleString('zh-CN');
}
