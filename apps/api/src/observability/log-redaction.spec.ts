import { errorForLog, redactedUrl } from './log-redaction';

describe('redactedUrl', () => {
  it('keeps the path and the parameter names, never a value', () => {
    expect(redactedUrl('/v1/requests?q=Jane%20Doe&limit=20')).toBe('/v1/requests?q=[redacted]&limit=[redacted]');
    expect(redactedUrl('/v1/requests?q=a=b&&kind=mla')).toBe('/v1/requests?q=[redacted]&kind=[redacted]');
    expect(redactedUrl('/v1/requests?Jane+Doe')).toBe('/v1/requests?[redacted]');
    expect(redactedUrl('/v1/requests?')).toBe('/v1/requests?');
    expect(redactedUrl('/v1/requests/0195d3c2-7a1e-7c3b-9f0e-1a2b3c4d5e6f')).toBe(
      '/v1/requests/0195d3c2-7a1e-7c3b-9f0e-1a2b3c4d5e6f',
    );
  });
});

describe('errorForLog', () => {
  it('keeps the name, the code and the stack frames, never the message or other properties', () => {
    const error = Object.assign(new Error('value "Jane Doe" too long', { cause: new RangeError('Jane Doe') }), {
      code: '22001',
      query: "insert into person (name) values ('Jane Doe')",
    });
    const logged = errorForLog(error);
    expect(JSON.stringify(logged)).not.toContain('Jane');
    expect(logged).toMatchObject({ type: 'Error', code: '22001', causes: [{ type: 'RangeError' }] });
    expect(logged.frames.length).toBeGreaterThan(0);
    expect(logged.frames.every((frame) => frame.startsWith('at '))).toBe(true);
  });

  it('leaves out a message that looks like stack frames, and what is not an error', () => {
    const error = new TypeError('bad input\n    at Jane Doe (/evil.js:1:1)');
    const logged = errorForLog(error);
    expect(JSON.stringify(logged)).not.toContain('Jane');
    expect(logged.type).toBe('TypeError');
    expect(errorForLog('Jane Doe')).toEqual({ type: 'string', frames: [], causes: [] });
    const renamed = Object.assign(new Error('x'), { name: 'Jane Doe', code: { nested: 'Jane' } });
    expect(JSON.stringify(errorForLog(renamed))).not.toContain('Jane');
  });
});
