import { api } from '../../api/client';

/**
 * The report as PDF: in Electron the shell's printToPDF of this print layout with a save dialog;
 * in web mode the browser's print dialog ("Opslaan als PDF") on the same print CSS.
 */
export function printReportAsPdf(suggestedName: string): void {
  void api.savePagePdf(suggestedName).then((handled) => {
    if (!handled) window.print();
  });
}
