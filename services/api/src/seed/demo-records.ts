// Demo archive records: a few per tenant, in several categories, so the archive pages, the review queue and the
// isolation probes have content. The first cadre of a tenant sits in the filler's unit.
import type { Tx } from '../db/scope.js';
import { categoryById } from '../modules/records/categories.js';
import { addRevision, insertRecord, setMaterials, type FieldValues } from '../modules/records/repo.js';

interface DemoRecord { cadre: number; category: number; status: 'accepted' | 'pending'; fields: FieldValues; materials?: { name: string; formedOn: string; pages: number }[] }

const RECORDS: DemoRecord[] = [
  {
    cadre: 0, category: 2, status: 'accepted',
    fields: { occurredOn: '2025-09-28', giver: '某建筑公司项目经理', giverUnit: '某建筑工程有限公司', giftKind: '礼金', description: '现金红包 1 个',
      amount: '2000.00', handling: '上交组织', handedTo: '区纪委监委廉政账户', handedOn: '2025-09-29', receiptNo: 'LZ2025-031', remarks: null },
    materials: [{ name: '上交礼金登记表', formedOn: '2025-09-29', pages: 1 }, { name: '廉政账户收款凭证', formedOn: '2025-09-29', pages: 1 }],
  },
  {
    cadre: 0, category: 6, status: 'accepted',
    fields: { year: 2025, grade: '称职', assessedOn: '2026-01-20', integrityScore: '92.50', overallScore: '90.00', evaluation: '能够严格遵守廉洁自律各项规定。' },
  },
  {
    cadre: 0, category: 8, status: 'accepted',
    fields: { receivedOn: '2026-03-02', source: '信访举报', clueNo: 'XS2026-007', summary: '反映其在工程项目验收中接受吃请。',
      disposalMode: '谈话函询', disposedOn: '2026-03-20', handlingStatus: '已办结', result: '函询说明属实部分已作检讨，予以了结。' },
  },
  {
    cadre: 1, category: 10, status: 'accepted',
    fields: { kind: '党纪处分', measure: '警告', form: '第二种形态', decidedOn: '2026-04-15', effectiveOn: '2026-04-15', issuingBody: '区纪委',
      documentNo: '纪发〔2026〕12号', influenceMonths: 12, facts: '违反中央八项规定精神，违规接受宴请。' },
  },
  {
    cadre: 0, category: 3, status: 'pending',
    fields: { heldOn: '2026-10-01', eventKind: '子女婚礼', venue: '本地酒店', tables: 12, guests: 120, giftsTotal: '0.00', reportedBefore: true,
      reportedOn: '2026-09-15', afterReport: '未收受管理服务对象礼金。', remarks: null },
  },
];

export async function seedDemoRecords(
  trx: Tx, tenantId: string, cadreIds: string[], officer: { id: string; name: string }, filler: { id: string; name: string },
) {
  for (const r of RECORDS) {
    const cadreId = cadreIds[r.cadre];
    if (!cadreId) continue;
    const who = r.status === 'accepted' ? officer : filler;
    const recordId = await insertRecord(trx, {
      tenantId, cadreId, category: categoryById.get(r.category)!, status: r.status, actorId: who.id, actorName: who.name, fields: r.fields,
    });
    await setMaterials(trx, tenantId, recordId, r.materials ?? []);
    await addRevision(trx, { tenantId, recordId, version: 1, action: 'create', actorId: who.id, actorName: who.name });
  }
}
