// One home for authorization (CASL). The database floor (RLS) limits every query to the caller's subtree;
// these rules grade access inside it by role. Lists are filtered in SQL; objects are checked here.
import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import type { Principal } from '../auth/principal.js';

export type Action = 'read' | 'create' | 'update' | 'delete' | 'manage';
export type Subject = 'Cadre' | 'Unit' | 'Tenant' | 'User' | 'AuditEvent' | 'all';
export type AppAbility = MongoAbility<[Action, Subject | Record<string, unknown>]>;

export function defineAbilities(p: Principal | null): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (p) {
    can('read', 'Tenant');
    switch (p.role) {
      case 'officer':
        can(['read', 'create', 'update'], 'Cadre');
        can('read', 'Unit');
        break;
      case 'leader':
        can('read', 'Cadre');
        can('read', 'Unit');
        break;
      case 'filler':
        // Graded to assigned units by platform step 2; until then a filler reads the unit tree only.
        can('read', 'Unit');
        break;
      case 'admin':
        can('read', 'Unit');
        can('read', 'User');
        break;
      case 'auditor':
        can('read', 'AuditEvent');
        break;
    }
  }
  return build();
}
