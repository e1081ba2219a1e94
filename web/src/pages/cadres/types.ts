export interface TenantItem {
  id: string;
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
  sortOrder: number;
  parentId: string | null;
}

export interface UnitItem {
  id: string;
  name: string;
  parentId: string | null;
  sortOrder: number;
  /** Null for roles that cannot read cadres. */
  cadreCount: number | null;
  tenant: { id: string };
}

export interface Cadre {
  id: string;
  name: string;
  sex: string | null;
  birthMonth: string | null;
  ethnicity: string | null;
  nativePlace: string | null;
  education: string | null;
  position: string | null;
  rank: string | null;
  status: string;
  sortOrder: number;
  tenant: { id: string; code: string; name: string };
  unit: { id: string; name: string };
}

export interface CadreFilter {
  search?: string;
  tenantCode?: string;
  unitId?: string;
}

export interface CadrePage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Cadre }[];
}
