// Above the basic information: a change of it that has not taken effect yet (modules/inbox on the server). A filler
// sees its own (待审核, or 已退回 with the reason: edit again to resubmit); an officer is pointed to the 审核 page.
import { Link } from 'react-router-dom';
import { Alert } from 'antd';
import { formatTime } from './format';
import type { CadreProfile } from './profile';

export function OpenChangeNote({ profile, reviewer }: { profile: CadreProfile; reviewer: boolean }) {
  const ch = profile.openChange;
  if (!ch) return null;
  const fields = ch.changes.map((c) => c.label).join('、');
  if (reviewer) {
    return (
      <Alert type="info" showIcon className="lz-open-change" data-testid="open-change"
        title={<>填报员提交的基本信息修改待审核（{fields || '无差异'}），<Link to="/review?tab=basic">前往审核</Link></>} />
    );
  }
  return ch.status === 'returned' ? (
    <Alert type="warning" showIcon className="lz-open-change" data-testid="open-change"
      title={`基本信息修改已退回：${ch.returnReason ?? ''}`}
      description={`${ch.reviewedBy ?? ''} 退回。请点击「编辑」修改后重新提交。`} />
  ) : (
    <Alert type="info" showIcon className="lz-open-change" data-testid="open-change"
      title={`基本信息修改已提交审核（${formatTime(ch.submittedAt)}），待纪检干部审核通过后生效`}
      description={fields ? `修改项：${fields}` : undefined} />
  );
}
