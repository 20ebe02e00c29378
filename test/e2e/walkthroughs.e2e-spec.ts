import { AuditEventSchema, OutboxMessageSchema, type Agency } from '@liaison/data';
import type { Role } from '@liaison/domain';
import { createAgency, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';
import { isoDate, liaisonClient } from './support/liaison-client';
import { COMPLETE_MLA_CONTENT } from './support/mla-draft';

type Step = [who: string, event: string, payload: object, expectedState: string];

/**
 * Each kind walked from draft to its final states through HTTP by officers and supervisors of two agencies,
 * checking at every step that the event was offered (allowedEvents), and at the end the history and the trail.
 */
describe('workflow walk-throughs (e2e)', () => {
  let api: ApiHarness;
  let client: ReturnType<typeof liaisonClient>;
  const agencies: Record<string, Agency> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi({ ATTACHMENTS_DIR: `/tmp/liaison-walkthrough-${process.pid}` });
    const em = api.em();
    const define = async (key: string, name: string, country: string) => {
      agencies[key] = await createAgency(em, { name, country });
      for (const role of ['OFFICER', 'SUPERVISOR'] as Role[]) {
        const user = await createUser(em, agencies[key], { roles: [role] });
        tokens[`${key}${role === 'OFFICER' ? 'Officer' : 'Supervisor'}`] = await api.login(user.email);
      }
    };
    await define('in', 'Central Bureau of Investigation', 'IN');
    await define('np', 'Nepal Police', 'NP');
    await define('oag', 'Office of the Attorney General', 'NP');
    await define('th', 'Royal Thai Police', 'TH');
    await define('mm', 'Department of Social Welfare', 'MM');
    client = liaisonClient(api, tokens);
  });

  afterAll(() => api.close());

  async function walk(requestId: string, steps: Step[]): Promise<void> {
    for (const [who, event, payload, expected] of steps) {
      const before = await client.get(who, requestId).expect(200);
      expect({ who, event, offered: before.body.allowedEvents.includes(event) }).toEqual({ who, event, offered: true });
      const after = await client.send(who, requestId, event, payload);
      expect({ event, status: after.status, body: after.status === 200 ? undefined : after.body }).toEqual({
        event,
        status: 200,
        body: undefined,
      });
      expect({ event, state: after.body.state }).toEqual({ event, state: expected });
    }
  }

  async function expectRecorded(requestId: string, events: string[], reader = 'inOfficer'): Promise<void> {
    const history = await client.history(reader, requestId).expect(200);
    const rows = history.body.items ?? history.body;
    expect(rows.map((row: { event: string }) => row.event)).toEqual(events);
    const trail = await api
      .em()
      .find(
        AuditEventSchema,
        { stream: `request:${requestId}`, action: 'request.transition' },
        { orderBy: { seq: 'asc' } },
      );
    expect(trail.map((entry) => entry.data['event'])).toEqual(events);
  }

  async function fileMla(title: string, requested: Agency): Promise<string> {
    const response = await client
      .file('inOfficer', {
        kind: 'mla',
        requestedAgencyId: requested.id,
        legalBasis: 'untoc',
        urgency: 'normal',
        language: 'en',
        handlingCode: 'H0',
        title,
        content: COMPLETE_MLA_CONTENT,
      })
      .expect(201);
    expect(response.body).toMatchObject({ state: 'draft', reference: expect.stringMatching(/^MLA-\d{4}-\d{6}$/) });
    return response.body.id;
  }

  const toReceived: Step[] = [
    ['inOfficer', 'submit', {}, 'under_review'],
    ['inSupervisor', 'approve', {}, 'transmitted'],
    ['npOfficer', 'acknowledge', {}, 'received'],
  ];

  it('MLA: draft to closed, with information requested and partial results', async () => {
    const id = await fileMla('Bank records of a recruitment agency', agencies['np']);
    await walk(id, [...toReceived, ['npSupervisor', 'accept', {}, 'in_execution']]);
    await walk(id, [
      [
        'npOfficer',
        'request_information',
        { information: 'Which accounts, and for which period?' },
        'awaiting_information',
      ],
      ['inOfficer', 'provide_information', { information: 'Accounts opened in 2024 and 2025.' }, 'in_execution'],
    ]);
    const partial = await client.attach('npOfficer', id, 'statement-2024.txt', 'first statements').expect(201);
    await walk(id, [['npOfficer', 'transmit_partial_results', { attachmentIds: [partial.body.id] }, 'in_execution']]);
    const results = await client.attach('npOfficer', id, 'statement-2025.txt', 'remaining statements').expect(201);
    await walk(id, [
      ['npOfficer', 'complete', { attachmentIds: [results.body.id] }, 'executed'],
      ['inOfficer', 'close', { receiptConfirmed: true }, 'closed'],
    ]);
    const closed = await client.get('npSupervisor', id).expect(200);
    expect(closed.body.allowedEvents).toEqual([]);
    await expectRecorded(id, [
      'submit',
      'approve',
      'acknowledge',
      'accept',
      'request_information',
      'provide_information',
      'transmit_partial_results',
      'complete',
      'close',
    ]);
  });

  it('MLA: refused on a ground of Art. 18(21), with reasons', async () => {
    const id = await fileMla('Interception of communications', agencies['np']);
    await walk(id, toReceived.slice(0, 2));
    const early = await client.send('npSupervisor', id, 'refuse', {}).expect(422); // transmitted, not yet received
    expect(early.body.reason).toBe('WRONG_STATE');
    await walk(id, toReceived.slice(2));
    const noGrounds = await client.send('npSupervisor', id, 'refuse', { reasons: 'No.', consulted: true }).expect(422);
    expect(noGrounds.body.reason).toBe('MISSING_PAYLOAD');
    const badGround = await client
      .send('npSupervisor', id, 'refuse', { grounds: ['bank_secrecy'], reasons: 'Secrecy.', consulted: true })
      .expect(422);
    expect(badGround.body.reason).toBe('INVALID_PAYLOAD');
    await walk(id, [
      [
        'npSupervisor',
        'refuse',
        { grounds: ['essential_interests'], reasons: 'Would prejudice an ongoing national case.', consulted: true },
        'refused',
      ],
    ]);
    await expectRecorded(id, ['submit', 'approve', 'acknowledge', 'refuse']);
  });

  it('MLA: withdrawn by the requesting central authority', async () => {
    const id = await fileMla('Hearing of a witness', agencies['np']);
    await walk(id, [
      ['inOfficer', 'submit', {}, 'under_review'],
      ['inSupervisor', 'approve', {}, 'transmitted'],
      ['inSupervisor', 'withdraw', { reason: 'The accused has pleaded guilty.' }, 'withdrawn'],
    ]);
    await expectRecorded(id, ['submit', 'approve', 'withdraw']);
  });

  it('MLA: forwarded to the competent agency, which restarts the decide clock', async () => {
    const id = await fileMla('Freezing of proceeds', agencies['np']);
    await walk(id, toReceived);
    const before = await client.get('npOfficer', id).expect(200);
    const decideBefore = before.body.timers.find((timer: { name: string }) => timer.name === 'decide');
    await walk(id, [
      [
        'npSupervisor',
        'forward',
        { competentAgencyId: agencies['oag'].id, reason: 'Asset freezing is for the prosecutor.' },
        'received',
      ],
    ]);
    const forwarded = await client.get('oagSupervisor', id).expect(200);
    expect(forwarded.body.requestedAgency.id).toBe(agencies['oag'].id);
    const decideAfter = forwarded.body.timers.find((timer: { name: string }) => timer.name === 'decide');
    expect(decideAfter.status).toBe('running');
    expect(Date.parse(decideAfter.dueAt)).toBeGreaterThanOrEqual(Date.parse(decideBefore.dueAt));
    await client.get('npOfficer', id).expect(404); // the first agency no longer sees it
    await walk(id, [['oagSupervisor', 'accept', {}, 'in_execution']]);
    await expectRecorded(id, ['submit', 'approve', 'acknowledge', 'forward', 'accept']);
  });

  async function fileExtradition(title: string): Promise<string> {
    const response = await client
      .file('inOfficer', {
        kind: 'extradition',
        requestedAgencyId: agencies['np'].id,
        legalBasis: 'untoc',
        urgency: 'urgent',
        language: 'en',
        handlingCode: 'H1',
        title,
        content: {
          ...COMPLETE_MLA_CONTENT,
          assistanceSought: 'Surrender of the person sought for trial.',
          warrantOrJudgmentReference: 'Arrest warrant 112/2026, Special Judge CBI, New Delhi',
          offenceLegalText: 'Indian Penal Code s. 370 (trafficking of persons)',
          penalty: 'Rigorous imprisonment of 7 to 10 years and a fine',
        },
      })
      .expect(201);
    await client
      .addPerson('inOfficer', response.body.id, {
        role: 'suspect',
        gender: 'male',
        nationality: 'NP',
        identity: { names: ['Ram Bahadur Example'], dateOfBirth: '1980-02-01' },
      })
      .expect(201);
    return response.body.id;
  }

  const untilExecutiveDecision: Step[] = [
    ['inOfficer', 'submit', {}, 'under_review'],
    ['inSupervisor', 'approve', {}, 'transmitted'],
    ['npOfficer', 'acknowledge', {}, 'received'],
    ['npOfficer', 'refer_to_court', {}, 'judicial_proceedings'],
    [
      'npOfficer',
      'record_court_decision',
      { decision: 'extraditable', reasons: 'Dual criminality met.' },
      'executive_decision',
    ],
  ];

  it('extradition: provisional arrest, formal request, court, grant, surrender', async () => {
    const id = await fileExtradition('Surrender of a recruiter');
    await walk(id, [
      [
        'inSupervisor',
        'request_provisional_arrest',
        { warrantReference: 'Warrant 112/2026' },
        'provisional_arrest_requested',
      ],
      ['npOfficer', 'report_arrest', { arrestedOn: isoDate(0) }, 'person_in_custody'],
      ['inSupervisor', 'transmit_formal_request', {}, 'transmitted'],
      ['npOfficer', 'acknowledge', {}, 'received'],
      ['npOfficer', 'refer_to_court', {}, 'judicial_proceedings'],
      [
        'npOfficer',
        'record_court_decision',
        { decision: 'extraditable', reasons: 'All conditions met.' },
        'executive_decision',
      ],
      ['npSupervisor', 'request_assurances', { assurances: 'Fair trial and no death penalty.' }, 'awaiting_assurances'],
      [
        'inSupervisor',
        'provide_assurances',
        { assurances: 'Given by the Ministry of External Affairs.' },
        'executive_decision',
      ],
      [
        'npSupervisor',
        'grant',
        { surrenderDate: isoDate(5), surrenderPlace: 'Tribhuvan International Airport' },
        'surrender_scheduled',
      ],
      ['npOfficer', 'confirm_surrender', { surrenderedOn: isoDate(0) }, 'surrendered'],
      ['inOfficer', 'close', { specialityNoted: true }, 'closed'],
    ]);
    await expectRecorded(id, [
      'request_provisional_arrest',
      'report_arrest',
      'transmit_formal_request',
      'acknowledge',
      'refer_to_court',
      'record_court_decision',
      'request_assurances',
      'provide_assurances',
      'grant',
      'confirm_surrender',
      'close',
    ]);
  });

  it('extradition: refused for nationality, offering prosecution at home (aut dedere aut judicare)', async () => {
    const id = await fileExtradition('Surrender of a national');
    await walk(id, untilExecutiveDecision);
    await walk(id, [
      [
        'npSupervisor',
        'refuse',
        { grounds: ['nationality'], reasons: 'The Constitution bars surrender of nationals.', consulted: true },
        'refused',
      ],
    ]);
    const effects = await api.em().find(OutboxMessageSchema, { requestId: id, topic: 'offer_domestic_prosecution' });
    expect(effects).toHaveLength(1);
    expect(effects[0].payload).toMatchObject({
      event: 'refuse',
      to: 'refused',
      effect: { source: expect.stringContaining('16(10)') },
    });
    await expectRecorded(id, [...untilExecutiveDecision.map(([, event]) => event), 'refuse']);
  });

  async function fileRepatriation(title: string, minor: boolean): Promise<string> {
    const response = await client
      .file('thOfficer', {
        kind: 'repatriation',
        requestedAgencyId: agencies['mm'].id,
        legalBasis: 'palermo-protocol',
        urgency: 'normal',
        language: 'en',
        handlingCode: 'H2',
        title,
        content: {
          ...COMPLETE_MLA_CONTENT,
          requestingAuthority: 'Royal Thai Police, Anti-Trafficking in Persons Division',
          consentStatus: 'given',
          victimWishesToReturn: true,
          pendingProceedings: { exist: false },
        },
      })
      .expect(201);
    await client
      .addPerson('thOfficer', response.body.id, {
        role: 'victim',
        gender: 'female',
        nationality: 'MM',
        minor,
        identity: { names: ['Example Victim'] },
      })
      .expect(201);
    return response.body.id;
  }

  const toRiskAssessment: Step[] = [
    ['thOfficer', 'submit', {}, 'referred'],
    ['mmOfficer', 'acknowledge', {}, 'identity_verification'],
    ['mmOfficer', 'confirm_identity', { basis: 'nationality' }, 'risk_assessment'],
  ];

  it('repatriation of an adult: referral to reintegration and closure', async () => {
    const id = await fileRepatriation('Return of a fishing-vessel worker', false);
    await walk(id, [
      ...toRiskAssessment,
      ['thOfficer', 'record_assessment', { riskLevel: 'low', needsLevel: 'medium' }, 'travel_documents'],
      ['mmOfficer', 'issue_travel_documents', {}, 'consent'],
      ['thOfficer', 'record_consent', { informed: true, voluntary: true }, 'return_scheduled'],
      [
        'mmOfficer',
        'confirm_return',
        { returnedOn: isoDate(0), escort: 'IOM escort', reception: 'Shelter in Yangon' },
        'reintegration',
      ],
      ['mmOfficer', 'record_follow_up', { note: 'Three-month visit: in vocational training.' }, 'reintegration'],
      ['mmSupervisor', 'close', {}, 'closed'],
    ]);
    await expectRecorded(
      id,
      [
        'submit',
        'acknowledge',
        'confirm_identity',
        'record_assessment',
        'issue_travel_documents',
        'record_consent',
        'confirm_return',
        'record_follow_up',
        'close',
      ],
      'thOfficer',
    );
  });

  it('repatriation of a child: family tracing and best interests, ending in an alternative solution', async () => {
    const id = await fileRepatriation('Return of a child found in a garment workshop', true);
    await walk(id, [
      ...toRiskAssessment,
      ['thOfficer', 'record_assessment', { riskLevel: 'medium', needsLevel: 'high' }, 'family_tracing'],
      [
        'mmOfficer',
        'record_family_assessment',
        { guardianAppointed: true, familyTracing: 'family_unsuitable' },
        'best_interests_determination',
      ],
      [
        'thSupervisor',
        'record_best_interests',
        { outcome: 'no_return', reasons: 'The family was involved in the sale.' },
        'alternative_solution',
      ],
    ]);
    await expectRecorded(
      id,
      [
        'submit',
        'acknowledge',
        'confirm_identity',
        'record_assessment',
        'record_family_assessment',
        'record_best_interests',
      ],
      'mmOfficer',
    );
  });

  it("refuses a child's way to travel documents without a best-interests determination", async () => {
    const id = await fileRepatriation('Return of a child: attempted shortcut', true);
    await walk(id, [
      ...toRiskAssessment,
      ['thOfficer', 'record_assessment', { riskLevel: 'low', needsLevel: 'low' }, 'family_tracing'],
    ]);
    for (const [who, event, payload] of [
      ['mmOfficer', 'issue_travel_documents', {}],
      ['thOfficer', 'record_consent', { informed: true, voluntary: true }],
    ] as const) {
      const refused = await client.send(who, id, event, payload).expect(422);
      expect(refused.body.reason).toBe('WRONG_STATE');
    }
    const current = await client.get('mmOfficer', id).expect(200);
    expect(current.body.state).toBe('family_tracing');
    expect(current.body.allowedEvents).not.toContain('issue_travel_documents');
    const refusals = await api
      .em()
      .count(AuditEventSchema, { stream: `request:${id}`, action: 'request.transition_refused' });
    expect(refusals).toBe(2);
  });
});
