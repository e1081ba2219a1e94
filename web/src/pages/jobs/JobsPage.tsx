// 任务中心 (/jobs; docs/jobs.md#console): the caller's own jobs, newest first — progress bars, Chinese statuses
// (排队中/进行中/已完成/失败/已取消), when each result expires, 下载 and 取消. Asked again every 2 s while any is queued or running.
import { App as AntApp, Button, Card, Popconfirm, Progress, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { errorText, gql } from '../../api/graphql';
import { invalidate, useGqlQuery } from '../../api/query';
import { PageHead, RefreshButton } from '../../components/PageHead';
import { formatTime } from '../../components/format';
import { CancelJobDocument, JOB_POLL_MS, JobsDocument, jobActive, sizeText, STATUS_COLOURS, type JobRow } from './api';
import { downloadJobResult, percent, progressStatus } from './JobProgress';

/** The newest jobs shown (results are kept 7 days, so a person's list stays short). */
const SHOWN = 100;
type Page = { jobs: { totalCount: number; edges: { node: JobRow }[] } };

export function JobsPage() {
  const { message } = AntApp.useApp();
  const q = useGqlQuery<Page, { first: number }>(JobsDocument, { first: SHOWN }, {
    refetchInterval: (query) => (query.state.data?.jobs.edges.some((e) => jobActive(e.node.status)) ? JOB_POLL_MS : false),
  });
  const rows = q.data?.jobs.edges.map((e) => e.node) ?? [];
  const cancel = async (j: JobRow) => {
    try {
      await gql(CancelJobDocument, { id: j.id });
      message.success('已取消任务');
      void invalidate(JobsDocument);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const columns: TableColumnsType<JobRow> = [
    { title: '任务', dataIndex: 'kindLabel', width: 150 },
    { title: '结果文件', key: 'name', ellipsis: true, render: (_: unknown, j) => j.resultName ?? '—' },
    {
      title: '进度', key: 'progress', width: 220,
      render: (_: unknown, j) => (
        <Tooltip title={`${j.progress}/${j.total} 份`}>
          <Progress percent={percent(j)} status={progressStatus(j)} size="small" format={() => `${j.progress}/${j.total}`} data-testid="jobs-progress" />
        </Tooltip>
      ),
    },
    {
      title: '状态', key: 'status', width: 120,
      render: (_: unknown, j) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLOURS[j.status]} data-testid="jobs-status">{j.statusLabel}</Tag>
          {j.message && j.status !== 'succeeded' && <span className="lz-muted">{j.message}</span>}
        </Space>
      ),
    },
    { title: '发起时间', key: 'createdAt', width: 150, render: (_: unknown, j) => formatTime(j.createdAt) },
    { title: '大小', key: 'size', width: 90, render: (_: unknown, j) => sizeText(j.resultSize) },
    {
      title: '保留至', key: 'expiresAt', width: 150,
      render: (_: unknown, j) => (j.expiresAt ? formatTime(j.expiresAt) : '完成后保留 7 天'),
    },
    {
      title: '操作', key: 'ops', width: 130,
      render: (_: unknown, j) => (
        <Space size={0}>
          {j.status === 'succeeded' && (
            <Button type="link" size="small" icon={<DownloadOutlined />} data-testid="jobs-download"
              onClick={() => downloadJobResult(j).catch((e) => message.error(errorText(e)))}>下载</Button>
          )}
          {jobActive(j.status) && (
            <Popconfirm title="取消这个任务？" okText="取消任务" cancelText="不取消" onConfirm={() => cancel(j)}>
              <Button type="link" size="small" danger icon={<StopOutlined />} data-testid="jobs-cancel">取消</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <div className="lz-page" data-testid="jobs-page">
      <PageHead title="任务中心" desc="本人发起的批量生成任务：进度、结果下载（结果保留 7 天）。只有发起人能看到和下载" />
      <Card className="lz-page-card" extra={<RefreshButton onClick={() => void q.refetch()} />}
        title={q.data ? `最近 ${Math.min(q.data.jobs.totalCount, SHOWN)} 个任务` : '任务'}>
        <Table<JobRow>
          size="small" rowKey="id" dataSource={rows} columns={columns} loading={q.isPending}
          locale={{ emptyText: q.error ? errorText(q.error, '任务加载失败') : '暂无任务' }}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 1100 }} data-testid="jobs-table"
          onRow={() => ({ 'data-testid': 'jobs-row' }) as React.HTMLAttributes<HTMLElement>}
        />
      </Card>
    </div>
  );
}
