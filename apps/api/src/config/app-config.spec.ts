import { ConfigError, loadConfig } from './app-config';

describe('loadConfig: TZ_BUSINESS', () => {
  it('defaults to Asia/Shanghai, takes a known zone and refuses an unknown one', () => {
    expect(loadConfig({}).tzBusiness).toBe('Asia/Shanghai');
    expect(loadConfig({ TZ_BUSINESS: 'Europe/Berlin' }).tzBusiness).toBe('Europe/Berlin');
    expect(() => loadConfig({ TZ_BUSINESS: 'Mars/Olympus' })).toThrow(ConfigError);
    expect(() => loadConfig({ TZ_BUSINESS: 'Mars/Olympus' })).toThrow(/TZ_BUSINESS is not a known time zone \(got "Mars\/Olympus"\)/);
  });
});
