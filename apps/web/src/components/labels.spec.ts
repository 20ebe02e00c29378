import { formatBytes, humanize, kindLabel } from './labels';

describe('labels', () => {
  it('turns workflow names into words', () => {
    expect(humanize('in_execution')).toBe('In execution');
    expect(humanize('awaiting_information')).toBe('Awaiting information');
    expect(humanize('closed')).toBe('Closed');
    expect(humanize('')).toBe('');
  });

  it('names the kinds from the catalogue', () => {
    expect(kindLabel('mla')).toBe('Mutual legal assistance');
    expect(kindLabel('repatriation')).toBe('Repatriation');
  });

  it('sizes files in B, KB and MB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
