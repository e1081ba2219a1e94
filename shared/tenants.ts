// Tenant kinds (the bodies of the discipline-inspection hierarchy) and the tenant-code pattern.

export const TENANT_KINDS = {
  province_commission: '省纪委监委',
  city_commission: '市纪委监委',
  county_commission: '县区纪委监委',
  supervision_team: '派驻纪检监察组',
  inspection_office: '巡察机构',
  enterprise_discipline: '市管企业纪委',
  university_discipline: '市属院校纪委',
} as const;
export type TenantKind = keyof typeof TENANT_KINDS;

/** Lower-case letters and digits in groups joined by '-'; a child's code starts with its parent's code + '-'. */
export const TENANT_CODE_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
