// 预警规则's documents (docs/warning-rules.md); their types are generated (web/src/gql, `npm run codegen -w web`).
import { graphql } from '../../gql';
import type { WarningRulesQuery, WarningRuleHistoryQuery, WarningSchemeQuery, WarningRuleOptionsQuery, PreviewWarningRuleQuery } from '../../gql/graphql';

graphql(`
  fragment WarningRuleFields on WarningRule {
    code name kind kindLabel levelCode level { code name hex rank } definition enabled locked lockedAbove version
    source sourceKind ownerTenant { code name } canEdit
  }
`);
graphql(`
  fragment WarningSchemeFields on WarningScheme {
    version source sourceKind ownerTenant { code name } canEdit
    levels { code name rank hex description }
    influence { kind kindLabel measure measureLabel months }
    dispositions { level kind title rectifyWorkingDays }
  }
`);

export const WarningRulesDocument = graphql(`query WarningRules($tenantCode: String!) { warningRules(tenantCode: $tenantCode) { ...WarningRuleFields } }`);
export const WarningSchemeDocument = graphql(`query WarningScheme($tenantCode: String!) { warningScheme(tenantCode: $tenantCode) { ...WarningSchemeFields } }`);
export const WarningRuleHistoryDocument = graphql(`
  query WarningRuleHistory($tenantCode: String!, $code: String!) {
    warningRuleHistory(tenantCode: $tenantCode, code: $code) {
      id version action actionLabel name kindLabel levelCode definition enabled locked note createdBy createdAt current tenant { code name }
    }
  }
`);
export const WarningRuleOptionsDocument = graphql(`
  query WarningRuleOptions {
    warningRuleOptions {
      ruleKinds { code label } sanctionForms { code label } sanctionKinds { code label } sanctionMeasures { code label }
      clueModes { code label } clueStatuses { code label } lendingStatuses { code label } lendingDirections { code label }
      giftHandlings { code label } amountCategories { code label } overdueSubjects { code label } scoreSources { code label }
    }
  }
`);
export const PreviewWarningRuleDocument = graphql(`
  query PreviewWarningRule($tenantCode: String!, $input: WarningRuleInput!, $asOf: String) {
    previewWarningRule(tenantCode: $tenantCode, input: $input, asOf: $asOf) {
      asOf changed summary tenantCount
      before { colour count level { code name hex rank } }
      after { colour count level { code name hex rank } }
    }
  }
`);
export const UpsertWarningRuleDocument = graphql(`
  mutation UpsertWarningRule($tenantCode: String!, $input: WarningRuleInput!) { upsertWarningRule(tenantCode: $tenantCode, input: $input) { ...WarningRuleFields } }
`);
export const LockWarningRuleDocument = graphql(`
  mutation LockWarningRule($tenantCode: String!, $code: String!, $locked: Boolean!) { lockWarningRule(tenantCode: $tenantCode, code: $code, locked: $locked) { ...WarningRuleFields } }
`);
export const ResetWarningRuleDocument = graphql(`
  mutation ResetWarningRule($tenantCode: String!, $code: String!) { resetWarningRule(tenantCode: $tenantCode, code: $code) { ...WarningRuleFields } }
`);
export const UpdateWarningSchemeDocument = graphql(`
  mutation UpdateWarningScheme($tenantCode: String!, $input: WarningSchemeInput!) { updateWarningScheme(tenantCode: $tenantCode, input: $input) { ...WarningSchemeFields } }
`);

export type WarningRuleRow = WarningRulesQuery['warningRules'][number];
export type WarningSchemeData = WarningSchemeQuery['warningScheme'];
export type WarningRuleVersion = WarningRuleHistoryQuery['warningRuleHistory'][number];
export type WarningRuleOptions = WarningRuleOptionsQuery['warningRuleOptions'];
export type WarningRulePreview = PreviewWarningRuleQuery['previewWarningRule'];
export type CodeOption = WarningRuleOptions['sanctionMeasures'][number];
