// The console's pages and the permission each needs (from `me.permissions`, e.g. `Cadre:read`). The menu, the
// default landing page and the route guards all read this one list.
export interface PageDef {
  path: string;
  label: string;
  permission: string;
  /** Hidden from those who hold this permission too (我的填报: fillers, not the officers who review). */
  unless?: string;
  group?: 'archive' | 'warning' | 'analysis' | 'system' | 'security';
}

export const PAGES: PageDef[] = [
  { path: '/cadres', label: '干部档案', permission: 'Cadre:read', group: 'archive' },
  { path: '/my-records', label: '我的填报', permission: 'ArchiveRecord:create', unless: 'ArchiveRecord:review', group: 'archive' },
  { path: '/review', label: '待审核记录', permission: 'ArchiveRecord:review', group: 'archive' },
  { path: '/import', label: '导入审批表', permission: 'Cadre:create', group: 'archive' },
  { path: '/warnings', label: '预警看板', permission: 'Warning:read', group: 'warning' },
  // 廉情预警 (docs/dispositions.md): the ledger for officers and leaders, the rectification tasks for fillers.
  { path: '/dispositions', label: '处置台账', permission: 'Disposition:export', group: 'warning' },
  { path: '/rectification', label: '整改任务', permission: 'Disposition:rectify', unless: 'Disposition:review', group: 'warning' },
  // 廉情分析 (docs/replies.md): the 复函 for officers (draft, issue) and leaders (read).
  { path: '/replies', label: '廉政复函', permission: 'ReplyRequest:read', group: 'analysis' },
  // 任务中心 (docs/jobs.md): one's own batch jobs — for those who may start one (officers, leaders), never fillers.
  { path: '/jobs', label: '任务中心', permission: 'Warning:read', group: 'analysis' },
  { path: '/admin/tenants', label: '机构管理', permission: 'Tenant:create', group: 'system' },
  { path: '/admin/units', label: '单位管理', permission: 'Unit:update', group: 'system' },
  { path: '/admin/users', label: '用户管理', permission: 'User:read', group: 'system' },
  { path: '/admin/grants', label: '授权审批', permission: 'RoleGrant:approve', group: 'system' },
  { path: '/admin/security', label: '安全设置', permission: 'SecuritySettings:read', group: 'system' },
  { path: '/work-calendar', label: '工作日历', permission: 'WorkCalendar:read', group: 'system' },
  { path: '/audit', label: '访问日志', permission: 'AuditEvent:read', group: 'security' },
  { path: '/grant-records', label: '授权记录', permission: 'AuditEvent:read', group: 'security' },
  // Last: an administrator reads the rules too, but lands on 机构管理 (the landing page is the first one allowed).
  { path: '/warning-rules', label: '预警规则', permission: 'WarningRule:read', group: 'warning' },
];

export const CHANGE_PASSWORD_PATH = '/change-password';
/** 激活账户: public, reached from the login page. */
export const ACTIVATE_PATH = '/activate';
/** Shown when a role has none of the pages. */
export const NO_ACCESS_PATH = '/welcome';

const has = (permissions: readonly string[] | undefined, p: string) => !!permissions?.includes(p);

const allowed = (permissions: readonly string[] | undefined, pg: PageDef) =>
  has(permissions, pg.permission) && !(pg.unless && has(permissions, pg.unless));

export const visiblePages = (permissions: readonly string[] | undefined) => PAGES.filter((pg) => allowed(permissions, pg));

/** The first page the user may see. */
export function landingPath(permissions: readonly string[] | undefined): string {
  return visiblePages(permissions)[0]?.path ?? NO_ACCESS_PATH;
}

/** The page definition a path belongs to, if any. */
export const pageOf = (pathname: string): PageDef | undefined =>
  PAGES.find((pg) => pathname === pg.path || pathname.startsWith(pg.path + '/'));

/** Whether a path may be opened: a known page needs its permission; other paths are left to the router. */
export function pathAllowed(pathname: string, permissions: readonly string[] | undefined): boolean {
  const page = pageOf(pathname);
  return !page || allowed(permissions, page);
}
