// The access log in plain Chinese: each row carries a summary such as 「查看干部档案：张建华」 or
// 「登录失败：密码错误」, written with the row (names as they were at the time of access).

/** What each operation does, as an auditor reads it. */
export const OPERATION_LABELS: Record<string, string> = {
  me: '查看本人信息', tenants: '查看租户列表', units: '查看单位树', cadres: '查询干部列表', cadre: '查看干部档案',
  auditEvents: '查询访问日志', users: '查看用户列表', user: '查看用户', tenantSecurity: '查看安全设置',
  login: '登录', refreshSession: '刷新会话', logout: '退出登录', changePassword: '修改本人密码',
  createCadre: '新增干部', updateCadre: '修改干部信息', createTenant: '新建租户', updateTenant: '修改租户',
  moveTenant: '调整租户上级', setTenantStatus: '暂停或恢复租户', createUser: '新建用户', updateUser: '修改用户',
  setUserStatus: '停用或启用用户', unlockUser: '解除用户锁定', resetUserPassword: '重置用户密码',
  updateTenantSecurity: '修改安全设置', purgeAuditEvents: '清理访问日志', exportAuditEvents: '导出访问日志',
  audit_purge: '清理记录', auditAnchors: '下载哈希链签名锚点', auditSigningKey: '查看签名公钥', anchorAuditChain: '签署哈希链链头',
  activateAccount: '激活账户', roleGrants: '查看授权记录', approveRoleGrant: '批准角色授权', rejectRoleGrant: '退回角色授权',
  roleGrantAlerts: '查看授权预警',
  codeTables: '查看代码表', recordCategories: '查看档案类别', record: '查看档案记录', reviewQueue: '查看待审核记录',
  createRecord: '新增档案记录', updateRecord: '修改档案记录', reviewRecord: '审核档案记录', deleteRecord: '删除档案记录',
  restoreRecord: '恢复档案记录',
};

const LOGIN_REASONS: Record<string, string> = {
  bad_password: '密码错误', unknown_user: '账户不存在', locked: '账户已锁定', disabled: '账户已停用',
  tenant_suspended: '所属单位已暂停使用', malformed: '令牌无效', unknown: '会话不存在', bad_secret: '刷新令牌不正确', expired: '会话已过期',
  reuse: '刷新令牌被重复使用，会话已注销', rate_limited: '尝试过于频繁', backoff: '本地址失败过多，须等待后再试',
};

const ERROR_LABELS: Record<string, string> = {
  FORBIDDEN: '无权限', UNAUTHENTICATED: '未登录或会话已失效', BAD_USER_INPUT: '输入有误',
  PASSWORD_CHANGE_REQUIRED: '须先修改密码', ACCOUNT_LOCKED: '账户已锁定', ACTIVATION_FAILED: '激活码无效', GRAPHQL_PARSE_FAILED: '请求无法解析', GRAPHQL_VALIDATION_FAILED: '请求不合法',
  INTERNAL: '服务器错误',
};

/** Up to `max` names, then 「等 N 人」. */
export function nameList(names: string[], max = 5): string {
  const uniq = [...new Set(names)];
  if (uniq.length <= max) return uniq.join('、');
  return `${uniq.slice(0, max).join('、')}等 ${uniq.length} 人`;
}

export interface DescribeInput {
  fields: string[];
  outcome: 'success' | 'failure';
  denied: boolean;
  errors: string[];
  cadreNames: string[];
  targets: { type: string; name?: string }[];
}

export function describeOperation(d: DescribeInput): string {
  const what = [...new Set(d.fields.filter((f) => f !== '__typename'))].map((f) => OPERATION_LABELS[f] ?? f).join('、') || '请求';
  const objects = [
    ...(d.cadreNames.length ? [nameList(d.cadreNames)] : []),
    ...d.targets.map((x) => x.name).filter((x): x is string => !!x),
  ];
  const base = objects.length ? `${what}：${[...new Set(objects)].join('、')}` : what;
  if (d.denied) return `无权操作：${base}`;
  if (d.outcome === 'failure') {
    const why = [...new Set(d.errors.map((c) => ERROR_LABELS[c] ?? c))].join('、');
    return `${base}（失败${why ? `：${why}` : ''}）`;
  }
  return base;
}

export function describeLogin(op: 'login' | 'refreshSession', outcome: 'success' | 'failure', reason?: string): string {
  const label = OPERATION_LABELS[op];
  if (outcome === 'success') return `${label}成功`;
  return `${label}失败${reason ? `：${LOGIN_REASONS[reason] ?? reason}` : ''}`;
}
