// 待审核记录: what fillers entered and officers have yet to accept or return, oldest first, as a ledger with a
// category filter, 待审核 / 已退回, paging, the record's form in an expandable row, and 审核通过 / 退回 in the row.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App as AntApp, Button, Popconfirm, Segmented, Select, Space, Tabs, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { errorText, gql } from '../../api/graphql';
import { queryKey } from '../../api/query';
import { PageHead, RefreshButton } from '../../components/PageHead';
import { PagedTable, usePagedQuery, type PagedQuery } from '../../components/PagedTable';
import { categoryNumeral, formatTime, keyDate, summaryOf } from './format';
import { acceptRecord, isConflict, REVIEW_QUEUE } from './recordOps';
import { MaterialsTable, RecordSheet } from './RecordSheet';
import { ReturnModal } from './ReturnModal';
import { CadreChangeQueue } from './CadreChangeQueue';
import { useSearchParam } from '../../components/useSearchParam';
import type { ArchiveRecord, ReviewPage } from './types';
import { useCategories } from './useCategories';

const PAGE_SIZES = [10, 20, 50];
type QueueStatus = 'pending' | 'returned';

/** 审核: archive records (below) and, beside them, changes of basic information (CadreChangeQueue). */
export function ReviewQueuePage() {
  const [tab, setTab] = useSearchParam('tab');
  return (
    <div className="lz-review">
      <PageHead title="待审核记录" desc="填报员录入的档案记录和提交的基本信息修改，经纪检干部审核通过后生效；退回的由填报员修改后重新提交" />
      <Tabs
        className="lz-review-tabs"
        activeKey={tab === 'basic' ? 'basic' : 'records'}
        onChange={(k) => setTab(k === 'basic' ? 'basic' : null)}
        items={[
          { key: 'records', label: <span data-testid="review-tab-records">档案记录</span> },
          { key: 'basic', label: <span data-testid="review-tab-basic">基本信息</span> },
        ]}
      />
      {tab === 'basic' ? <CadreChangeQueue /> : <RecordQueue />}
    </div>
  );
}

function RecordQueue() {
  const { message } = AntApp.useApp();
  const { categories, docs, error: catError, retry } = useCategories();
  const [status, setStatus] = useState<QueueStatus>('pending');
  const [category, setCategory] = useState<number | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState<ArchiveRecord | null>(null);

  const filter = { category: category ?? null, status };
  const queue = usePagedQuery<ArchiveRecord>(
    async (first, offset, signal) => {
      const d = await gql<{ reviewQueue: ReviewPage }>(docs!.reviewQueue(first), { offset, ...filter }, { signal });
      return { totalCount: d.reviewQueue.totalCount, edges: d.reviewQueue.edges.map((e) => ({ node: docs!.normalize(e.node) })) };
    },
    queryKey(REVIEW_QUEUE, filter),
    { enabled: !!docs, errorFallback: '待审核记录加载失败' },
  );
  const { page, pageSize, setPage, refresh } = queue;
  // The table waits for the categories too, and their failure is shown (and retried) in the table's place.
  const shown: PagedQuery<ArchiveRecord> = {
    ...queue,
    loading: queue.loading || !docs,
    error: queue.error ?? catError,
    refresh: () => (catError ? retry() : refresh()),
  };

  const accept = async (r: ArchiveRecord) => {
    if (!docs) return;
    setBusy(r.id);
    try {
      await acceptRecord(docs, r); // the queue is fetched again (recordOps)
      message.success(`已审核通过：${r.cadre.name}`);
    } catch (e) {
      message.error(errorText(e));
      if (isConflict(e)) refresh();
    } finally {
      setBusy(null);
    }
  };

  const catOf = (r: ArchiveRecord) => docs?.byId.get(r.category);
  const back = { from: '/review', fromLabel: '待审核记录' };

  const columns: TableColumnsType<ArchiveRecord> = [
    { title: '序号', key: 'index', width: 56, align: 'center', render: (_v, _r, i) => (page - 1) * pageSize + i + 1 },
    {
      title: '干部', key: 'cadre', width: 96,
      render: (_v, r) => (
        <Link to={`/cadres/${r.cadre.id}?tab=${r.category}`} state={back} className="lz-cadre-link" data-testid="review-cadre">
          {r.cadre.name}
        </Link>
      ),
    },
    {
      title: '档案类别', key: 'category', width: 168, ellipsis: { showTitle: false },
      render: (_v, r) => {
        const c = catOf(r);
        return (
          <Tooltip placement="topLeft" title={c?.title ?? r.categoryTitle}>
            <span data-testid="review-category-cell">{c ? `${categoryNumeral(c.id)}、${c.short}` : r.categoryTitle}</span>
          </Tooltip>
        );
      },
    },
    {
      title: '日期', key: 'date', width: 104, align: 'center',
      render: (_v, r) => <span className="lz-time">{keyDate(catOf(r), r) || <span className="lz-muted">—</span>}</span>,
    },
    {
      title: '摘要', key: 'summary', ellipsis: { showTitle: false },
      render: (_v, r) => {
        const s = summaryOf(catOf(r), r);
        return s ? <Tooltip placement="topLeft" title={s}><span data-testid="review-summary">{s}</span></Tooltip> : <span className="lz-muted">—</span>;
      },
    },
    {
      title: '录入人', dataIndex: 'enteredBy', key: 'enteredBy', width: 176, ellipsis: { showTitle: false },
      render: (v: string) => <Tooltip placement="topLeft" title={v}>{v}</Tooltip>,
    },
    {
      title: '录入时间', dataIndex: 'enteredAt', key: 'enteredAt', width: 136, align: 'center',
      render: (v: string) => <span className="lz-time">{formatTime(v)}</span>,
    },
    ...(status === 'returned'
      ? [{
          title: '退回理由', key: 'reason', width: 220, ellipsis: { showTitle: false },
          render: (_v: unknown, r: ArchiveRecord) => (
            <Tooltip placement="topLeft" title={`${r.returnReason ?? ''}${r.reviewedBy ? `（${r.reviewedBy} ${formatTime(r.reviewedAt)}）` : ''}`}>
              <span className="lz-return-text" data-testid="review-reason">{r.returnReason}</span>
            </Tooltip>
          ),
        }] satisfies TableColumnsType<ArchiveRecord>
      : []),
    {
      title: '操作', key: 'actions', width: status === 'pending' ? 168 : 96, fixed: 'right', align: 'center',
      render: (_v, r) =>
        status === 'pending' ? (
          <Space size={4} className="lz-row-actions">
            <Popconfirm
              title={`审核通过「${r.cadre.name}」的这条记录？`}
              okText="审核通过"
              cancelText="取消"
              okButtonProps={{ 'data-testid': 'confirm-ok' }}
              onConfirm={() => accept(r)}
            >
              <Button size="small" type="link" icon={<CheckOutlined />} loading={busy === r.id} data-testid="review-accept">审核通过</Button>
            </Popconfirm>
            <Button size="small" type="link" danger icon={<RollbackOutlined />} onClick={() => setReturning(r)} data-testid="review-return">退回</Button>
          </Space>
        ) : (
          <Link to={`/cadres/${r.cadre.id}?tab=${r.category}`} state={back}>查看档案</Link>
        ),
    },
  ];

  return (
    <>
      <PagedTable<ArchiveRecord>
        query={shown}
        columns={columns}
        className="lz-cadre-table lz-review-table"
        testId="review-table"
        rowTestId="review-row"
        scrollX={1000}
        pageSizes={PAGE_SIZES}
        onRow={(r) => ({ 'data-record-id': r.id })}
        expandable={{
          expandedRowRender: (r) => {
            const c = catOf(r);
            return c ? (
              <div className="lz-review-detail">
                <RecordSheet category={c} record={r} />
                <div className="lz-record-materials">
                  <div className="lz-record-materials-title">材料目录</div>
                  <MaterialsTable materials={r.materials} />
                </div>
              </div>
            ) : null;
          },
        }}
        empty={status === 'pending' ? '没有待审核的记录' : '没有已退回的记录'}
        total={(n) => `共 ${n} 条`}
        totalTestId="review-total"
        toolbar={
          <>
            <Segmented<QueueStatus>
              value={status}
              onChange={(v) => { setStatus(v); setPage(1); }}
              options={[{ value: 'pending', label: '待审核' }, { value: 'returned', label: '已退回' }]}
              data-testid="review-status"
            />
            <Select<number>
              className="lz-review-category"
              data-testid="review-category"
              id="review-category"
              placeholder="全部类别"
              allowClear
              value={category}
              onChange={(v) => { setCategory(v ?? undefined); setPage(1); }}
              options={(categories ?? []).map((c) => ({ value: c.id, label: `${categoryNumeral(c.id)}、${c.short}`, title: c.title }))}
              popupMatchSelectWidth={false}
            />
            <span className="lz-scope lz-muted">
              {status === 'pending' ? '先录入的在前。展开一行可查看记录全文和材料目录。' : '已退回、等待录入人修改的记录。'}
            </span>
            <RefreshButton onClick={refresh} testId="review-reload" />
          </>
        }
      />

      {returning && docs && (
        <ReturnModal
          record={returning}
          docs={docs}
          onClose={() => setReturning(null)}
          onDone={(r) => { setReturning(null); message.success(`已退回：${r.cadre.name}`); }}
        />
      )}
    </>
  );
}
