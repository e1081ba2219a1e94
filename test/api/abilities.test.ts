// The CASL rules on objects: what each role may do with one record, including the categories a filler never sees.
import { describe, expect, it } from 'vitest';
import { asSubject, defineAbilities } from '../../services/api/src/authz/abilities.js';
import type { Principal, Role } from '../../services/api/src/auth/principal.js';

const principal = (role: Role, unitIds: string[] = []): Principal => ({
  userId: 'u1', username: `km.${role}`, displayName: role, tenantId: 't-km', tenantPath: 'yn.km', role,
  sessionId: 's1', mustChangePassword: false, unitIds,
});
const record = (category: number, unit_id = 'unit-a') => asSubject('ArchiveRecord', { category, unit_id });

describe('object rules (CASL)', () => {
  it('a filler reads and writes records of categories other than 8 and 9, in its units only', () => {
    const a = defineAbilities(principal('filler', ['unit-a']));
    for (const c of [1, 2, 3, 4, 5, 6, 7, 10, 11, 12]) {
      expect(a.can('read', record(c)), `category ${c}`).toBe(true);
      expect(a.can('create', record(c)), `category ${c}`).toBe(true);
    }
    for (const c of [8, 9]) {
      expect(a.can('read', record(c)), `category ${c}`).toBe(false);
      expect(a.can('create', record(c)), `category ${c}`).toBe(false);
    }
    expect(a.can('read', record(1, 'unit-b'))).toBe(false);
    expect(a.can('read', asSubject('Cadre', { unit_id: 'unit-b' }))).toBe(false);
    expect(a.can('update', asSubject('Cadre', { unit_id: 'unit-a' }))).toBe(true);
  });

  it('officers and leaders see categories 8 and 9; only officers write; admins and auditors see no records', () => {
    expect(defineAbilities(principal('officer')).can('update', record(9))).toBe(true);
    expect(defineAbilities(principal('leader')).can('read', record(8))).toBe(true);
    expect(defineAbilities(principal('leader')).can('update', record(8))).toBe(false);
    for (const role of ['admin', 'auditor'] as Role[]) {
      const a = defineAbilities(principal(role));
      expect(a.can('read', record(1)), role).toBe(false);
      expect(a.can('read', 'Cadre'), role).toBe(false);
    }
    expect(defineAbilities(principal('admin')).can('read', 'AuditEvent')).toBe(false);
  });

  it('an admin administers tenants below its own and accounts other than its own', () => {
    const a = defineAbilities(principal('admin'));
    expect(a.can('update', asSubject('Tenant', { id: 't-km' }))).toBe(false);
    expect(a.can('suspend', asSubject('Tenant', { id: 't-km' }))).toBe(false);
    expect(a.can('suspend', asSubject('Tenant', { id: 't-wh' }))).toBe(true);
    expect(a.can('disable', asSubject('User', { id: 'u1' }))).toBe(false);
    expect(a.can('disable', asSubject('User', { id: 'u2' }))).toBe(true);
    expect(defineAbilities(null).can('read', 'Tenant')).toBe(false);
  });
});
