import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Where Klankbord keeps its data. By default the app's own folder (Electron's userData); a person
 * can pick another (e.g. a network share IT backs up) from the start-up problem screen. The
 * choice lives in a small file in userData, outside any database that might be damaged.
 */
const CHOICE_FILE = 'gegevensmap.json';
const choice = z.object({ dataDir: z.string().min(1) });

export function chosenDataFolder(userData: string): string {
  const file = join(userData, CHOICE_FILE);
  if (!existsSync(file)) return userData;
  try {
    return choice.parse(JSON.parse(readFileSync(file, 'utf8'))).dataDir;
  } catch {
    return userData;
  }
}

export function rememberDataFolder(userData: string, dataDir: string): void {
  writeFileSync(join(userData, CHOICE_FILE), JSON.stringify({ dataDir }, null, 2));
}
