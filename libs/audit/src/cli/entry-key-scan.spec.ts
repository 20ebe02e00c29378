import { scanEntryKey, type EntryKey } from './entry-key-scan';

/** What the verifier's parsed path takes from an entry member (`JSON.parse`). */
function parsed(member: string): EntryKey | null {
  let fields: Partial<EntryKey> | null;
  try {
    fields = JSON.parse(member) as Partial<EntryKey> | null;
  } catch {
    return null;
  }
  if (typeof fields?.id !== 'string' || typeof fields.stream !== 'string' || !Number.isInteger(fields.seq)) return null;
  return { id: fields.id, stream: fields.stream, seq: fields.seq as number };
}

/** The scan of `member` as the verifier calls it: inside a line, the line's closing brace right after it. */
function scanned(member: string): EntryKey | null {
  const bytes = Buffer.from(`{"entry":${member}}\n{"next":1}`);
  const start = '{"entry":'.length;
  return scanEntryKey(bytes, start, start + Buffer.byteLength(member));
}

const CANONICAL =
  '{"action":"request.transition","actorAgencyId":null,"clientRequestId":"req-0","data":{"event":"submit",' +
  '"list":[1,-2.5,3e2,true,false,null,{},[]],"text":"é \\" \\\\ \\u00e9 \\n"},"id":"01a23ccd-69ad-7dda",' +
  '"occurredAt":"2026-05-28T20:26:40.000Z","seq":17,"stream":"request:0","subjectId":"0"}';

describe('reading the id, stream and sequence of an entry without JSON.parse', () => {
  it('reads a canonical entry', () => {
    expect(scanned(CANONICAL)).toEqual({ id: '01a23ccd-69ad-7dda', stream: 'request:0', seq: 17 });
  });

  it('never answers other than JSON.parse, for any one character changed', () => {
    const replacements = ['x', '0', '9', '-', '.', 'e', '"', '\\', ',', ':', '{', '}', '[', ']', ' ', 'é', '\n', 'u'];
    let read = 0;
    for (let at = 0; at < CANONICAL.length; at += 1) {
      for (const replacement of replacements) {
        const member = CANONICAL.slice(0, at) + replacement + CANONICAL.slice(at + 1);
        const answer = scanned(member);
        if (answer !== null) {
          expect(answer).toEqual(parsed(member));
          read += 1;
        }
      }
    }
    expect(read).toBeGreaterThan(1_000);
  });

  it('never answers other than JSON.parse, for cut, doubled or inserted parts', () => {
    const members = [
      ...Array.from({ length: CANONICAL.length }, (_, at) => CANONICAL.slice(0, at)),
      ...Array.from({ length: CANONICAL.length }, (_, at) => CANONICAL.slice(0, at) + CANONICAL.slice(at + 1)),
      CANONICAL.replace('"seq":17', '"seq":17,"seq":18'),
      CANONICAL.replace('"seq":17', '"seq":1.5'),
      CANONICAL.replace('"seq":17', '"seq":"17"'),
      CANONICAL.replace('"seq":17', '"seq":1e3'),
      CANONICAL.replace('"seq":17', '"seq":-0'),
      CANONICAL.replace('"seq":17', '"seq":017'),
      CANONICAL.replace('"id":"01a23ccd-69ad-7dda"', '"id":"01\\u0061"'),
      CANONICAL.replace('"id":', '"\\u0069d":'),
      CANONICAL.replace('"stream":"request:0"', '"stream":null'),
      CANONICAL.replace('{"action"', '{ "action"'),
      `[${CANONICAL}]`,
      `${CANONICAL} `,
      '{}',
      '{"id":"a","stream":"b","seq":1}',
      `${'['.repeat(200)}${']'.repeat(200)}`,
      `{"id":"a","stream":"b","seq":1,"deep":${'['.repeat(100)}${']'.repeat(100)}}`,
    ];
    for (const member of members) {
      const answer = scanned(member);
      if (answer !== null) expect(answer).toEqual(parsed(member));
    }
    expect(scanned('{"id":"a","stream":"b","seq":1}')).toEqual({ id: 'a', stream: 'b', seq: 1 });
  });
});
