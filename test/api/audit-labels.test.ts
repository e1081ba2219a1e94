// The access log speaks Chinese: every Query and Mutation field has a label in OPERATION_LABELS, so an auditor never
// reads an English operation name (a new field without one fails here).
import { describe, expect, it } from 'vitest';
import { getSchema } from '../../services/api/src/graphql/schema.js';
import { OPERATION_LABELS, describeOperation } from '../../services/api/src/audit/describe.js';

const CJK = /[\u4e00-\u9fff]/;

describe('audit labels', () => {
  it('every Query and Mutation field has a Chinese label', () => {
    const schema = getSchema();
    const missing: string[] = [];
    for (const type of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const field of Object.keys(type.getFields())) {
        if (!CJK.test(OPERATION_LABELS[field] ?? '')) missing.push(`${type.name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('a summary names the operation in Chinese', () => {
    expect(describeOperation({ fields: ['createRecord'], outcome: 'success', denied: false, errors: [], cadreNames: ['张建华'], targets: [] }))
      .toBe('新增档案记录：张建华');
  });
});
