// Kysely table types. Generated/defaulted columns are Generated<>.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface TenantTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: string;
  parent_id: string | null;
  path: string;
  sort_order: Generated<number>;
  status: Generated<string>;
  created_at: Generated<Timestamp>;
  tenant_id: ColumnType<string, never, never>;
}

export interface UnitTable {
  id: Generated<string>;
  tenant_id: string;
  parent_id: string | null;
  name: string;
  sort_order: Generated<number>;
  created_at: Generated<Timestamp>;
}

export interface AppUserTable {
  id: Generated<string>;
  tenant_id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  status: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  last_login_ip: string | null;
  created_at: Generated<Timestamp>;
}

export interface CadreTable {
  id: Generated<string>;
  tenant_id: string;
  unit_id: string;
  name: string;
  sex: string | null;
  birth_month: string | null;
  ethnicity: string | null;
  native_place: string | null;
  party_join: string | null;
  work_start: string | null;
  education: string | null;
  position: string | null;
  rank: string | null;
  status: Generated<string>;
  sort_order: Generated<number>;
  search_terms: string[];
  pinyin_keys: string[];
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface AuditEventTable {
  id: Generated<string>;
  at: Generated<Timestamp>;
  tenant_id: string | null;
  user_id: string | null;
  username: string | null;
  operation: string;
  kind: string;
  outcome: string;
  client_ip: string | null;
  request_id: string | null;
  cadre_ids: string[];
  detail: ColumnType<unknown, string | undefined, string>;
}

export interface CadreSearchKeyTable {
  tenant_id: string;
  cadre_id: string;
  key: string;
}

export interface DB {
  cadre_search_key: CadreSearchKeyTable;
  tenant: TenantTable;
  unit: UnitTable;
  app_user: AppUserTable;
  cadre: CadreTable;
  audit_event: AuditEventTable;
}
