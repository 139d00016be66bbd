// docs/configuration.md is what the settings table makes now: a setting added, renamed or
// re-documented without regenerating the reference (node docs/make-configuration.mjs) fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { configurationReference } from '../../../src/daemon/config-reference.js';
import { SETTING_KEYS, flagOf } from '../../../src/daemon/settings.js';

const file = join(import.meta.dirname, '..', '..', '..', 'docs', 'configuration.md');

describe('the configuration reference', () => {
  it('is what the settings table makes', () => {
    expect(readFileSync(file, 'utf8'), 'docs/configuration.md is stale: run npm run build && node docs/make-configuration.mjs').toBe(configurationReference());
  });

  it('has one row per setting, each with its flag', () => {
    const text = configurationReference();
    for (const key of SETTING_KEYS) expect(text).toContain(`| \`${flagOf(key)}\` |`);
    expect(text.split('\n').filter((l) => l.startsWith('| `--')).length).toBe(SETTING_KEYS.length);
  });
});
