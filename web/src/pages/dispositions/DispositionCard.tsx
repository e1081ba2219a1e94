// The archive page's 「预警处置」 card: the cadre's cases with their status, the notice (.docx), the case view
// (一案一卷), and for officers 下发处置 — the kind defaults to the one the cadre's warning level calls for, the due
// date is computed in working days by the server unless one is chosen.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { AlertOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText, gql } from '../../api/graphql';
import { invalidate, useGqlQuery } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { downloadFile } from '../imports/api';
import {
  CadreDispositionsDocument, DispositionLedgerDocument, DispositionTemplateDocument, IssueDispositionDocument, LEVEL_HEX, noticeUrl,
  type Disposition, type DispositionRow, type DispositionTemplate,
} from './api';
import { CaseDrawer, StatusTag } from './CaseDrawer';

function IssueModal({ cadre, onClose, onDone }: { cadre: { id: string; name: string }; onClose(): void; onDone(d: Disposition): void }) {
  const template = useGqlQuery<{ dispositionTemplate: DispositionTemplate | null }, undefined>(DispositionTemplateDocument);
  const kinds = template.data?.dispositionTemplate?.kinds ?? [];
  const [kind, setKind] = useState<string>('');
  const [issuedOn, setIssuedOn] = useState<Dayjs>(dayjs());
  const [dueOn, setDueOn] = useState<Dayjs | null>(null);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = kinds.find((k) => k.kind === kind);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await gql<{ issueDisposition: Disposition }>(IssueDispositionDocument, {
        cadreId: cadre.id, kind: kind || null, issuedOn: issuedOn.format('YYYY-MM-DD'), dueOn: dueOn ? dueOn.format('YYYY-MM-DD') : null,
        body: body.trim() || null,
      });
      void invalidate(CadreDispositionsDocument, DispositionLedgerDocument);
      onDone(r.issueDisposition);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`下发预警处置 · ${cadre.name}`} onCancel={onClose} width={640} destroyOnHidden
      footer={[
        <Button key="c" onClick={onClose}>取消</Button>,
        <Button key="s" type="primary" loading={busy} onClick={submit} data-testid="issue-confirm">下发</Button>,
      ]}>
      {error && <Alert type="error" showIcon title={error} className="lz-form-alert" data-testid="issue-error" />}
      <Form layout="vertical">
        <Form.Item label="处置方式" extra="不选时按该干部在发文日期的预警等级确定（黄→警示提醒，橙→警示诫勉书，红→警示追究书）">
          <Select value={kind} onChange={setKind} data-testid="issue-kind"
            options={[{ value: '', label: '按预警等级自动确定' }, ...kinds.map((k) => ({
              value: k.kind,
              label: <span>{k.colour && <Tag color={LEVEL_HEX[k.colour]}>{({ red: '红', orange: '橙', yellow: '黄', blue: '蓝' } as Record<string, string>)[k.colour] ?? k.colour}</Tag>}{k.title}（{k.rectifyWorkingDays} 个工作日）</span>,
            }))]} />
        </Form.Item>
        <Form.Item label="发文日期">
          <DatePicker value={issuedOn} onChange={(v) => v && setIssuedOn(v)} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="issue-date" />
        </Form.Item>
        <Form.Item label="整改期限" extra={`留空按${chosen ? ` ${chosen.rectifyWorkingDays} 个` : '模板规定的'}工作日自动计算（扣除法定节假日，计入调休上班日）`}>
          <DatePicker value={dueOn} onChange={setDueOn} placeholder="按工作日自动计算" disabledDate={(d) => !d.isAfter(issuedOn, 'day')} data-testid="issue-due" />
        </Form.Item>
        <Form.Item label="通知书正文" extra="留空使用本机构的处置文书模板（自动填入姓名、预警情形、整改期限和发文机关）">
          <Input.TextArea rows={5} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} placeholder="留空使用模板" data-testid="issue-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DispositionCard({ cadre }: { cadre: { id: string; name: string } }) {
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const query = useGqlQuery<{ cadre: { dispositions: DispositionRow[] } | null }, { id: string }>(CadreDispositionsDocument, { id: cadre.id });
  const rows = query.data?.cadre?.dispositions ?? [];
  const [issuing, setIssuing] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  if (!can('Disposition:read')) return null;
  return (
    <Card size="small" className="lz-archive-card lz-no-print" data-testid="disposition-card"
      title={<span><AlertOutlined /> 预警处置</span>}
      extra={can('Disposition:create') && (
        <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="disposition-issue">下发处置</Button>
      )}>
      {query.error && <Alert type="error" showIcon title={errorText(query.error)} />}
      {rows.length ? (
        <Table<DispositionRow> size="small" rowKey="id" pagination={false} dataSource={rows} data-testid="disposition-list"
          onRow={() => ({ 'data-testid': 'disposition-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '文号', dataIndex: 'docNumber', width: 180 },
            { title: '处置方式', dataIndex: 'title', width: 120, render: (t: string, r) => <span>{r.colour && <Tag color={LEVEL_HEX[r.colour]}>{t}</Tag>}{!r.colour && t}</span> },
            { title: '发文日期', dataIndex: 'issuedOn', width: 110 },
            { title: '整改期限', dataIndex: 'dueOn', width: 110 },
            { title: '状态', key: 'status', width: 150, render: (_: unknown, r) => <StatusTag d={r} /> },
            {
              title: '操作', key: 'ops', render: (_: unknown, r) => (
                <span>
                  <Button type="link" size="small" onClick={() => setOpen(r.id)} data-testid="disposition-open">查看案卷</Button>
                  {can('Disposition:export') && (
                    <Button type="link" size="small" icon={<FileWordOutlined />}
                      onClick={() => downloadFile(noticeUrl(r.id), `${r.docNumber}.docx`).catch((e) => message.error(errorText(e)))}>通知书</Button>
                  )}
                </span>
              ),
            },
          ]} />
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无预警处置" />}
      {issuing && (
        <IssueModal cadre={cadre} onClose={() => setIssuing(false)}
          onDone={(d) => { setIssuing(false); message.success(`已下发 ${d.title}（${d.docNumber}），整改期限 ${d.dueOn}`); setOpen(d.id); }} />
      )}
      {open && <CaseDrawer id={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}
