import { commonPasswords } from './common-passwords';

describe('commonPasswords', () => {
  it('holds the shipped list from 12 characters on, lower-cased, read once', async () => {
    const list = await commonPasswords();
    expect(list.size).toBe(43_940); // 44,150 entries of 12 or more characters, some alike but for case
    expect(list.has('1qaz2wsx3edc')).toBe(true);
    expect(list.has('mailcreated5240')).toBe(true); // listed as Mailcreated5240
    expect(list.has('password')).toBe(false); // refused for its length first
    expect(await commonPasswords()).toBe(list);
  });
});
