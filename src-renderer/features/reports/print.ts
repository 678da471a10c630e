/**
 * The report as PDF. In Electron this should become the shell's `webContents.printToPDF` (A4,
 * backgrounds on) followed by a save dialog, reached through a channel such as `shell.printReportPdf`
 * that does not exist yet; until then, and in web mode, the browser's print dialog does the same
 * with "Opslaan als PDF" on the print CSS of the report route.
 */
export function printReportAsPdf(): void {
  window.print();
}
