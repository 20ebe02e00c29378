import { checkTable, type Row } from './testing/workflow-table';

/** The mutual legal assistance table of docs/domain.md, row by row. */
const NON_FINAL = [
  'draft',
  'under_review',
  'transmitted',
  'received',
  'in_execution',
  'awaiting_information',
  'postponed',
  'executed',
];

const ROWS: Row[] = [
  { from: ['draft'], event: 'submit', side: 'requesting', roles: ['OFFICER'], to: 'under_review' },
  { from: ['under_review'], event: 'return_for_amendment', side: 'requesting', roles: ['SUPERVISOR'], to: 'draft' },
  { from: ['under_review'], event: 'approve', side: 'requesting', roles: ['SUPERVISOR'], to: 'transmitted' },
  { from: ['transmitted'], event: 'acknowledge', side: 'requested', roles: ['OFFICER'], to: 'received' },
  { from: ['received'], event: 'accept', side: 'requested', roles: ['SUPERVISOR'], to: 'in_execution' },
  { from: ['received'], event: 'forward', side: 'requested', roles: ['SUPERVISOR'], to: 'received' },
  {
    from: ['received', 'in_execution'],
    event: 'request_information',
    side: 'requested',
    roles: ['OFFICER', 'SUPERVISOR'],
    to: 'awaiting_information',
  },
  {
    from: ['awaiting_information'],
    event: 'provide_information',
    side: 'requesting',
    roles: ['OFFICER'],
    to: { previous: ['received', 'in_execution'] },
  },
  { from: ['received', 'in_execution'], event: 'postpone', side: 'requested', roles: ['SUPERVISOR'], to: 'postponed' },
  { from: ['postponed'], event: 'resume', side: 'requested', roles: ['SUPERVISOR'], to: 'in_execution' },
  {
    from: ['in_execution'],
    event: 'transmit_partial_results',
    side: 'requested',
    roles: ['OFFICER'],
    to: 'in_execution',
  },
  { from: ['in_execution'], event: 'complete', side: 'requested', roles: ['OFFICER'], to: 'executed' },
  { from: ['executed'], event: 'close', side: 'requesting', roles: ['OFFICER'], to: 'closed' },
  {
    from: ['received', 'in_execution', 'postponed'],
    event: 'refuse',
    side: 'requested',
    roles: ['SUPERVISOR'],
    to: 'refused',
  },
  { from: NON_FINAL, event: 'withdraw', side: 'requesting', roles: ['SUPERVISOR'], to: 'withdrawn' },
];

describe('MLA workflow table', () => checkTable('mla', ROWS));
