import { parentPort, workerData } from 'node:worker_threads';
import { describeUnexpected } from '../../../../shared/errors';
import { workerFailure, type ImportWorkerInput, type ImportWorkerMessage } from './import-worker-protocol';
import { checkRows } from './check-rows';
import { ImportCustomerPlanner } from './import-customer-plan';
import { prepareRow, type PreparedRow } from './prepare-row';
import { readRows } from './read-sheet';

/**
 * The import's second thread: reads and checks the sheet and prepares each good row (fields,
 * title, search text and tokens) while the first thread writes the rows it already has. Batches
 * go out as they fill, at most BATCHES_IN_FLIGHT unacknowledged (enough to run ahead while the
 * writing thread indexes a range), so memory stays flat.
 */
const BATCH_ROWS = 1000;
const BATCHES_IN_FLIGHT = 10;

const port = parentPort;
if (!port) throw new Error('import-worker runs as a worker thread');
const input = workerData as ImportWorkerInput;

let credits = BATCHES_IN_FLIGHT;
let wake: (() => void) | null = null;
port.on('message', (message: unknown) => {
  if (message !== 'ack') return;
  credits += 1;
  wake?.();
  wake = null;
});

const send = (message: ImportWorkerMessage) => port.postMessage(message);
let batch: PreparedRow[] = [];
let checked = 0;
let good = 0;
let badRows = 0;

async function flush(): Promise<void> {
  if (batch.length === 0) return;
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
  send({ kind: 'rows', rows: batch, checked, badRows });
  batch = [];
}

/** The archive numbers a sheet gives itself: a quick first read, so no row is numbered into one of them. */
async function givenNumbers(): Promise<string[]> {
  const column = input.columns.find((c) => c.target.kind === 'dossier' && c.target.column === 'archiveNumber');
  if (!column) return [];
  const numbers: string[] = [];
  let header = true;
  for await (const { cells } of readRows({ source: input.source, format: input.format }, input.encoding)) {
    if (header) {
      header = false;
      continue;
    }
    const value = (cells[column.index] ?? '').trim();
    if (value) numbers.push(value);
  }
  return numbers;
}

async function run(): Promise<void> {
  const { definition } = input;
  const customers = new ImportCustomerPlanner(definition, input.customers);
  const given = await givenNumbers();
  if (given.length > 0) send({ kind: 'given', numbers: given });
  const summary = await checkRows(
    readRows({ source: input.source, format: input.format }, input.encoding),
    { takenNumbers: new Set(input.takenNumbers), uniqueValues: new Map(input.uniqueValues.map(([key, values]) => [key, new Set(values)])) },
    {
      definition,
      columns: input.columns,
      departments: input.departments,
      now: new Date(input.now),
      // A bad row tells the writing thread to stop writing (everything is rolled back at the end).
      onRow: (done) => {
        checked = done;
        badRows = done - good;
      },
    },
    async (row) => {
      good += 1;
      batch.push(prepareRow(row, definition, customers));
      if (batch.length >= BATCH_ROWS) await flush();
    },
  );
  badRows = summary.badRows;
  checked = summary.goodRows + summary.badRows;
  await flush();
  send({ kind: 'done', summary });
}

run().catch((error: unknown) => send({ kind: 'failed', error: workerFailure(error), detail: describeUnexpected(error) }));
