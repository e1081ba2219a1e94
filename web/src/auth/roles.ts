// Role names and labels for the 用户管理 forms. What a role may do is not decided here: the console follows
// `me.permissions` (auth/permissions.ts), which the API derives from the same rules it enforces.
const ROLE_LABELS: Record<string, string> = {
  admin: '管理员',
  officer: '纪检干部',
  leader: '领导',
  filler: '填报员',
  auditor: '审计员',
};

export const ROLE_DESCRIPTIONS: Record<string, string> = {
  admin: '管理本级及下级租户、用户和安全设置，不能查看干部档案',
  officer: '查看、录入和维护可见范围内的干部档案',
  leader: '查看可见范围内的干部档案',
  filler: '仅为指定单位录入干部档案',
  auditor: '查阅访问日志',
};

export const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));
