import { choice, confirmation, date, text } from '../payload';
import { defineWorkflow } from '../workflow-definition';

const FOLLOW_UPS = ['follow_up_3_months', 'follow_up_6_months', 'follow_up_12_months'] as const;
const FOLLOW_UP_SOURCE = 'Common practice in assisted return programmes; a configurable default, not a legal figure';

/**
 * The receiving agency (where the victim is) is the requesting side; the origin agency (nationality or
 * permanent residence) is the requested side.
 */
export const REPATRIATION_WORKFLOW = defineWorkflow({
  kind: 'repatriation',
  initial: 'draft',
  states: {
    draft: { description: 'Being written by the receiving agency', internal: true },
    referred: { description: 'Referred to the origin agency; awaiting acknowledgement' },
    identity_verification: { description: 'The origin agency verifies nationality or permanent residence' },
    risk_assessment: { description: 'Risks and needs of the return are assessed' },
    family_tracing: { description: 'Child: guardian appointed, family traced and assessed' },
    best_interests_determination: { description: "Child: is return in the child's best interests?" },
    travel_documents: { description: 'The origin agency issues travel documents', childNeedsBestInterests: true },
    consent: { description: "The victim's informed and voluntary consent is recorded", childNeedsBestInterests: true },
    return_scheduled: { description: 'Return arranged: date, escort, reception', childNeedsBestInterests: true },
    reintegration: { description: 'Returned; reintegration followed up' },
    halted: { description: 'Halted for safety, withdrawn consent or pending proceedings', heldByEnteringSide: true },
    closed: { description: 'Reintegration followed up and closed', final: true },
    refused: { description: 'Identity not confirmed by the origin agency', final: true },
    cancelled: { description: 'Cancelled by the receiving side', final: true },
    alternative_solution: { description: 'Local integration or a third country instead of return', final: true },
  },
  events: {
    submit: {
      from: ['draft'],
      to: 'referred',
      side: 'requesting',
      roles: ['OFFICER'],
      guards: ['request_complete'],
      warnings: ['request_language'],
      note: "The victim's wish to return is recorded",
      source: 'Palermo Protocol Art. 8(2)',
    },
    acknowledge: {
      from: ['referred'],
      to: 'identity_verification',
      side: 'requested',
      roles: ['OFFICER'],
      timers: { start: ['verify'] },
    },
    confirm_identity: {
      from: ['identity_verification'],
      to: 'risk_assessment',
      side: 'requested',
      roles: ['OFFICER'],
      payload: [choice('basis', 'What was verified', ['nationality', 'permanent_residence'])],
      timers: { stop: ['verify'] },
      source: 'Palermo Protocol Art. 8(3)',
    },
    identity_not_confirmed: {
      destructive: true,
      from: ['identity_verification'],
      to: 'refused',
      side: 'requested',
      roles: ['SUPERVISOR'],
      payload: [text('reason', 'Why identity could not be confirmed')],
      source: 'Palermo Protocol Art. 8(3)',
    },
    record_assessment: {
      from: ['risk_assessment'],
      to: {
        branches: [
          { when: { payload: 'riskLevel', equals: 'high' }, to: 'halted', label: 'high risk' },
          { when: { fact: 'victimIsChild', equals: true }, to: 'family_tracing', label: 'child' },
        ],
        otherwise: 'travel_documents',
        otherwiseLabel: 'adult',
      },
      side: 'either',
      roles: ['OFFICER'],
      payload: [
        choice('riskLevel', 'The risk level of the return', ['low', 'medium', 'high']),
        choice('needsLevel', "The victim's level of needs", ['low', 'medium', 'high']),
      ],
      source: 'Palermo Protocol Art. 8(2)',
    },
    record_family_assessment: {
      from: ['family_tracing'],
      to: 'best_interests_determination',
      side: 'requested',
      roles: ['OFFICER'],
      payload: [
        confirmation('guardianAppointed', 'A guardian appointed for the child'),
        choice('familyTracing', 'The outcome of family tracing', [
          'family_suitable',
          'family_unsuitable',
          'family_not_found',
        ]),
      ],
    },
    record_best_interests: {
      from: ['best_interests_determination'],
      to: {
        branches: [
          { when: { payload: 'outcome', equals: 'return' }, to: 'travel_documents', label: 'return in best interests' },
        ],
        otherwise: 'alternative_solution',
        otherwiseLabel: 'return not in best interests',
      },
      side: 'requesting',
      roles: ['SUPERVISOR'],
      payload: [
        choice('outcome', 'The best-interests determination', ['return', 'no_return']),
        text('reasons', 'Written reasons'),
      ],
      remember: { bestInterestsOutcome: 'outcome' },
      note: "No return that is not in the child's best interests",
      source: 'CRC Art. 3; Palermo Protocol Art. 6(4); CoE Convention on Action against Trafficking Art. 16(7)',
    },
    issue_travel_documents: {
      from: ['travel_documents'],
      to: 'consent',
      side: 'requested',
      roles: ['OFFICER'],
      source: 'Palermo Protocol Art. 8(4)',
    },
    record_consent: {
      from: ['consent'],
      to: 'return_scheduled',
      side: 'requesting',
      roles: ['OFFICER'],
      payload: [
        confirmation('informed', 'The victim was informed of the return and its conditions'),
        confirmation('voluntary', 'The victim consents freely'),
      ],
      note: 'Withdrawal of consent halts the case',
      source: 'Palermo Protocol Art. 8(2)',
    },
    confirm_return: {
      from: ['return_scheduled'],
      to: 'reintegration',
      side: 'requested',
      roles: ['OFFICER'],
      payload: [
        date('returnedOn', 'The date of return', 'not_future'),
        text('escort', 'The escort'),
        text('reception', 'The reception arrangements'),
      ],
      timers: { start: FOLLOW_UPS, anchor: 'returnedOn' },
      outcome: true,
    },
    record_follow_up: {
      from: ['reintegration'],
      to: 'reintegration',
      side: 'requested',
      roles: ['OFFICER'],
      payload: [text('note', 'How reintegration is going')],
      timers: { stopNextDue: FOLLOW_UPS },
    },
    close: { from: ['reintegration'], to: 'closed', side: 'requested', roles: ['SUPERVISOR'] },
    halt: {
      destructive: true,
      from: 'any_active',
      to: 'halted',
      side: 'either',
      roles: ['SUPERVISOR'],
      payload: [
        choice('ground', 'Why the case halts', ['safety', 'consent_withdrawn', 'legal_proceedings']),
        text('reason', 'Written reasons'),
      ],
      // Nobody is late while the case is halted.
      timers: { pause: 'all' },
      source: 'Palermo Protocol Art. 8(2)',
    },
    resume: {
      from: ['halted'],
      to: { previous: true },
      side: 'holding',
      roles: ['SUPERVISOR'],
      timers: { resume: 'all' },
    },
    cancel: {
      destructive: true,
      from: 'any_non_final',
      to: 'cancelled',
      side: 'requesting',
      roles: ['SUPERVISOR'],
      payload: [text('reason', 'Why the repatriation is cancelled')],
    },
    choose_alternative: {
      from: ['risk_assessment', 'best_interests_determination', 'halted'],
      to: 'alternative_solution',
      side: 'requesting',
      roles: ['SUPERVISOR'],
      payload: [
        choice('solution', 'The alternative to return', ['local_integration', 'third_country']),
        text('reasons', 'Written reasons'),
      ],
    },
  },
  timers: {
    verify: {
      description:
        'The origin agency verifies nationality or permanent residence ("without undue or unreasonable delay")',
      duration: { days: 30 },
      source: 'Palermo Protocol Art. 8(3); the number is a configurable default, not a legal figure',
    },
    follow_up_3_months: {
      description: 'Follow-up at 3 months after return',
      duration: { months: 3 },
      source: FOLLOW_UP_SOURCE,
    },
    follow_up_6_months: {
      description: 'Follow-up at 6 months after return',
      duration: { months: 6 },
      source: FOLLOW_UP_SOURCE,
    },
    follow_up_12_months: {
      description: 'Follow-up at 12 months after return',
      duration: { months: 12 },
      source: FOLLOW_UP_SOURCE,
    },
  },
  refusalGrounds: [],
  notGrounds: [],
});
