/**
 * A worker thread that reads report pages: text, JSON.parse, the schema check and the mapping to
 * the reports model (sent back as JSON), so that the ~2.5 MB pages of a month's reports neither block the main thread
 * (Slack acks) nor wait for it. Only the model travels back (a tenth of the JSON).
 */
import { parentPort } from 'node:worker_threads';
import { VspcUnexpectedResponseError } from '../../../vspc/index.js';
import { decodeReportPage } from './decode.js';
import type { DecodeReply, DecodeRequest } from './messages.js';

const port = parentPort;
if (!port) throw new Error('report-page worker: started outside a worker thread');

port.on('message', ({ id, status, body, exchange }: DecodeRequest) => {
  let reply: DecodeReply;
  try {
    const response = { status, headers: {}, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
    const page = decodeReportPage(response, exchange);
    reply = { id, items: JSON.stringify(page.items), total: page.total };
  } catch (error) {
    const unexpected = error instanceof VspcUnexpectedResponseError;
    reply = { id, error: { message: error instanceof Error ? error.message : String(error), unexpected, status } };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
