import { mailStatusText } from './mail-status.js';

describe('mailStatusText', () => {
  it('names each delivery status, telling a first try from a retry', () => {
    expect(mailStatusText({ status: 'pending', attempts: 0 })).toMatchObject({ label: 'Pending', tone: 'chip-gray' });
    expect(mailStatusText({ status: 'pending', attempts: 2 })).toMatchObject({ label: 'Retrying', tone: 'chip-amber', hint: expect.stringContaining('2 attempts failed') });
    expect(mailStatusText({ status: 'sent', attempts: 1 })).toMatchObject({ label: 'Sent', tone: 'chip-green' });
    expect(mailStatusText({ status: 'failed', attempts: 1 })).toMatchObject({ label: 'Failed', tone: 'chip-red', hint: expect.stringContaining('after 1 attempt;') });
    expect(mailStatusText({ status: 'bounced', attempts: 1 })).toEqual({ label: 'bounced', tone: 'chip-gray', hint: '' });
  });
});
