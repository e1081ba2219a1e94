// One home for authorization (CASL). The database floor (RLS) limits every query to the caller's subtree;
// these rules grade access inside it by role. Roles are fixed kinds: nobody can invent rights. Lists are filtered
// in SQL (authz/reach.ts); single objects are checked here with `subject()`.
import { AbilityBuilder, createMongoAbility, subject as tag, type MongoAbility } from '@casl/ability';
import { ADMINISTRATOR_ROLES, type Principal } from '../auth/principal.js';

export type Action = 'approve' | 'read' | 'reveal' | 'create' | 'update' | 'review' | 'delete' | 'restore' | 'suspend' | 'move' | 'disable' | 'unlock' | 'resetPassword' | 'export' | 'purge' | 'manage'
  // 预警处置: report a rectification (docs/dispositions.md).
  | 'rectify'
  // 廉政审查情况复函: sign and number a reply (docs/replies.md).
  | 'issue';
export type Subject = 'Cadre' | 'ArchiveRecord' | 'Unit' | 'Tenant' | 'User' | 'SecuritySettings' | 'AuditEvent' | 'RoleGrant' | 'all'
  | 'Disposition' | 'WarningRule' | 'Warning' | 'WarningScheme' | 'WorkCalendar' | 'ReplyRequest'
  // Word 模板 of the 复函 and the 处置通知书 (docs/templates.md).
  | 'DocTemplate';
export type AppAbility = MongoAbility<[Action, Subject | Record<string, unknown>]>;

/**
 * Problem clues (8) and talk/inquiry/investigation materials (9): never shown to a filler
 * (docs/domain.md#the-twelve-categories).
 */
export const RESTRICTED_CATEGORIES = [8, 9];

export function defineAbilities(p: Principal | null): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (p) {
    // The tenant tree is structure, not content: every role may read the tenants in its subtree.
    can('read', 'Tenant');
    // The national work calendar (docs/work-calendar.md): administrators and officers (who set overdue rules) read it;
    // the root tenant's admin keeps it.
    if (p.role === 'admin' || p.role === 'officer') can('read', 'WorkCalendar');
    if (p.role === 'admin' && !p.tenantPath.includes('.')) can('update', 'WorkCalendar');
    switch (p.role) {
      case 'admin':
        // 系统管理员: tenants, units and accounts of the subtree; no archive and no audit content. Grants of roles
        // that read archives wait for a security administrator (modules/grants); passwords are set by their owners.
        can('read', ['Unit', 'User', 'SecuritySettings', 'RoleGrant']);
        can(['create', 'update', 'suspend', 'move'], 'Tenant');
        // Units of its subtree: create, rename, move, merge, retire and restore (units/commands.ts).
        can(['create', 'update', 'move', 'delete', 'restore'], 'Unit');
        // A parent administers the tenants below it: never its own tenant.
        cannot(['update', 'suspend', 'move'], 'Tenant', { id: p.tenantId });
        can(['create', 'update', 'disable', 'unlock', 'resetPassword'], 'User');
        // Its own account is changed through the self-service password change only.
        cannot(['update', 'disable', 'unlock', 'resetPassword'], 'User', { id: p.userId });
        // The three administrators of its own tenant are the parent's to manage (checked on the account as it is
        // and as it would become).
        cannot(['create', 'update', 'disable', 'unlock', 'resetPassword'], 'User', { tenant_id: p.tenantId, role: { $in: [...ADMINISTRATOR_ROLES] } });
        // 预警规则 of its tenant and subtree (docs/warning-rules.md): configuration, not archive content.
        can(['read', 'update'], 'WarningRule');
        // The warning scheme's colour levels are configuration (the rule editor's legend), not archive content.
        can('read', 'WarningScheme');
        // Word 模板 (docs/templates.md): the documents' layout (letterhead, fonts, fixed wording), no archive content.
        can(['read', 'update'], 'DocTemplate');
        break;
      case 'secadmin':
        // 安全保密管理员: approves role grants and sets the security settings of its subtree; no accounts, no
        // archives, no log. Nobody approves a request they made or one that grants to themselves.
        can('read', ['SecuritySettings', 'RoleGrant']);
        can('update', 'SecuritySettings');
        can('approve', 'RoleGrant');
        cannot('approve', 'RoleGrant', { requested_by: p.userId });
        cannot('approve', 'RoleGrant', { user_id: p.userId });
        break;
      case 'officer':
        can(['read', 'create', 'update'], ['Cadre', 'ArchiveRecord']);
        // Officers accept or return what fillers enter, and alone may delete and restore records.
        can(['review', 'delete', 'restore'], 'ArchiveRecord');
        // A cadre filed by mistake: officers alone delete it (restorable) and restore it (docs/domain.md#cadre-lifecycle).
        can(['delete', 'restore'], 'Cadre');
        // Their edits of basic information are direct; they accept or return fillers' (modules/inbox).
        can('review', 'Cadre');
        // The full ID number: officers only; everyone else sees it masked.
        can('reveal', 'Cadre');
        // Officers keep the unit tree too (a new tenant's officer must be able to file cadres: units/commands.ts).
        can(['read', 'create', 'update', 'move', 'delete', 'restore'], 'Unit');
        // 预警处置 (docs/dispositions.md): issue, edit, review and close dispositions, keep the template, report too.
        can(['read', 'create', 'update', 'review', 'rectify', 'export'], 'Disposition');
        can(['read', 'update'], 'WarningRule');
        // 廉情预警: colours, boards and lists (docs/warning-board.md).
        can('read', ['Warning', 'WarningScheme']);
        // 廉政审查情况复函 (docs/replies.md): draft, edit, issue and keep the settings.
        can(['read', 'create', 'update', 'issue', 'delete'], 'ReplyRequest');
        // The Word templates of the 复函 and the 处置通知书 (docs/templates.md).
        can(['read', 'update'], 'DocTemplate');
        break;
      case 'leader':
        can('read', ['Cadre', 'ArchiveRecord', 'Unit']);
        can(['read', 'export'], 'Disposition');
        can('read', 'WarningRule');
        can('read', ['Warning', 'WarningScheme']);
        can('read', 'ReplyRequest');
        can('read', 'DocTemplate');
        break;
      case 'filler':
        // Only the assigned units (with their sub-units); never categories 8 and 9. Its edits of a cadre's basic
        // information wait for an officer's review, as its records do (modules/inbox).
        can(['read', 'create', 'update'], 'Cadre', { unit_id: { $in: p.unitIds } });
        can(['read', 'create', 'update'], 'ArchiveRecord', { unit_id: { $in: p.unitIds }, category: { $nin: RESTRICTED_CATEGORIES } });
        can('read', 'Unit', { id: { $in: p.unitIds } });
        // Only the rectification tasks of its units' cadres: no colours, rules or boards (docs/dispositions.md).
        can(['read', 'rectify'], 'Disposition', { unit_id: { $in: p.unitIds } });
        break;
      case 'auditor':
        // 安全审计员: the access log and the grant records (with their alerts).
        can(['read', 'export', 'purge'], 'AuditEvent');
        can('read', 'RoleGrant');
        break;
    }
  }
  return build();
}

/** Tag a row for an object check: `ability.can('update', asSubject('Tenant', row))`. */
export const asSubject = (type: Exclude<Subject, 'all'>, row: object): Record<string, unknown> =>
  // CASL's subject() returns the row typed with its private tag; callers only pass it on to can().
  tag(type, { ...row }) as unknown as Record<string, unknown>;

/** The (action, subject) pairs the console uses to show or hide its pages. */
const PERMISSIONS: [Action, Exclude<Subject, 'all'>][] = [
  ['read', 'Cadre'], ['create', 'Cadre'], ['update', 'Cadre'], ['review', 'Cadre'], ['delete', 'Cadre'], ['restore', 'Cadre'], ['read', 'ArchiveRecord'], ['create', 'ArchiveRecord'], ['update', 'ArchiveRecord'],
  ['review', 'ArchiveRecord'], ['delete', 'ArchiveRecord'], ['restore', 'ArchiveRecord'], ['read', 'Unit'], ['create', 'Unit'], ['update', 'Unit'], ['read', 'Tenant'],
  ['create', 'Tenant'], ['update', 'Tenant'], ['read', 'User'], ['create', 'User'], ['update', 'User'],
  ['read', 'SecuritySettings'], ['update', 'SecuritySettings'], ['read', 'AuditEvent'], ['export', 'AuditEvent'],
  ['purge', 'AuditEvent'], ['read', 'RoleGrant'], ['approve', 'RoleGrant'],
  ['read', 'WorkCalendar'], ['update', 'WorkCalendar'],
  ['read', 'Disposition'], ['create', 'Disposition'], ['review', 'Disposition'], ['rectify', 'Disposition'], ['export', 'Disposition'],
  ['read', 'WarningRule'], ['update', 'WarningRule'],
  ['read', 'Warning'], ['read', 'WarningScheme'],
  ['read', 'ReplyRequest'], ['create', 'ReplyRequest'], ['issue', 'ReplyRequest'],
  ['read', 'DocTemplate'], ['update', 'DocTemplate'],
];
export const permissionList = (a: AppAbility) => PERMISSIONS.filter(([act, sub]) => a.can(act, sub)).map(([act, sub]) => `${sub}:${act}`);
