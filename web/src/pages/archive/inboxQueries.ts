// 「我的填报」 and the review of basic-information changes: documents with generated types (web/src/gql).
import { graphql } from '../../gql';
import type { CadreChangesQuery, MyRecordsQuery } from '../../gql/graphql';

export const MyRecordsDocument = graphql(`
  query MyRecords($status: String, $first: Int, $offset: Int) {
    myRecords(status: $status, first: $first, offset: $offset) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id kind categoryId category categoryTitle status statusLabel submittedAt reviewedAt reviewedBy returnReason
          cadre { id name unitName }
        }
      }
    }
  }
`);
export type MySubmission = MyRecordsQuery['myRecords']['edges'][number]['node'];

export const CadreChangesDocument = graphql(`
  query CadreChanges($status: String, $first: Int, $offset: Int) {
    cadreChanges(status: $status, first: $first, offset: $offset) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id version status statusLabel baseVersion cadreVersion stale submittedBy submittedAt reviewedBy reviewedAt returnReason
          cadre { id name unitName }
          changes { label from to }
        }
      }
    }
  }
`);
export type CadreChangeItem = CadreChangesQuery['cadreChanges']['edges'][number]['node'];

export const ReviewCadreChangeDocument = graphql(`
  mutation ReviewCadreChange($id: ID!, $version: Int!, $decision: String!, $reason: String) {
    reviewCadreChange(id: $id, version: $version, decision: $decision, reason: $reason) { id status version }
  }
`);
