// 访问日志's filter bar, and the applied filter in words (one closable tag per criterion).
import type React from 'react';
import { useMemo } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, TreeSelect } from 'antd';
import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { beijingTime, fromBeijingTime } from '@shared/time';
import { TIME_FORMAT } from '../../../components/format';
import { buildTree, kidsOrNone, SEARCHABLE_TREE_SELECT } from '../../../components/tree';
import { tenantOptionTitle, type TenantIndex } from '../../admin/tenantTree';
import type { AdminTenant } from '../../admin/queries';
import { KIND_OPTIONS, OUTCOME_OPTIONS, UUID_RE, type AuditFilter } from '../queries';

/** The form's values: the API's filter with a time range in place of from/to. */
export type FilterValues = Omit<AuditFilter, 'from' | 'to'> & { range?: [Dayjs | null, Dayjs | null] | null };

/** The filter the table shows, without the cadre (that one lives in the address). */
export type BaseFilter = Omit<AuditFilter, 'cadreId'>;

/** The two choice filters, 类型 and 结果. */
const CHOICES = [
  { name: 'kind', label: '类型', options: KIND_OPTIONS },
  { name: 'outcome', label: '结果', options: OUTCOME_OPTIONS },
] as const;

const RANGE_PRESETS: { label: string; value: () => [Dayjs, Dayjs] }[] = [
  { label: '今天', value: () => [dayjs().startOf('day'), dayjs().endOf('day')] },
  { label: '最近7天', value: () => [dayjs().subtract(6, 'day').startOf('day'), dayjs().endOf('day')] },
  { label: '最近30天', value: () => [dayjs().subtract(29, 'day').startOf('day'), dayjs().endOf('day')] },
];

/**
 * Form values → API filter. The picker works to the second and its times are Beijing time (as the log shows them,
 * whatever the browser's zone); `to` is exclusive, so the end second is included.
 */
export function toFilter(v: FilterValues): BaseFilter {
  const f: BaseFilter = {};
  const [start, end] = v.range ?? [];
  const instant = (d: Dayjs) => fromBeijingTime(d.format(TIME_FORMAT));
  if (start) f.from = instant(start);
  if (end) f.to = new Date(Date.parse(instant(end)) + 1000).toISOString();
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
  return buildTree<AdminTenant, TenantOption>(index.children, (t) => t.id, (t, kids) => ({
    value: t.code, key: t.code, title: tenantOptionTitle(t), label: kids.length ? `${t.name}（含下级）` : t.name,
    children: kidsOrNone(kids),
  }));
}

export function FilterBar({ index, tenantsLoading, initial, onApply, onReset, form }: {
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
            <Form.Item label="机构" name="tenantCode" tooltip="含所选机构的全部下级">
              <TreeSelect
                id="audit-filter-tenant"
                data-testid="audit-filter-tenant"
                treeData={treeData}
                {...SEARCHABLE_TREE_SELECT}
                treeNodeLabelProp="label"
                allowClear
                loading={tenantsLoading}
                placeholder="全部（本级及下级）"
                notFoundContent={tenantsLoading ? '正在加载…' : '没有匹配的机构'}
              />
            </Form.Item>
          </Col>
          {CHOICES.map(({ name, label, options }) => (
            <Col key={name} xs={24} md={12} lg={6}>
              <Form.Item label={label} name={name}>
                <Select id={`audit-filter-${name}`} data-testid={`audit-filter-${name}`} placeholder={`全部${label}`} allowClear options={options} />
              </Form.Item>
            </Col>
          ))}
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
              <Input id="audit-filter-text" data-testid="audit-filter-text" placeholder="内容、IP 或请求编号" allowClear maxLength={100} />
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

export type CriterionKey = 'range' | 'username' | 'tenantCode' | 'kind' | 'outcome' | 'text' | 'cadreId';

const labelOf = (options: { value: string; label: string }[], v: string) => options.find((o) => o.value === v)?.label ?? v;

/** The applied filter in words, one closable tag each. */
export function describeCriteria(f: BaseFilter, cadreId: string | null, index: TenantIndex): { key: CriterionKey; label: React.ReactNode }[] {
  const out: { key: CriterionKey; label: React.ReactNode }[] = [];
  if (f.from || f.to) {
    const from = f.from ? beijingTime(f.from) : '不限';
    // `to` is exclusive: show the last second it includes.
    const to = f.to ? beijingTime(Date.parse(f.to) - 1000) : '不限';
    out.push({ key: 'range', label: `时间：${from} 至 ${to}` });
  }
  if (f.username) out.push({ key: 'username', label: `用户包含：${f.username}` });
  if (f.tenantCode) {
    const t = index.list.find((x) => x.code === f.tenantCode);
    const below = t && index.children.has(t.id);
    out.push({ key: 'tenantCode', label: `机构：${t?.name ?? f.tenantCode}${below ? '（含下级）' : ''}` });
  }
  if (f.kind) out.push({ key: 'kind', label: `类型：${labelOf(KIND_OPTIONS, f.kind)}` });
  if (f.outcome) out.push({ key: 'outcome', label: `结果：${labelOf(OUTCOME_OPTIONS, f.outcome)}` });
  if (f.text) out.push({ key: 'text', label: `关键词：${f.text}` });
  if (cadreId) out.push({ key: 'cadreId', label: <>涉及干部：<span className="lz-mono">{cadreId}</span></> });
  return out;
}
