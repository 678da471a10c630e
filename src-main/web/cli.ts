import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatError } from '../contract';
import { openCore } from '../core/app';
import { AppError } from '../core/errors';
import { scheduleRetention } from '../core/retention/retention';
import { startWebServer } from './server';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    token: { type: 'string' },
  },
});

const dataDir = values['data-dir'] ?? process.env.KLANKBORD_DATA_DIR ?? join(homedir(), '.klankbord');
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));

try {
  const core = await openCore(dataDir);
  const web = await startWebServer({
    core,
    rendererDir,
    port: values.port ? Number(values.port) : 0,
    token: values.token ?? process.env.KLANKBORD_WEB_TOKEN,
  });
  const stopRetention = scheduleRetention(core);
  console.log(`Klankbord (webmodus) gebruikt gegevensmap ${dataDir}`);
  console.log(`Open in je browser: ${web.loginUrl}`);
  const stop = () => {
    stopRetention();
    void web
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof AppError) console.error(formatError(error.code, error.params, 'nl'));
  else console.error('Klankbord kon niet starten:', error);
  process.exit(1);
}
