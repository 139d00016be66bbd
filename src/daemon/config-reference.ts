/**
 * The configuration reference (docs/configuration.md), made from the
 * settings table so that the two cannot drift: docs/make-configuration.mjs
 * writes it, and a test fails when the file differs from what this makes.
 */
import { acceptedText } from './setting-kinds.js';
import { RELOADABLE, SETTINGS, SETTING_KEYS, type SettingKey, envOf, flagOf } from './settings.js';

const MIB = 1024 * 1024;

function defaultText(key: SettingKey): string {
  const s: { default: unknown; defaultText?: string } = SETTINGS[key];
  if (s.defaultText !== undefined) return s.defaultText;
  const d = s.default;
  if (key.endsWith('Bytes') && typeof d === 'number' && d >= MIB && d % MIB === 0) return `${d / MIB} MiB`;
  if (key === 'controlSocketMode' && typeof d === 'number') return `0${d.toString(8)}`;
  if (d === '' || (Array.isArray(d) && d.length === 0) || (typeof d === 'object' && d !== null && Object.keys(d).length === 0)) return '(none)';
  return String(d);
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function configurationReference(): string {
  const rows = SETTING_KEYS.map((key) => {
    const s = SETTINGS[key];
    const reload = RELOADABLE.includes(key) ? ' Applied on SIGHUP.' : '';
    return `| \`${flagOf(key)}\` | \`${envOf(key)}\` | \`${key}\` | ${cell(defaultText(key))} | ${cell(acceptedText(s))} | ${cell(s.help)}.${reload} |`;
  });
  return `# Configuration reference

<!-- Made by docs/make-configuration.mjs from src/daemon/settings.ts; edit the table there. -->

\`vexfs-bridged [options]\`. Every setting is a flag, an environment variable and a key of the
JSON file given with \`--config FILE\`; a flag wins over the environment, the environment over
the file. An invalid value stops the daemon with exit code 2 and a message naming the key, its
source and what is accepted. \`vexfs-bridged --help\` prints the same table.

Exit codes: 0 stopped cleanly, 1 failed to start or crashed, 2 bad configuration. Signals:
SIGTERM and SIGINT stop gracefully; SIGHUP reloads the configuration (the settings marked below
take effect, the others are reported as needing a restart, and the reload is audited).

| flag | environment | key | default | accepted | what it does |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
}
