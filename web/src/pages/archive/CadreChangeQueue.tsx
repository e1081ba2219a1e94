// 审核 · 基本信息: fillers' changes of a cadre's basic information waiting for an officer (modules/inbox on the
// server), oldest first, each with its field-by-field diff (原值 → 拟改为) in an expandable row, 审核通过 / 退回 in the
// row. A change made on an older version of the cadre is marked; accepting it is refused with who changed the cadre.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App as AntApp, Button, Form, Input, Modal, Popconfirm, Segmented, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { errorText, gql } from '../../api/graphql';
import { mutate, queryKey } from '../../api/query';
import { RefreshButton } from '../../components/PageHead';
import { PagedTable, usePagedQuery } from '../../components/PagedTable';
import { formatTime } from './format';
import { CadreChangesDocument, ReviewCadreChangeDocument, type CadreChangeItem } from './inboxQueries';
import { CadreProfileDocument } from './profile';

type QueueStatus = 'pending' | 'returned';

/** The diff of one change: 字段 · 原值 · 拟改为. */
export function ChangeDiff({ item }: { item: Pick<CadreChangeItem, 'changes'> }) {
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      className="lz-change-diff"
      data-testid="change-diff"
      rowKey="label"
      dataSource={item.changes}
      locale={{ emptyText: '与当前内容相比没有差异' }}
      columns={[
        { title: '字段', dataIndex: 'label', width: 200 },
        { title: '原值', dataIndex: 'from', render: (v: string | null) => (v ? <span className="lz-diff-from">{v}</span> : <span className="lz-muted">（空）</span>) },
        { title: '拟改为', dataIndex: 'to', render: (v: string | null) => (v ? <span className="lz-diff-to" data-testid="diff-to">{v}</span> : <span className="lz-muted">（空）</span>) },
      ]}
    />
  );
}

export function CadreChangeQueue() {
  const { message } = AntApp.useApp();
  const [status, setStatus] = useState<QueueStatus>('pending');
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState<CadreChangeItem | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [returnError, setReturnError] = useState<string | null>(null);
  const query = usePagedQuery<CadreChangeItem>(
    async (first, offset, signal) => (await gql(CadreChangesDocument, { status, first, offset }, { signal })).cadreChanges,
    queryKey(CadreChangesDocument, { status }),
    { errorFallback: '待审核的基本信息修改加载失败' },
  );
  const { page, pageSize, setPage, refresh } = query;
  const back = { from: '/review?tab=basic', fromLabel: '待审核记录' };

  const decide = (r: CadreChangeItem, decision: 'accept' | 'return', reason?: string) =>
    mutate(ReviewCadreChangeDocument, [CadreChangesDocument, CadreProfileDocument, 'CadreArchive'], { id: r.id, version: r.version, decision, reason });

  const accept = async (r: CadreChangeItem) => {
    setBusy(r.id);
    try {
      await decide(r, 'accept');
      message.success(`已审核通过：${r.cadre.name}的基本信息修改已生效`);
    } catch (e) {
      message.error(errorText(e));
      refresh();
    } finally {
      setBusy(null);
    }
  };

  const submitReturn = async () => {
    if (!returning) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await decide(returning, 'return', v.reason.trim());
      message.success(`已退回：${returning.cadre.name}`);
      setReturning(null);
      form.resetFields();
    } catch (e) {
      setReturnError(errorText(e));
    }
  };

  const columns: TableColumnsType<CadreChangeItem> = [
    { title: '序号', key: 'index', width: 56, align: 'center', render: (_v, _r, i) => (page - 1) * pageSize + i + 1 },
    {
      title: '干部', key: 'cadre', width: 96,
      render: (_v, r) => <Link to={`/cadres/${r.cadre.id}?tab=1`} state={back} className="lz-cadre-link" data-testid="change-cadre">{r.cadre.name}</Link>,
    },
    { title: '单位', key: 'unit', width: 180, ellipsis: { showTitle: false }, render: (_v, r) => <Tooltip title={r.cadre.unitName}>{r.cadre.unitName}</Tooltip> },
    {
      title: '修改项', key: 'fields', ellipsis: { showTitle: false },
      render: (_v, r) => {
        const s = r.changes.map((c) => c.label).join('、');
        return (
          <Space size={4}>
            {r.stale && <Tooltip title={`提交后干部信息已被修改（现为第 ${r.cadreVersion} 版，修改基于第 ${r.baseVersion} 版），不能直接通过`}><Tag color="orange" data-testid="change-stale">信息已变更</Tag></Tooltip>}
            <Tooltip placement="topLeft" title={s}><span data-testid="change-fields">{s || '—'}</span></Tooltip>
          </Space>
        );
      },
    },
    { title: '提交人', dataIndex: 'submittedBy', key: 'submittedBy', width: 176, ellipsis: { showTitle: false }, render: (v: string) => <Tooltip title={v}>{v}</Tooltip> },
    { title: '提交时间', dataIndex: 'submittedAt', key: 'submittedAt', width: 136, align: 'center', render: (v: string) => <span className="lz-time">{formatTime(v)}</span> },
    ...(status === 'returned' ? [{
      title: '退回理由', key: 'reason', width: 220, ellipsis: { showTitle: false },
      render: (_v: unknown, r: CadreChangeItem) => <Tooltip title={`${r.returnReason ?? ''}（${r.reviewedBy ?? ''} ${formatTime(r.reviewedAt)}）`}><span className="lz-return-text">{r.returnReason}</span></Tooltip>,
    }] satisfies TableColumnsType<CadreChangeItem> : []),
    {
      title: '操作', key: 'actions', width: status === 'pending' ? 168 : 96, fixed: 'right', align: 'center',
      render: (_v, r) => status === 'pending' ? (
        <Space size={4} className="lz-row-actions">
          <Popconfirm title={`审核通过「${r.cadre.name}」的基本信息修改？通过后立即生效。`} okText="审核通过" cancelText="取消"
            okButtonProps={{ 'data-testid': 'confirm-ok' }} onConfirm={() => accept(r)}>
            <Button size="small" type="link" icon={<CheckOutlined />} loading={busy === r.id} data-testid="change-accept">审核通过</Button>
          </Popconfirm>
          <Button size="small" type="link" danger icon={<RollbackOutlined />} onClick={() => { setReturnError(null); setReturning(r); }} data-testid="change-return">退回</Button>
        </Space>
      ) : <Link to={`/cadres/${r.cadre.id}?tab=1`} state={back}>查看档案</Link>,
    },
  ];

  return (
    <>
      <PagedTable<CadreChangeItem>
        query={query}
        columns={columns}
        className="lz-cadre-table lz-review-table"
        testId="change-table"
        rowTestId="change-row"
        scrollX={1000}
        onRow={(r) => ({ 'data-change-id': r.id })}
        expandable={{ expandedRowRender: (r) => <div className="lz-review-detail"><ChangeDiff item={r} /></div> }}
        empty={status === 'pending' ? '没有待审核的基本信息修改' : '没有已退回的基本信息修改'}
        total={(n) => `共 ${n} 条`}
        totalTestId="change-total"
        toolbar={
          <>
            <Segmented<QueueStatus>
              value={status}
              onChange={(v) => { setStatus(v); setPage(1); }}
              options={[{ value: 'pending', label: '待审核' }, { value: 'returned', label: '已退回' }]}
              data-testid="change-status"
            />
            <span className="lz-scope lz-muted">
              {status === 'pending' ? '填报员提交的基本信息修改，先提交的在前。展开一行可逐项查看修改内容。' : '已退回、等待填报员修改后重新提交。'}
            </span>
            <RefreshButton onClick={refresh} testId="change-reload" />
          </>
        }
      />
      {returning && (
        <Modal title="退回基本信息修改" open onCancel={() => setReturning(null)} onOk={() => void submitReturn()} okText="退回" cancelText="取消"
          destroyOnHidden width={640} okButtonProps={{ danger: true, 'data-testid': 'return-ok' }}>
          <div className="lz-return-target">
            <div><span className="lz-muted">干部：</span><span className="lz-cadre-name">{returning.cadre.name}</span></div>
            <div><span className="lz-muted">提交人：</span>{returning.submittedBy}</div>
          </div>
          <ChangeDiff item={returning} />
          {returnError && <Alert type="error" showIcon title={returnError} className="lz-form-alert" data-testid="modal-error" />}
          <Form form={form} layout="vertical" className="lz-modal-form" autoComplete="off">
            <Form.Item label="退回理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写退回理由' }, { max: 500, message: '退回理由最长 500 字' }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount placeholder="请写明需要填报员核对或更正的内容" data-testid="return-reason" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
