// 我的填报: what the filler entered or changed — archive records and changes of basic information — by review state
// (待审核, 已退回 with the reviewer's reason, 已通过), newest submission first, each linked to the cadre's archive.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Tabs, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { gql } from '../../api/graphql';
import { queryKey } from '../../api/query';
import { PageHead, RefreshButton } from '../../components/PageHead';
import { PagedTable, usePagedQuery } from '../../components/PagedTable';
import { categoryNumeral, formatTime } from './format';
import { MyRecordsDocument, type MySubmission } from './inboxQueries';

type Status = 'pending' | 'returned' | 'accepted';
const TABS: { key: Status; label: string; empty: string; hint: string }[] = [
  { key: 'pending', label: '待审核', empty: '没有待审核的填报', hint: '已提交、等待纪检干部审核。' },
  { key: 'returned', label: '已退回', empty: '没有被退回的填报', hint: '请按退回理由修改后重新提交：打开档案，修改该记录或基本信息即可。' },
  { key: 'accepted', label: '已通过', empty: '还没有审核通过的填报', hint: '已审核通过、已生效的填报。' },
];

/** Where a row leads: the record's category tab, or the basic information (category 1). */
const linkOf = (r: MySubmission) => `/cadres/${r.cadre.id}?tab=${r.categoryId ?? 1}`;

export function MyRecordsPage() {
  const [status, setStatus] = useState<Status>('pending');
  const tab = TABS.find((x) => x.key === status)!;
  const query = usePagedQuery<MySubmission>(
    async (first, offset, signal) => (await gql(MyRecordsDocument, { status, first, offset }, { signal })).myRecords,
    queryKey(MyRecordsDocument, { status }),
    { errorFallback: '我的填报加载失败' },
  );
  const { page, pageSize, setPage, refresh } = query;
  const back = { from: '/my-records', fromLabel: '我的填报' };

  const columns: TableColumnsType<MySubmission> = [
    { title: '序号', key: 'index', width: 56, align: 'center', render: (_v, _r, i) => (page - 1) * pageSize + i + 1 },
    {
      title: '干部', key: 'cadre', width: 96,
      render: (_v, r) => <Link to={linkOf(r)} state={back} className="lz-cadre-link" data-testid="my-cadre">{r.cadre.name}</Link>,
    },
    {
      title: '单位', key: 'unit', width: 150, ellipsis: { showTitle: false },
      render: (_v, r) => <Tooltip placement="topLeft" title={r.cadre.unitName}>{r.cadre.unitName}</Tooltip>,
    },
    {
      title: '类别', key: 'category', width: 170, ellipsis: { showTitle: false },
      render: (_v, r) => (
        <Tooltip placement="topLeft" title={r.categoryTitle}>
          <span data-testid="my-category">
            {r.categoryId ? `${categoryNumeral(r.categoryId)}、${r.category}` : <Tag color="blue" variant="outlined">{r.category}修改</Tag>}
          </span>
        </Tooltip>
      ),
    },
    {
      title: '提交时间', dataIndex: 'submittedAt', key: 'submittedAt', width: 136, align: 'center',
      render: (v: string) => <span className="lz-time">{formatTime(v)}</span>,
    },
    ...(status === 'pending' ? [] : [
      {
        title: '审核时间', dataIndex: 'reviewedAt', key: 'reviewedAt', width: 136, align: 'center' as const,
        render: (v: string | null) => <span className="lz-time">{formatTime(v) || '—'}</span>,
      },
      {
        title: '审核人', dataIndex: 'reviewedBy', key: 'reviewedBy', width: 150, ellipsis: { showTitle: false },
        render: (v: string | null) => <Tooltip placement="topLeft" title={v}>{v ?? '—'}</Tooltip>,
      },
    ] satisfies TableColumnsType<MySubmission>),
    ...(status === 'returned' ? [{
      title: '退回理由', key: 'reason', width: 260, ellipsis: { showTitle: false },
      render: (_v: unknown, r: MySubmission) => (
        <Tooltip placement="topLeft" title={r.returnReason}>
          <span className="lz-return-text" data-testid="my-reason">{r.returnReason}</span>
        </Tooltip>
      ),
    }] satisfies TableColumnsType<MySubmission> : []),
    {
      title: '操作', key: 'actions', width: 96, fixed: 'right', align: 'center',
      render: (_v, r) => <Link to={linkOf(r)} state={back} data-testid="my-open">{status === 'returned' ? '去修改' : '查看档案'}</Link>,
    },
  ];

  return (
    <div className="lz-my-records">
      <PageHead title="我的填报" desc="您录入或修改的档案记录和提交的基本信息修改，经纪检干部审核通过后生效" />
      <Tabs
        className="lz-my-tabs"
        activeKey={status}
        onChange={(k) => { setStatus(k as Status); setPage(1); }}
        items={TABS.map((x) => ({ key: x.key, label: <span data-testid={`my-tab-${x.key}`}>{x.label}</span> }))}
      />
      <PagedTable<MySubmission>
        query={query}
        columns={columns}
        className="lz-cadre-table lz-my-table"
        testId="my-table"
        rowTestId="my-row"
        scrollX={1000}
        onRow={(r) => ({ 'data-id': r.id, 'data-kind': r.kind })}
        empty={tab.empty}
        total={(n) => `共 ${n} 条`}
        totalTestId="my-total"
        toolbar={
          <>
            <span className="lz-scope lz-muted">{tab.hint}</span>
            <RefreshButton onClick={refresh} testId="my-reload" />
          </>
        }
      />
    </div>
  );
}
