// 访问日志: the access log of the auditor's tenant and the tenants below, newest first, as a ledger with a filter
// bar, server-side paging, an expandable row with the chain fields (链序号, SM3 哈希) and the detail JSON, exports of
// the whole filtered result (CSV / Excel) and 清理 of old rows. The cadre filter also comes from the address
// (?cadreId=…) so other pages can link here, and from the 涉及干部 popover of any row (「只看此人」).
import type React from 'react';
import { useEffect, useMemo, useState } from 'react';
import { App as AntApp, Button, Form, Space, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { CloseCircleOutlined, DeleteOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { errorText, gql } from '../../api/graphql';
import { useAuth } from '../../auth/AuthProvider';
import { dash, formatTime } from '../../components/format';
import { TIME_ZONE_LABEL } from '@shared/time';
import { PageHead, RefreshButton } from '../../components/PageHead';
import { queryKey } from '../../api/query';
import { PagedTable, usePagedQuery } from '../../components/PagedTable';
import { useSearchParam } from '../../components/useSearchParam';
import { useTenants } from '../admin/tenantTree';
import { downloadAuditExport, type ExportFormat } from './exportFile';
import { describeCriteria, FilterBar, toFilter, type BaseFilter, type CriterionKey, type FilterValues } from './log/FilterBar';
import { CadreIdsCell, ExpandedRow } from './log/cells';
import { PurgeDialog } from './log/PurgeDialog';
import {
  AuditEventsDocument, KIND_COLORS, OUTCOME_COLORS, type AuditEvent, type AuditFilter,
} from './queries';

const EXPORTS: { format: ExportFormat; label: string; icon: React.ReactNode }[] = [
  { format: 'csv', label: 'CSV', icon: <FileTextOutlined /> },
  { format: 'xlsx', label: 'Excel', icon: <FileExcelOutlined /> },
];

export function AuditLogPage() {
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const tenants = useTenants();
  const [cadreParam, setCadre] = useSearchParam('cadreId');
  const urlCadre = cadreParam?.trim() || null;

  const [form] = Form.useForm<FilterValues>();
  const [base, setBase] = useState<BaseFilter>({});
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [purgeOpen, setPurgeOpen] = useState(false);
  const [initialValues] = useState<FilterValues>(() => ({ cadreId: urlCadre ?? undefined }));

  const filter = useMemo<AuditFilter>(() => (urlCadre ? { ...base, cadreId: urlCadre } : base), [base, urlCadre]);

  const events = usePagedQuery<AuditEvent>(
    (first, offset, signal) => gql(AuditEventsDocument, { first, offset, filter }, { signal }).then((d) => d.auditEvents),
    queryKey(AuditEventsDocument, { filter }),
    { errorFallback: '访问日志加载失败', onPageChange: () => setExpanded([]) },
  );
  const { setPage, refresh } = events;

  // The cadre named in the address is the cadre filter: show it in the form, and start from the first page.
  useEffect(() => {
    form.setFieldValue('cadreId', urlCadre ?? undefined);
    setPage(1);
  }, [urlCadre, form, setPage]);

  const apply = (v: FilterValues) => {
    setBase(toFilter(v));
    setCadre(v.cadreId?.trim() || null);
    setPage(1);
    setExpanded([]);
    refresh();
  };

  const reset = () => {
    form.resetFields();
    form.setFieldsValue({ range: null, username: undefined, tenantCode: undefined, kind: undefined, outcome: undefined, cadreId: undefined, text: undefined });
    apply({});
  };

  const pickCadre = (id: string) => {
    // With the other fields as the form shows them.
    form.setFields([{ name: 'cadreId', value: id, errors: [] }]);
    apply({ ...form.getFieldsValue(), cadreId: id });
  };

  /** Drop one applied criterion (a closed tag): the form forgets it too; the others stay as applied. */
  const dropCriterion = (key: CriterionKey) => {
    if (key === 'cadreId') {
      form.setFields([{ name: 'cadreId', value: undefined, errors: [] }]);
      setCadre(null);
      return;
    }
    form.setFieldValue(key, key === 'range' ? null : undefined);
    setBase((b) => {
      const next = { ...b };
      if (key === 'range') {
        delete next.from;
        delete next.to;
      } else delete next[key];
      return next;
    });
    setPage(1);
  };

  const runExport = async (format: ExportFormat) => {
    const label = EXPORTS.find((x) => x.format === format)!.label;
    const key = 'audit-export';
    setExporting(format);
    message.open({ key, type: 'loading', content: `正在导出访问日志（${label}）…`, duration: 0 });
    try {
      const { filename, rows } = await downloadAuditExport(format, filter);
      message.open({
        key,
        type: 'success',
        content: rows === null ? `已导出访问日志（${label}）：${filename}` : `已导出 ${rows} 条访问日志（${label}）：${filename}`,
        duration: 5,
      });
    } catch (e) {
      message.open({ key, type: 'error', content: `导出失败：${errorText(e)}`, duration: 6 });
    } finally {
      setExporting(null);
    }
  };

  const columns: TableColumnsType<AuditEvent> = [
    {
      // Beijing time whatever the browser's zone, as the exports show it (their header names the zone too).
      title: <Tooltip title={`所有时间均为${TIME_ZONE_LABEL}，与导出文件一致`}><span data-testid="audit-time-head">时间（北京时间）</span></Tooltip>,
      dataIndex: 'at', key: 'at', width: 160,
      render: (v: string) => <span className="lz-time" data-testid="audit-time">{formatTime(v)}</span>,
    },
    {
      title: '用户', dataIndex: 'username', key: 'username', width: 148, ellipsis: { showTitle: false },
      render: (v: string | null) =>
        v ? <Tooltip placement="topLeft" title={v}><span className="lz-mono lz-username" data-testid="audit-user">{v}</span></Tooltip> : dash(v),
    },
    {
      title: '机构', dataIndex: 'tenantName', key: 'tenant', width: 132, ellipsis: { showTitle: false },
      render: (v: string | null, r) =>
        v ? <Tooltip placement="topLeft" title={`${v}（${r.tenantCode}）`}><span data-testid="audit-tenant">{v}</span></Tooltip> : <span className="lz-muted" data-testid="audit-tenant">—</span>,
    },
    {
      title: '类型', dataIndex: 'kindLabel', key: 'kind', width: 68, align: 'center',
      render: (v: string, r) => <Tag color={KIND_COLORS[r.kind]} className="lz-audit-tag" data-testid="audit-kind">{v}</Tag>,
    },
    {
      title: '结果', dataIndex: 'outcomeLabel', key: 'outcome', width: 68, align: 'center',
      render: (v: string, r) => <Tag color={OUTCOME_COLORS[r.outcome]} className="lz-audit-tag" data-testid="audit-outcome">{v}</Tag>,
    },
    {
      title: '内容', key: 'summary',
      render: (_v, r) => (
        <div className="lz-audit-content">
          <div className="lz-audit-summary" data-testid="audit-summary">{r.summary}</div>
        </div>
      ),
    },
    {
      title: '涉及干部', dataIndex: 'cadreIds', key: 'cadres', width: 132, align: 'center', ellipsis: true,
      render: (ids: string[], r) => <CadreIdsCell ids={ids} cadres={r.cadres} current={urlCadre} onPick={pickCadre} />,
    },
    {
      title: 'IP', dataIndex: 'clientIp', key: 'ip', width: 128, ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Tooltip title={v}><span className="lz-mono lz-ip">{v}</span></Tooltip> : dash(v)),
    },
  ];

  const filtered = Object.keys(filter).length > 0;
  const canExport = can('AuditEvent:export');
  const criteria = describeCriteria(base, urlCadre, tenants.index);

  return (
    <div className="lz-audit">
      <PageHead title="访问日志" desc="本级及下级机关的登录、查询和修改记录，按时间倒序；记录以 SM3 哈希链防篡改" />

      <FilterBar
        form={form}
        index={tenants.index}
        tenantsLoading={tenants.loading}
        initial={initialValues}
        onApply={apply}
        onReset={reset}
      />

      <PagedTable<AuditEvent>
        query={events}
        columns={columns}
        cardClassName="lz-table-card lz-audit-card"
        className="lz-cadre-table lz-audit-table"
        testId="audit-table"
        rowTestId="audit-row"
        scrollX={1080}
        rowClassName={(r) => (r.outcome === 'failure' ? 'lz-audit-failure' : '')}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded([...keys]),
          expandedRowRender: (r) => <ExpandedRow r={r} />,
          columnWidth: 36,
        }}
        empty={filtered ? '没有符合条件的访问日志' : '暂无访问日志'}
        total={(n) => `共 ${n} 条`}
        totalTestId="audit-total"
        toolbar={
          <>
            <Space size={[8, 4]} className="lz-scope" wrap data-testid="audit-criteria">
              <span className="lz-muted">当前条件：</span>
              {criteria.length ? (
                criteria.map((c) => (
                  <Tag
                    key={c.key}
                    color={c.key === 'cadreId' ? 'red' : undefined}
                    closable
                    closeIcon={<CloseCircleOutlined />}
                    onClose={(e) => { e.preventDefault(); dropCriterion(c.key); }}
                    data-testid={c.key === 'cadreId' ? 'audit-cadre-tag' : 'audit-criterion'}
                    className="lz-criterion"
                  >
                    {c.label}
                  </Tag>
                ))
              ) : (
                <span>全部访问日志（本级及下级机关）</span>
              )}
            </Space>
            <Space size={8}>
              <RefreshButton onClick={refresh} testId="audit-refresh" />
              {canExport && EXPORTS.map(({ format, label, icon }) => (
                <Tooltip key={format} title="导出当前查询条件下的全部记录（不限于本页）">
                  <Button
                    icon={icon}
                    loading={exporting === format}
                    disabled={!!exporting}
                    onClick={() => void runExport(format)}
                    data-testid={`audit-export-${format}`}
                  >
                    {`导出 ${label}`}
                  </Button>
                </Tooltip>
              ))}
              {can('AuditEvent:purge') && (
                <Button danger icon={<DeleteOutlined />} onClick={() => setPurgeOpen(true)} data-testid="audit-purge">清理</Button>
              )}
            </Space>
          </>
        }
      />

      <PurgeDialog
        open={purgeOpen}
        onClose={() => setPurgeOpen(false)}
        onDone={(n, days) => {
          setPurgeOpen(false);
          message.success(`已清理 ${n} 条（${days} 天以前的访问日志）`);
          refresh();
        }}
      />
    </div>
  );
}
