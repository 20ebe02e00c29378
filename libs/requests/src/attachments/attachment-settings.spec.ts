import { resolve } from 'node:path';
import { attachmentSettings } from './attachment-settings';

describe('attachmentSettings', () => {
  it('defaults to 25 MB under .data/attachments', () => {
    expect(attachmentSettings({})).toEqual({ maxBytes: 25 * 1024 * 1024, directory: resolve('.data/attachments') });
  });

  it('reads ATTACHMENT_MAX_BYTES and refuses anything but a positive integer', () => {
    expect(attachmentSettings({ ATTACHMENT_MAX_BYTES: '65536', ATTACHMENTS_DIR: '/srv/files' })).toEqual({
      maxBytes: 65536,
      directory: '/srv/files',
    });
    expect(() => attachmentSettings({ ATTACHMENT_MAX_BYTES: '0' })).toThrow(
      'ATTACHMENT_MAX_BYTES must be a positive integer',
    );
    expect(() => attachmentSettings({ ATTACHMENT_MAX_BYTES: '25MB' })).toThrow('got "25MB"');
  });
});
