import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Result } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useAuth } from './AuthProvider';
import { landingPath } from './permissions';

/** A page that needs one permission; others see a plain refusal with a way back (「当前角色无权{action}{title}」). */
export function RequirePermission({ permission, title, action = '访问', children }: {
  permission: string; title: string; action?: string; children: ReactNode;
}) {
  const { me, can } = useAuth();
  const navigate = useNavigate();
  if (can(permission)) return <>{children}</>;
  return (
    <Card className="lz-page-card" data-testid="page-forbidden">
      <Result
        icon={<LockOutlined className="lz-forbidden-icon" />}
        title={`当前角色无权${action}${title}`}
        subTitle="如需访问，请联系本机关系统管理员调整角色权限。"
        extra={<Button type="primary" onClick={() => navigate(landingPath(me?.permissions), { replace: true })}>返回首页</Button>}
      />
    </Card>
  );
}
