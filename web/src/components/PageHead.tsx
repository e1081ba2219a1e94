// Small pieces every console page uses: the title line and the refresh button.
import type React from 'react';
import { Button, Tooltip, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';

/** The page's title and one line saying what it is for. */
export function PageHead({ title, desc }: { title: string; desc?: React.ReactNode }) {
  return (
    <div className="lz-page-head">
      <Typography.Title level={4} className="lz-page-title">{title}</Typography.Title>
      <span className="lz-page-desc">{desc}</span>
    </div>
  );
}

/** 「刷新」 as an icon button with its tooltip. */
export function RefreshButton({ onClick, size, testId, title = '刷新' }: {
  onClick(): void; size?: ButtonProps['size']; testId?: string; title?: string;
}) {
  return (
    <Tooltip title={title}>
      <Button size={size} icon={<ReloadOutlined />} onClick={onClick} aria-label={title} data-testid={testId} />
    </Tooltip>
  );
}
