import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, type WebContents } from 'electron';

/** Only a plain file name reaches the dialog: what the renderer suggests can never pick a folder. */
const safeName = (name: string) => `${name.replace(/[^\p{L}\p{N} ._-]+/gu, '-').slice(0, 120) || 'rapport'}`.replace(/(\.pdf)?$/i, '.pdf');

/**
 * The monthly report as the issue asks: Chromium's printToPDF of the page's print layout (A4,
 * backgrounds, the page's own @page size), saved where the person chooses.
 */
export async function savePagePdf(contents: WebContents, suggestedName: string): Promise<boolean> {
  const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  const owner = BrowserWindow.fromWebContents(contents);
  const options = { defaultPath: join(app.getPath('documents'), safeName(suggestedName)), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return false;
  await writeFile(choice.filePath, pdf);
  return true;
}
