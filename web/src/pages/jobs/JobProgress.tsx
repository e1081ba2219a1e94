// A started job followed where it was started (docs/jobs.md#console): a modal with its progress (asked again every
// 2 s while it is queued or running), 下载 when it is done, 取消 while it runs, and a link to 任务中心 (the job goes on
// when the modal is closed).
import { Link } from 'react-router-dom';
import { Alert, App as AntApp, Button, Modal, Progress, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { errorText, gql } from '../../api/graphql';
import { invalidate, useGqlQuery } from '../../api/query';
import { downloadFile } from '../imports/api';
import { CancelJobDocument, JOB_POLL_MS, JobDocument, JobsDocument, jobActive, jobResultUrl, sizeText, type JobRow } from './api';

export function percent(j: Pick<JobRow, 'progress' | 'total' | 'status'>): number {
  if (j.status === 'succeeded') return 100;
  return j.total ? Math.floor((j.progress / j.total) * 100) : 0;
}

export const progressStatus = (j: Pick<JobRow, 'status'>) =>
  (j.status === 'failed' ? 'exception' : j.status === 'succeeded' ? 'success' : j.status === 'running' ? 'active' : 'normal') as
    'exception' | 'success' | 'active' | 'normal';

/** Download a finished job's result. */
export const downloadJobResult = (j: Pick<JobRow, 'id' | 'resultName'>) => downloadFile(jobResultUrl(j.id), j.resultName ?? '任务结果.zip');

export function JobProgressModal({ job: started, title, onClose }: { job: JobRow; title: string; onClose(): void }) {
  const { message } = AntApp.useApp();
  const q = useGqlQuery<{ job: JobRow | null }, { id: string }>(JobDocument, { id: started.id }, {
    refetchInterval: (query) => (query.state.data?.job && !jobActive(query.state.data.job.status) ? false : JOB_POLL_MS),
  });
  const j = q.data?.job ?? started;
  const cancel = async () => {
    try {
      await gql(CancelJobDocument, { id: j.id });
      void invalidate(JobsDocument);
      void q.refetch();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal open title={title} onCancel={onClose} data-testid="job-modal" destroyOnHidden
      footer={(
        <Space>
          <Link to="/jobs" data-testid="job-center-link">在任务中心查看</Link>
          {jobActive(j.status) && <Button onClick={cancel} data-testid="job-cancel">取消任务</Button>}
          {j.status === 'succeeded' && (
            <Button type="primary" icon={<DownloadOutlined />} data-testid="job-download"
              onClick={() => downloadJobResult(j).catch((e) => message.error(errorText(e)))}>下载</Button>
          )}
          <Button onClick={onClose}>关闭</Button>
        </Space>
      )}>
      <Typography.Paragraph>
        {j.kindLabel}：<span data-testid="job-status">{j.statusLabel}</span>
        {j.total > 0 && <>（<span data-testid="job-count">{j.progress}/{j.total}</span> 份）</>}
      </Typography.Paragraph>
      <Progress percent={percent(j)} status={progressStatus(j)} data-testid="job-progress" />
      {j.status === 'succeeded' && <Typography.Text type="secondary">{j.resultName}（{sizeText(j.resultSize)}），保留 7 天</Typography.Text>}
      {j.message && j.status !== 'succeeded' && <Alert className="lz-mt8" type={j.status === 'failed' ? 'error' : 'info'} showIcon message={j.message} />}
      {jobActive(j.status) && <Typography.Paragraph type="secondary" className="lz-mt8">关闭此窗口后任务仍在后台进行，可在任务中心下载结果。</Typography.Paragraph>}
    </Modal>
  );
}
