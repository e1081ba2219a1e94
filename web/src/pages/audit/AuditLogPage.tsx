// 访问日志: the access log of the auditor's tenant and the tenants below, newest first, as a ledger with a filter
// bar, server-side paging, an expandable row with the chain fields (链序号, SM3 哈希) and the detail JSON, exports of
// the whole filtered result (CSV / Excel) and 清理 of old rows. The cadre filter also comes from the address
// (?cadreId=…) so other pages can link here, and from the 涉及干部 popover of any row (「只看此人」).
import type React from 'react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Alert, App as AntApp, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Modal, Popconfirm,
  Popover, Row, Select, Space, Table, Tag, Tooltip, TreeSelect, Typography,
} from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import {
  CloseCircleOutlined, DeleteOutlined, FileExcelOutlined, FileTextOutlined, ReloadOutlined, SearchOutlined, UndoOutlined,
} from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText, gql } from '../../api/graphql';
import { useAuth } from '../../auth/AuthProvider';
import { isSuspended, useTenants, type TenantIndex } from '../admin/tenantTree';
import { downloadAuditExport, type ExportFormat } from './exportFile';
import {
  AUDIT_EVENTS_QUERY, KIND_COLORS, KIND_OPTIONS, MIN_PURGE_DAYS, OUTCOME_COLORS, OUTCOME_OPTIONS, PURGE_AUDIT_MUTATION, UUID_RE,
  type AuditEvent, type AuditFilter, type AuditPage,
} from './queries';

const PAGE_SIZES = [20, 50, 100];
const TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

const dash = (v: React.ReactNode) => (v === null || v === undefined || v === '' ? <span className="lz-muted">—</span> : v);

// ---------- Filter bar ----------

interface FilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  tenantCode?: string;
  kind?: string;
  outcome?: string;
  cadreId?: string;
  text?: string;
}

/** The filter the table shows, without the cadre (that one lives in the address). */
type BaseFilter = Omit<AuditFilter, 'cadreId'>;

const RANGE_PRESETS: { label: string; value: () => [Dayjs, Dayjs] }[] = [
  { label: '今天', value: () => [dayjs().startOf('day'), dayjs().endOf('day')] },
  { label: '最近7天', value: () => [dayjs().subtract(6, 'day').startOf('day'), dayjs().endOf('day')] },
  { label: '最近30天', value: () => [dayjs().subtract(29, 'day').startOf('day'), dayjs().endOf('day')] },
];

/** Form values → API filter. The picker works to the second; `to` is exclusive, so the end second is included. */
function toFilter(v: FilterValues): BaseFilter {
  const f: BaseFilter = {};
  const [start, end] = v.range ?? [];
  if (start) f.from = start.startOf('second').toISOString();
  if (end) f.to = end.startOf('second').add(1, 'second').toISOString();
  const username = v.username?.trim();
  if (username) f.username = username;
  if (v.tenantCode) f.tenantCode = v.tenantCode;
  if (v.kind) f.kind = v.kind;
  if (v.outcome) f.outcome = v.outcome;
  const text = v.text?.trim();
  if (text) f.text = text;
  return f;
}

interface TenantOption { value: string; title: string; label: string; key: string; children?: TenantOption[] }

/** Tenants by code, nested; the chosen one reads 「名称（含下级）」 when it has tenants below. */
function tenantOptions(index: TenantIndex): TenantOption[] {
  const seen = new Set<string>();
  const walk = (parent: string | null): TenantOption[] =>
    (index.children.get(parent) ?? []).filter((t) => !seen.has(t.id)).map((t) => {
      seen.add(t.id);
      const kids = walk(t.id);
      const name = isSuspended(t) ? `${t.name}（已暂停）` : t.name;
      return {
        value: t.code, key: t.code, title: name, label: kids.length ? `${t.name}（含下级）` : t.name,
        children: kids.length ? kids : undefined,
      };
    });
  return walk(null);
}

function FilterBar({ index, tenantsLoading, initial, onApply, onReset, form }: {
  index: TenantIndex;
  tenantsLoading: boolean;
  initial: FilterValues;
  onApply(v: FilterValues): void;
  onReset(): void;
  form: ReturnType<typeof Form.useForm<FilterValues>>[0];
}) {
  const treeData = useMemo(() => tenantOptions(index), [index]);
  return (
    <Card className="lz-filter-card" size="small" data-testid="audit-filter">
      <Form<FilterValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '72px' }}
        wrapperCol={{ flex: '1 1 0' }}
        colon={false}
        initialValues={initial}
        onFinish={onApply}
        autoComplete="off"
        className="lz-filter-form"
      >
        <Row gutter={[20, 12]}>
          <Col xs={24} lg={12} xxl={12}>
            <Form.Item label="时间范围" name="range">
              <DatePicker.RangePicker
                id="audit-filter-range"
                data-testid="audit-filter-range"
                className="lz-filter-range"
                showTime={{ format: 'HH:mm:ss', defaultValue: [dayjs().startOf('day'), dayjs().endOf('day')] }}
                format={TIME_FORMAT}
                presets={RANGE_PRESETS}
                placeholder={['开始时间', '结束时间']}
                allowEmpty={[true, true]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={6}>
            <Form.Item label="用户" name="username">
              <Input id="audit-filter-username" data-testid="audit-filter-username" placeholder="登录名（包含）" allowClear maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={6}>
            <Form.Item label="租户" name="tenantCode" tooltip="含所选租户的全部下级">
              <TreeSelect
                id="audit-filter-tenant"
                data-testid="audit-filter-tenant"
                treeData={treeData}
                treeDefaultExpandAll
                virtual={false}
                showSearch
                treeNodeFilterProp="title"
                treeNodeLabelProp="label"
                allowClear
                loading={tenantsLoading}
                placeholder="全部（本级及下级）"
                notFoundContent={tenantsLoading ? '正在加载…' : '没有匹配的租户'}
                styles={{ popup: { root: { maxHeight: 360, overflow: 'auto' } } }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={6}>
            <Form.Item label="类型" name="kind">
              <Select id="audit-filter-kind" data-testid="audit-filter-kind" placeholder="全部类型" allowClear options={KIND_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={6}>
            <Form.Item label="结果" name="outcome">
              <Select id="audit-filter-outcome" data-testid="audit-filter-outcome" placeholder="全部结果" allowClear options={OUTCOME_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={6}>
            <Form.Item
              label="干部ID"
              name="cadreId"
              rules={[{ validator: (_r, v?: string) => (!v?.trim() || UUID_RE.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error('干部ID格式不正确'))) }]}
              tooltip="可粘贴干部ID，或在「涉及干部」中点击「只看此人」"
            >
              <Input id="audit-filter-cadre" data-testid="audit-filter-cadre" className="lz-mono" placeholder="干部档案ID" allowClear maxLength={36} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} lg={6}>
            <Form.Item label="关键词" name="text" tooltip="在内容摘要、技术操作、用户和 IP 中查找；也可输入完整的请求编号">
              <Input
                id="audit-filter-text"
                data-testid="audit-filter-text"
                placeholder="内容、IP 或请求编号"
                allowClear
                maxLength={100}
              />
            </Form.Item>
          </Col>
          <Col xs={24} className="lz-filter-actions">
            <Space size={8}>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">查询</Button>
              <Button icon={<UndoOutlined />} onClick={onReset} data-testid="audit-reset">重置</Button>
            </Space>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

type CriterionKey = 'range' | 'username' | 'tenantCode' | 'kind' | 'outcome' | 'text' | 'cadreId';

const labelOf = (options: { value: string; label: string }[], v: string) => options.find((o) => o.value === v)?.label ?? v;

/** The applied filter in words, one closable tag each. */
function describeCriteria(f: BaseFilter, cadreId: string | null, index: TenantIndex): { key: CriterionKey; label: React.ReactNode }[] {
  const out: { key: CriterionKey; label: React.ReactNode }[] = [];
  if (f.from || f.to) {
    const from = f.from ? dayjs(f.from).format(TIME_FORMAT) : '不限';
    // `to` is exclusive: show the last second it includes.
    const to = f.to ? dayjs(f.to).subtract(1, 'second').format(TIME_FORMAT) : '不限';
    out.push({ key: 'range', label: `时间：${from} 至 ${to}` });
  }
  if (f.username) out.push({ key: 'username', label: `用户包含：${f.username}` });
  if (f.tenantCode) {
    const t = index.list.find((x) => x.code === f.tenantCode);
    const below = t && index.children.has(t.id);
    out.push({ key: 'tenantCode', label: `租户：${t?.name ?? f.tenantCode}${below ? '（含下级）' : ''}` });
  }
  if (f.kind) out.push({ key: 'kind', label: `类型：${labelOf(KIND_OPTIONS, f.kind)}` });
  if (f.outcome) out.push({ key: 'outcome', label: `结果：${labelOf(OUTCOME_OPTIONS, f.outcome)}` });
  if (f.text) out.push({ key: 'text', label: `关键词：${f.text}` });
  if (cadreId) out.push({ key: 'cadreId', label: <>涉及干部：<span className="lz-mono">{cadreId}</span></> });
  return out;
}

// ---------- Cells ----------

function CadreIdsCell({ ids, current, onPick }: { ids: string[]; current: string | null; onPick(id: string): void }) {
  const [open, setOpen] = useState(false);
  if (!ids.length) return <span className="lz-muted">—</span>;
  const content = (
    <ul className="lz-cadre-ids" data-testid="audit-cadre-list">
      {ids.map((id) => (
        <li key={id} className="lz-cadre-id-item">
          <Typography.Text className="lz-mono lz-cadre-id" copyable={{ text: id, tooltips: ['复制', '已复制'] }}>{id}</Typography.Text>
          {current === id ? (
            <Tag color="red" className="lz-tree-tag">当前</Tag>
          ) : (
            <Button
              type="link"
              size="small"
              className="lz-cadre-pick"
              data-testid="audit-cadre-pick"
              onClick={() => { setOpen(false); onPick(id); }}
            >
              只看此人
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
  return (
    <Popover
      trigger="click"
      placement="left"
      open={open}
      onOpenChange={setOpen}
      title={`涉及干部（${ids.length} 人）`}
      content={content}
    >
      <Button type="link" size="small" className="lz-cadre-count" data-testid="audit-cadres">{ids.length} 人</Button>
    </Popover>
  );
}

function prettyDetail(detail: string): string | null {
  try {
    const v = JSON.parse(detail);
    if (v === null || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)) return null;
    return JSON.stringify(v, null, 2);
  } catch {
    return detail || null;
  }
}

function Field({ label, wide, children }: { label: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={wide ? 'lz-kv-item lz-kv-wide' : 'lz-kv-item'}>
      <dt className="lz-kv-label">{label}</dt>
      <dd className="lz-kv-value">{children}</dd>
    </div>
  );
}

function ExpandedRow({ r }: { r: AuditEvent }) {
  const detail = prettyDetail(r.detail);
  const mono = (v: string | null, copy = false) =>
    v ? <Typography.Text className="lz-mono lz-break" copyable={copy ? { tooltips: ['复制', '已复制'] } : false}>{v}</Typography.Text> : dash(v);
  return (
    <dl className="lz-kv" data-testid="audit-expanded">
      <Field label="时间"><span className="lz-nums">{dayjs(r.at).format('YYYY-MM-DD HH:mm:ss.SSS')}</span></Field>
      <Field label="链序号">
        {r.seq ? <span className="lz-mono" data-testid="audit-seq">{r.seq}</span> : <span className="lz-muted">未入链</span>}
      </Field>
      <Field label="记录编号">{mono(r.id)}</Field>
      <Field label="请求编号" wide>{mono(r.requestId, true)}</Field>
      <Field label="SM3 哈希" wide><span data-testid="audit-hash">{mono(r.hash, true)}</span></Field>
      <Field label="技术操作" wide>{mono(r.operation)}</Field>
      <Field label="涉及干部" wide>
        {r.cadreIds.length ? <span className="lz-mono lz-break">{r.cadreIds.join('，')}</span> : dash(null)}
      </Field>
      <Field label="详情" wide>
        {detail ? <pre className="lz-audit-json" data-testid="audit-detail">{detail}</pre> : <span className="lz-muted">无</span>}
      </Field>
    </dl>
  );
}

// ---------- 清理 ----------

function PurgeModal({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(n: number, days: number): void }) {
  const [days, setDays] = useState<number | null>(365);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Each opening starts from the default (at once: not after the opening animation, when the user may be typing).
  useEffect(() => {
    if (open) {
      setDays(365);
      setError(null);
    }
  }, [open]);
  const valid = typeof days === 'number' && Number.isInteger(days) && days >= MIN_PURGE_DAYS;
  const cutoff = valid ? dayjs().subtract(days, 'day').format('YYYY-MM-DD HH:mm') : null;

  const run = async () => {
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      const d = await gql<{ purgeAuditEvents: number }>(PURGE_AUDIT_MUTATION, { days });
      onDone(d.purgeAuditEvents, days);
    } catch (e) {
      setError(errorText(e, '清理失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="清理访问日志"
      open={open}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={[
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Popconfirm
          key="ok"
          title="确认清理访问日志？"
          description={<div className="lz-confirm-text">将永久删除 {cutoff ?? '—'} 以前的访问日志，此操作不可恢复。</div>}
          okText="确认清理"
          cancelText="取消"
          okButtonProps={{ danger: true, 'data-testid': 'audit-purge-confirm' }}
          onConfirm={run}
          disabled={!valid}
        >
          <Button type="primary" danger loading={busy} disabled={!valid} data-testid="audit-purge-ok">清理</Button>
        </Popconfirm>,
      ]}
    >
      <Alert
        type="warning"
        showIcon
        className="lz-form-alert"
        title="清理后的记录无法恢复"
        description={
          <ul className="lz-plain-list">
            <li>将永久删除本级及下级机关早于所设天数的访问日志，最近 {MIN_PURGE_DAYS} 天内的记录不能清理。</li>
            <li>被清理的记录在哈希链中保留占位，链的完整性校验不受影响。</li>
            <li>清理操作本身将记入访问日志。</li>
          </ul>
        }
      />
      {error && <Alert type="error" showIcon className="lz-form-alert" title={error} data-testid="audit-purge-error" />}
      <Form layout="horizontal" labelCol={{ flex: '96px' }} wrapperCol={{ flex: '1 1 0' }} className="lz-modal-form">
        <Form.Item
          label="保留天数"
          extra={cutoff ? `将清理 ${cutoff} 以前的记录` : `请输入不少于 ${MIN_PURGE_DAYS} 的整数`}
          validateStatus={valid ? undefined : 'error'}
        >
          <Space.Compact>
            <InputNumber
              id="audit-purge-days"
              data-testid="audit-purge-days"
              className="lz-input-number"
              min={MIN_PURGE_DAYS}
              max={36500}
              precision={0}
              value={days}
              onChange={(v) => setDays(typeof v === 'number' ? v : null)}
            />
            <Space.Addon>天</Space.Addon>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---------- Page ----------

export function AuditLogPage() {
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const tenants = useTenants();
  const [params, setParams] = useSearchParams();
  const urlCadre = params.get('cadreId')?.trim() || null;

  const [form] = Form.useForm<FilterValues>();
  const [base, setBase] = useState<BaseFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const [tick, setTick] = useState(0);
  const [data, setData] = useState<AuditPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [purgeOpen, setPurgeOpen] = useState(false);
  const [initialValues] = useState<FilterValues>(() => ({ cadreId: urlCadre ?? undefined }));

  const filter = useMemo<AuditFilter>(() => (urlCadre ? { ...base, cadreId: urlCadre } : base), [base, urlCadre]);

  // The cadre named in the address is the cadre filter: show it in the form, and start from the first page.
  useEffect(() => {
    form.setFieldValue('cadreId', urlCadre ?? undefined);
    setPage(1);
  }, [urlCadre, form]);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    gql<{ auditEvents: AuditPage }>(
      AUDIT_EVENTS_QUERY,
      { first: pageSize, offset: (page - 1) * pageSize, filter },
      { signal: ctrl.signal },
    )
      .then((d) => {
        setData(d.auditEvents);
        const last = Math.max(1, Math.ceil(d.auditEvents.totalCount / pageSize));
        if (page > last) setPage(last);
      })
      .catch((e: unknown) => { if (!ctrl.signal.aborted) setError(errorText(e, '访问日志加载失败')); })
      .finally(() => { if (!ctrl.signal.aborted) setLoading(false); });
    return () => ctrl.abort();
  }, [filter, page, pageSize, tick]);

  const setCadre = (id: string | null) => {
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id) next.set('cadreId', id);
      else next.delete('cadreId');
      return next;
    }, { replace: true });
  };

  const apply = (v: FilterValues) => {
    setBase(toFilter(v));
    setCadre(v.cadreId?.trim() || null);
    setPage(1);
    setExpanded([]);
    setTick((n) => n + 1);
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

  const onTableChange = (p: TablePaginationConfig) => {
    const size = p.pageSize ?? pageSize;
    if (size !== pageSize) {
      setPageSize(size);
      setPage(1);
    } else setPage(p.current ?? 1);
    setExpanded([]);
  };

  const runExport = async (format: ExportFormat) => {
    const label = format === 'csv' ? 'CSV' : 'Excel';
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
      title: '时间', dataIndex: 'at', key: 'at', width: 156,
      render: (v: string) => <span className="lz-time" data-testid="audit-time">{dayjs(v).format(TIME_FORMAT)}</span>,
    },
    {
      title: '用户', dataIndex: 'username', key: 'username', width: 148, ellipsis: { showTitle: false },
      render: (v: string | null) =>
        v ? <Tooltip placement="topLeft" title={v}><span className="lz-mono lz-username" data-testid="audit-user">{v}</span></Tooltip> : dash(v),
    },
    {
      title: '租户', dataIndex: 'tenantName', key: 'tenant', width: 132, ellipsis: { showTitle: false },
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
          <div className="lz-audit-op lz-mono" title={r.operation}>{r.operation}</div>
        </div>
      ),
    },
    {
      title: '涉及干部', dataIndex: 'cadreIds', key: 'cadres', width: 84, align: 'center',
      render: (ids: string[]) => <CadreIdsCell ids={ids} current={urlCadre} onPick={pickCadre} />,
    },
    {
      title: 'IP', dataIndex: 'clientIp', key: 'ip', width: 128, ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Tooltip title={v}><span className="lz-mono lz-ip">{v}</span></Tooltip> : dash(v)),
    },
  ];

  const rows = data?.edges.map((e) => e.node) ?? [];
  const filtered = Object.keys(filter).length > 0;
  const canExport = can('AuditEvent:export');
  const criteria = describeCriteria(base, urlCadre, tenants.index);

  return (
    <div className="lz-audit">
      <div className="lz-page-head">
        <Typography.Title level={4} className="lz-page-title">访问日志</Typography.Title>
        <span className="lz-page-desc">本级及下级机关的登录、查询和修改记录，按时间倒序；记录以 SM3 哈希链防篡改</span>
      </div>

      <FilterBar
        form={form}
        index={tenants.index}
        tenantsLoading={tenants.loading}
        initial={initialValues}
        onApply={apply}
        onReset={reset}
      />

      <Card className="lz-table-card lz-audit-card" size="small">
        <div className="lz-toolbar">
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
            <Tooltip title="刷新">
              <Button icon={<ReloadOutlined />} onClick={() => setTick((n) => n + 1)} aria-label="刷新" data-testid="audit-refresh" />
            </Tooltip>
            {canExport && (
              <>
                <Tooltip title="导出当前查询条件下的全部记录（不限于本页）">
                  <Button
                    icon={<FileTextOutlined />}
                    loading={exporting === 'csv'}
                    disabled={!!exporting}
                    onClick={() => void runExport('csv')}
                    data-testid="audit-export-csv"
                  >
                    导出 CSV
                  </Button>
                </Tooltip>
                <Tooltip title="导出当前查询条件下的全部记录（不限于本页）">
                  <Button
                    icon={<FileExcelOutlined />}
                    loading={exporting === 'xlsx'}
                    disabled={!!exporting}
                    onClick={() => void runExport('xlsx')}
                    data-testid="audit-export-xlsx"
                  >
                    导出 Excel
                  </Button>
                </Tooltip>
              </>
            )}
            {can('AuditEvent:purge') && (
              <Button danger icon={<DeleteOutlined />} onClick={() => setPurgeOpen(true)} data-testid="audit-purge">清理</Button>
            )}
          </Space>
        </div>

        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            className="lz-table-alert"
            action={<Button size="small" onClick={() => setTick((n) => n + 1)}>重试</Button>}
          />
        )}

        <Table<AuditEvent>
          className="lz-cadre-table lz-audit-table"
          data-testid="audit-table"
          rowKey="id"
          size="small"
          bordered
          loading={loading}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1080 }}
          rowClassName={(r) => (r.outcome === 'failure' ? 'lz-audit-failure' : '')}
          onRow={() => ({ 'data-testid': 'audit-row' }) as React.HTMLAttributes<HTMLElement>}
          onChange={onTableChange}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => setExpanded([...keys]),
            expandedRowRender: (r) => <ExpandedRow r={r} />,
            columnWidth: 36,
          }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? '没有符合条件的访问日志' : '暂无访问日志'} /> }}
          pagination={{
            current: page,
            pageSize,
            total: data?.totalCount ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showQuickJumper: true,
            showTotal: (total) => <span data-testid="audit-total">共 {total} 条</span>,
          }}
        />
        {!loading && !error && data?.totalCount === 0 && <div className="lz-table-total" data-testid="audit-total">共 0 条</div>}
      </Card>

      <PurgeModal
        open={purgeOpen}
        onClose={() => setPurgeOpen(false)}
        onDone={(n, days) => {
          setPurgeOpen(false);
          message.success(`已清理 ${n} 条（${days} 天以前的访问日志）`);
          setTick((t) => t + 1);
        }}
      />
    </div>
  );
}
