import fs from 'node:fs';
import { writeRosterFile } from '../../electron/core/services/rosters/roster-file';
import { defaultExportChoices } from '../../electron/core/services/rosters/export-choices';
import { openIdleStore } from '../../electron/core/store/open-idle-store';
import type { RosterExportFormat } from '@shared/contract/methods/rosters';

/**
 * One roster export in a process of its own (export.bench.ts), so its peak resident memory is the
 * export's alone, not the bench runner's with its generated members. Prints one JSON line.
 * Arguments: <data folder> <group> <as-of> <format> <out file> <roster thread script>: the bundled
 * reading thread, as the built core has it beside itself (export.bench.ts builds one).
 */
const [dataDir, groupNumber, asOf, format, out, threadScript] = process.argv.slice(2);
if (dataDir === undefined || groupNumber === undefined || asOf === undefined || format === undefined || out === undefined) throw new Error('export-child: give <data> <group> <as-of> <format> <out>');
const db = openIdleStore(dataDir);
const rss_before_mib = Math.round(process.memoryUsage().rss / 2 ** 20);
const start = performance.now();
const cpuStart = process.cpuUsage();
const rows = await writeRosterFile(
  db,
  { groupNumber, asOf, scope: { kind: 'all' }, columns: defaultExportChoices.columns, format: format as RosterExportFormat, excelFriendly: true },
  out,
  '2026-11-27T12:00:00.000Z',
  new AbortController().signal,
  () => undefined,
  threadScript ?? null,
);
const ms = performance.now() - start;
// The export's processor time beside its wall time: on a shared machine the wall time counts the waits for a core too.
const cpu = process.cpuUsage(cpuStart);
db.close();
// maxRSS is in kibibytes: the process's high-water mark, however briefly it was reached.
console.log(JSON.stringify({ rows, ms: Math.round(ms), cpu_ms: Math.round((cpu.user + cpu.system) / 1000), bytes: fs.statSync(out).size, rss_before_mib, peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024) }));
