import { choices, confirmation, date, reference, references, text } from '../payload';
import { defineWorkflow, type RefusalGround } from '../workflow-definition';

/** Refusal grounds for mutual legal assistance (UNTOC Art. 18(21), 18(9)). */
export const MLA_REFUSAL_GROUNDS: readonly RefusalGround[] = [
  {
    code: 'not_in_conformity',
    description: 'The request is not made in conformity with Article 18',
    source: 'UNTOC Art. 18(21)(a)',
  },
  {
    code: 'essential_interests',
    description: 'Execution is likely to prejudice sovereignty, security, ordre public or other essential interests',
    source: 'UNTOC Art. 18(21)(b)',
  },
  {
    code: 'domestic_law_prohibits',
    description: 'Domestic law would prohibit the action requested for a similar offence under its own proceedings',
    source: 'UNTOC Art. 18(21)(c)',
  },
  {
    code: 'contrary_to_legal_system',
    description:
      "Granting the request would be contrary to the requested State's legal system on mutual legal assistance",
    source: 'UNTOC Art. 18(21)(d)',
  },
  {
    code: 'no_dual_criminality',
    description: 'Absence of dual criminality, where the requested State applies it',
    source: 'UNTOC Art. 18(9)',
  },
];

const reasons = text('reasons', 'Written reasons');
const consulted = confirmation('consulted', 'Consultation of the requesting side beforehand (UNTOC Art. 18(26))');
const results = references('attachmentIds', 'The attached results');

export const MLA_WORKFLOW = defineWorkflow({
  kind: 'mla',
  initial: 'draft',
  states: {
    draft: { description: 'Being written by the requesting agency', internal: true },
    under_review: { description: "Awaiting the requesting central authority's approval", internal: true },
    transmitted: { description: 'Sent; awaiting acknowledgement by the requested agency' },
    received: { description: 'Acknowledged; awaiting the decision on recognition' },
    in_execution: { description: 'Accepted and being carried out' },
    awaiting_information: { description: 'Execution waits for information from the requesting side' },
    postponed: { description: 'Postponed because it would interfere with ongoing proceedings' },
    executed: { description: 'Carried out; results sent' },
    closed: { description: 'Receipt of the results confirmed', final: true },
    refused: { description: 'Refused on stated grounds', final: true },
    withdrawn: { description: 'Withdrawn by the requesting side', final: true },
  },
  events: {
    submit: {
      from: ['draft'],
      to: 'under_review',
      side: 'requesting',
      roles: ['OFFICER'],
      guards: ['request_complete'],
      warnings: ['request_language'],
      source: 'UNTOC Art. 18(15)',
    },
    return_for_amendment: {
      from: ['under_review'],
      to: 'draft',
      side: 'requesting',
      roles: ['SUPERVISOR'],
      payload: [text('reason', 'The reason for returning the request')],
      outcome: true,
    },
    approve: {
      from: ['under_review'],
      to: 'transmitted',
      side: 'requesting',
      roles: ['SUPERVISOR'],
      timers: { start: ['acknowledge'] },
      source: 'UNTOC Art. 18(13)',
    },
    acknowledge: {
      from: ['transmitted'],
      to: 'received',
      side: 'requested',
      roles: ['OFFICER'],
      timers: { stop: ['acknowledge'], start: ['decide'] },
    },
    accept: {
      from: ['received'],
      to: 'in_execution',
      side: 'requested',
      roles: ['SUPERVISOR'],
      timers: { stop: ['decide'], start: ['execute'] },
    },
    forward: {
      from: ['received'],
      to: 'received',
      side: 'requested',
      roles: ['SUPERVISOR'],
      payload: [
        reference('competentAgencyId', 'The competent agency'),
        text('reason', 'Why that agency is competent', true),
      ],
      timers: { restart: ['decide'] },
      effects: [
        {
          type: 'reassign_requested_agency',
          agencyField: 'competentAgencyId',
          source: 'Directive 2014/41/EU Art. 7(6)',
        },
      ],
      note: 'Sent to the wrong authority: the competent one receives it and the decide clock restarts',
      source: 'Directive 2014/41/EU Art. 7(6)',
    },
    request_information: {
      from: ['received', 'in_execution'],
      to: 'awaiting_information',
      side: 'requested',
      roles: ['OFFICER', 'SUPERVISOR'],
      payload: [text('information', 'The information needed')],
      timers: { pause: ['execute'] },
      source: 'UNTOC Art. 18(16)',
    },
    provide_information: {
      from: ['awaiting_information'],
      to: { previous: true },
      side: 'requesting',
      roles: ['OFFICER'],
      payload: [text('information', 'The information provided'), references('attachmentIds', 'Attachments', true)],
      timers: { resume: ['execute'] },
    },
    postpone: {
      from: ['received', 'in_execution'],
      to: 'postponed',
      side: 'requested',
      roles: ['SUPERVISOR'],
      payload: [
        date('until', 'The date postponed until', 'future'),
        text('reason', 'The proceedings it would interfere with'),
        consulted,
      ],
      // The requested side is lawfully not acting, so its clocks do not run while postponed.
      timers: { pause: ['decide', 'execute'] },
      source: 'UNTOC Art. 18(25), (26)',
    },
    resume: {
      from: ['postponed'],
      to: 'in_execution',
      side: 'requested',
      roles: ['SUPERVISOR'],
      timers: { stop: ['decide'], resume: ['execute'], start: ['execute'] },
    },
    transmit_partial_results: {
      from: ['in_execution'],
      to: 'in_execution',
      side: 'requested',
      roles: ['OFFICER'],
      payload: [results],
    },
    complete: {
      from: ['in_execution'],
      to: 'executed',
      side: 'requested',
      roles: ['OFFICER'],
      payload: [results],
      timers: { stop: ['execute'] },
      outcome: true,
    },
    close: {
      from: ['executed'],
      to: 'closed',
      side: 'requesting',
      roles: ['OFFICER'],
      payload: [confirmation('receiptConfirmed', 'Receipt of the results')],
    },
    refuse: {
      destructive: true,
      from: ['received', 'in_execution', 'postponed'],
      to: 'refused',
      side: 'requested',
      roles: ['SUPERVISOR'],
      payload: [
        choices(
          'grounds',
          'At least one refusal ground (UNTOC Art. 18(21))',
          MLA_REFUSAL_GROUNDS.map((ground) => ground.code),
        ),
        reasons,
        consulted,
      ],
      source: 'UNTOC Art. 18(21), (23), (26)',
    },
    withdraw: {
      destructive: true,
      from: 'any_non_final',
      to: 'withdrawn',
      side: 'requesting',
      roles: ['SUPERVISOR'],
      payload: [text('reason', 'Why the assistance is no longer required')],
      source: 'UNTOC Art. 18(24)',
    },
  },
  timers: {
    acknowledge: {
      description: 'The requested agency acknowledges receipt',
      duration: { days: 7 },
      source: 'Directive 2014/41/EU Art. 16(1), Annex B',
    },
    decide: {
      description: 'The requested agency decides on recognition (extendable once by 30 days with notice, Art. 12(5))',
      duration: { days: 30 },
      source: 'Directive 2014/41/EU Art. 12(3)',
      cappedBySuggestedDeadline: true,
    },
    execute: {
      description: 'The requested agency carries out the request',
      duration: { days: 90 },
      source: 'Directive 2014/41/EU Art. 12(4)',
      cappedBySuggestedDeadline: true,
    },
  },
  refusalGrounds: MLA_REFUSAL_GROUNDS,
  notGrounds: [
    { description: 'Bank secrecy', source: 'UNTOC Art. 18(8)' },
    { description: 'The offence is considered to involve fiscal matters alone', source: 'UNTOC Art. 18(22)' },
  ],
});
