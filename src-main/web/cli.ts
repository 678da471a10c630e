import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scheduleRetention } from '../core/retention/retention';
import { demoFolder, startHost } from '../ipc/host';
import { startWebServer } from './server';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    token: { type: 'string' },
    demo: { type: 'boolean' },
  },
});

const dataDir = values['data-dir'] ?? process.env.KLANKBORD_DATA_DIR ?? join(homedir(), '.klankbord');
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));

try {
  // A data folder that does not open still gets a server: the browser shows what to do.
  // Team mode on a server: IT sets KLANKBORD_PG_* (the password only ever there), see README "Teammodus".
  const host = await startHost(dataDir, { demo: values.demo ?? false, teamSources: { env: process.env } });
  const web = await startWebServer({
    host,
    rendererDir,
    port: values.port ? Number(values.port) : 0,
    token: values.token ?? process.env.KLANKBORD_WEB_TOKEN,
  });
  const stopRetention = scheduleRetention(host);
  console.log(`Klankbord (webmodus) gebruikt gegevensmap ${values.demo ? demoFolder(dataDir) : dataDir}${values.demo ? ' (demo)' : ''}`);
  console.log(`Open in je browser: ${web.loginUrl}`);
  const stop = () => {
    stopRetention();
    void web
      .close()
      .then(() => host.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error('Klankbord kon niet starten:', error);
  process.exit(1);
}
