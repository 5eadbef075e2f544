import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName, MethodOutput } from '@shared/contract';
import type { CoreHandle } from '../../core-types';
import { FileStore } from '../../files/file-store';
import { fillCsvTemplate, newJobId } from '../../test-support/import-files';
import { isQuiet, startSyncTestService, syncTestCore, syncUntilQuiet, tempDataDir, waitForSync, type SyncTestService } from '../../test-support/plan-service';

async function ok<M extends MethodName>(core: CoreHandle, method: M, input: Record<string, unknown>): Promise<MethodOutput<M>> {
  const result = await core.call(method, input as never);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

describe('a confirmed import, sent to the real plan service', () => {
  let test: SyncTestService;
  let core: ReturnType<typeof syncTestCore>;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 20 });
    core = syncTestCore(test, { dataDir });
    await waitForSync(core, isQuiet);
  }, 120_000);
  afterAll(async () => {
    await core?.close();
    await test?.close();
  });

  it('its transactions are accepted with confirmation numbers, shown in Activity under the batch', async () => {
    const { groupNumber, today } = test;
    const roster = await ok(core, 'members.list', { groupNumber, statuses: ['active'], relationships: ['subscriber'], limit: 2 });
    const files = new FileStore(dataDir);
    const template = await ok(core, 'roster.importTemplate', { groupNumber, format: 'csv' });
    const filled = fillCsvTemplate(
      fs.readFileSync(files.pathOf(template.fileId)),
      roster.rows.map((m) => ({ action: 'Terminate', memberId: m.memberId, relationship: 'Employee', terminationDate: today, reason: 'termination_of_employment' })),
    );
    const { fileId } = await files.writeNew(async (temporaryPath) => fs.promises.writeFile(temporaryPath, filled));

    const check = await ok(core, 'roster.importCheck', { groupNumber, jobId: newJobId(), fileId, fileName: 'leavers.csv' });
    expect(check).toMatchObject({ members: 2, queue: 2, skip: 0, refuse: 0 });
    const { batchId } = await ok(core, 'roster.importConfirm', { groupNumber, importId: check.importId });
    await syncUntilQuiet(core);

    const activity = await ok(core, 'transactions.list', { groupNumber });
    expect(activity.items.map((i) => [i.status, i.batch])).toEqual([0, 1].map(() => ['accepted', { id: batchId, label: 'File import: leavers.csv' }]));
    for (const item of activity.items) expect(item.confirmationNumber).toMatch(/^TX-\d{8}-\d{7,}$/);
    expect(await ok(core, 'transactions.cancelBatch', { groupNumber, batchId })).toEqual({ cancelled: 0, alreadySent: 2 });
  }, 60_000);
});
