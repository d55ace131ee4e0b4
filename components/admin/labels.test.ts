import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@/lib/server/audit/audit-log';
import { NAMED_VIEW_ACTION } from '@/lib/server/audit/named-views';
import { REVIEW_AUDIT_ACTIONS } from '@/lib/server/reviews/actor';
import { ADMIN_AUDIT_ACTIONS } from '@/lib/shared/schemas/admin';
import { describeAction } from './labels';

describe('describeAction', () => {
  it('names every action the app records in words (the audit log page shows them)', () => {
    const actions = [
      ...Object.values(AUDIT_ACTIONS),
      ...Object.values(ADMIN_AUDIT_ACTIONS),
      ...Object.values(REVIEW_AUDIT_ACTIONS),
      NAMED_VIEW_ACTION,
    ];
    const unnamed = actions.filter((action) => describeAction(action) === action);
    expect(unnamed).toEqual([]);
  });
});
