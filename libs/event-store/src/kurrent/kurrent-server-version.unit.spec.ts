import { MINIMUM_KURRENTDB_VERSION, requireSupportedServerVersion } from './kurrent-server-version.js';

describe('KurrentDB server version check', () => {
  it.each(['26.1.0', '26.1.1.0', '26.2.0', '27.0.0-rc.1', '30.0', 'v26.1.3'])('accepts %s', (version) => {
    expect(() => requireSupportedServerVersion(version)).not.toThrow();
  });

  it.each(['26.0.2', '25.1.0.2480', '24.10.1', '23.10.0', '5.0.11'])(
    'refuses %s naming the version it needs',
    (version) => {
      expect(() => requireSupportedServerVersion(version)).toThrow(
        new RegExp(`${version.replace(/\./g, '\\.')}.*needs KurrentDB ${MINIMUM_KURRENTDB_VERSION} or newer`),
      );
    },
  );

  it('refuses a server that does not say its version (older than server features)', () => {
    expect(() => requireSupportedServerVersion('unknown')).toThrow(/unknown, older version.*26\.1 or newer/);
    expect(() => requireSupportedServerVersion('')).toThrow(/26\.1 or newer/);
  });
});
