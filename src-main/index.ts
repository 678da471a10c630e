import { runShell } from './shell/main';

runShell();
