import { choice, choices, confirmation, date, text } from '../payload';
import { defineWorkflow, type RefusalGround } from '../workflow-definition';

/** Refusal grounds for extradition (UNTOC Art. 16; European Convention on Extradition 1957; human rights law). */
export const EXTRADITION_REFUSAL_GROUNDS: readonly RefusalGround[] = [
  {
    code: 'no_dual_criminality',
    description: 'The offence is not punishable under the law of both States',
    source: 'UNTOC Art. 16(1)',
  },
  {
    code: 'treaty_conditions',
    description: 'Below the minimum penalty or another condition of domestic law or the applicable treaty',
    source: 'UNTOC Art. 16(7)',
  },
  {
    code: 'discriminatory_prosecution',
    description:
      'Substantial grounds to believe the request is made to prosecute or punish on account of sex, race, religion, nationality, ethnic origin or political opinions',
    source: 'UNTOC Art. 16(14)',
  },
  {
    code: 'political_offence',
    description: 'The offence is a political offence',
    source: 'European Convention on Extradition 1957, Art. 3',
  },
  {
    code: 'nationality',
    description:
      'The person is a national of the requested State: on request, the case goes to its prosecutors without undue delay (aut dedere aut judicare)',
    source: 'UNTOC Art. 16(10); European Convention on Extradition 1957, Art. 6',
  },
  {
    code: 'death_penalty',
    description: 'The offence carries the death penalty and sufficient assurances were not given',
    source: 'European Convention on Extradition 1957, Art. 11',
  },
  {
    code: 'torture_or_unfair_trial',
    description: 'A real risk of torture, inhuman treatment or a flagrantly unfair trial (non-refoulement)',
    source: 'Convention against Torture Art. 3; ECHR Arts. 3 and 6 (Soering v. United Kingdom, 1989)',
  },
  {
    code: 'ne_bis_in_idem',
    description: 'The person has already been finally judged for the same offence',
    source: 'European Convention on Extradition 1957, Art. 9',
  },
  {
    code: 'lapse_of_time',
    description: 'Prosecution or punishment is barred by lapse of time',
    source: 'European Convention on Extradition 1957, Art. 10',
  },
];

const reasons = text('reasons', 'Written reasons');
const assurances = text('assurances', 'The assurances (for example no death penalty, a fair trial)');

export const EXTRADITION_WORKFLOW = defineWorkflow({
  kind: 'extradition',
  initial: 'draft',
  states: {
    draft: { description: 'Being written by the requesting agency', internal: true },
    under_review: { description: "Awaiting the requesting central authority's approval", internal: true },
    provisional_arrest_requested: { description: 'Provisional arrest asked for ahead of the formal request' },
    person_in_custody: { description: 'Provisionally arrested; the formal request is awaited' },
    transmitted: { description: 'The formal request is sent; awaiting acknowledgement' },
    received: { description: 'Acknowledged by the requested agency' },
    judicial_proceedings: { description: 'Before the courts of the requested State' },
    executive_decision: { description: 'Awaiting the executive decision of the requested central authority' },
    awaiting_assurances: { description: 'Assurances asked of the requesting side' },
    surrender_scheduled: { description: 'Extradition granted; surrender arranged' },
    surrendered: { description: 'The person has been surrendered' },
    closed: { description: 'Closed; the rule of speciality noted', final: true },
    refused: { description: 'Extradition refused', final: true },
    released: { description: 'Released: the formal request did not arrive in time', final: true },
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
      source: 'UNTOC Art. 16(1), (7); Art. 18(15)',
    },
    return_for_amendment: {
      from: ['under_review'],
      to: 'draft',
      side: 'requesting',
      roles: ['SUPERVISOR'],
      payload: [text('reason', 'The reason for returning the request')],
      outcome: true,
    },
    approve: { from: ['under_review'], to: 'transmitted', side: 'requesting', roles: ['SUPERVISOR'] },
    request_provisional_arrest: {
      from: ['draft', 'under_review'],
      to: 'provisional_arrest_requested',
      side: 'requesting',
      roles: ['SUPERVISOR'],
      guards: ['urgent'],
      payload: [text('warrantReference', 'The arrest warrant or judgment')],
      source: 'UNTOC Art. 16(9); European Convention on Extradition 1957, Art. 16(1)-(2)',
    },
    report_arrest: {
      from: ['provisional_arrest_requested'],
      to: 'person_in_custody',
      side: 'requested',
      roles: ['OFFICER'],
      payload: [date('arrestedOn', 'The date of the arrest', 'not_future')],
      timers: { start: ['formal_request', 'decide'], anchor: 'arrestedOn' },
    },
    transmit_formal_request: {
      from: ['person_in_custody'],
      to: 'transmitted',
      side: 'requesting',
      roles: ['SUPERVISOR'],
      guards: ['request_complete'],
      timers: { stop: ['formal_request'] },
    },
    release: {
      from: ['person_in_custody'],
      to: 'released',
      side: 'requested',
      roles: ['SUPERVISOR'],
      payload: [text('reason', 'Why the person is released')],
      source: 'European Convention on Extradition 1957, Art. 16(4)',
    },
    acknowledge: { from: ['transmitted'], to: 'received', side: 'requested', roles: ['OFFICER'] },
    refer_to_court: {
      from: ['received'],
      to: 'judicial_proceedings',
      side: 'requested',
      roles: ['OFFICER'],
      // Without a provisional arrest the decision clock starts here; after one it keeps running from the arrest.
      timers: { start: ['decide'] },
      note: 'Proceedings are expedited',
      source: 'UNTOC Art. 16(8)',
    },
    record_consent: {
      from: ['judicial_proceedings'],
      to: 'executive_decision',
      side: 'requested',
      roles: ['OFFICER'],
      payload: [date('consentedOn', 'The date the person consented to surrender', 'not_future')],
      timers: { stop: ['decide'], start: ['decide_after_consent'], anchor: 'consentedOn' },
      note: 'Simplified surrender',
      source: 'Framework Decision 2002/584/JHA Arts. 13, 17(2)',
    },
    record_court_decision: {
      from: ['judicial_proceedings'],
      to: {
        branches: [
          { when: { payload: 'decision', equals: 'not_extraditable' }, to: 'refused', label: 'not extraditable' },
        ],
        otherwise: 'executive_decision',
        otherwiseLabel: 'extraditable',
      },
      side: 'requested',
      roles: ['OFFICER'],
      payload: [choice('decision', "The court's decision", ['extraditable', 'not_extraditable']), reasons],
    },
    request_assurances: {
      from: ['executive_decision'],
      to: 'awaiting_assurances',
      side: 'requested',
      roles: ['SUPERVISOR'],
      payload: [assurances],
    },
    provide_assurances: {
      from: ['awaiting_assurances'],
      to: 'executive_decision',
      side: 'requesting',
      roles: ['SUPERVISOR'],
      payload: [assurances],
    },
    grant: {
      from: ['executive_decision'],
      to: 'surrender_scheduled',
      side: 'requested',
      roles: ['SUPERVISOR'],
      payload: [
        date('surrenderDate', 'The date of surrender', 'not_past'),
        text('surrenderPlace', 'The place of surrender'),
      ],
      timers: { stop: ['decide', 'decide_after_consent'], start: ['surrender'] },
      outcome: true,
    },
    refuse: {
      destructive: true,
      from: ['executive_decision'],
      to: 'refused',
      side: 'requested',
      roles: ['SUPERVISOR'],
      payload: [
        choices(
          'grounds',
          'At least one refusal ground',
          EXTRADITION_REFUSAL_GROUNDS.map((ground) => ground.code),
        ),
        reasons,
        confirmation('consulted', 'Consultation of the requesting side beforehand (UNTOC Art. 16(16))'),
      ],
      effects: [{ type: 'offer_domestic_prosecution', whenGround: 'nationality', source: 'UNTOC Art. 16(10)' }],
      source: 'UNTOC Art. 16(16)',
    },
    confirm_surrender: {
      from: ['surrender_scheduled'],
      to: 'surrendered',
      side: 'requested',
      roles: ['OFFICER'],
      payload: [date('surrenderedOn', 'The date of surrender', 'not_future')],
      timers: { stop: ['surrender'] },
      outcome: true,
    },
    close: {
      from: ['surrendered'],
      to: 'closed',
      side: 'requesting',
      roles: ['OFFICER'],
      payload: [confirmation('specialityNoted', 'The rule of speciality noted')],
      source: 'European Convention on Extradition 1957, Art. 14',
    },
    withdraw: {
      destructive: true,
      from: 'any_non_final',
      to: 'withdrawn',
      side: 'requesting',
      roles: ['SUPERVISOR'],
      payload: [text('reason', 'Why extradition is no longer sought')],
    },
  },
  timers: {
    formal_request: {
      description: 'The requesting side sends the formal request after a provisional arrest (may end after 18 days)',
      duration: { days: 40 },
      source: 'European Convention on Extradition 1957, Art. 16(4)',
    },
    decide: {
      description: 'The final decision on extradition, from the arrest (extendable by 30 days, Art. 17(4))',
      duration: { days: 60 },
      source: 'Framework Decision 2002/584/JHA Art. 17(3)',
    },
    decide_after_consent: {
      description: 'The final decision after the person consented to surrender',
      duration: { days: 10 },
      source: 'Framework Decision 2002/584/JHA Art. 17(2)',
    },
    surrender: {
      description: 'Surrender after the final decision',
      duration: { days: 10 },
      source: 'Framework Decision 2002/584/JHA Art. 23(2)',
    },
  },
  refusalGrounds: EXTRADITION_REFUSAL_GROUNDS,
  notGrounds: [
    { description: 'The offence is considered to involve fiscal matters alone', source: 'UNTOC Art. 16(15)' },
  ],
});
