// 变更历史: every version of a record, newest first — who did what and when, the reason of a return, and each
// changed field with its value before and after.
import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Empty, Spin, Tag, Timeline } from 'antd';
import { errorText } from '../../api/graphql';
import { queryKey } from '../../api/query';
import { categoryNumeral, formatChange, formatTime, keyDate } from './format';
import type { ArchiveDocs } from './queries';
import { fetchRecord } from './recordOps';
import type { ArchiveRecord, Revision } from './types';

const ACTION_COLORS: Record<string, string> = {
  create: 'blue', update: 'gold', accept: 'green', return: 'red', delete: 'gray', restore: 'cyan',
};

export function HistoryDrawer({ record, docs, onClose }: { record: ArchiveRecord; docs: ArchiveDocs; onClose(): void }) {
  const cat = docs.byId.get(record.category);
  const fieldOf = (name: string) => cat?.fields.find((f) => f.name === name);

  // Keyed by the version too: a record changed since is asked for again.
  const query = useQuery({
    queryKey: [...queryKey(docs.recordHistory, { id: record.id }), record.version],
    queryFn: () => fetchRecord(docs, record.id, true),
  });
  const history: Revision[] | null = query.data ? query.data.history ?? [] : null;
  const error = query.error
    ? errorText(query.error, '变更历史加载失败')
    : query.data === null ? '记录不存在或不在可见范围内' : null;

  return (
    <Drawer
      open
      onClose={onClose}
      size={600}
      title={
        <div>
          <div>变更历史</div>
          <div className="lz-drawer-sub">
            {record.cadre.name} · {cat ? `${categoryNumeral(cat.id)}、${cat.short}` : record.categoryTitle}
            {keyDate(cat, record) ? ` · ${keyDate(cat, record)}` : ''} · 当前第 {record.version} 版
          </div>
        </div>
      }
      className="lz-history-drawer"
      data-testid="history-drawer"
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!history && !error && <div className="lz-center-pad"><Spin /></div>}
      {history && !history.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变更记录" />}
      {history && history.length > 0 && (
        <Timeline
          className="lz-history"
          items={history.map((h) => ({
            key: h.version,
            color: ACTION_COLORS[h.action] ?? 'gray',
            content: (
              <div className="lz-history-item" data-testid="history-item">
                <div className="lz-history-head">
                  <Tag color={ACTION_COLORS[h.action] ?? 'default'} className="lz-history-action">{h.actionLabel}</Tag>
                  <span className="lz-history-actor">{h.actorName}</span>
                  <span className="lz-time lz-muted">{formatTime(h.at)}</span>
                  <span className="lz-history-version">第 {h.version} 版</span>
                </div>
                {h.reason && <div className="lz-history-reason">退回理由：{h.reason}</div>}
                {h.changes.length > 0 && (
                  <table className="lz-changes">
                    <colgroup>
                      <col style={{ width: 120 }} />
                      <col />
                      <col />
                    </colgroup>
                    <thead>
                      <tr><th>项目</th><th>修改前</th><th>修改后</th></tr>
                    </thead>
                    <tbody>
                      {h.changes.map((c) => (
                        <tr key={c.field} data-testid="history-change">
                          <th scope="row">{c.label}</th>
                          <td className="lz-change-from">{formatChange(fieldOf(c.field), c.from) || <span className="lz-muted">（空）</span>}</td>
                          <td className="lz-change-to">{formatChange(fieldOf(c.field), c.to) || <span className="lz-muted">（空）</span>}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
