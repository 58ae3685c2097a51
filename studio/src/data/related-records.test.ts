import type { RelatedRead } from '@trellis/runtime';
import { missingRelated, relatedFrom } from './related-records.js';

const reads: RelatedRead[] = [{ relation: 'account', target: 'account', fields: ['name', 'status'] }];
const ACME = 'a0000000-0000-4000-8000-000000000001';
const GLOBEX = 'a0000000-0000-4000-8000-000000000002';

describe('the related records of the live rule check', () => {
  it('asks for each related record not loaded yet, once, for the record and the stored one', () => {
    expect(missingRelated(reads, {}, { account: ACME }, { account: GLOBEX }).map((m) => m.key)).toEqual([`account:${ACME}`, `account:${GLOBEX}`]);
    expect(missingRelated(reads, {}, { account: ACME }, { account: ACME })).toHaveLength(1);
    expect(missingRelated(reads, { [`account:${ACME}`]: { name: 'Acme' } }, { account: ACME }, null)).toEqual([]);
    expect(missingRelated(reads, {}, { account: null }, null)).toEqual([]);
  });

  it('gives the related records only once every one needed is loaded', () => {
    const loaded = { [`account:${ACME}`]: { name: 'Acme', status: 'onHold' } };
    expect(relatedFrom(reads, loaded, { account: GLOBEX }, null)).toBeUndefined();
    expect(relatedFrom(reads, loaded, { account: ACME }, null)).toEqual({ record: { account: { name: 'Acme', status: 'onHold' } }, previous: { account: null } });
    expect(relatedFrom(reads, {}, { account: null }, null)).toEqual({ record: { account: null }, previous: { account: null } });
  });
});
