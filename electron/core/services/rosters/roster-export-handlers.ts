import { handlers } from '../../dispatch/handler-types';
import { readExportChoices, saveExportChoices } from './export-choices';
import { jobProgress } from './job-progress';
import { rosterContentType, rosterFileName, writeRosterFile } from './roster-file';
import { runJob } from './run-job';

/**
 * Roster downloads: the file is written whole into the data folder's files/ (the host then saves it
 * where the user says), with progress events on the way and a cancel that leaves nothing behind.
 */
export const rosterExportHandlers = handlers({
  'roster.export': (input, ctx) =>
    runJob(ctx, input.jobId, 'The download was cancelled.', async (signal) => {
      const progress = jobProgress(input.jobId, (event) => ctx.publish(event));
      let rows = 0;
      const saved = await ctx.files.writeNew(async (temporaryPath) => {
        rows = await writeRosterFile(ctx.store.db, input, temporaryPath, ctx.now(), signal, (done, total) => progress.report(done, total));
      });
      progress.finish(rows);
      saveExportChoices(ctx.store, ctx.session.actingUser(ctx.store), input.groupNumber, { columns: input.columns, format: input.format }, ctx.now());
      return {
        fileId: saved.fileId,
        fileName: rosterFileName(input.groupNumber, input.asOf, input.format),
        contentType: rosterContentType(input.format),
        bytes: saved.bytes,
        rows,
        asOf: input.asOf,
      };
    }),

  'roster.exportChoices': (input, ctx) => readExportChoices(ctx.store, ctx.session.actingUser(ctx.store), input.groupNumber),

  'jobs.cancel': (input, ctx) => ({ cancelled: ctx.jobs.cancel(input.jobId) }),
});
