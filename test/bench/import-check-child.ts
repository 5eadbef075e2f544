import path from 'node:path';
import { runImportCheck } from '../../electron/core/services/rosters/run-import-check';
import { createFieldCipher } from '../../electron/core/store/field-cipher';
import { openIdleStore } from '../../electron/core/store/open-idle-store';
import { storeFileName } from '../../electron/core/store/open-store';

/**
 * One file check in a process of its own (export.bench.ts), as the import wizard runs it: read,
 * match, compare and plan every member. The check's record is removed afterwards, so the shared
 * bench store is left as it was. Prints one JSON line.
 * Arguments: <data folder> <data key, base64> <group> <today> <file>.
 */
const [dataDir, key, groupNumber, today, file] = process.argv.slice(2);
if (dataDir === undefined || key === undefined || groupNumber === undefined || today === undefined || file === undefined) throw new Error('import-check-child: give <data> <key> <group> <today> <file>');
const db = openIdleStore(dataDir);
const store = { db, cipher: createFieldCipher(Buffer.from(key, 'base64')), path: path.join(dataDir, storeFileName) };
const start = performance.now();
const check = await runImportCheck(store, groupNumber, file, { today, now: `${today}T12:00:00.000Z`, fileName: path.basename(file) });
const ms = performance.now() - start;
db.prepare('DELETE FROM imports WHERE id = ?').run(check.importId);
db.close();
if (process.env.BENCH_SHOW_REFUSED) console.error(JSON.stringify(check.items.filter((i) => i.outcome === 'refuse')));
console.log(JSON.stringify({ members: check.members, queue: check.queue, skip: check.skip, refuse: check.refuse, ms: Math.round(ms), peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024) }));
