export const ROLE_LABELS: Record<string, string> = {
  admin: '管理员',
  officer: '纪检干部',
  leader: '领导',
  filler: '填报员',
  auditor: '审计员',
};

export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;
