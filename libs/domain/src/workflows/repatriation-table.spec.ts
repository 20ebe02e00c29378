import { checkTable, type Row } from './testing/workflow-table';

/** The repatriation table of docs/domain.md, row by row; receiving = requesting side, origin = requested side. */
const ACTIVE = [
  'referred',
  'identity_verification',
  'risk_assessment',
  'family_tracing',
  'best_interests_determination',
  'travel_documents',
  'consent',
  'return_scheduled',
  'reintegration',
];
const NON_FINAL = ['draft', ...ACTIVE, 'halted'];
const child = { content: { victimIsChild: true } };

const ROWS: Row[] = [
  { from: ['draft'], event: 'submit', side: 'requesting', roles: ['OFFICER'], to: 'referred' },
  { from: ['referred'], event: 'acknowledge', side: 'requested', roles: ['OFFICER'], to: 'identity_verification' },
  {
    from: ['identity_verification'],
    event: 'confirm_identity',
    side: 'requested',
    roles: ['OFFICER'],
    to: 'risk_assessment',
  },
  {
    from: ['identity_verification'],
    event: 'identity_not_confirmed',
    side: 'requested',
    roles: ['SUPERVISOR'],
    to: 'refused',
  },
  {
    from: ['risk_assessment'],
    event: 'record_assessment',
    side: 'either',
    roles: ['OFFICER'],
    to: [
      { to: 'travel_documents', payload: { riskLevel: 'low' } },
      { to: 'family_tracing', payload: { riskLevel: 'medium' }, facts: child },
      { to: 'halted', payload: { riskLevel: 'high' } },
    ],
  },
  {
    from: ['family_tracing'],
    event: 'record_family_assessment',
    side: 'requested',
    roles: ['OFFICER'],
    to: 'best_interests_determination',
    facts: child,
  },
  {
    from: ['best_interests_determination'],
    event: 'record_best_interests',
    side: 'requesting',
    roles: ['SUPERVISOR'],
    to: [
      { to: 'travel_documents', payload: { outcome: 'return' }, facts: child },
      { to: 'alternative_solution', payload: { outcome: 'no_return' }, facts: child },
    ],
  },
  { from: ['travel_documents'], event: 'issue_travel_documents', side: 'requested', roles: ['OFFICER'], to: 'consent' },
  { from: ['consent'], event: 'record_consent', side: 'requesting', roles: ['OFFICER'], to: 'return_scheduled' },
  { from: ['return_scheduled'], event: 'confirm_return', side: 'requested', roles: ['OFFICER'], to: 'reintegration' },
  { from: ['reintegration'], event: 'record_follow_up', side: 'requested', roles: ['OFFICER'], to: 'reintegration' },
  { from: ['reintegration'], event: 'close', side: 'requested', roles: ['SUPERVISOR'], to: 'closed' },
  { from: ACTIVE, event: 'halt', side: 'either', roles: ['SUPERVISOR'], to: 'halted' },
  { from: ['halted'], event: 'resume', side: 'holding', roles: ['SUPERVISOR'], to: { previous: ACTIVE } },
  { from: NON_FINAL, event: 'cancel', side: 'requesting', roles: ['SUPERVISOR'], to: 'cancelled' },
  {
    from: ['risk_assessment', 'best_interests_determination', 'halted'],
    event: 'choose_alternative',
    side: 'requesting',
    roles: ['SUPERVISOR'],
    to: 'alternative_solution',
  },
];

describe('repatriation workflow table', () => checkTable('repatriation', ROWS));
