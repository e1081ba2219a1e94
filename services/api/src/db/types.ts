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
  must_change_password: Generated<boolean>;
  password_changed_at: Generated<Timestamp>;
  created_at: Generated<Timestamp>;
  activation_hash: string | null;
  activation_expires_at: Timestamp | null;
}

export interface RoleGrantTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  role: string;
  previous_role: string | null;
  unit_ids: Generated<string[]>;
  status: Generated<string>;
  requested_by: string;
  requested_by_name: string;
  requested_at: Generated<Timestamp>;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
  reason: string | null;
}

export interface TenantSecurityTable {
  tenant_id: string;
  lockout_threshold: number | null;
  lockout_minutes: number | null;
  password_min_length: number | null;
  password_min_classes: number | null;
  idle_timeout_minutes: number | null;
  updated_at: Generated<Timestamp>;
  updated_by: string | null;
}

export interface UserSessionTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  refresh_hash: string;
  /** SHA-256 of secrets this session's refresh token has rotated away from (newest first, at most 100). */
  superseded_hashes: Generated<string[]>;
  client_ip: string | null;
  created_at: Generated<Timestamp>;
  last_seen_at: Generated<Timestamp>;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_reason: string | null;
}

export interface UserUnitTable {
  tenant_id: string;
  user_id: string;
  unit_id: string;
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
  id_number_cipher: string | null;
  id_number_hash: string | null;
  political_status: string | null;
  birth_place: string | null;
  health: string | null;
  professional_title: string | null;
  specialty: string | null;
  edu_ft_level: string | null;
  edu_ft_degree: string | null;
  edu_ft_level_school: string | null;
  edu_ft_degree_school: string | null;
  edu_pt_level: string | null;
  edu_pt_degree: string | null;
  edu_pt_level_school: string | null;
  edu_pt_degree_school: string | null;
  proposed_position: string | null;
  proposed_removal: string | null;
  rewards: string | null;
  assessment_summary: string | null;
  appointment_reason: string | null;
  reporting_unit: string | null;
  management_level: string | null;
  photo_key: string | null;
  extra: Generated<Record<string, unknown>>;
  version: Generated<number>;
}

export interface CadreAppointmentTable {
  id: Generated<string>;
  tenant_id: string;
  cadre_id: string;
  kind: string;
  position: string;
  decided_on: ColumnType<string, string, string>;
  approver: string | null;
  document_no: string | null;
  sort_order: Generated<number>;
}

export interface CadreResumeTable {
  id: Generated<string>;
  tenant_id: string;
  cadre_id: string;
  start_month: string;
  end_month: string | null;
  content: string;
  sort_order: Generated<number>;
}

export interface CadreFamilyTable {
  id: Generated<string>;
  tenant_id: string;
  cadre_id: string;
  relation: string;
  name: string;
  birth_month: string | null;
  political_status: string | null;
  work_position: string | null;
  sort_order: Generated<number>;
}

export interface ArchiveRecordTable {
  id: Generated<string>;
  tenant_id: string;
  cadre_id: string;
  category: number;
  status: Generated<string>;
  return_reason: string | null;
  version: Generated<number>;
  entered_by: string | null;
  entered_by_name: string;
  entered_at: Generated<Timestamp>;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Timestamp | null;
  updated_by_name: string | null;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
  deleted_by_name: string | null;
}

export interface RecordMaterialTable {
  id: Generated<string>;
  tenant_id: string;
  record_id: string;
  name: string;
  formed_on: string | null;
  pages: number | null;
  sort_order: Generated<number>;
  object_key: string | null;
}

export interface CadreRevisionTable {
  id: Generated<string>;
  tenant_id: string;
  cadre_id: string;
  version: number;
  action: string;
  actor_id: string | null;
  actor_name: string;
  at: Generated<Timestamp>;
  changes: Record<string, unknown>;
}

export interface ImportBatchTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  created_at: Generated<Timestamp>;
  expires_at: Generated<Timestamp>;
  confirmed_at: Timestamp | null;
  unit_id: string | null;
  files: unknown;
  result: unknown | null;
}

export interface RecordRevisionTable {
  id: Generated<string>;
  tenant_id: string;
  record_id: string;
  version: number;
  action: string;
  actor_id: string | null;
  actor_name: string;
  at: Generated<Timestamp>;
  changes: Record<string, unknown>;
  reason: string | null;
}

export interface AuditEventTable {
  id: Generated<string>;
  at: Timestamp;
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
  seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  summary: string | null;
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
  tenant_security: TenantSecurityTable;
  user_session: UserSessionTable;
  user_unit: UserUnitTable;
  role_grant: RoleGrantTable;
  cadre_appointment: CadreAppointmentTable;
  cadre_resume: CadreResumeTable;
  cadre_family: CadreFamilyTable;
  archive_record: ArchiveRecordTable;
  record_material: RecordMaterialTable;
  record_revision: RecordRevisionTable;
  cadre_revision: CadreRevisionTable;
  import_batch: ImportBatchTable;
}
