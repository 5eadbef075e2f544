import { writeFile } from 'node:fs/promises';
import { handlers } from '../../dispatch/handler-types';
import { importItemsPage, requireImport } from '../../store/repositories/imports-repository';
import { checkImportFile } from './import-check';
import { confirmImport } from './import-confirm';
import { writeImportReport } from './import-report';
import { writeImportTemplate } from './import-template';
import { runJob } from './run-job';

/** Batch enrollment by file: the template, the check (a dry run), its items and report, and confirming it as one batch. */
export const rosterImportHandlers = handlers({
    'roster.importTemplate': ({ groupNumber, format }, ctx) => writeImportTemplate(ctx.files, ctx.store.db, groupNumber, format, ctx.today()),
    'roster.importCheck': async ({ groupNumber, jobId, fileId, fileName }, ctx) => {
      const file = ctx.files.pathOf(fileId);
      return runJob(ctx, jobId, 'The check was cancelled: nothing was recorded. Check the file again to continue.', (signal) =>
        checkImportFile(ctx.store, groupNumber, file, {
          today: ctx.today(),
          now: ctx.now(),
          fileName,
          signal,
          keepAcknowledgment: async (text, ackName) => {
            const written = await ctx.files.writeNew((temporary) => writeFile(temporary, text));
            return { fileId: written.fileId, fileName: ackName, contentType: 'text/plain', bytes: written.bytes };
          },
          // Delivered at once: progress is worth showing while the call is still running.
          onProgress: (done, total) => ctx.publish({ type: 'job.progress', jobId, done, total }),
        }),
      );
    },
    'roster.importItems': ({ groupNumber, importId, outcome, offset, limit }, { store }) => {
      requireImport(store.db, groupNumber, importId);
      return importItemsPage(store.db, importId, outcome ?? null, offset, limit);
    },
    'roster.importReport': ({ groupNumber, importId, format }, ctx) => writeImportReport(ctx.files, ctx.store.db, groupNumber, importId, format),
    'roster.importConfirm': ({ groupNumber, importId }, ctx) => {
      const { batchId, queue, skip, refuse, queued } = confirmImport({ store: ctx.store, today: ctx.today(), now: ctx.now() }, groupNumber, importId);
      if (queued.length > 0) {
        ctx.emit({ type: 'roster.changed', groupNumber });
        ctx.emit({ type: 'activity.changed', groupNumber });
        ctx.sync.requestSync();
      }
      return { batchId, queue, skip, refuse };
    },
  });
