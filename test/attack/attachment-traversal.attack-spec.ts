import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ATTACHMENT_STORE, type AttachmentStore } from '@liaison/requests';
import { startApi, type ApiHarness } from '../e2e/support/api-harness';
import { buildAttackWorld, type AttackWorld } from './support/attack-world';
import { multipart } from './support/multipart';
import { isProblem, listen, rawClient, type RawClient } from './support/raw-http';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SECRET = 'the sentinel outside the store';

/** Path traversal on attachments: names are sanitised, bytes stay in the store, downloads cannot leave it. */
describe('path traversal on attachments (attack)', () => {
  let api: ApiHarness;
  let client: RawClient;
  let world: AttackWorld;
  let sandbox: string;
  let store: string;
  let token: string;

  beforeAll(async () => {
    sandbox = mkdtempSync(join(tmpdir(), 'liaison-traversal-'));
    store = join(sandbox, 'store');
    writeFileSync(join(sandbox, 'outside.txt'), SECRET);
    api = await startApi({ ATTACHMENTS_DIR: store, RATE_LIMIT_PER_MINUTE: '1000000' });
    client = rawClient(await listen(api), 4);
    world = await buildAttackWorld(api);
    token = world.tokens['own:officer'];
  });

  afterAll(async () => {
    client.close();
    await api.close();
    rmSync(sandbox, { recursive: true, force: true });
  });

  /** Every file under a folder, as paths relative to it. */
  function filesUnder(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((entry) => statSync(join(folder, entry)).isFile())
      .map((entry) => relative(folder, join(folder, entry)))
      .sort();
  }

  const upload = (fileName: string, path = `/v1/requests/${world.requestId}/attachments`) => {
    const form = multipart([
      { fileName, contentType: 'text/plain', content: `uploaded as ${JSON.stringify(fileName)}` },
    ]);
    return client.send({ method: 'POST', path, token, headers: { 'content-type': form.contentType }, body: form.body });
  };

  it('stores files under hostile names with the name sanitised and the bytes inside the store, as <request>/<attachment>', async () => {
    const names = [
      '../evil.txt',
      '../../evil.txt',
      '../../../../../../../../tmp/evil.txt',
      '..\\..\\evil.txt',
      '/etc/passwd',
      join(sandbox, 'evil.txt'),
      'C:\\Windows\\System32\\evil.txt',
      '\\\\server\\share\\evil.txt',
      '%2e%2e%2fevil.txt',
      '..%2fevil.txt',
      '..%c0%afevil.txt',
      '....//....//evil.txt',
      '.',
      '..',
      '...',
      'evil.txt\u0000.pdf',
      'report\u202etxt.exe',
      'a"; filename=evil.html',
      `${'x'.repeat(400)}.txt`,
    ];
    const stored: { name: string; fileName: string; id: string }[] = [];
    for (const name of names) {
      const response = await upload(name);
      // busboy drops a part whose name is `.`, `..` or has a NUL: then the file is missing, a 400
      if (response.status === 201) {
        const body = response.json<{ id: string; fileName: string }>();
        stored.push({ name, fileName: body.fileName, id: body.id });
      } else {
        expect({ name, status: response.status, problem: isProblem(response) }).toEqual({
          name,
          status: 400,
          problem: true,
        });
      }
    }
    for (const { name, fileName } of stored) {
      expect({ name, fileName, safe: isSafeName(fileName) }).toEqual({ name, fileName, safe: true });
    }
    const storedAs = Object.fromEntries(stored.map(({ name, fileName }) => [name, fileName]));
    expect(storedAs).toMatchObject({
      '../evil.txt': 'evil.txt',
      '..\\..\\evil.txt': 'evil.txt',
      '/etc/passwd': 'passwd',
      'C:\\Windows\\System32\\evil.txt': 'evil.txt',
      '....//....//evil.txt': 'evil.txt',
      '...': 'attachment',
      'a"; filename=evil.html': 'a; filename=evil.html',
    });
    expect(stored.length).toBeGreaterThanOrEqual(names.length - 4);
    expect(filesUnder(sandbox).filter((file) => !file.startsWith('store/'))).toEqual(['outside.txt']);
    for (const file of filesUnder(store)) expect(file).toMatch(new RegExp(`^${UUID}/${UUID}$`));
    for (const { id } of stored) expect(filesUnder(store)).toContain(`${world.requestId}/${id}`);
  });

  it('downloads each file by id with a Content-Disposition that cannot be split or point elsewhere', async () => {
    const response = await upload('../../naïve "quoted"; filename=evil.html\u202e.txt');
    expect(response.status).toBe(201);
    const { id } = response.json<{ id: string }>();
    const download = await client.send({
      method: 'GET',
      path: `/v1/requests/${world.requestId}/attachments/${id}/content`,
      token,
    });
    expect(download.status).toBe(200);
    expect(download.headers['set-cookie']).toBeUndefined();
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''[A-Za-z0-9%._~!*'()-]+$/);
    expect(download.text).toContain('uploaded as');
  });

  it('answers ids with traversal, encoded or absolute paths with 4xx problem+json and never a byte from outside', async () => {
    const base = `/v1/requests/${world.requestId}/attachments`;
    const paths = [
      `${base}/..%2F..%2Foutside.txt/content`,
      `${base}/..%2f..%2f..%2f..%2fetc%2fpasswd/content`,
      `${base}/%2e%2e%2f%2e%2e%2foutside.txt/content`,
      `${base}/%252e%252e%252foutside.txt/content`,
      `${base}/..%5C..%5Coutside.txt/content`,
      `${base}/%2Fetc%2Fpasswd/content`,
      `${base}/${encodeURIComponent(join(sandbox, 'outside.txt'))}/content`,
      `${base}/../../../../etc/passwd/content`,
      `${base}/..;/..;/outside.txt/content`,
      `${base}/${world.attachmentId}%00/content`,
      `${base}/${world.attachmentId}/..%2F..%2F..%2Foutside.txt`,
      `/v1/requests/..%2F..%2F${world.requestId}/attachments/${world.attachmentId}/content`,
      `/v1/requests/${world.requestId}%2F..%2F${world.otherRequestId}/attachments`,
    ];
    for (const path of paths) {
      const response = await client.send({ method: 'GET', path, token });
      expect({ path, status: response.status, problem: isProblem(response) }).toEqual({
        path,
        status: expect.any(Number),
        problem: true,
      });
      expect({ path, clientError: response.status >= 400 && response.status < 500 }).toEqual({
        path,
        clientError: true,
      });
      expect(response.text).not.toContain(SECRET);
      expect(response.text).not.toMatch(/root:.*:0:0:/);
    }
    const sideways = await upload(
      'x.txt',
      `/v1/requests/${world.requestId}%2F..%2F${world.otherRequestId}/attachments`,
    );
    expect(sideways.status).toBe(400);
  });

  it('keeps even its own keys inside the store (defence in depth below the ids it makes)', async () => {
    const attachments = api.app.get<AttachmentStore>(ATTACHMENT_STORE);
    for (const key of ['../escape.txt', '../../escape.txt', '', '.', 'a/../../escape.txt', '../store-sibling/x']) {
      await expect(attachments.put(key, Buffer.from('x'))).rejects.toThrow('outside the store');
    }
    await attachments.put(join(sandbox, 'absolute.txt'), Buffer.from('x')); // an absolute key nests under the root
    for (const key of ['../outside.txt', '../../../../etc/passwd']) {
      await expect(attachments.open(key)).rejects.toThrow('outside the store');
    }
    await expect(attachments.open(join(sandbox, 'outside.txt'))).rejects.toThrow('ENOENT'); // looked for in the store
    expect(filesUnder(sandbox).filter((file) => !file.startsWith('store/'))).toEqual(['outside.txt']);
  });
});

/** No separator, no control character, no quote, not a dot-only name. */
function isSafeName(name: string): boolean {
  const control = [...name].some((character) => character < ' ' || character === '\u007f');
  return name.length > 0 && name.length <= 255 && !control && !/[\\/"]/.test(name) && !/^\.*$/.test(name);
}
