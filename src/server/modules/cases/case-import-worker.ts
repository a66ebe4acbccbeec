// A worker thread of a large case import (case-files/import-service.ts starts it): parses and prepares batches
// of rows — data keys made and identities sealed under the keyring handed over — while the
// service's thread writes the batches before them.
import { keyringFromWorkerData } from '../../platform/crypto/index.js';
import { serveRequests, workerInput } from '../../platform/workers/worker-thread.js';
import { recordKeyMaker } from '../vault/index.js';
import { prepareBatch, type BatchRequest } from './case-import-batch.js';

const newKey = recordKeyMaker(keyringFromWorkerData(workerInput()));
// Requests come only from the import service of this process, built as BatchRequest.
serveRequests((body) => prepareBatch(newKey, body as BatchRequest));
