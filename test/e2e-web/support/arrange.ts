import { COMPLETE_MLA_CONTENT } from '../../e2e/support/mla-draft';
import type { StackClient } from './stack-client';

/** Demo accounts of the seed (infra/launcher/demo-seed.ts): `<role>@<agency>.example`. */
export const DEMO = {
  inOfficer: 'officer@in-cbi.example',
  inSupervisor: 'supervisor@in-cbi.example',
  inAuditor: 'auditor@in-cbi.example',
  inAdmin: 'admin@in-cbi.example',
  npOfficer: 'officer@np-police.example',
  npSupervisor: 'supervisor@np-police.example',
  npAdmin: 'admin@np-police.example',
  thOfficer: 'officer@th-rtp.example',
  thSupervisor: 'supervisor@th-rtp.example',
  mmOfficer: 'officer@mm-dsw.example',
  mmSupervisor: 'supervisor@mm-dsw.example',
  platformAdmin: 'platform.admin@liaison.example',
} as const;

export interface Filed {
  id: string;
  reference: string;
  state: string;
}

interface AgencyView {
  id: string;
  name: string;
}

/** The demo agency of a country whose name starts with `name`. */
export async function agencyId(client: StackClient, country: string, name: string): Promise<string> {
  const agencies = await client.get<AgencyView[]>(DEMO.inOfficer, `/agencies?country=${country}`);
  const found = agencies.find((agency) => agency.name.startsWith(name));
  if (!found) throw new Error(`no demo agency "${name}" in ${country}`);
  return found.id;
}

/** A complete MLA draft (UNTOC 18(15)) filed by `officer` to `requestedAgencyId`. */
export function fileMla(
  client: StackClient,
  officer: string,
  requestedAgencyId: string,
  title: string,
): Promise<Filed> {
  return client.post<Filed>(officer, '/requests', {
    kind: 'mla',
    requestedAgencyId,
    legalBasis: 'untoc',
    urgency: 'normal',
    language: 'en',
    handlingCode: 'H1',
    title,
    content: COMPLETE_MLA_CONTENT,
  });
}

/** An extradition draft; only the fields a draft needs (completeness is checked at submission). */
export function fileExtradition(
  client: StackClient,
  officer: string,
  requestedAgencyId: string,
  title: string,
): Promise<Filed> {
  return client.post<Filed>(officer, '/requests', {
    kind: 'extradition',
    requestedAgencyId,
    legalBasis: 'untoc',
    urgency: 'normal',
    language: 'en',
    handlingCode: 'H1',
    title,
    content: {
      ...COMPLETE_MLA_CONTENT,
      assistanceSought: 'Surrender of the person sought for trial.',
      warrantOrJudgmentReference: 'Arrest warrant 112/2026',
      offenceLegalText: 'Trafficking of persons',
      penalty: 'Imprisonment of 7 to 10 years',
    },
  });
}

/** `POST /v1/requests/:id/transitions` as `who`; returns the request afterwards. */
export function transition(
  client: StackClient,
  who: string,
  requestId: string,
  event: string,
  payload: Record<string, unknown> = {},
): Promise<Filed> {
  return client.post<Filed>(who, `/requests/${requestId}/transitions`, { event, payload });
}

/** An MLA from India to Nepal, submitted and approved: `transmitted`, waiting for Nepal to acknowledge it. */
export async function transmittedMla(client: StackClient, title: string): Promise<Filed> {
  const nepal = await agencyId(client, 'NP', 'Nepal Police');
  const draft = await fileMla(client, DEMO.inOfficer, nepal, title);
  await transition(client, DEMO.inOfficer, draft.id, 'submit');
  return transition(client, DEMO.inSupervisor, draft.id, 'approve');
}

/** A task force led by India's CBI (its supervisor), with Nepal's and Thailand's supervisors, following `requestIds`. */
export async function taskForceFollowing(client: StackClient, name: string, requestIds: string[]): Promise<string> {
  const taskForce = await client.post<{ id: string }>(DEMO.inSupervisor, '/task-forces', {
    name,
    description: 'Recruitment agencies along the Raxaul crossing.',
  });
  for (const member of [DEMO.npSupervisor, DEMO.thSupervisor]) {
    const { id: userId } = await client.get<{ id: string }>(member, '/me');
    await client.post(DEMO.inSupervisor, `/task-forces/${taskForce.id}/members`, { userId });
  }
  for (const requestId of requestIds) {
    await client.post(DEMO.inSupervisor, `/task-forces/${taskForce.id}/requests`, { requestId });
  }
  return taskForce.id;
}

/**
 * A child found in Thailand, referred to Myanmar's Department of Social Welfare and taken as far as the
 * best-interests determination, which the Thai supervisor owes.
 */
export async function childAtBestInterests(client: StackClient, title: string): Promise<Filed> {
  const origin = await agencyId(client, 'MM', 'Department of Social Welfare');
  const filed = await client.post<Filed>(DEMO.thOfficer, '/requests', {
    kind: 'repatriation',
    requestedAgencyId: origin,
    legalBasis: 'palermo-protocol',
    urgency: 'normal',
    language: 'en',
    handlingCode: 'H2',
    title,
    content: {
      requestingAuthority: 'Royal Thai Police, Anti-Trafficking in Persons Division',
      subjectMatter: 'Trafficking of a child for labour exploitation',
      proceedingsNature: 'Victim protection and criminal investigation',
      conductingAuthority: 'Royal Thai Police, ATPD',
      summaryOfFacts: 'A child was found working in a garment workshop in Mae Sot.',
      assistanceSought: 'Safe return of the child to the family or an alternative care arrangement.',
      purpose: 'Return and reintegration of the child.',
      consentStatus: 'given',
      victimWishesToReturn: true,
      pendingProceedings: { exist: false },
    },
  });
  await client.post(DEMO.thOfficer, `/requests/${filed.id}/persons`, {
    role: 'victim',
    gender: 'female',
    nationality: 'MM',
    minor: true,
    identity: { names: ['Example Child'] },
  });
  await transition(client, DEMO.thOfficer, filed.id, 'submit');
  await transition(client, DEMO.mmOfficer, filed.id, 'acknowledge');
  await transition(client, DEMO.mmOfficer, filed.id, 'confirm_identity', { basis: 'nationality' });
  await transition(client, DEMO.thOfficer, filed.id, 'record_assessment', { riskLevel: 'low', needsLevel: 'medium' });
  return transition(client, DEMO.mmOfficer, filed.id, 'record_family_assessment', {
    guardianAppointed: true,
    familyTracing: 'family_suitable',
  });
}
