// Rewrites schemas/cablelintrc.schema.json from the rule catalogue (a maintenance command, run
// from the repository root): `node --import tsx scripts/gen-config-schema.ts`.
import { writeFileSync } from 'node:fs';
import { CONFIG_SCHEMA_PATH, configSchemaText } from '../server/src/config/schema';

writeFileSync(CONFIG_SCHEMA_PATH, configSchemaText());
