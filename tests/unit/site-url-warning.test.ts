/** The build's warning when SITE_URL is unset: every absolute URL would name the development server. */
import { describe, expect, it } from 'vitest';
import { siteUrlWarning } from '../../src/config/site-url-warning.ts';

describe('siteUrlWarning', () => {
  it('warns when SITE_URL is missing or empty, naming the URL the site would use', () => {
    for (const env of [{}, { SITE_URL: '' }, { SITE_NAME: 'x', SITE_URL: undefined }]) {
      const warning = siteUrlWarning(env);
      expect(warning, JSON.stringify(env)).toMatch(/^SITE_URL is not set: .*canonical links.*sitemap will name http:\/\/localhost:4321\./);
      expect(warning).toContain('Set SITE_URL');
    }
  });

  it('says nothing when SITE_URL is set', () => {
    expect(siteUrlWarning({ SITE_URL: 'https://policies.example.org' })).toBeUndefined();
  });
});
