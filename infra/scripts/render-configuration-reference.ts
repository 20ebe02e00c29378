// Writes docs/configuration.md from the configuration schema in libs/platform; a platform spec fails when the
// committed file falls behind. Run: npm run docs:config
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIGURATION_REFERENCE_PATH, renderConfigurationReference } from '@liaison/platform';

writeFileSync(join(__dirname, '..', '..', CONFIGURATION_REFERENCE_PATH), renderConfigurationReference());
console.log(`wrote ${CONFIGURATION_REFERENCE_PATH}`);
