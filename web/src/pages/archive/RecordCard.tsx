// One record as a card in the style of a paper form: status, the typed fields, who entered and who reviewed it,
// its materials catalogue, and the actions the user's role allows.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Popconfirm, Space, Tag, Tooltip } from 'antd';
import {
  CheckOutlined, DeleteOutlined, EditOutlined, HistoryOutlined, RollbackOutlined, UndoOutlined,
} from '@ant-design/icons';
import { errorText } from '../../api/graphql';
import { formatTime, keyDate, STATUS_TAGS, summaryOf } from './format';
import type { ArchiveDocs } from './queries';
import { acceptRecord, deleteRecord, isConflict, restoreRecord } from './recordOps';
import { MaterialsTable, RecordSheet } from './RecordSheet';
import type { ArchiveRecord, Category } from './types';

export interface RecordPermissions {
  edit: boolean;
  review: boolean;
  remove: boolean;
  restore: boolean;
}

export function StatusTag({ record }: { record: ArchiveRecord }) {
  if (record.deleted) return <Tag color="default" data-testid="record-status">已删除</Tag>;
  const s = STATUS_TAGS[record.status];
  return <Tag color={s.color} data-testid="record-status">{s.text}</Tag>;
}

export function RecordCard({ category, record, docs, can, index, onEdit, onReturn, onHistory, onChanged, onStale }: {
  category: Category;
  record: ArchiveRecord;
  docs: ArchiveDocs;
  can: RecordPermissions;
  index: number;
  onEdit(r: ArchiveRecord): void;
  onReturn(r: ArchiveRecord): void;
  onHistory(r: ArchiveRecord): void;
  onChanged(r: ArchiveRecord, text: string): void;
  /** The record changed elsewhere: reload the archive. */
  onStale(): void;
}) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (what: string, op: () => Promise<ArchiveRecord>, done: string) => {
    setBusy(what);
    try {
      onChanged(await op(), done);
    } catch (e) {
      message.error(errorText(e));
      if (isConflict(e)) onStale();
    } finally {
      setBusy(null);
    }
  };

  const pending = record.status === 'pending' && !record.deleted;
  const date = keyDate(category, record);
  const summary = summaryOf(category, record);

  const actions = (
    <Space size={2} className="lz-record-actions lz-no-print" wrap>
      {can.review && pending && (
        <Popconfirm
          title="审核通过该记录？"
          description="审核通过后记录生效，录入人将看到「已审核」。"
          okText="审核通过"
          cancelText="取消"
          okButtonProps={{ 'data-testid': 'confirm-ok' }}
          onConfirm={() => run('accept', () => acceptRecord(docs, record), '已审核通过')}
        >
          <Button size="small" type="primary" ghost icon={<CheckOutlined />} loading={busy === 'accept'} data-testid="record-accept">审核通过</Button>
        </Popconfirm>
      )}
      {can.review && pending && (
        <Button size="small" danger icon={<RollbackOutlined />} onClick={() => onReturn(record)} data-testid="record-return">退回</Button>
      )}
      {can.edit && !record.deleted && (
        <Button size="small" type="text" icon={<EditOutlined />} onClick={() => onEdit(record)} data-testid="record-edit">编辑</Button>
      )}
      {can.remove && !record.deleted && (
        <Popconfirm
          title="删除该记录？"
          description="删除后不再显示在档案中，纪检干部可在「显示已删除」中恢复。"
          okText="删除"
          cancelText="取消"
          okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
          onConfirm={() => run('delete', () => deleteRecord(docs, record), '已删除')}
        >
          <Button size="small" type="text" danger icon={<DeleteOutlined />} loading={busy === 'delete'} data-testid="record-delete">删除</Button>
        </Popconfirm>
      )}
      {can.restore && record.deleted && (
        <Popconfirm
          title="恢复该记录？"
          okText="恢复"
          cancelText="取消"
          okButtonProps={{ 'data-testid': 'confirm-ok' }}
          onConfirm={() => run('restore', () => restoreRecord(docs, record), '已恢复')}
        >
          <Button size="small" type="primary" ghost icon={<UndoOutlined />} loading={busy === 'restore'} data-testid="record-restore">恢复</Button>
        </Popconfirm>
      )}
      <Tooltip title="查看每次录入、修改、审核的记录">
        <Button size="small" type="text" icon={<HistoryOutlined />} onClick={() => onHistory(record)} data-testid="record-history">变更历史</Button>
      </Tooltip>
    </Space>
  );

  const reviewer = record.reviewedBy ? (
    <span data-testid="record-reviewer">
      {record.reviewedBy}<span className="lz-sheet-time">{formatTime(record.reviewedAt)}</span>
    </span>
  ) : (
    <span className="lz-muted">{record.status === 'pending' ? '待审核' : '—'}</span>
  );

  const metaRow = (
    <tr className="lz-sheet-meta">
      <th scope="row" className="lz-sheet-label">录入人 / 时间</th>
      <td className="lz-sheet-value" data-testid="record-enterer">
        {record.enteredBy}<span className="lz-sheet-time">{formatTime(record.enteredAt)}</span>
      </td>
      <th scope="row" className="lz-sheet-label">{record.status === 'returned' ? '退回人 / 时间' : '审核人 / 时间'}</th>
      <td className="lz-sheet-value">{reviewer}</td>
      <th scope="row" className="lz-sheet-label">版本</th>
      <td className="lz-sheet-value" data-testid="record-version">
        <Tooltip title={record.updatedBy ? `最后修改：${record.updatedBy} ${formatTime(record.updatedAt)}` : undefined}>
          <span>第 {record.version} 版</span>
        </Tooltip>
        <span className="lz-sheet-time">{formatTime(record.updatedAt)}</span>
      </td>
    </tr>
  );

  return (
    <section
      className={`lz-record-card${record.deleted ? ' lz-record-deleted' : ''} lz-record-${record.status}`}
      data-testid="record-card"
      data-record-id={record.id}
      data-status={record.deleted ? 'deleted' : record.status}
    >
      <header className="lz-record-head">
        <div className="lz-record-title">
          <span className="lz-record-no">{index}</span>
          <StatusTag record={record} />
          {date && <span className="lz-record-date lz-nums">{date}</span>}
          {summary && <span className="lz-record-summary" title={summary}>{summary}</span>}
        </div>
        {actions}
      </header>
      {record.status === 'returned' && !record.deleted && (
        <Alert
          type="error"
          showIcon
          className="lz-record-alert"
          data-testid="record-return-reason"
          title={<span>退回理由：{record.returnReason ?? '（未填写）'}</span>}
          description={record.reviewedBy ? `${record.reviewedBy} 于 ${formatTime(record.reviewedAt)} 退回，请录入人修改后重新提交。` : undefined}
        />
      )}
      {record.deleted && (
        <Alert
          type="warning"
          showIcon
          className="lz-record-alert"
          data-testid="record-deleted-note"
          title={`该记录已于 ${formatTime(record.deletedAt)} 由 ${record.deletedBy ?? '—'} 删除`}
        />
      )}
      <RecordSheet category={category} record={record} extraRows={metaRow} />
      <div className="lz-record-materials">
        <div className="lz-record-materials-title">材料目录</div>
        <MaterialsTable materials={record.materials} />
      </div>
    </section>
  );
}
