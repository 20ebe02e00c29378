import type { Actor } from './actor';
import { mayAddToRequest, mayEditDraft, mayFileRequests } from './request-editing';

const actor = (roles: Actor['roles']): Actor => ({ userId: 'u', agencyId: 'a', roles, platformAdmin: false });

describe('who writes to a request', () => {
  it('lets officers and supervisors file, not auditors or administrators', () => {
    expect(mayFileRequests(actor(['OFFICER']))).toBe(true);
    expect(mayFileRequests(actor(['SUPERVISOR']))).toBe(true);
    expect(mayFileRequests(actor(['AUDITOR', 'ADMIN']))).toBe(false);
  });

  it('keeps drafts to the requesting side', () => {
    expect(mayEditDraft(actor(['OFFICER']), 'requesting')).toBe(true);
    expect(mayEditDraft(actor(['OFFICER']), 'requested')).toBe(false);
    expect(mayEditDraft(actor(['AUDITOR']), 'requesting')).toBe(false);
  });

  it('lets either party add notes, attachments and links, but not task-force members', () => {
    expect(mayAddToRequest(actor(['SUPERVISOR']), 'requested')).toBe(true);
    expect(mayAddToRequest(actor(['SUPERVISOR']), 'task_force')).toBe(false);
    expect(mayAddToRequest(actor(['ADMIN']), 'requesting')).toBe(false);
  });
});
