import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { leafHash, verifyExportFile, verifyInclusion, type CheckpointBuilder } from '@liaison/audit';
import type { Agency, User } from '@liaison/data';
import { createAgency, createRequest, createUser } from '@liaison/testing';
import { startApi, type ApiHarness } from './support/api-harness';
import { appendSyntheticEntries, asRogueSuperuser, startCheckpointBuilder } from './support/audit-trail-fixtures';

const run = promisify(execFile);

/** The auditors' API: scoped reading, checkpoints and proofs, server-side verification, and export → offline CLI. */
describe('auditor API (e2e)', () => {
  let api: ApiHarness;
  let checkpoints: { builder: CheckpointBuilder; close: () => Promise<void> };
  let india: Agency;
  let nepal: Agency;
  let thailand: Agency;
  let users: Record<
    'indiaAuditor' | 'nepalAuditor' | 'thaiAuditor' | 'indiaOfficer' | 'thaiOfficer' | 'operator',
    User
  >;
  const tokens: Record<string, string> = {};
  let requestId: string;
  const dir = mkdtempSync(join(tmpdir(), 'liaison-audit-e2e-'));

  beforeAll(async () => {
    api = await startApi();
    checkpoints = await startCheckpointBuilder(api.environment);
    const em = api.em();
    india = await createAgency(em, { name: 'CBI', country: 'IN' });
    nepal = await createAgency(em, { name: 'Nepal Police', country: 'NP' });
    thailand = await createAgency(em, { name: 'Royal Thai Police', country: 'TH' });
    users = {
      indiaAuditor: await createUser(em, india, { roles: ['AUDITOR'] }),
      nepalAuditor: await createUser(em, nepal, { roles: ['AUDITOR'] }),
      thaiAuditor: await createUser(em, thailand, { roles: ['AUDITOR'] }),
      indiaOfficer: await createUser(em, india, { roles: ['OFFICER'] }),
      thaiOfficer: await createUser(em, thailand, { roles: ['OFFICER', 'SUPERVISOR'] }),
      operator: await createUser(em, india, { roles: ['ADMIN'], platformAdmin: true }),
    };
    for (const [name, user] of Object.entries(users)) tokens[name] = await api.login(user.email);
    // transmitted: the other party's auditors see a request's stream once it has left the requesting side
    const request = await createRequest(em, {
      requesting: india,
      requested: nepal,
      createdBy: users.indiaOfficer,
      state: 'transmitted',
    });
    requestId = request.id;
    await appendSyntheticEntries(api.em(), [`request:${requestId}`, `agency:${thailand.id}`, 'system'], 10_500);
  });

  afterAll(async () => {
    await checkpoints.close();
    await api.close();
  });

  const get = (who: string, path: string) => api.http().get(path).auth(tokens[who], { type: 'bearer' });
  const post = (who: string, path: string, body: object) =>
    api.http().post(path).auth(tokens[who], { type: 'bearer' }).send(body);

  it('keeps the trail from non-auditors', async () => {
    await get('indiaOfficer', '/v1/audit/entries').expect(403);
    await get('indiaOfficer', `/v1/requests/${requestId}/trail`).expect(403);
  });

  it('answers 404 for the trail of a request the caller may not see, as for any other of its routes', async () => {
    await get('thaiOfficer', `/v1/requests/${requestId}/trail`).expect(404);
    await get('thaiOfficer', `/v1/requests/${requestId}`).expect(404);
    await get('thaiOfficer', `/v1/requests/00000000-0000-7000-8000-000000000000/trail`).expect(404);
  });

  it('shows auditors their agency and the requests it is a party to, and nothing else', async () => {
    const request = await get('nepalAuditor', `/v1/audit/entries?requestId=${requestId}&limit=5`).expect(200);
    expect(request.body.items).toHaveLength(5);
    expect(request.body.items.map((entry: { seq: number }) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(request.body.nextCursor).toBe(request.body.items[4].id);
    const next = await get(
      'nepalAuditor',
      `/v1/audit/entries?requestId=${requestId}&limit=5&cursor=${request.body.nextCursor}`,
    ).expect(200);
    expect(next.body.items[0].seq).toBe(6);
    const foreign = await get('thaiAuditor', `/v1/audit/entries?requestId=${requestId}`).expect(200);
    expect(foreign.body.items).toEqual([]);
    await get('thaiAuditor', `/v1/requests/${requestId}/trail`).expect(404);
    const own = await get(
      'thaiAuditor',
      `/v1/audit/entries?stream=agency:${thailand.id}&action=test.synthetic&limit=3`,
    ).expect(200);
    expect(own.body.items).toHaveLength(3);
    const logins = await get(
      'indiaAuditor',
      `/v1/audit/entries?action=auth.login&actorUserId=${users.indiaOfficer.id}`,
    ).expect(200);
    expect(logins.body.items).toEqual([
      expect.objectContaining({ stream: `agency:${india.id}`, actorAgencyId: india.id }),
    ]);
    const none = await get(
      'indiaAuditor',
      `/v1/audit/entries?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z`,
    ).expect(200);
    expect(none.body.items).toEqual([]);
    await get('indiaAuditor', '/v1/audit/entries?from=yesterday').expect(400);
  });

  it('answers a request trail in sequence order', async () => {
    const trail = await get('indiaAuditor', `/v1/requests/${requestId}/trail`).expect(200);
    expect(trail.body).toHaveLength(3500);
    expect(trail.body[1].prevHash).toBe(trail.body[0].hash);
    expect(trail.body[0].checkpoint).toBeNull();
  });

  it('signs checkpoints and proves inclusion against them', async () => {
    const [entry] = (await get('nepalAuditor', `/v1/audit/entries?requestId=${requestId}&limit=1`).expect(200)).body
      .items;
    await get('nepalAuditor', `/v1/audit/entries/${entry.id}/proof`).expect(409);
    const built = await checkpoints.builder.buildPending();
    expect(built.length).toBeGreaterThanOrEqual(1);
    expect(await checkpoints.builder.buildNext()).toBeNull(); // nothing new
    const list = await get('nepalAuditor', '/v1/audit/checkpoints').expect(200);
    expect(list.body.items[0]).toMatchObject({
      seq: 1,
      format: 'liaison-audit-checkpoint/1',
      previousHash: '0'.repeat(64),
    });
    const latest = await get('nepalAuditor', '/v1/audit/checkpoints?order=desc&limit=1').expect(200);
    expect(latest.body.items[0].seq).toBe(Math.max(...list.body.items.map((item: { seq: number }) => item.seq)));
    await get('nepalAuditor', '/v1/audit/checkpoints?order=sideways').expect(400);
    const proof = (await get('nepalAuditor', `/v1/audit/entries/${entry.id}/proof`).expect(200)).body;
    const leaf = leafHash(Buffer.from(entry.hash, 'hex'));
    expect(proof.leafHash).toBe(leaf.toString('hex'));
    const path = proof.auditPath.map((hash: string) => Buffer.from(hash, 'hex'));
    expect(
      verifyInclusion(proof.leafIndex, proof.treeSize, leaf, path, Buffer.from(proof.checkpoint.rootHash, 'hex')),
    ).toBe(true);
    await get('thaiAuditor', `/v1/audit/entries/${entry.id}/proof`).expect(404);
    const key = await get('thaiAuditor', '/v1/audit/public-key').expect(200);
    expect(key.body).toMatchObject({ algorithm: 'Ed25519', keyId: proof.checkpoint.keyId });
  });

  it('exports ≥ 10,000 entries that the offline CLI verifies, and catches a flipped byte, a dropped line and a swapped pair', async () => {
    const exported = await get('operator', '/v1/audit/export')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/jsonl/);
    const lines = (exported.body as string).trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(10_500);
    const file = join(dir, 'export.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const key = (await get('operator', '/v1/audit/public-key').expect(200)).body;
    writeFileSync(join(dir, 'key.json'), JSON.stringify(key));
    writeFileSync(join(dir, 'key.pem'), key.publicKeyPem);

    const cli = resolve(__dirname, '../../libs/audit/src/cli/liaison-audit.cjs');
    const clean = await run(process.execPath, [cli, 'verify', file, '--public-key', join(dir, 'key.pem')]);
    expect(clean.stdout).toMatch(/^VERIFIED: \d+ entries/);

    const entryAt = lines.findIndex((line, i) => i > 5000 && line.startsWith('{"type":"entry","checkpoint":1'));
    const victim = (JSON.parse(lines[entryAt]) as { entry: { id: string } }).entry.id;
    const tampered = (change: (copy: string[]) => void) => {
      const copy = [...lines];
      change(copy);
      const path = join(dir, `tampered-${Math.random()}.jsonl`);
      writeFileSync(path, `${copy.join('\n')}\n`);
      return verifyExportFile(path, readFileSync(join(dir, 'key.json'), 'utf8'));
    };
    const flipped = await tampered((copy) => {
      const at = copy[entryAt].indexOf('test.synthetic') + 2;
      copy[entryAt] = copy[entryAt].slice(0, at) + 'X' + copy[entryAt].slice(at + 1);
    });
    expect(flipped.failure).toMatchObject({ line: entryAt + 1, entryId: victim });
    const dropped = await tampered((copy) => copy.splice(entryAt, 1));
    expect(dropped.ok).toBe(false);
    expect(dropped.failure?.reason).toMatch(/expected leaf|missing|dropped/);
    const swapped = await tampered((copy) => ([copy[entryAt], copy[entryAt + 1]] = [copy[entryAt + 1], copy[entryAt]]));
    expect(swapped.ok).toBe(false);
    await expect(
      run(process.execPath, [cli, 'verify', file.replace('export', 'missing'), '--public-key', join(dir, 'key.pem')]),
    ).rejects.toBeTruthy();
  }, 120_000);

  it('exports only the streams an agency auditor sees, each entry with its proof', async () => {
    const exported = await get('thaiAuditor', '/v1/audit/export')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      });
    const file = join(dir, 'partial.jsonl');
    writeFileSync(file, exported.body as string);
    const report = await verifyExportFile(file, readFileSync(join(dir, 'key.pem'), 'utf8'));
    expect(report).toMatchObject({ ok: true, streams: 1 });
    expect(report.entries).toBeGreaterThanOrEqual(3500);
    expect(exported.body as string).not.toContain(`request:${requestId}`);
  });

  it('verifies a clean trail, then finds what a superuser altered: the first bad entry, and the checkpoint', async () => {
    const clean = await post('operator', '/v1/audit/verify', {}).expect(200);
    expect(clean.body).toMatchObject({ ok: true, firstBrokenLink: null, firstBadCheckpoint: null });
    expect(clean.body.entriesChecked).toBeGreaterThan(10_500);
    const [tenth] = (
      await get('operator', `/v1/audit/entries?requestId=${requestId}&limit=1&cursor=${await idOfSeq(9)}`)
    ).body.items;
    await asRogueSuperuser(
      api.environment.ownerDatabaseUrl,
      `update audit_event set data = '{"n": -1}' where id = $1`,
      [tenth.id],
    );
    const broken = await post('operator', '/v1/audit/verify', {}).expect(200);
    expect(broken.body.ok).toBe(false);
    expect(broken.body.firstBrokenLink).toEqual({
      problem: 'hash',
      entryId: tenth.id,
      stream: `request:${requestId}`,
      seq: 10,
    });
    const scoped = await post('nepalAuditor', '/v1/audit/verify', { stream: `request:${requestId}` }).expect(200);
    expect(scoped.body.firstBrokenLink).toMatchObject({ entryId: tenth.id });
    await asRogueSuperuser(
      api.environment.ownerDatabaseUrl,
      `update audit_checkpoint set root_hash = $1 where seq = 1`,
      ['f'.repeat(64)],
    );
    const badCheckpoint = await post('operator', '/v1/audit/verify', { fromCheckpoint: 1, toCheckpoint: 1 }).expect(
      200,
    );
    expect(badCheckpoint.body.firstBadCheckpoint).toMatchObject({ seq: 1, problem: 'signature' });
  });

  async function idOfSeq(seq: number): Promise<string> {
    const trail = (await get('operator', `/v1/requests/${requestId}/trail`).expect(200)).body as {
      id: string;
      seq: number;
    }[];
    return trail.find((entry) => entry.seq === seq)?.id as string;
  }
});
