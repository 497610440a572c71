import { oneTimePasswordBlock } from './first-start.js';

describe('the first-start one-time password block', () => {
  it('sets the password apart on its own line between rules, with what to do', () => {
    const lines = oneTimePasswordBlock('kVx-3Ab9-Qr7').split('\n');
    expect(lines.filter((l) => /^=+$/.test(l))).toHaveLength(2);
    expect(lines).toContain('      kVx-3Ab9-Qr7');
    expect(lines.filter((l) => l.includes('kVx-3Ab9-Qr7'))).toHaveLength(1);
    expect(lines.join('\n')).toContain('change it at first login');
    expect(lines.length).toBeLessThanOrEqual(12);
  });
});
