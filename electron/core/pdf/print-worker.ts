import { parentPort } from 'node:worker_threads';
import { renderCoverSheets, renderSeparatorSheet } from './cover-sheet';
import { renderDossierPdf } from './dossier-pdf';
import { renderLabels } from './labels';
import type { PrintJob, PrintReply } from './print-protocol';
import { failedReply } from '../threads/thread-pool';

/**
 * A thread that lays out printables – label sheets, scan cover sheets, the separator sheet, a
 * dossier as one PDF with its scans – so that a thousand labels set in a Chinese typeface or a
 * 200-page dossier never hold up the core's own thread.
 */
const port = parentPort;
if (!port) throw new Error('print-worker runs as a worker thread');

function render(job: PrintJob): Promise<Uint8Array> {
  switch (job.kind) {
    case 'labels':
      return renderLabels(job.input);
    case 'cover-sheets':
      return renderCoverSheets({ sheets: job.sheets });
    case 'separator':
      return renderSeparatorSheet();
    case 'dossier':
      return renderDossierPdf(job.record, job.pages, job.scans);
  }
}

port.on('message', (job: PrintJob & { id: number }) => {
  void render(job).then(
    (pdf) => port.postMessage({ id: job.id, ok: true, pdf } satisfies PrintReply & { id: number }, [pdf.buffer as ArrayBuffer]),
    (error: unknown) => port.postMessage({ id: job.id, ...failedReply(error) } satisfies PrintReply & { id: number }),
  );
});
