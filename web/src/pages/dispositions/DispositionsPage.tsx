// 廉情预警 → 处置台账 (/dispositions, officers and leaders): every disposition of the visible subtree, filtered by status,
// kind and 机构, exported to Excel with the same filters; a row opens the case (一案一卷), where officers review and
// close. Officers also keep the tenant's 处置文书模板 here. 廉情预警 → 整改任务 (/rectification, fillers): the cases of
// their units' cadres still under rectification, each opened to submit the rectification with attachments.
import { useState } from 'react';
import { App as AntApp, Button, Drawer, Form, Input, InputNumber, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined, SettingOutlined } from '@ant-design/icons';
import { errorText, gql } from '../../api/graphql';
import { queryKey, useGqlQuery } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { PageHead, RefreshButton } from '../../components/PageHead';
import { PagedTable, usePagedQuery } from '../../components/PagedTable';
import { useUnitTree } from '../../components/UnitPicker';
import { filterTreeNodeByName } from '../../components/tree';
import { downloadFile } from '../imports/api';
import {
  DispositionLedgerDocument, DispositionTemplateDocument, ledgerExportUrl, LEVEL_HEX, RectificationTasksDocument, STATUS_OPTIONS,
  UpdateTemplateDocument, type DispositionRow, type DispositionTemplate, type KindTemplate,
} from './api';
import { CaseDrawer, StatusTag } from './CaseDrawer';
import { DocTemplateSection } from '../../components/DocTemplateSection';

type Page = { totalCount: number; edges: { node: DispositionRow }[] };

function columns(open: (id: string) => void, opts: { colour: boolean; action: string }): TableColumnsType<DispositionRow> {
  return [
    { title: '文号', dataIndex: 'docNumber', width: 170, render: (t: string, r) => <Button type="link" size="small" className="lz-link-left" onClick={() => open(r.id)}>{t}</Button> },
    { title: '干部', key: 'cadre', width: 90, render: (_: unknown, r) => r.cadre.name },
    { title: '单位', key: 'unit', width: 200, render: (_: unknown, r) => `${r.cadre.unitName}（${r.cadre.tenantName}）` },
    {
      title: '处置方式', dataIndex: 'title', width: 120,
      render: (t: string, r) => (opts.colour && r.colour ? <Tag color={LEVEL_HEX[r.colour]}>{t}</Tag> : t),
    },
    { title: '发文日期', dataIndex: 'issuedOn', width: 100 },
    { title: '整改期限', dataIndex: 'dueOn', width: 100 },
    { title: '状态', key: 'status', width: 140, render: (_: unknown, r) => <StatusTag d={r} /> },
    {
      title: '操作', key: 'ops', width: 90, fixed: 'right',
      render: (_: unknown, r) => <Button type="link" size="small" onClick={() => open(r.id)} data-testid="ledger-open">{opts.action}</Button>,
    },
  ];
}

function TemplateDrawer({ onClose }: { onClose(): void }) {
  const { message } = AntApp.useApp();
  const q = useGqlQuery<{ dispositionTemplate: DispositionTemplate | null }, undefined>(DispositionTemplateDocument);
  const t = q.data?.dispositionTemplate;
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await gql(UpdateTemplateDocument, {
        issuer: v.issuer ?? '', numberPrefix: v.numberPrefix ?? '',
        kinds: (t?.kinds ?? []).map((k, i) => ({ kind: k.kind, title: v.kinds[i].title, rectifyWorkingDays: v.kinds[i].rectifyWorkingDays, body: v.kinds[i].body, requirements: v.kinds[i].requirements })),
      });
      message.success('处置文书模板已保存');
      void q.refetch();
      onClose();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open onClose={onClose} width={720} title="处置文书模板" destroyOnHidden
      extra={<Button type="primary" loading={busy} onClick={save} disabled={!t} data-testid="template-save">保存</Button>}>
      {t && (
        <Form form={form} layout="vertical" initialValues={{
          issuer: t.ownIssuer ? t.issuer : '', numberPrefix: t.ownPrefix ? t.numberPrefix : '',
          kinds: t.kinds.map((k: KindTemplate) => ({ title: k.title, rectifyWorkingDays: k.rectifyWorkingDays, body: k.body, requirements: k.requirements })),
        }}>
          <Space size={16} align="start">
            <Form.Item name="issuer" label="发文机关" extra={`留空为「${t.ownIssuer ? '本机构名称' : t.issuer}」`}><Input maxLength={60} style={{ width: 280 }} /></Form.Item>
            <Form.Item name="numberPrefix" label="文号前缀" extra={`文号如 ${t.numberPrefix}〔${new Date().getFullYear()}〕1号；留空为默认`}
              rules={[{ pattern: /^[\u4e00-\u9fffA-Za-z0-9]{0,12}$/, message: '文号前缀须为 1–12 个汉字、字母或数字' }]}>
              <Input maxLength={12} style={{ width: 200 }} />
            </Form.Item>
          </Space>
          <Typography.Paragraph type="secondary">正文可用 {'{姓名} {单位} {职务} {预警情形} {整改期限} {发文机关}'}，下发时自动填入。未修改的内容继承上级机关或系统默认。</Typography.Paragraph>
          {t.kinds.map((k, i) => (
            <div key={k.kind} className="lz-case-section">
              <Typography.Title level={5}>
                {k.colour && <Tag color={LEVEL_HEX[k.colour]}>{({ red: '红', orange: '橙', yellow: '黄', blue: '蓝' } as Record<string, string>)[k.colour] ?? k.colour}</Tag>}
                {k.title} <Tag>{({ own: '本机构设置', inherited: '继承上级', default: '系统默认' } as Record<string, string>)[k.source] ?? k.source}</Tag>
              </Typography.Title>
              <Space size={16}>
                <Form.Item name={['kinds', i, 'title']} label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input maxLength={40} /></Form.Item>
                <Form.Item name={['kinds', i, 'rectifyWorkingDays']} label="整改工作日" rules={[{ required: true, message: '请填写' }]}><InputNumber min={1} max={250} /></Form.Item>
              </Space>
              <Form.Item name={['kinds', i, 'body']} label="正文" rules={[{ required: true, message: '请填写正文' }]}><Input.TextArea rows={4} maxLength={4000} /></Form.Item>
              <Form.Item name={['kinds', i, 'requirements']} label="整改要求" rules={[{ required: true, message: '请填写整改要求' }]}><Input.TextArea rows={4} maxLength={4000} /></Form.Item>
            </div>
          ))}
        </Form>
      )}
      <Typography.Title level={5} style={{ marginTop: 8 }}>Word 模板</Typography.Title>
      <DocTemplateSection kinds={['disposition']} />
    </Drawer>
  );
}

export function DispositionsPage() {
  const { can, me } = useAuth();
  const { message } = AntApp.useApp();
  const [status, setStatus] = useState<string[]>([]);
  const [kind, setKind] = useState<string | undefined>();
  const [tenantCode, setTenantCode] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const [template, setTemplate] = useState(false);
  const tenants = useGqlQuery<{ tenants: { id: string; code: string; name: string }[] }, undefined>('query DispositionTenants { tenants { id code name } }');
  // The unit filter offers the units of the chosen 机构 (else the user's own).
  const unitTree = useUnitTree((tenants.data?.tenants ?? []).find((x) => x.code === tenantCode)?.id ?? me?.tenant.id);
  const kinds = useGqlQuery<{ dispositionTemplate: DispositionTemplate | null }, undefined>(DispositionTemplateDocument);
  const filter = { status: status.length ? status : null, kind: kind ?? null, tenantCode: tenantCode ?? null, unitId: unitId ?? null };
  const query = usePagedQuery<DispositionRow>(
    async (first, offset, signal) => (await gql<{ dispositions: Page }>(DispositionLedgerDocument, { ...filter, first, offset }, { signal })).dispositions,
    queryKey(DispositionLedgerDocument, filter),
    { errorFallback: '处置台账加载失败' },
  );
  return (
    <div className="lz-page" data-testid="dispositions-page">
      <PageHead title="处置台账" desc="预警处置一案一卷：下发、整改、审核、结案" />
      <PagedTable<DispositionRow>
        query={query}
        className="lz-dispositions-table"
        testId="dispositions-table"
        rowTestId="dispositions-row"
        empty="暂无预警处置"
        total={(n) => `共 ${n} 件`}
        totalTestId="dispositions-total"
        scrollX={1000}
        columns={columns(setOpen, { colour: true, action: '查看' })}
        toolbar={(
          <Space wrap>
            <Select mode="multiple" allowClear placeholder="状态" style={{ minWidth: 200 }} options={STATUS_OPTIONS} value={status} onChange={setStatus} data-testid="ledger-status" />
            <Select allowClear placeholder="处置方式" style={{ width: 160 }} value={kind} onChange={setKind}
              options={(kinds.data?.dispositionTemplate?.kinds ?? []).map((k) => ({ value: k.kind, label: k.title }))} />
            <Select allowClear showSearch optionFilterProp="label" placeholder="机构" style={{ width: 200 }} value={tenantCode} onChange={(v) => { setTenantCode(v); setUnitId(undefined); }}
              options={(tenants.data?.tenants ?? []).map((x) => ({ value: x.code, label: x.name }))} />
            <TreeSelect allowClear showSearch placeholder="单位（含下级）" style={{ width: 220 }} treeData={unitTree.nodes} value={unitId}
              onChange={(v: string | undefined) => setUnitId(v)} filterTreeNode={filterTreeNodeByName} treeDefaultExpandAll data-testid="ledger-unit" />
            <RefreshButton onClick={query.refresh} />
            <Button icon={<FileExcelOutlined />} data-testid="ledger-export"
              onClick={() => downloadFile(ledgerExportUrl({ status, kind, tenantCode, unitId }), '预警处置台账.xlsx').catch((e) => message.error(errorText(e)))}>导出 Excel</Button>
            {can('Disposition:create') && <Button icon={<SettingOutlined />} onClick={() => setTemplate(true)} data-testid="template-open">处置文书模板</Button>}
          </Space>
        )}
      />
      {open && <CaseDrawer id={open} onClose={() => { setOpen(null); query.refresh(); }} />}
      {template && <TemplateDrawer onClose={() => setTemplate(false)} />}
    </div>
  );
}

export function RectificationPage() {
  const [status, setStatus] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const filter = { status: status.length ? status : null };
  const query = usePagedQuery<DispositionRow>(
    async (first, offset, signal) => (await gql<{ rectificationTasks: Page }>(RectificationTasksDocument, { ...filter, first, offset }, { signal })).rectificationTasks,
    queryKey(RectificationTasksDocument, filter),
    { errorFallback: '整改任务加载失败' },
  );
  return (
    <div className="lz-page" data-testid="rectification-page">
      <PageHead title="整改任务" desc="本单位干部的预警处置：按整改要求在期限内提交整改情况和佐证材料" />
      <PagedTable<DispositionRow>
        query={query}
        className="lz-dispositions-table"
        testId="rectification-table"
        rowTestId="rectification-row"
        empty="暂无整改任务"
        total={(n) => `共 ${n} 件`}
        totalTestId="rectification-total"
        scrollX={900}
        columns={columns(setOpen, { colour: false, action: '办理' })}
        toolbar={(
          <Space wrap>
            <Select mode="multiple" allowClear placeholder="未通过的（默认）" style={{ minWidth: 220 }} options={STATUS_OPTIONS} value={status} onChange={setStatus} />
            <RefreshButton onClick={query.refresh} />
          </Space>
        )}
      />
      {open && <CaseDrawer id={open} onClose={() => { setOpen(null); query.refresh(); }} />}
    </div>
  );
}
