import type { Notice } from '../queues/queue-names';
import { noticeText } from './notice-text';

const transition = (overrides: Partial<Notice>): Notice =>
  ({
    type: 'transition',
    requestId: 'r1',
    reference: 'MLA-2026-000001',
    kind: 'mla',
    requestingAgencyId: 'a1',
    requestedAgencyId: 'a2',
    outboxId: 'o1',
    key: 'k1',
    occurredAt: '2026-12-08T00:00:00.000Z',
    event: 'submit',
    from: 'draft',
    to: 'under_review',
    version: 3,
    recipient: { type: 'party', side: 'requesting', role: 'SUPERVISOR' },
    reason: 'decision_owed',
    ...overrides,
  }) as Notice;

describe('noticeText', () => {
  it('tells the approving supervisor what she must do, in words, without event names or versions', () => {
    const text = noticeText(transition({}));
    expect(text.title).toBe('MLA-2026-000001: submit, now under review');
    expect(text.body).toBe('Submit on request MLA-2026-000001 (MLA): it was draft and is now under review.');
    expect(text.why).toBe('You must approve or return for amendment.');
    expect(`${text.body} ${text.why}`).not.toMatch(/event:|version/);
  });

  it('tells the requested officer what is expected of her once the request arrives', () => {
    const text = noticeText(
      transition({
        event: 'approve',
        from: 'under_review',
        to: 'transmitted',
        recipient: { type: 'party', side: 'requested', role: 'OFFICER' },
        reason: 'counterpart',
      }),
    );
    expect(text.why).toBe('You are told because your agency is a party to this request. You must acknowledge.');
  });

  it('leaves the expectation out where the recipient owes nothing', () => {
    const text = noticeText(transition({ recipient: { type: 'filer' }, reason: 'outcome' }));
    expect(text.why).toBe('You filed this request.');
  });

  it('reminds the responsible side ahead of a deadline and says what it must do', () => {
    const text = noticeText({
      ...transition({ recipient: { type: 'party', side: 'requested', role: 'OFFICER' }, reason: 'deadline_reminder' }),
      type: 'deadline_reminder',
      deadlineId: 'd1',
      timer: 'acknowledge',
      dueAt: '2026-12-15T00:00:00.000Z',
      state: 'transmitted',
      beforeMs: 3 * 86_400_000,
    } as Notice);
    expect(text.title).toBe('MLA-2026-000001: acknowledge deadline in 3 days');
    expect(text.body).toBe(
      'The acknowledge deadline of request MLA-2026-000001 (MLA) falls due on 2026-12-15; it is transmitted.',
    );
    expect(text.why).toBe('Your side is responsible for this deadline. You must acknowledge.');
  });
});
