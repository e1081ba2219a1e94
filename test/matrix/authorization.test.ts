// The authorization matrix: every seeded user × every query and mutation × a target in its own, a child, a sibling
// and the parent tenant. The expected outcome is written out below as a literal table — not derived from the CASL
// rules — and an operation of the schema missing from the table fails the test.
//
// Outcomes: Y = done / found; N = answers exactly like a missing target (the same response as for an id or code
// that does not exist); F = FORBIDDEN; R (self operations) = Y for callers of a root tenant, F for all others. Mutations run with the test-only rollback header: nothing they do is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isObjectType } from 'graphql';
import { getSchema } from '../../services/api/src/graphql/schema.js';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { DEMO_ROLES, DEMO_TENANTS } from '../../services/api/src/seed/demo-data.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_PASSWORD, engineName } from '../helpers/db.js';

type Role = 'admin' | 'secadmin' | 'officer' | 'leader' | 'filler' | 'auditor';
type Rel = 'own' | 'child' | 'sibling' | 'parent';
const RELS: Rel[] = ['own', 'child', 'sibling', 'parent'];

// One letter per relation, in the order own, child, sibling, parent. Self operations have one letter.
// A row named `field(variant)` is the same field against another kind of target (e.g. the target tenant's
// administrators: only a parent's admin manages them — 三员分立).
const EXPECTED: Record<string, Record<Role, string>> = {
  // Queries
  me:                   { admin: 'Y',    secadmin: 'Y',    officer: 'Y',    leader: 'Y',    filler: 'Y',    auditor: 'Y' },
  tenants:              { admin: 'YYNN', secadmin: 'YYNN', officer: 'YYNN', leader: 'YYNN', filler: 'YYNN', auditor: 'YYNN' },
  units:                { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'YNNN', auditor: 'FFFF' },
  cadres:               { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'YNNN', auditor: 'FFFF' },
  cadre:                { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'YNNN', auditor: 'FFFF' },
  auditEvents:          { admin: 'FFFF', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'YYNN' },
  users:                { admin: 'YYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  user:                 { admin: 'YYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  tenantSecurity:       { admin: 'YYNN', secadmin: 'YYNN', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  codeTables:           { admin: 'Y',    secadmin: 'Y',    officer: 'Y',    leader: 'Y',    filler: 'Y',    auditor: 'Y' },
  recordCategories:     { admin: 'F',    secadmin: 'F',    officer: 'Y',    leader: 'Y',    filler: 'Y',    auditor: 'F' },
  record:               { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'YNNN', auditor: 'FFFF' },
  reviewQueue:          { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  // 我的填报: those who enter records (officers' entries are accepted at once, so theirs lists them as 已通过).
  myRecords:            { admin: 'F',    secadmin: 'F',    officer: 'Y',    leader: 'F',    filler: 'Y',    auditor: 'F' },
  // A filler's pending change of basic information: officers of the subtree review it; a filler sees only its own.
  cadreChanges:         { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  cadreChange:          { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'YNNN', auditor: 'FFFF' },
  roleGrants:           { admin: 'YYNN', secadmin: 'YYNN', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'YYNN' },
  roleGrantAlerts:      { admin: 'F',    secadmin: 'F',    officer: 'F',    leader: 'F',    filler: 'F',    auditor: 'Y' },
  auditAnchors:         { admin: 'F',    secadmin: 'F',    officer: 'F',    leader: 'F',    filler: 'F',    auditor: 'R' },
  auditSigningKey:      { admin: 'F',    secadmin: 'F',    officer: 'F',    leader: 'F',    filler: 'F',    auditor: 'R' },
  // 廉情预警 (docs/warning-board.md): officers and leaders read colours, boards and lists; fillers see none; an admin
  // reads no archive content, but may read the colour legend (configuration of the rule editor).
  warningBoard:         { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'FFFF', auditor: 'FFFF' },
  warningList:          { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'FFFF', auditor: 'FFFF' },
  warningTrend:         { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'FFFF', auditor: 'FFFF' },
  warningLevels:        { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'FFFF', auditor: 'FFFF' },
  // The national work calendar (docs/work-calendar.md): administrators and officers read it; the root tenant's admin
  // alone edits it.
  workCalendar:         { admin: 'Y',    secadmin: 'F',    officer: 'Y',    leader: 'F',    filler: 'F',    auditor: 'F' },
  workCalendarCoverage: { admin: 'Y',    secadmin: 'F',    officer: 'Y',    leader: 'F',    filler: 'F',    auditor: 'F' },
  // Mutations
  login:                { admin: 'Y',    secadmin: 'Y',    officer: 'Y',    leader: 'Y',    filler: 'Y',    auditor: 'Y' },
  refreshSession:       { admin: 'Y',    secadmin: 'Y',    officer: 'Y',    leader: 'Y',    filler: 'Y',    auditor: 'Y' },
  logout:               { admin: 'Y',    secadmin: 'Y',    officer: 'Y',    leader: 'Y',    filler: 'Y',    auditor: 'Y' },
  changePassword:       { admin: 'Y',    secadmin: 'Y',    officer: 'Y',    leader: 'Y',    filler: 'Y',    auditor: 'Y' },
  // Sessionless: a wrong code answers the same for everyone (Y = that uniform refusal).
  activateAccount:      { admin: 'Y',    secadmin: 'Y',    officer: 'Y',    leader: 'Y',    filler: 'Y',    auditor: 'Y' },
  createCadre:          { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'YNNN', auditor: 'FFFF' },
  updateCadre:          { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'YNNN', auditor: 'FFFF' },
  moveCadre:            { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'YNNN', auditor: 'FFFF' },
  setCadreStatus:       { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'YNNN', auditor: 'FFFF' },
  // Deleting a cadre filed by mistake, and restoring it: officers only (not fillers, not administrators).
  deleteCadre:          { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  restoreCadre:         { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  deletedCadres:        { admin: 'F',    secadmin: 'F',    officer: 'Y',    leader: 'F',    filler: 'F',    auditor: 'F' },
  createTenant:         { admin: 'YYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  updateTenant:         { admin: 'FYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  moveTenant:           { admin: 'FYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  setTenantStatus:      { admin: 'FYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  // A leader: created pending, its grant waiting for a security administrator.
  createUser:           { admin: 'YYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  'createUser(admin)':  { admin: 'FYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  updateUser:           { admin: 'YYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  // Promoting the leader to officer: only a request (Y = the request is open, the role unchanged).
  'updateUser(role)':   { admin: 'YYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  setUserStatus:        { admin: 'YYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  'setUserStatus(secadmin)': { admin: 'FYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  unlockUser:           { admin: 'YYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  resetUserPassword:    { admin: 'YYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  'resetUserPassword(auditor)': { admin: 'FYNN', secadmin: 'FFFF', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  updateTenantSecurity: { admin: 'FFFF', secadmin: 'YYNN', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  approveRoleGrant:     { admin: 'FFFF', secadmin: 'YYNN', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  rejectRoleGrant:      { admin: 'FFFF', secadmin: 'YYNN', officer: 'FFFF', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  purgeAuditEvents:     { admin: 'F',    secadmin: 'F',    officer: 'F',    leader: 'F',    filler: 'F',    auditor: 'Y' },
  anchorAuditChain:     { admin: 'F',    secadmin: 'F',    officer: 'F',    leader: 'F',    filler: 'F',    auditor: 'R' },
  createRecord:         { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'YNNN', auditor: 'FFFF' },
  updateRecord:         { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'YNNN', auditor: 'FFFF' },
  reviewRecord:         { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  // Units (units/commands.ts): the admin and officers of the subtree.
  createUnit:           { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  updateUnit:           { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  moveUnit:             { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  mergeUnits:           { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  retireUnit:           { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  restoreUnit:          { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  // 默认导入单位 of the unit's tenant: the same right as the unit tree (the admin and officers of the subtree).
  setDefaultImportUnit: { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  deleteRecord:         { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  restoreRecord:        { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  reviewCadreChange:    { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  // 预警处置 (docs/dispositions.md): officers do everything; leaders read the ledger and the template; a filler sees
  // only the rectification tasks of its units' cadres and reports them; administrators and auditors nothing.
  dispositions:         { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'FFFF', auditor: 'FFFF' },
  rectificationTasks:   { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'YNNN', auditor: 'FFFF' },
  disposition:          { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'YNNN', auditor: 'FFFF' },
  dispositionTemplate:  { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'FFFF', auditor: 'FFFF' },
  issueDisposition:     { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  updateDisposition:    { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  submitRectification:  { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'YNNN', auditor: 'FFFF' },
  reviewRectification:  { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  closeDisposition:     { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  updateDispositionTemplate: { admin: 'F', secadmin: 'F',  officer: 'Y',    leader: 'F',    filler: 'F',    auditor: 'F' },
  // 预警规则 (docs/warning-rules.md): admins and officers of the tenant edit (and preview), leaders read.
  warningRules:         { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'FFFF', auditor: 'FFFF' },
  warningRuleHistory:   { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'FFFF', auditor: 'FFFF' },
  warningScheme:        { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'FFFF', auditor: 'FFFF' },
  warningRuleOptions:   { admin: 'Y',    secadmin: 'F',    officer: 'Y',    leader: 'Y',    filler: 'F',    auditor: 'F' },
  previewWarningRule:   { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  upsertWarningRule:    { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  lockWarningRule:      { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  resetWarningRule:     { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  updateWarningScheme:  { admin: 'YYNN', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  // 廉政审查情况复函 (docs/replies.md): officers draft, edit, issue and keep the settings; leaders read; a request is
  // its tenant's own. A parent may ask about a child's cadres: the child answers them in a part of its own tenant
  // (answerReplyRequest), which the parent may return (returnReplyPart) — neither reaches across otherwise.
  replyRequests:        { admin: 'F',    secadmin: 'F',    officer: 'Y',    leader: 'Y',    filler: 'F',    auditor: 'F' },
  replyRequest:         { admin: 'FFFF', secadmin: 'FFFF', officer: 'YNNN', leader: 'YNNN', filler: 'FFFF', auditor: 'FFFF' },
  replyCadreLines:      { admin: 'F',    secadmin: 'F',    officer: 'Y',    leader: 'F',    filler: 'F',    auditor: 'F' },
  replySettings:        { admin: 'F',    secadmin: 'F',    officer: 'Y',    leader: 'Y',    filler: 'F',    auditor: 'F' },
  createReplyRequest:   { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  updateReplyItem:      { admin: 'FFFF', secadmin: 'FFFF', officer: 'YNNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  issueReplyRequest:    { admin: 'FFFF', secadmin: 'FFFF', officer: 'YNNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  redraftReplyRequest:  { admin: 'FFFF', secadmin: 'FFFF', officer: 'YNNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  deleteReplyRequest:   { admin: 'FFFF', secadmin: 'FFFF', officer: 'YNNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  answerReplyRequest:   { admin: 'FFFF', secadmin: 'FFFF', officer: 'YNNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  returnReplyPart:      { admin: 'FFFF', secadmin: 'FFFF', officer: 'YNNN', leader: 'FFFF', filler: 'FFFF', auditor: 'FFFF' },
  updateReplySettings:  { admin: 'F',    secadmin: 'F',    officer: 'Y',    leader: 'F',    filler: 'F',    auditor: 'F' },
  // Word 模板 (docs/templates.md): the caller's tenant's templates; officers and administrators keep them (layout, no
  // archive content), leaders read; uploads and downloads are REST (/api/templates).
  docTemplates:         { admin: 'Y',    secadmin: 'F',    officer: 'Y',    leader: 'Y',    filler: 'F',    auditor: 'F' },
  removeDocTemplate:    { admin: 'Y',    secadmin: 'F',    officer: 'Y',    leader: 'F',    filler: 'F',    auditor: 'F' },
  // 任务中心 (docs/jobs.md): a job is its creator's alone — not even another officer or leader of the tenant sees it
  // (the fixture's job is the tenant's officer's); officers and leaders start batches as they download them.
  jobs:                 { admin: 'F',    secadmin: 'F',    officer: 'Y',    leader: 'Y',    filler: 'F',    auditor: 'F' },
  job:                  { admin: 'FFFF', secadmin: 'FFFF', officer: 'YNNN', leader: 'NNNN', filler: 'FFFF', auditor: 'FFFF' },
  startReportBatch:     { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'FFFF', auditor: 'FFFF' },
  startReplyLetters:    { admin: 'FFFF', secadmin: 'FFFF', officer: 'YNNN', leader: 'YNNN', filler: 'FFFF', auditor: 'FFFF' },
  // A filler prints one archive at a time (GET /api/cadres/{id}/print.zip), never a batch.
  startPrintBatch:      { admin: 'FFFF', secadmin: 'FFFF', officer: 'YYNN', leader: 'YYNN', filler: 'FFFF', auditor: 'FFFF' },
  cancelJob:            { admin: 'FFFF', secadmin: 'FFFF', officer: 'YNNN', leader: 'NNNN', filler: 'FFFF', auditor: 'FFFF' },
  setWorkDay:           { admin: 'R',    secadmin: 'F',    officer: 'F',    leader: 'F',    filler: 'F',    auditor: 'F' },
  clearWorkDay:         { admin: 'R',    secadmin: 'F',    officer: 'F',    leader: 'F',    filler: 'F',    auditor: 'F' },
};

/** What a target tenant offers the probes. */
interface Fixture {
  id: string; code: string; path: string; parentId: string | null; unitId: string; cadreId: string; leaderId: string;
  /** A sub-unit of unitId made for the matrix (within a filler's assignment): where moveCadre moves the cadre. */
  subUnitId: string;
  /** A leaf unit without cadres and a retired unit, made for the matrix (the file's own database). */
  emptyUnitId: string; retiredUnitId: string;
  /** The tenant's security administrator and auditor (administrators: only a parent's admin manages them). */
  secadminId: string; auditorId: string;
  /** A pending grant (the leader to officer, requested by the tenant's admin), made for the matrix (the file's own database). */
  grantId: string;
  /** The cadre's accepted gift record (category 2) and its pending celebration record (category 3), from the seed. */
  giftId: string; pendingId: string;
  /** A pending change of the cadre's basic information by the tenant's filler (made for the matrix). */
  changeId: string;
  /** Current versions (other test files may have edited them on a shared PostgreSQL database). */
  cadreVersion: number; giftVersion: number; pendingVersion: number;
  /** Dispositions of the cadre (made for the matrix): 待整改, 已提交 (a round waiting for review) and 已通过. */
  pendingDispositionId: string; submittedDispositionId: string; acceptedDispositionId: string;
  /** A draft 复函 of the tenant covering the cadre (made for the matrix). */
  replyRequestId: string;
  /** A part of a request (to answer) and an answered one (to return); both with their asker in the same tenant. */
  replyPartId: string;
  replyAnsweredPartId: string;
  /** A queued job of the tenant's officer (made for the matrix; no runner runs in this file). */
  jobId: string;
}
/** A target that does not exist: the response for it is what "N" must look like. */
const MISSING: Fixture = {
  id: '00000000-0000-4000-8000-000000000000', code: 'no-such-tenant', path: 'none', parentId: null,
  unitId: '00000000-0000-4000-8000-000000000001', subUnitId: '00000000-0000-4000-8000-000000000009', cadreId: '00000000-0000-4000-8000-000000000002',
  leaderId: '00000000-0000-4000-8000-000000000003', giftId: '00000000-0000-4000-8000-000000000004',
  secadminId: '00000000-0000-4000-8000-000000000006', auditorId: '00000000-0000-4000-8000-000000000007',
  grantId: '00000000-0000-4000-8000-000000000008',
  emptyUnitId: '00000000-0000-4000-8000-00000000000a', retiredUnitId: '00000000-0000-4000-8000-00000000000b',
  pendingId: '00000000-0000-4000-8000-000000000005', changeId: '00000000-0000-4000-8000-000000000009', cadreVersion: 1, giftVersion: 1, pendingVersion: 1,
  pendingDispositionId: '00000000-0000-4000-8000-00000000000c', submittedDispositionId: '00000000-0000-4000-8000-00000000000d',
  acceptedDispositionId: '00000000-0000-4000-8000-00000000000e', replyRequestId: '00000000-0000-4000-8000-00000000000f',
  replyPartId: '00000000-0000-4000-8000-000000000010', replyAnsweredPartId: '00000000-0000-4000-8000-000000000011',
  jobId: '00000000-0000-4000-8000-000000000012',
};

interface Caller { username: string; role: Role; tenant: Fixture; token: string; refreshToken: string }
type Res = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
interface Op {
  /** Run against a target (targeted ops) or the caller itself (self ops). */
  run(c: Caller, t: Fixture, n: number): Promise<Res>;
  /** The response counts as done/found. */
  ok(r: Res, c: Caller, t: Fixture): boolean;
  self?: boolean;
  /** Lists: N means the target is absent, not that the whole response equals the missing one. */
  absent?(r: Res, t: Fixture): boolean;
}

let t: TestApp;
const tenants = new Map<string, Fixture>();
const callers: Caller[] = [];
const ROLLBACK = { 'x-test-rollback': '1' };
let before: unknown;

/** What the mutations would change, as the root sees it. */
const snapshot = () => withScope(t.database.db, 'yn', async (trx) => ({
  tenants: await trx.selectFrom('tenant').select(['code', 'name', 'status', 'parent_id', sql<string>`path::text`.as('path')]).orderBy('code').execute(),
  users: await trx.selectFrom('app_user').select(['username', 'display_name', 'role', 'status', 'password_hash', 'must_change_password']).orderBy('username').execute(),
  cadres: await trx.selectFrom('cadre').select(sql<string>`md5(string_agg(id::text || name || coalesce(position, ''), ',' order by id))`.as('h')).executeTakeFirst(),
  records: await trx.selectFrom('archive_record').select(sql<string>`md5(string_agg(id::text || status || version || coalesce(deleted_at::text, ''), ',' order by id))`.as('h')).executeTakeFirst(),
  settings: await trx.selectFrom('tenant_security').select(['tenant_id', 'idle_timeout_minutes']).orderBy('tenant_id').execute(),
  users2: await trx.selectFrom('app_user').select(['username', 'activation_hash', 'failed_logins']).orderBy('username').execute(),
  grants: await trx.selectFrom('role_grant').select(['id', 'status', 'role']).orderBy('id').execute(),
  unitTree: await trx.selectFrom('unit').select(sql<string>`md5(string_agg(id::text || name || coalesce(parent_id::text, '') || sort_order || kind || coalesce(code, '') || coalesce(retired_at::text, ''), ',' order by id))`.as('h')).executeTakeFirst(),
  units: await trx.selectFrom('user_unit').select(['user_id', 'unit_id']).orderBy('user_id').orderBy('unit_id').execute(),
  calendar: await trx.selectFrom('work_calendar_day').select(sql<string>`md5(string_agg(day::text || working || name, ',' order by day))`.as('h')).executeTakeFirst(),
  changes: await trx.selectFrom('cadre_change').select(sql<string>`md5(string_agg(id::text || status || version || proposal::text, ',' order by id))`.as('h')).executeTakeFirst(),
  warningRules: await trx.selectFrom('warning_rule').select(sql<string>`md5(string_agg(id::text || version || locked || coalesce(superseded_at::text, ''), ',' order by id))`.as('h')).executeTakeFirst(),
  replies: await trx.selectFrom('reply_request').select(sql<string>`md5(string_agg(id::text || status || version, ',' order by id))`.as('h')).executeTakeFirst(),
  replyItems: await trx.selectFrom('reply_item').select(sql<string>`md5(string_agg(request_id::text || cadre_id::text || coalesce(edited_text, ''), ',' order by request_id, cadre_id))`.as('h')).executeTakeFirst(),
  replySettings: await trx.selectFrom('reply_setting').select(sql<string>`md5(string_agg(tenant_id::text || coalesce(number_prefix, ''), ',' order by tenant_id))`.as('h')).executeTakeFirst(),
  docTemplates: await trx.selectFrom('doc_template').select(sql<string>`md5(string_agg(tenant_id::text || kind || version || active, ',' order by tenant_id, kind, version))`.as('h')).executeTakeFirst(),
  jobs: await trx.selectFrom('job').select(sql<string>`md5(string_agg(id::text || status, ',' order by id))`.as('h')).executeTakeFirst(),
  warningSchemes: await trx.selectFrom('warning_scheme').select(sql<string>`md5(string_agg(id::text || version || coalesce(superseded_at::text, ''), ',' order by id))`.as('h')).executeTakeFirst(),
}));

const q = (c: Caller, query: string, v: Record<string, unknown> = {}) => t.gql(c.token, query, v, ROLLBACK);
/** A rule edit and a scheme the warning-rule operations send (the default blue rule renamed; the default scheme). */
const MATRIX_RULE = { code: 'BLUE-CLUE', name: '矩阵', kind: 'clue', level: '蓝', definition: '{"disposalModes":["谈话函询"]}' };
const MATRIX_SCHEME = {
  levels: [{ code: 'red', name: '红', hex: '#cf1322' }, { code: 'orange', name: '橙', hex: '#fa8c16' }, { code: 'yellow', name: '黄', hex: '#fadb14' }, { code: 'blue', name: '蓝', hex: '#1677ff' }],
  influence: [], dispositions: [],
};

const OPS: Record<string, Op> = {
  me: { self: true, run: (c) => q(c, '{ me { username } }'), ok: (r, c) => r.data?.me?.username === c.username },
  tenants: {
    run: (c) => q(c, '{ tenants { code } }'),
    ok: (r, _c, x) => r.data?.tenants?.some((y: any) => y.code === x.code),
    absent: (r, x) => Array.isArray(r.data?.tenants) && !r.data.tenants.some((y: any) => y.code === x.code),
  },
  units: { run: (c, x) => q(c, 'query($c:String){ units(tenantCode:$c){ id } }', { c: x.code }), ok: (r) => r.data?.units?.length > 0 },
  cadres: {
    run: (c, x) => q(c, 'query($c:String){ cadres(first:5, filter:{tenantCode:$c}){ totalCount edges { node { id } } } }', { c: x.code }),
    ok: (r) => r.data?.cadres?.totalCount > 0,
  },
  cadre: { run: (c, x) => q(c, 'query($id:ID!){ cadre(id:$id){ id } }', { id: x.cadreId }), ok: (r, _c, x) => r.data?.cadre?.id === x.cadreId },
  auditEvents: {
    run: (c, x) => q(c, 'query($c:String){ auditEvents(first:1, filter:{tenantCode:$c}){ totalCount } }', { c: x.code }),
    ok: (r) => r.data?.auditEvents?.totalCount > 0,
  },
  users: { run: (c, x) => q(c, 'query($id:ID){ users(tenantId:$id){ totalCount } }', { id: x.id }), ok: (r) => r.data?.users?.totalCount > 0 },
  user: { run: (c, x) => q(c, 'query($id:ID!){ user(id:$id){ id } }', { id: x.leaderId }), ok: (r, _c, x) => r.data?.user?.id === x.leaderId },
  tenantSecurity: {
    run: (c, x) => q(c, 'query($id:ID!){ tenantSecurity(tenantId:$id){ tenantId lockoutThreshold { value } } }', { id: x.id }),
    ok: (r) => r.data?.tenantSecurity?.lockoutThreshold?.value > 0,
  },
  login: {
    self: true,
    run: (c) => t.gql(null, 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } }', { u: c.username, p: DEMO_PASSWORD }),
    ok: (r) => typeof r.data?.login?.accessToken === 'string',
  },
  refreshSession: {
    self: true,
    run: async (c) => {
      const r = await t.gql(null, 'mutation($r:String!){ refreshSession(refreshToken:$r){ accessToken refreshToken } }', { r: c.refreshToken });
      if (r.data?.refreshSession) { c.refreshToken = r.data.refreshSession.refreshToken; c.token = r.data.refreshSession.accessToken; }
      return r;
    },
    ok: (r) => typeof r.data?.refreshSession?.accessToken === 'string',
  },
  logout: { self: true, run: (c) => q(c, 'mutation{ logout }'), ok: (r) => r.data?.logout === true },
  changePassword: {
    self: true,
    run: (c) => q(c, 'mutation($o:String!,$n:String!){ changePassword(currentPassword:$o, newPassword:$n) }', { o: DEMO_PASSWORD, n: 'Matrix#2026pw' }),
    ok: (r) => r.data?.changePassword === true,
  },
  createCadre: {
    run: (c, x) => q(c, 'mutation($u:ID!){ createCadre(input:{name:"矩阵测试", unitId:$u}){ id } }', { u: x.unitId }),
    ok: (r) => !!r.data?.createCadre?.id,
  },
  updateCadre: {
    run: (c, x) => q(c, 'mutation($id:ID!,$v:Int!){ updateCadre(id:$id, version:$v, input:{position:"矩阵"}){ id } }', { id: x.cadreId, v: x.cadreVersion }),
    ok: (r, _c, x) => r.data?.updateCadre?.id === x.cadreId,
  },
  moveCadre: {
    run: (c, x) => q(c, 'mutation($id:ID!,$u:ID!){ moveCadre(id:$id, unitId:$u){ id unit { id } } }', { id: x.cadreId, u: x.subUnitId }),
    ok: (r, _c, x) => r.data?.moveCadre?.unit?.id === x.subUnitId,
  },
  setCadreStatus: {
    run: (c, x) => q(c, 'mutation($id:ID!){ setCadreStatus(id:$id, status:"退休", on:"2026-01-31"){ id statusOn } }', { id: x.cadreId }),
    ok: (r, _c, x) => r.data?.setCadreStatus?.id === x.cadreId && r.data.setCadreStatus.statusOn === '2026-01-31',
  },
  deleteCadre: {
    run: (c, x) => q(c, 'mutation($id:ID!){ deleteCadre(id:$id){ id deleted } }', { id: x.cadreId }),
    ok: (r, _c, x) => r.data?.deleteCadre?.id === x.cadreId && r.data.deleteCadre.deleted === true,
  },
  restoreCadre: {
    // The target is not deleted: found and allowed answers that in words.
    run: (c, x) => q(c, 'mutation($id:ID!){ restoreCadre(id:$id){ id } }', { id: x.cadreId }),
    ok: (r) => r.errors?.[0]?.message === '该干部未被删除',
  },
  deletedCadres: { self: true, run: (c) => q(c, '{ deletedCadres { id } }'), ok: (r) => Array.isArray(r.data?.deletedCadres) },
  codeTables: { self: true, run: (c) => q(c, '{ codeTables(names:["ethnicity"]) { items { code } } }'), ok: (r) => r.data?.codeTables?.[0]?.items?.length === 58 },
  recordCategories: { self: true, run: (c) => q(c, '{ recordCategories { id } }'), ok: (r) => r.data?.recordCategories?.length >= 10 },
  record: { run: (c, x) => q(c, 'query($id:ID!){ record(id:$id){ id } }', { id: x.giftId }), ok: (r, _c, x) => r.data?.record?.id === x.giftId },
  reviewQueue: {
    run: (c) => q(c, '{ reviewQueue(first:500){ totalCount edges { node { id } } } }'),
    ok: (r, _c, x) => r.data?.reviewQueue?.edges?.some((e: any) => e.node.id === x.pendingId),
    absent: (r, x) => Array.isArray(r.data?.reviewQueue?.edges) && !r.data.reviewQueue.edges.some((e: any) => e.node.id === x.pendingId),
  },
  myRecords: {
    self: true,
    run: (c) => q(c, '{ myRecords(first:5){ totalCount edges { node { id kind status } } } }'),
    ok: (r) => typeof r.data?.myRecords?.totalCount === 'number',
  },
  cadreChanges: {
    run: (c) => q(c, '{ cadreChanges(first:500){ totalCount edges { node { id } } } }'),
    ok: (r, _c, x) => r.data?.cadreChanges?.edges?.some((e: any) => e.node.id === x.changeId),
    absent: (r, x) => Array.isArray(r.data?.cadreChanges?.edges) && !r.data.cadreChanges.edges.some((e: any) => e.node.id === x.changeId),
  },
  cadreChange: { run: (c, x) => q(c, 'query($id:ID!){ cadreChange(id:$id){ id } }', { id: x.changeId }), ok: (r, _c, x) => r.data?.cadreChange?.id === x.changeId },
  reviewCadreChange: {
    run: (c, x) => q(c, 'mutation($id:ID!){ reviewCadreChange(id:$id, version:1, decision:"accept"){ id status } }', { id: x.changeId }),
    ok: (r) => r.data?.reviewCadreChange?.status === 'accepted',
  },
  createRecord: {
    run: (c, x) => q(c, 'mutation($c:ID!){ createRecord(cadreId:$c, category:12, fields:{otherMaterial:{recordedOn:"2026-01-01", title:"矩阵"}}){ id } }', { c: x.cadreId }),
    ok: (r) => !!r.data?.createRecord?.id,
  },
  updateRecord: {
    run: (c, x) => q(c, `mutation($id:ID!,$v:Int!){ updateRecord(id:$id, version:$v, fields:{gift:{occurredOn:"2025-09-28", giver:"矩阵", giftKind:"礼金", amount:"1", handling:"上交组织"}}){ id } }`, { id: x.giftId, v: x.giftVersion }),
    ok: (r, _c, x) => r.data?.updateRecord?.id === x.giftId,
  },
  reviewRecord: {
    run: (c, x) => q(c, 'mutation($id:ID!,$v:Int!){ reviewRecord(id:$id, version:$v, decision:"accept"){ id status } }', { id: x.pendingId, v: x.pendingVersion }),
    ok: (r) => r.data?.reviewRecord?.status === 'accepted',
  },
  deleteRecord: {
    run: (c, x) => q(c, 'mutation($id:ID!,$v:Int!){ deleteRecord(id:$id, version:$v){ id deleted } }', { id: x.giftId, v: x.giftVersion }),
    ok: (r) => r.data?.deleteRecord?.deleted === true,
  },
  restoreRecord: {
    run: (c, x) => q(c, 'mutation($id:ID!){ restoreRecord(id:$id){ id deleted } }', { id: x.giftId }),
    ok: (r, _c, x) => r.data?.restoreRecord?.id === x.giftId,
  },
  createUnit: {
    run: (c, x, n) => q(c, 'mutation($t:ID!,$p:ID,$c:String!){ createUnit(input:{tenantId:$t, parentId:$p, name:"矩阵单位", kind:"内设机构", code:$c}){ id } }', { t: x.id, p: x.unitId, c: `MX-${n}` }),
    ok: (r) => !!r.data?.createUnit?.id,
  },
  updateUnit: {
    run: (c, x) => q(c, 'mutation($id:ID!){ updateUnit(id:$id, name:"矩阵改名", kind:"other"){ id name } }', { id: x.emptyUnitId }),
    ok: (r) => r.data?.updateUnit?.name === '矩阵改名',
  },
  moveUnit: {
    run: (c, x) => q(c, 'mutation($id:ID!,$p:ID){ moveUnit(id:$id, parentId:$p){ id parentId } }', { id: x.emptyUnitId, p: x.unitId }),
    ok: (r, _c, x) => r.data?.moveUnit?.parentId === x.unitId,
  },
  mergeUnits: {
    run: (c, x) => q(c, 'mutation($f:ID!,$i:ID!){ mergeUnits(fromId:$f, intoId:$i){ id } }', { f: x.emptyUnitId, i: x.unitId }),
    ok: (r, _c, x) => r.data?.mergeUnits?.id === x.unitId,
  },
  retireUnit: {
    run: (c, x) => q(c, 'mutation($id:ID!){ retireUnit(id:$id){ id retired } }', { id: x.emptyUnitId }),
    ok: (r) => r.data?.retireUnit?.retired === true,
  },
  restoreUnit: {
    run: (c, x) => q(c, 'mutation($id:ID!){ restoreUnit(id:$id){ id retired } }', { id: x.retiredUnitId }),
    ok: (r) => r.data?.restoreUnit?.retired === false,
  },
  setDefaultImportUnit: {
    run: (c, x) => q(c, 'mutation($t:ID!,$u:ID){ setDefaultImportUnit(tenantId:$t, unitId:$u){ id defaultImportUnit { id } } }', { t: x.id, u: x.unitId }),
    ok: (r, _c, x) => r.data?.setDefaultImportUnit?.defaultImportUnit?.id === x.unitId,
  },
  createTenant: {
    run: (c, x, n) => q(c, 'mutation($p:ID!,$c:String!){ createTenant(input:{parentId:$p, code:$c, name:"矩阵测试机构", kind:"county_commission"}){ id } }', { p: x.id, c: `mx-${n}` }),
    ok: (r) => !!r.data?.createTenant?.id,
  },
  updateTenant: {
    run: (c, x) => q(c, 'mutation($id:ID!){ updateTenant(id:$id, name:"矩阵改名"){ id name } }', { id: x.id }),
    ok: (r) => r.data?.updateTenant?.name === '矩阵改名',
  },
  moveTenant: {
    // To the caller's own tenant: a legal new parent whenever the target lies below it.
    run: (c, x) => q(c, 'mutation($id:ID!,$p:ID!){ moveTenant(id:$id, parentId:$p){ id parentId } }', { id: x.id, p: c.tenant.id }),
    ok: (r, c) => r.data?.moveTenant?.parentId === c.tenant.id,
  },
  setTenantStatus: {
    run: (c, x) => q(c, 'mutation($id:ID!){ setTenantStatus(id:$id, status:"suspended"){ id status } }', { id: x.id }),
    ok: (r) => r.data?.setTenantStatus?.status === 'suspended',
  },
  createUser: {
    run: (c, x, n) => q(c, 'mutation($t:ID!,$n:String!){ createUser(input:{tenantId:$t, loginName:$n, displayName:"矩阵", role:"leader"}){ activationCode user { id status } grant { status } } }', { t: x.id, n: `mx${n}` }),
    ok: (r) => r.data?.createUser?.user?.status === 'pending' && r.data.createUser.grant?.status === 'pending' && !!r.data.createUser.activationCode,
  },
  'createUser(admin)': {
    run: (c, x, n) => q(c, 'mutation($t:ID!,$n:String!){ createUser(input:{tenantId:$t, loginName:$n, displayName:"矩阵", role:"admin"}){ activationCode user { id status } } }', { t: x.id, n: `mxa${n}` }),
    ok: (r) => r.data?.createUser?.user?.status === 'active' && !!r.data.createUser.activationCode,
  },
  'updateUser(role)': {
    run: (c, x) => q(c, 'mutation($id:ID!){ updateUser(id:$id, input:{role:"officer"}){ id role pendingGrant { role } } }', { id: x.leaderId }),
    ok: (r) => r.data?.['updateUser']?.role === 'leader' && r.data.updateUser.pendingGrant?.role === 'officer',
  },
  'setUserStatus(secadmin)': {
    run: (c, x) => q(c, 'mutation($id:ID!){ setUserStatus(id:$id, status:"disabled"){ status } }', { id: x.secadminId }),
    ok: (r) => r.data?.setUserStatus?.status === 'disabled',
  },
  'resetUserPassword(auditor)': {
    run: (c, x) => q(c, 'mutation($id:ID!){ resetUserPassword(id:$id){ activationCode } }', { id: x.auditorId }),
    ok: (r) => typeof r.data?.resetUserPassword?.activationCode === 'string',
  },
  roleGrants: {
    run: (c, x) => q(c, 'query($t:ID){ roleGrants(tenantId:$t){ edges { node { id } } } }', { t: x.id }),
    ok: (r, _c, x) => r.data?.roleGrants?.edges?.some((e: any) => e.node.id === x.grantId),
    absent: (r, x) => Array.isArray(r.data?.roleGrants?.edges) && !r.data.roleGrants.edges.some((e: any) => e.node.id === x.grantId),
  },
  roleGrantAlerts: { self: true, run: (c) => q(c, '{ roleGrantAlerts { readCount } }'), ok: (r) => Array.isArray(r.data?.roleGrantAlerts) },
  approveRoleGrant: {
    run: (c, x) => q(c, 'mutation($id:ID!){ approveRoleGrant(id:$id){ status } }', { id: x.grantId }),
    ok: (r) => r.data?.approveRoleGrant?.status === 'approved',
  },
  rejectRoleGrant: {
    run: (c, x) => q(c, 'mutation($id:ID!){ rejectRoleGrant(id:$id, reason:"矩阵"){ status } }', { id: x.grantId }),
    ok: (r) => r.data?.rejectRoleGrant?.status === 'rejected',
  },
  activateAccount: {
    self: true,
    run: (c) => t.gql(null, 'mutation($u:String!){ activateAccount(username:$u, code:"AAAA-BBBB-CCCC", newPassword:"Matrix#2026pw"){ ready } }', { u: c.username }),
    ok: (r) => r.errors?.[0]?.extensions?.code === 'ACTIVATION_FAILED' && r.errors[0].message === '登录名或激活码不正确，或激活码已过期',
  },
  updateUser: {
    run: (c, x) => q(c, 'mutation($id:ID!){ updateUser(id:$id, input:{displayName:"矩阵"}){ id displayName } }', { id: x.leaderId }),
    ok: (r) => r.data?.updateUser?.displayName === '矩阵',
  },
  setUserStatus: {
    run: (c, x) => q(c, 'mutation($id:ID!){ setUserStatus(id:$id, status:"disabled"){ status } }', { id: x.leaderId }),
    ok: (r) => r.data?.setUserStatus?.status === 'disabled',
  },
  unlockUser: {
    run: (c, x) => q(c, 'mutation($id:ID!){ unlockUser(id:$id){ id } }', { id: x.leaderId }),
    ok: (r, _c, x) => r.data?.unlockUser?.id === x.leaderId,
  },
  resetUserPassword: {
    run: (c, x) => q(c, 'mutation($id:ID!){ resetUserPassword(id:$id){ activationCode user { activationPending } } }', { id: x.leaderId }),
    ok: (r) => r.data?.resetUserPassword?.user?.activationPending === true && typeof r.data.resetUserPassword.activationCode === 'string',
  },
  auditAnchors: { self: true, run: (c) => q(c, '{ auditAnchors(first: 1) { seq signature } }'), ok: (r) => r.data?.auditAnchors?.length === 1 },
  warningBoard: {
    run: (c, x) => q(c, 'query($c:String){ warningBoard(tenantCode:$c, asOf:"2026-06-30"){ total } }', { c: x.code }),
    ok: (r) => r.data?.warningBoard?.total > 0,
  },
  warningList: {
    run: (c, x) => q(c, 'query($c:String){ warningList(tenantCode:$c, asOf:"2026-06-30", first:500){ totalCount edges { node { cadre { id } } } } }', { c: x.code }),
    ok: (r, _c, x) => r.data?.warningList?.edges?.some((e: any) => e.node.cadre.id === x.cadreId),
    absent: (r, x) => Array.isArray(r.data?.warningList?.edges) && !r.data.warningList.edges.some((e: any) => e.node.cadre.id === x.cadreId),
  },
  warningTrend: {
    run: (c, x) => q(c, 'query($c:String){ warningTrend(tenantCode:$c, from:"2026-01", to:"2026-03"){ total } }', { c: x.code }),
    ok: (r) => r.data?.warningTrend?.length === 3 && r.data.warningTrend.every((m: any) => m.total > 0),
  },
  warningLevels: {
    run: (c, x) => q(c, 'query($c:String){ warningLevels(tenantCode:$c){ code name } }', { c: x.code }),
    ok: (r) => r.data?.warningLevels?.length > 0,
  },
  auditSigningKey: { self: true, run: (c) => q(c, '{ auditSigningKey }'), ok: (r) => /^04[0-9a-f]{128}$/.test(r.data?.auditSigningKey ?? '') },
  anchorAuditChain: { self: true, run: (c) => q(c, 'mutation { anchorAuditChain { kind seq } }'), ok: (r) => r.data?.anchorAuditChain?.kind === 'head' },
  purgeAuditEvents: {
    self: true,
    run: (c) => q(c, 'mutation{ purgeAuditEvents(olderThanDays:365) }'),
    ok: (r) => typeof r.data?.purgeAuditEvents === 'number',
  },
  dispositions: {
    run: (c, x) => q(c, 'query($c:String){ dispositions(tenantCode:$c, first:500){ totalCount edges { node { id } } } }', { c: x.code }),
    ok: (r, _c, x) => r.data?.dispositions?.edges?.some((e: any) => e.node.id === x.pendingDispositionId),
  },
  rectificationTasks: {
    run: (c) => q(c, '{ rectificationTasks(first:500){ totalCount edges { node { id } } } }'),
    ok: (r, _c, x) => r.data?.rectificationTasks?.edges?.some((e: any) => e.node.id === x.pendingDispositionId),
    absent: (r, x) => Array.isArray(r.data?.rectificationTasks?.edges) && !r.data.rectificationTasks.edges.some((e: any) => e.node.id === x.pendingDispositionId),
  },
  disposition: {
    run: (c, x) => q(c, 'query($id:ID!){ disposition(id:$id){ id } }', { id: x.pendingDispositionId }),
    ok: (r, _c, x) => r.data?.disposition?.id === x.pendingDispositionId,
  },
  dispositionTemplate: {
    run: (c, x) => q(c, 'query($c:String){ dispositionTemplate(tenantCode:$c){ issuer kinds { kind } } }', { c: x.code }),
    ok: (r) => r.data?.dispositionTemplate?.kinds?.length >= 3,
  },
  issueDisposition: {
    run: (c, x) => q(c, 'mutation($id:ID!){ issueDisposition(cadreId:$id, kind:"警示提醒"){ id status } }', { id: x.cadreId }),
    ok: (r) => r.data?.issueDisposition?.status === 'pending',
  },
  updateDisposition: {
    run: (c, x) => q(c, 'mutation($id:ID!){ updateDisposition(id:$id, version:1, body:"矩阵"){ id body } }', { id: x.pendingDispositionId }),
    ok: (r) => r.data?.updateDisposition?.body === '矩阵',
  },
  submitRectification: {
    run: (c, x) => q(c, 'mutation($id:ID!){ submitRectification(id:$id, text:"矩阵整改"){ id status } }', { id: x.pendingDispositionId }),
    ok: (r) => r.data?.submitRectification?.status === 'submitted',
  },
  reviewRectification: {
    run: (c, x) => q(c, 'mutation($id:ID!){ reviewRectification(id:$id, decision:"通过"){ id status } }', { id: x.submittedDispositionId }),
    ok: (r) => r.data?.reviewRectification?.status === 'accepted',
  },
  closeDisposition: {
    run: (c, x) => q(c, 'mutation($id:ID!){ closeDisposition(id:$id){ id status } }', { id: x.acceptedDispositionId }),
    ok: (r) => r.data?.closeDisposition?.status === 'closed',
  },
  replyRequests: {
    self: true,
    run: (c) => q(c, '{ replyRequests(first:100){ totalCount edges { node { id } } } }'),
    ok: (r, c) => r.data?.replyRequests?.edges?.some((e: any) => e.node.id === c.tenant.replyRequestId),
  },
  replyRequest: {
    run: (c, x) => q(c, 'query($id:ID!){ replyRequest(id:$id){ id items { cadre { id } } } }', { id: x.replyRequestId }),
    ok: (r, _c, x) => r.data?.replyRequest?.id === x.replyRequestId && r.data.replyRequest.items[0]?.cadre?.id === x.cadreId,
  },
  jobs: {
    self: true,
    run: (c) => q(c, '{ jobs(first:100){ totalCount edges { node { id } } } }'),
    // The officer finds the fixture's job (its own); a leader's list holds none of the officer's.
    ok: (r, c) => Array.isArray(r.data?.jobs?.edges)
      && r.data.jobs.edges.some((e: any) => e.node.id === c.tenant.jobId) === (c.role === 'officer'),
  },
  job: {
    run: (c, x) => q(c, 'query($id:ID!){ job(id:$id){ id status kindLabel } }', { id: x.jobId }),
    ok: (r, _c, x) => r.data?.job?.id === x.jobId,
  },
  startReportBatch: {
    run: (c, x) => q(c, 'mutation($id:ID!){ startReportBatch(cadreIds:[$id], asOf:"2026-01-05"){ id status total } }', { id: x.cadreId }),
    ok: (r) => r.data?.startReportBatch?.status === 'queued' && r.data.startReportBatch.total === 1,
  },
  startReplyLetters: {
    run: (c, x) => q(c, 'mutation($id:ID!){ startReplyLetters(requestId:$id){ id status total } }', { id: x.replyRequestId }),
    ok: (r) => r.data?.startReplyLetters?.status === 'queued' && r.data.startReplyLetters.total === 1,
  },
  startPrintBatch: {
    run: (c, x) => q(c, 'mutation($id:ID!){ startPrintBatch(cadreIds:[$id]){ id status total } }', { id: x.cadreId }),
    ok: (r) => r.data?.startPrintBatch?.status === 'queued' && r.data.startPrintBatch.total === 1,
  },
  cancelJob: {
    run: (c, x) => q(c, 'mutation($id:ID!){ cancelJob(id:$id){ id status } }', { id: x.jobId }),
    ok: (r) => r.data?.cancelJob?.status === 'cancelled',
  },
  replyCadreLines: {
    self: true,
    run: (c) => q(c, '{ replyCadreLines(lines:["矩阵查无此人"]){ line cadres { id } } }'),
    ok: (r) => r.data?.replyCadreLines?.[0]?.line === '矩阵查无此人',
  },
  replySettings: { self: true, run: (c) => q(c, '{ replySettings { numberPrefix barredPurposes } }'), ok: (r) => r.data?.replySettings?.barredPurposes?.length > 0 },
  createReplyRequest: {
    run: (c, x) => q(c, 'mutation($id:ID!){ createReplyRequest(input:{requester:"矩阵组织部", purpose:"选拔任用", asOf:"2026-01-05", cadreIds:[$id]}){ id cadreCount } }', { id: x.cadreId }),
    ok: (r) => r.data?.createReplyRequest?.cadreCount === 1,
    // Not the caller's own tenant's cadre: refused as unknown, or (a subordinate's, which the caller sees) sent there.
    absent: (r) => r.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT' && /不存在或不在您的管理范围内|由下级机构管理/.test(r.errors[0].message),
  },
  updateReplyItem: {
    run: (c, x) => q(c, 'mutation($r:ID!,$c:ID!){ updateReplyItem(requestId:$r, cadreId:$c, text:"矩阵修改"){ items { editedText } } }', { r: x.replyRequestId, c: x.cadreId }),
    ok: (r) => r.data?.updateReplyItem?.items?.[0]?.editedText === '矩阵修改',
  },
  issueReplyRequest: {
    run: (c, x) => q(c, 'mutation($id:ID!){ issueReplyRequest(id:$id){ status docNumber } }', { id: x.replyRequestId }),
    ok: (r) => r.data?.issueReplyRequest?.status === 'issued',
  },
  redraftReplyRequest: {
    run: (c, x) => q(c, 'mutation($id:ID!){ redraftReplyRequest(id:$id){ id version } }', { id: x.replyRequestId }),
    ok: (r, _c, x) => r.data?.redraftReplyRequest?.id === x.replyRequestId,
  },
  answerReplyRequest: {
    run: (c, x) => q(c, 'mutation($id:ID!){ answerReplyRequest(id:$id){ status } }', { id: x.replyPartId }),
    ok: (r) => r.data?.answerReplyRequest?.status === 'answered',
  },
  returnReplyPart: {
    run: (c, x) => q(c, 'mutation($id:ID!){ returnReplyPart(id:$id, reason:"矩阵退回"){ parts { id status } } }', { id: x.replyAnsweredPartId }),
    ok: (r, _c, x) => r.data?.returnReplyPart?.parts?.some((p: any) => p.id === x.replyAnsweredPartId && p.status === 'draft'),
  },
  deleteReplyRequest: {
    run: (c, x) => q(c, 'mutation($id:ID!){ deleteReplyRequest(id:$id) }', { id: x.replyRequestId }),
    ok: (r) => r.data?.deleteReplyRequest === true,
  },
  updateReplySettings: {
    self: true,
    run: (c) => q(c, 'mutation{ updateReplySettings(numberPrefix:"矩阵"){ numberPrefix } }'),
    ok: (r) => r.data?.updateReplySettings?.numberPrefix === '矩阵',
  },
  docTemplates: { self: true, run: (c) => q(c, '{ docTemplates { kind source placeholders { name } } }'), ok: (r) => r.data?.docTemplates?.length === 4 },
  removeDocTemplate: {
    self: true,
    run: (c) => q(c, 'mutation{ removeDocTemplate(kind:"reply"){ kind source } }'),
    // Allowed: reverted, or told there is no own template to remove (the demo tenants have none).
    ok: (r) => r.data?.removeDocTemplate?.kind === 'reply' || /没有自己的廉政审查情况复函模板/.test(r.errors?.[0]?.message ?? ''),
  },
  updateDispositionTemplate: {
    self: true,
    run: (c) => q(c, 'mutation{ updateDispositionTemplate(numberPrefix:"矩阵"){ numberPrefix } }'),
    ok: (r) => r.data?.updateDispositionTemplate?.numberPrefix === '矩阵',
  },
  warningRules: {
    run: (c, x) => q(c, 'query($t:String!){ warningRules(tenantCode:$t){ code version } }', { t: x.code }),
    ok: (r) => r.data?.warningRules?.length >= 6,
  },
  warningRuleHistory: {
    run: (c, x) => q(c, 'query($t:String!){ warningRuleHistory(tenantCode:$t, code:"RED-FORM3"){ version } }', { t: x.code }),
    ok: (r) => Array.isArray(r.data?.warningRuleHistory),
  },
  warningScheme: {
    run: (c, x) => q(c, 'query($t:String!){ warningScheme(tenantCode:$t){ version levels { code } } }', { t: x.code }),
    ok: (r) => r.data?.warningScheme?.levels?.length >= 3,
  },
  warningRuleOptions: { self: true, run: (c) => q(c, '{ warningRuleOptions { sanctionMeasures { code } } }'), ok: (r) => r.data?.warningRuleOptions?.sanctionMeasures?.length > 10 },
  previewWarningRule: {
    run: (c, x) => q(c, 'query($t:String!,$i:WarningRuleInput!){ previewWarningRule(tenantCode:$t, input:$i, asOf:"2026-06-30"){ changed summary } }', { t: x.code, i: MATRIX_RULE }),
    ok: (r) => typeof r.data?.previewWarningRule?.changed === 'number',
  },
  upsertWarningRule: {
    run: (c, x) => q(c, 'mutation($t:String!,$i:WarningRuleInput!){ upsertWarningRule(tenantCode:$t, input:$i){ version sourceKind } }', { t: x.code, i: MATRIX_RULE }),
    ok: (r) => r.data?.upsertWarningRule?.sourceKind === 'own' && r.data.upsertWarningRule.version >= 2,
  },
  lockWarningRule: {
    run: (c, x) => q(c, 'mutation($t:String!){ lockWarningRule(tenantCode:$t, code:"RED-CASE", locked:true){ locked lockedAbove } }', { t: x.code }),
    ok: (r) => r.data?.lockWarningRule?.locked === true && r.data.lockWarningRule.lockedAbove === false,
  },
  resetWarningRule: {
    // The demo overrides nothing: found and allowed answers that in words.
    run: (c, x) => q(c, 'mutation($t:String!){ resetWarningRule(tenantCode:$t, code:"BLUE-CLUE"){ version } }', { t: x.code }),
    ok: (r) => r.errors?.[0]?.message === '本机构没有修改过该规则，无需恢复继承',
  },
  updateWarningScheme: {
    run: (c, x) => q(c, 'mutation($t:String!,$i:WarningSchemeInput!){ updateWarningScheme(tenantCode:$t, input:$i){ version sourceKind } }', { t: x.code, i: MATRIX_SCHEME }),
    ok: (r) => r.data?.updateWarningScheme?.sourceKind === 'own',
  },
  workCalendar: {
    self: true,
    run: (c) => q(c, '{ workCalendar(year: 2026) { covered days { date kind name } } }'),
    ok: (r) => r.data?.workCalendar?.covered === true && r.data.workCalendar.days.some((d: any) => d.date === '2026-10-01' && d.name === '国庆节'),
  },
  workCalendarCoverage: { self: true, run: (c) => q(c, '{ workCalendarCoverage { from to } }'), ok: (r) => r.data?.workCalendarCoverage?.to >= 2026 },
  setWorkDay: {
    self: true,
    run: (c) => q(c, 'mutation{ setWorkDay(date:"2026-12-31", working:false, name:"矩阵"){ date kind } }'),
    ok: (r) => r.data?.setWorkDay?.kind === '休息日',
  },
  clearWorkDay: { self: true, run: (c) => q(c, 'mutation{ clearWorkDay(date:"2026-10-01") }'), ok: (r) => r.data?.clearWorkDay === true },
  updateTenantSecurity: {
    // Stricter than every parent's value (the default 30): a floor never refuses it.
    run: (c, x) => q(c, 'mutation($id:ID!){ updateTenantSecurity(tenantId:$id, input:{idleTimeoutMinutes:20}){ idleTimeoutMinutes { value } } }', { id: x.id }),
    ok: (r) => r.data?.updateTenantSecurity?.idleTimeoutMinutes?.value === 20,
  },
};

/** Strip what differs between any two calls (ids, counters) — nothing else may differ between N and missing. */
const shape = (r: Res) => JSON.stringify({ data: r.data ?? null, errors: (r.errors ?? []).map((e) => [e.message, e.extensions?.code]) });

function classify(op: Op, r: Res, missing: Res | null, c: Caller, x: Fixture): string {
  if (r.errors?.[0]?.extensions?.code === 'FORBIDDEN') return 'F';
  if (op.ok(r, c, x)) return 'Y';
  if (op.absent ? op.absent(r, x) : missing && shape(r) === shape(missing)) return 'N';
  return `?${shape(r).slice(0, 200)}`;
}

beforeAll(async () => {
  t = await createTestApp({ config: { testRollbackHeader: true } });
  await withScope(t.database.db, 'yn', async (trx) => {
    // The demo's tenants and users only (on a shared PostgreSQL database other files may have added more).
    const demo = DEMO_TENANTS.map((d) => d.code);
    const rows = await trx.selectFrom('tenant').select(['id', 'code', 'path', 'parent_id']).where('code', 'in', demo).execute();
    for (const r of rows) {
      // The first top-level unit (the filler's assigned unit) and a cadre in it.
      const unit = await trx.selectFrom('unit').select('id').where('tenant_id', '=', r.id).where('parent_id', 'is', null)
        .orderBy('sort_order').limit(1).executeTakeFirstOrThrow();
      // The seeded cadre with a gift and a pending celebration (other files may have added cadres to this unit).
      const cadre = await trx.selectFrom('cadre as c').select(['c.id', 'c.version']).where('c.unit_id', '=', unit.id)
        .where(sql<boolean>`exists (select 1 from archive_record r where r.cadre_id = c.id and r.category = 3 and r.status = 'pending' and r.deleted_at is null)`)
        .where(sql<boolean>`exists (select 1 from archive_record r where r.cadre_id = c.id and r.category = 2 and r.deleted_at is null)`)
        .orderBy('c.sort_order').orderBy('c.id').limit(1).executeTakeFirstOrThrow();
      const leader = await trx.selectFrom('app_user').select('id').where('username', '=', `${r.code}.leader`).executeTakeFirstOrThrow();
      const sub = await trx.insertInto('unit').values({ tenant_id: r.id, parent_id: unit.id, name: '矩阵测试子单位', sort_order: 9999 })
        .returning('id').executeTakeFirstOrThrow();
      const byName = async (role: string) => (await trx.selectFrom('app_user').select(['id', 'display_name']).where('username', '=', `${r.code}.${role}`).executeTakeFirstOrThrow());
      const admin = await byName('admin');
      const grant = await trx.insertInto('role_grant').values({
        tenant_id: r.id, user_id: leader.id, role: 'officer', previous_role: 'leader', requested_by: admin.id, requested_by_name: admin.display_name,
      }).returning('id').executeTakeFirstOrThrow();
      const record = (category: number, status?: string) => {
        let q = trx.selectFrom('archive_record').select(['id', 'version']).where('cadre_id', '=', cadre.id)
          .where('category', '=', category).where('deleted_at', 'is', null);
        if (status) q = q.where('status', '=', status);
        return q.orderBy('entered_at').limit(1).executeTakeFirstOrThrow();
      };
      const gift = await record(2), pending = await record(3, 'pending');
      const matrixUnit = async (name: string, retired: boolean) => (await trx.insertInto('unit').values({
        tenant_id: r.id, parent_id: null, name, sort_order: 9000, kind: 'other', retired_at: retired ? new Date() : null,
      }).returning('id').executeTakeFirstOrThrow()).id;
      const emptyUnitId = await matrixUnit('矩阵空单位', false), retiredUnitId = await matrixUnit('矩阵已撤销单位', true);
      const filler = await byName('filler');
      const change = await trx.insertInto('cadre_change').values({
        tenant_id: r.id, cadre_id: cadre.id, base_version: cadre.version, proposal: JSON.stringify({ fields: { health: '矩阵变更' } }),
        submitted_by: filler.id, submitted_by_name: filler.display_name,
      }).returning('id').executeTakeFirstOrThrow();
      const disposition = async (seq: number, status: string) => (await trx.insertInto('disposition').values({
        tenant_id: r.id, cadre_id: cadre.id, issuing_tenant_id: r.id, kind: 'reminder', title: '警示提醒', level: 'yellow', doc_year: 2000, doc_seq: seq,
        doc_number: `矩阵〔2000〕${seq}号`, issuer: '矩阵', issued_on: '2026-01-05', rectify_working_days: 15, due_on: '2026-01-26', body: '矩阵',
        requirements: '矩阵', status, accepted_on: status === 'accepted' ? '2026-01-20' : null, issued_by_name: '矩阵',
      }).returning('id').executeTakeFirstOrThrow()).id;
      const pendingDispositionId = await disposition(1, 'pending');
      const submittedDispositionId = await disposition(2, 'submitted');
      const acceptedDispositionId = await disposition(3, 'accepted');
      await trx.insertInto('disposition_rectification').values({
        tenant_id: r.id, disposition_id: submittedDispositionId, round: 1, content: '矩阵整改', submitted_by_name: filler.display_name,
      }).execute();
      // A red warning of the fixture cadre from 2020 on, so the boards of its tenant (and those above) count it.
      await trx.insertInto('warning_hit').values({
        tenant_id: r.id, cadre_id: cadre.id, rule_code: 'RED-CASE', rule_version: 1, rule_name: '正在立案审查调查', level: 'red', level_rank: 4,
        starts_on: sql<Date>`'2020-01-01'::date`, ends_on: null, reason: '矩阵测试：正在立案审查调查',
      }).execute();
      const reply = await trx.insertInto('reply_request').values({
        tenant_id: r.id, requester: '矩阵组织部', purpose: 'selection', as_of: '2026-01-05', created_by_name: '矩阵',
      }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('reply_item').values({
        tenant_id: r.id, request_id: reply.id, cadre_id: cadre.id, position: 0, conclusion: 'no_objection', draft: '矩阵',
      }).execute();
      const asker = await trx.insertInto('reply_request').values({
        tenant_id: r.id, requester: '矩阵组织部', purpose: 'selection', as_of: '2026-01-05', created_by_name: '矩阵',
      }).returning('id').executeTakeFirstOrThrow();
      const part = async (answered: boolean) => {
        const p = await trx.insertInto('reply_request').values({
          tenant_id: r.id, requester: '矩阵组织部', purpose: 'selection', as_of: '2026-01-05', created_by_name: '矩阵',
          parent_tenant_id: r.id, parent_id: asker.id, parent_issuer: '矩阵上级',
          ...(answered ? { status: 'answered', answered_by_name: '矩阵', answered_at: sql<Date>`now()` } : {}),
        }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('reply_item').values({
          tenant_id: r.id, request_id: p.id, cadre_id: cadre.id, position: 0, conclusion: 'no_objection', draft: '矩阵',
        }).execute();
        return p.id;
      };
      const replyPartId = await part(false);
      const replyAnsweredPartId = await part(true);
      const officer = await byName('officer');
      const job = await trx.insertInto('job').values({
        tenant_id: r.id, kind: 'report_batch', params: JSON.stringify({ cadreIds: [cadre.id], asOf: '2026-01-05' }), total: 1,
        created_by: officer.id, created_by_name: officer.display_name,
      }).returning('id').executeTakeFirstOrThrow();
      tenants.set(r.code, {
        jobId: job.id, replyRequestId: reply.id, replyPartId, replyAnsweredPartId, pendingDispositionId, submittedDispositionId, acceptedDispositionId,
        id: r.id, code: r.code, path: String(r.path), parentId: r.parent_id, unitId: unit.id, subUnitId: sub.id, cadreId: cadre.id, leaderId: leader.id,
        secadminId: (await byName('secadmin')).id, auditorId: (await byName('auditor')).id, grantId: grant.id, emptyUnitId, retiredUnitId,
        giftId: gift.id, pendingId: pending.id, changeId: change.id, cadreVersion: cadre.version, giftVersion: gift.version, pendingVersion: pending.version,
      });
    }
    const users = await trx.selectFrom('app_user as u').innerJoin('tenant as tn', 'tn.id', 'u.tenant_id')
      .select(['u.username', 'u.role', 'tn.code'])
      .where('u.username', 'in', demo.flatMap((c) => DEMO_ROLES.map(([r]) => `${c}.${r}`))).orderBy('u.username').execute();
    for (const u of users) {
      callers.push({ username: u.username, role: u.role as Role, tenant: tenants.get(u.code)!, token: '', refreshToken: '' });
    }
  });
  before = await snapshot();
  // One login per user.
  for (const c of callers) {
    const r = await t.gql(null, 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken refreshToken } }', { u: c.username, p: DEMO_PASSWORD });
    c.token = r.data.login.accessToken;
    c.refreshToken = r.data.login.refreshToken;
  }
}, 120_000);
afterAll(async () => { await t?.close(); });

function targetOf(c: Caller, rel: Rel): Fixture | null {
  const all = [...tenants.values()];
  const me = c.tenant;
  switch (rel) {
    case 'own': return me;
    case 'child': return all.filter((x) => x.parentId === me.id).sort((a, b) => a.code.localeCompare(b.code))[0] ?? null;
    case 'sibling': return all.filter((x) => x.parentId && x.parentId === me.parentId && x.id !== me.id).sort((a, b) => a.code.localeCompare(b.code))[0] ?? null;
    case 'parent': return all.find((x) => x.id === me.parentId) ?? null;
  }
}

describe(`authorization matrix (${engineName})`, () => {
  it('the table names every query and mutation of the schema, and nothing else', () => {
    const schema = getSchema();
    const fields = ['Query', 'Mutation'].flatMap((n) => {
      const type = schema.getType(n);
      return isObjectType(type) ? Object.keys(type.getFields()) : [];
    });
    expect([...new Set(Object.keys(EXPECTED).map((k) => k.replace(/\(.*\)$/, '')))].sort()).toEqual([...new Set(fields)].sort());
    expect(Object.keys(OPS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('every seeded user × every operation × own, child, sibling and parent tenant answers as the table says', async () => {
    expect(callers.length).toBeGreaterThanOrEqual(66);
    const mismatches: string[] = [];
    const covered = new Set<string>();
    let n = 0;
    let cases = 0;
    for (const c of callers) {
      for (const [name, op] of Object.entries(OPS)) {
        const letter = EXPECTED[name][c.role];
        const expected = letter === 'R' ? (c.tenant.parentId === null ? 'Y' : 'F') : letter;
        if (op.self) {
          const got = classify(op, await op.run(c, c.tenant, ++n), null, c, c.tenant);
          cases++;
          covered.add(`${name}/${c.role}/self`);
          if (got !== expected) mismatches.push(`${c.username} ${name}: expected ${expected}, got ${got}`);
          continue;
        }
        const missing = await op.run(c, MISSING, ++n);
        for (const [i, rel] of RELS.entries()) {
          const target = targetOf(c, rel);
          if (!target) continue;
          const got = classify(op, await op.run(c, target, ++n), missing, c, target);
          cases++;
          covered.add(`${name}/${c.role}/${rel}`);
          if (got !== expected[i]) mismatches.push(`${c.username} ${name} → ${rel} ${target.code}: expected ${expected[i]}, got ${got}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every cell of the table was exercised by at least one user.
    const cells = Object.entries(EXPECTED).flatMap(([name, byRole]) => Object.keys(byRole).flatMap((role) =>
      OPS[name].self ? [`${name}/${role}/self`] : RELS.map((rel) => `${name}/${role}/${rel}`)));
    expect(cells.filter((x) => !covered.has(x))).toEqual([]);
    expect(cases).toBeGreaterThan(3000);
  }, 900_000);

  it('nothing the matrix did was kept', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
