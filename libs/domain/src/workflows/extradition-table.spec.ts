import { checkTable, type Row } from './testing/workflow-table';

/** The extradition table of docs/domain.md, row by row. */
const NON_FINAL = [
  'draft',
  'under_review',
  'provisional_arrest_requested',
  'person_in_custody',
  'transmitted',
  'received',
  'judicial_proceedings',
  'executive_decision',
  'awaiting_assurances',
  'surrender_scheduled',
  'surrendered',
];

const ROWS: Row[] = [
  { from: ['draft'], event: 'submit', side: 'requesting', roles: ['OFFICER'], to: 'under_review' },
  { from: ['under_review'], event: 'return_for_amendment', side: 'requesting', roles: ['SUPERVISOR'], to: 'draft' },
  { from: ['under_review'], event: 'approve', side: 'requesting', roles: ['SUPERVISOR'], to: 'transmitted' },
  {
    from: ['draft', 'under_review'],
    event: 'request_provisional_arrest',
    side: 'requesting',
    roles: ['SUPERVISOR'],
    to: 'provisional_arrest_requested',
    facts: { urgency: 'urgent' },
  },
  {
    from: ['provisional_arrest_requested'],
    event: 'report_arrest',
    side: 'requested',
    roles: ['OFFICER'],
    to: 'person_in_custody',
  },
  {
    from: ['person_in_custody'],
    event: 'transmit_formal_request',
    side: 'requesting',
    roles: ['SUPERVISOR'],
    to: 'transmitted',
  },
  { from: ['person_in_custody'], event: 'release', side: 'requested', roles: ['SUPERVISOR'], to: 'released' },
  { from: ['transmitted'], event: 'acknowledge', side: 'requested', roles: ['OFFICER'], to: 'received' },
  { from: ['received'], event: 'refer_to_court', side: 'requested', roles: ['OFFICER'], to: 'judicial_proceedings' },
  {
    from: ['judicial_proceedings'],
    event: 'record_consent',
    side: 'requested',
    roles: ['OFFICER'],
    to: 'executive_decision',
  },
  {
    from: ['judicial_proceedings'],
    event: 'record_court_decision',
    side: 'requested',
    roles: ['OFFICER'],
    to: [
      { to: 'executive_decision', payload: { decision: 'extraditable' } },
      { to: 'refused', payload: { decision: 'not_extraditable' } },
    ],
  },
  {
    from: ['executive_decision'],
    event: 'request_assurances',
    side: 'requested',
    roles: ['SUPERVISOR'],
    to: 'awaiting_assurances',
  },
  {
    from: ['awaiting_assurances'],
    event: 'provide_assurances',
    side: 'requesting',
    roles: ['SUPERVISOR'],
    to: 'executive_decision',
  },
  { from: ['executive_decision'], event: 'grant', side: 'requested', roles: ['SUPERVISOR'], to: 'surrender_scheduled' },
  { from: ['executive_decision'], event: 'refuse', side: 'requested', roles: ['SUPERVISOR'], to: 'refused' },
  {
    from: ['surrender_scheduled'],
    event: 'confirm_surrender',
    side: 'requested',
    roles: ['OFFICER'],
    to: 'surrendered',
  },
  { from: ['surrendered'], event: 'close', side: 'requesting', roles: ['OFFICER'], to: 'closed' },
  { from: NON_FINAL, event: 'withdraw', side: 'requesting', roles: ['SUPERVISOR'], to: 'withdrawn' },
];

describe('extradition workflow table', () => checkTable('extradition', ROWS));
