// Writes docs/configuration.md from the daemon's settings table (needs the build: npm run build).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { configurationReference } from '../dist/daemon/config-reference.js';

writeFileSync(join(dirname(fileURLToPath(import.meta.url)), 'configuration.md'), configurationReference());
