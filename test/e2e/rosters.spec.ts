import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { firstEligibleEffectiveDate } from '@shared/domain/waiting-period';
import { earliestRetroDate } from '@shared/domain/retro-window';
import { addDays } from '@shared/util/dates';
import type { Group } from '@shared/contract/schemas/group';
import type { MemberSnapshot } from '@shared/plan-api/members';
import type { RunningHost } from './browser-host';
import { expect, test } from './plan-test';
import type { E2ePlanService } from './plan-service';
import { signInInApp } from './account-steps';
import { rpc } from './rpc';
import { planDay, typedDay } from './days';
import { chooseGroup } from './group-switcher';
import { pdfText } from '../support/pdf-text';

// The journey of "Rosters out and in", in the browser host against a real plan service started for
// this file (plan-test.ts): the plan accepts what the app sends, and can be stopped to hold the outbox.

/** The smaller sandbox employer, so the first sync is quick. */
const GROUP = '100871';

let scratch: string;
test.beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-e2e-rosters-'));
});
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function signIn(page: Page, host: RunningHost, plan: E2ePlanService): Promise<void> {
  await signInInApp(page, host, plan, plan.admin);
  await expect(page.getByRole('contentinfo')).toContainText('Up to date', { timeout: 60_000 });
  await chooseGroup(page, GROUP);
}

/** Saves a browser download where the test can read it. */
async function saved(download: Promise<Download>): Promise<{ name: string; bytes: Buffer }> {
  const file = await download;
  const name = file.suggestedFilename();
  const target = path.join(scratch, `${Date.now()}-${name}`);
  await file.saveAs(target);
  return { name, bytes: await readFile(target) };
}

const members = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members', exact: true });

/** A valid SSN for a new person of this run (area neither 000, 666 nor 9xx; group and serial not zero). */
let people = 0;
const newSsn = (): string => {
  const n = (Date.now() + people++ * 7919) % 1_000_000;
  return `5${String(10 + (n % 89)).padStart(2, '0')}-${String(10 + (Math.floor(n / 89) % 89)).padStart(2, '0')}-${String(1000 + (n % 8999)).padStart(4, '0')}`;
};

/** A new full-time employee, hired 10 days ago, whose coverage starts on the first day the group allows. */
function newEmployee(group: Group, familyKey: string, first: string, last: string): Record<string, string> {
  const hireDate = typedDay(-10);
  return {
    Action: 'Add',
    'Family key': familyKey,
    Relationship: 'Employee',
    'First name': first,
    'Last name': last,
    'Date of birth': '1988-04-12',
    Gender: 'F',
    SSN: newSsn(),
    'Address line 1': '18 Orchard Lane',
    City: 'Pittsburgh',
    State: 'PA',
    ZIP: '15213',
    'Hire date': hireDate,
    'Employment status': 'FT',
    'Plan code': group.plans[0]!.code,
    'Effective date': firstEligibleEffectiveDate(hireDate, group.policy),
  };
}

/**
 * The wizard's first step: downloads the CSV template, fills it in with these rows (by the template's
 * own header labels) and chooses the filled file with the browser's file picker.
 */
async function chooseFilledTemplate(page: Page, rows: readonly Record<string, string>[], fileName: string): Promise<void> {
  const template = await saved(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the CSV template' }).click()]).then(([d]) => d));
  expect(template.name).toBe(`batch-enrollment-${GROUP}.csv`);
  const text = template.bytes.toString('utf8').replace(/^\uFEFF/, '');
  const [header] = parse(text) as string[][];
  expect(header).toEqual(expect.arrayContaining(['Action', 'Family key', 'Relationship', 'Date of birth', 'SSN', 'Hire date', 'Plan code', 'Effective date']));
  for (const row of rows) for (const label of Object.keys(row)) expect(header, `the template has no column "${label}"`).toContain(label);
  const filled = stringify([header!, ...rows.map((row) => header!.map((label) => row[label] ?? ''))]);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await (await chooser).setFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(filled) });
  await expect(page.getByRole('form').getByText(fileName, { exact: true })).toBeVisible();
}

/** The group's members with exactly this last name, as the app holds them. */
async function named(request: APIRequestContext, host: RunningHost, lastName: string) {
  const { rows } = await rpc(request, host, 'members.list', { groupNumber: GROUP, query: lastName, grouping: 'none', limit: 10 });
  return rows.filter((m) => m.lastName === lastName);
}

async function seriousViolations(page: Page, what: string, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.help}`);
}

test('downloads the roster as CSV, Excel, PDF and an X12 834, each a file that says what it should', async ({ page, host, plan, request }) => {
  test.setTimeout(180_000);
  await signIn(page, host, plan);
  const group = await rpc(request, host, 'groups.get', { groupNumber: GROUP });
  const [known] = (await rpc(request, host, 'members.list', { groupNumber: GROUP, relationships: ['subscriber'], statuses: ['active'], limit: 1 })).rows;
  if (!known) throw new Error('the group has no active subscriber');

  await members(page).click();
  const dialog = page.getByRole('dialog', { name: 'Download the roster' });
  /** Opens the dialog, picks the format and catches the download it starts; the dialog closes once saved. */
  const download = async (format: RegExp) => {
    await page.getByRole('button', { name: 'Download…' }).click();
    await expect(dialog.getByRole('group', { name: 'Columns' })).toBeVisible();
    await dialog.getByRole('radio', { name: format }).check();
    const file = saved(page.waitForEvent('download'));
    await dialog.getByRole('button', { name: 'Download', exact: true }).click();
    const got = await file;
    await expect(dialog).toBeHidden();
    return got;
  };

  await page.getByRole('button', { name: 'Download…' }).click();
  await expect(dialog.getByRole('group', { name: 'Columns' })).toBeVisible();
  expect(await seriousViolations(page, 'download dialog', '[role="dialog"]')).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // CSV: the header row in words, then one row per member, this one among them.
  const csv = await download(/^CSV/);
  expect(csv.name).toMatch(/\.csv$/);
  const csvRows = parse(csv.bytes.toString('utf8').replace(/^\uFEFF/, '')) as string[][];
  const [csvHeader, ...csvMembers] = csvRows;
  expect(csvHeader).toEqual(expect.arrayContaining(['Member ID', 'Last name', 'First name', 'Status']));
  const idColumn = csvHeader!.indexOf('Member ID');
  const knownRow = csvMembers.find((row) => row[idColumn] === known.memberId);
  expect(knownRow, `${known.memberId} is not in the CSV`).toBeDefined();
  expect(knownRow![csvHeader!.indexOf('Last name')]).toBe(known.lastName);
  expect(knownRow![csvHeader!.indexOf('First name')]).toBe(known.firstName);

  // Excel: a workbook whose Summary sheet names the group and counts the same members.
  const xlsx = await download(/^Excel/);
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const summary = workbook.getWorksheet('Summary');
  if (!summary) throw new Error(`the workbook has no Summary sheet, only ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  const summaryValue = (label: string) => summary.getSheetValues().find((row) => Array.isArray(row) && row[1] === label)?.[2 as never];
  expect(summaryValue('Group')).toBe(`${group.name} (${GROUP})`);
  expect(summaryValue('Members')).toBe(csvMembers.length);

  // PDF: a PDF whose text names the group.
  const pdf = await download(/^PDF/);
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
  const text = await pdfText(new Uint8Array(pdf.bytes));
  expect(text).toContain(group.name);
  expect(text).toContain(known.memberId);

  // X12 834: an interchange with one full-file audit (BGN08 = 4) and one INS per member of the CSV.
  const x12 = await download(/^X12 834/);
  const edi = x12.bytes.toString('latin1');
  expect(edi.startsWith('ISA*')).toBe(true);
  expect(edi).toContain('ST*834*');
  const segments = edi.split('~').map((s) => s.trim());
  const bgn = segments.find((s) => s.startsWith('BGN*'));
  expect(bgn, 'the 834 has no BGN segment').toBeDefined();
  expect(`${bgn}~`).toMatch(/\*4~$/);
  expect(segments.filter((s) => s.startsWith('INS*'))).toHaveLength(csvMembers.length);
  expect(edi).toContain(known.memberId);
});

test('imports a filled-in template: the bad row is refused by its line, the others are queued and accepted with confirmation numbers', async ({ page, host, plan, request }) => {
  test.setTimeout(180_000);
  await signIn(page, host, plan);
  const group = await rpc(request, host, 'groups.get', { groupNumber: GROUP });
  const suffix = Date.now().toString(36).slice(-4).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
  const first = `Imported${suffix[0]!.toUpperCase()}${suffix.slice(1)}`;
  const good = [newEmployee(group, 'F1', 'Rosa', `Alder${first}`), newEmployee(group, 'F2', 'Mateo', `Birch${first}`)];
  const bad = { ...newEmployee(group, 'F3', 'Lucia', `Cedar${first}`), 'Date of birth': '1991-02-30' };

  await members(page).click();
  await page.getByRole('link', { name: 'Import a file…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import a roster file' })).toBeVisible();
  await chooseFilledTemplate(page, [...good, bad], 'new-hires.csv');
  await page.getByRole('button', { name: 'Next' }).click();

  // The dry run: 3 members, the bad one refused on its spreadsheet line (the header is line 1).
  await expect(page.getByRole('form').getByText('3 members in new-hires.csv: 2 would be queued, 0 skipped, 1 refused.')).toBeVisible({ timeout: 30_000 });
  const table = page.getByRole('table', { name: 'Every member in the file' });
  const line = (n: number) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: `Line ${n}`, exact: true }) });
  await expect(line(2)).toContainText(`Rosa Alder${first}`);
  await expect(line(2)).toContainText('Would be queued');
  await expect(line(3)).toContainText(`Mateo Birch${first}`);
  await expect(line(3)).toContainText('Would be queued');
  await expect(line(4)).toContainText(`Lucia Cedar${first}`);
  await expect(line(4)).toContainText('Refused');
  await expect(line(4)).toContainText('Date of birth "1991-02-30" is not a date');
  await expect(table.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(await seriousViolations(page, 'import report')).toEqual([]);

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(/2 changes from new-hires\.csv will be queued as one batch/)).toBeVisible();
  await page.getByRole('button', { name: 'Queue 2 changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2 changes from new-hires.csv waiting to send' })).toBeVisible();
  await page.getByRole('link', { name: 'Open Activity' }).click();

  // Activity: both enrollments, accepted by the plan, each with its confirmation number.
  const activity = page.getByRole('table', { name: 'All changes' });
  for (const last of [`Alder${first}`, `Birch${first}`]) {
    const row = activity.getByRole('row').filter({ hasText: last });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Accepted', { timeout: 30_000 });
    await expect(row).toContainText(/TX-\d{8}-\d+/);
  }
  await expect(activity.getByRole('row').filter({ hasText: `Cedar${first}` })).toHaveCount(0);
  // Each is on the roster with the member ID the plan gave, no longer waiting for it.
  for (const last of [`Alder${first}`, `Birch${first}`]) {
    const [enrolled, ...others] = await named(request, host, last);
    expect(others).toEqual([]);
    expect(enrolled?.memberId).toMatch(/^\d{9}$/);
    expect(enrolled?.pendingSync).toBe(false);
  }
  expect(await named(request, host, `Cedar${first}`)).toEqual([]);
});

test('reinstates a terminated employee through the small wizard, and the plan accepts it', async ({ page, host, plan, request }) => {
  test.setTimeout(120_000);
  await signIn(page, host, plan);
  const group = await rpc(request, host, 'groups.get', { groupNumber: GROUP });
  // Coverage resumes the day after it ended, which must be inside the retro window on the plan's day
  // and on this computer's (a day later at most, as at UTC+14).
  const earliest = earliestRetroDate(group.policy, addDays(planDay(), 1));
  const list = (statuses: ['terminated'] | ['active']) => rpc(request, host, 'members.list', { groupNumber: GROUP, relationships: ['subscriber'], statuses, grouping: 'none', limit: 500 });
  let member: { memberId: string; firstName: string; lastName: string } | undefined = (await list(['terminated'])).rows.find((m) => m.terminationDate !== null && addDays(m.terminationDate, 1) >= earliest && !m.pendingSync);
  if (!member) {
    // None of the sandbox's leavers left recently enough: another administrator ends an employee's
    // coverage at the plan, as far back as the window allows, and the app hears of it.
    const leaver = (await list(['active'])).rows.find((m) => m.effectiveDate < earliest && m.terminationDate === null && !m.pendingSync);
    if (!leaver) throw new Error('the group has no active employee covered since before the retro window');
    const token = await plan.signIn(plan.admin);
    const { version } = (await plan.api<MemberSnapshot>('GET', `/v1/groups/${GROUP}/members/${leaver.memberId}`, { token })).body;
    const ended = await plan.api('POST', `/v1/groups/${GROUP}/terminations`, {
      token,
      headers: { 'idempotency-key': `e2e-rosters-${Date.now()}` },
      body: { memberId: leaver.memberId, reason: 'termination_of_employment', requestedDate: earliest, expectedVersion: version },
    });
    expect(ended.status, JSON.stringify(ended.body)).toBeLessThan(300);
    await expect.poll(async () => (await rpc(request, host, 'members.get', { groupNumber: GROUP, memberId: leaver.memberId })).status, { timeout: 30_000 }).toBe('terminated');
    member = await rpc(request, host, 'members.get', { groupNumber: GROUP, memberId: leaver.memberId });
  }
  const { memberId, firstName, lastName } = member;

  await page.goto(`${host.origin}/#/members/${memberId}`);
  await page.getByRole('link', { name: 'Reinstate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reinstate coverage' })).toBeVisible();
  await page.getByLabel('Note for the plan').fill('Rehired: the termination was entered by mistake.');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Rehired: the termination was entered by mistake.')).toBeVisible();
  await page.getByRole('button', { name: 'Submit reinstatement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reinstatement submitted' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Accepted by the plan' })).toContainText(/TX-\d{8}-\d+/, { timeout: 30_000 });

  await expect.poll(async () => (await rpc(request, host, 'members.get', { groupNumber: GROUP, memberId })).status, { timeout: 30_000 }).not.toBe('terminated');
  await page.getByRole('button', { name: `Back to ${firstName} ${lastName}` }).click();
  await expect(page.getByRole('link', { name: 'Reinstate' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Terminate' })).toBeVisible();
});

test('an import queued while the plan is unreachable is cancelled as a batch from Activity, and never reaches the plan', async ({ page, host, plan, request }) => {
  test.setTimeout(180_000);
  await signIn(page, host, plan);
  const group = await rpc(request, host, 'groups.get', { groupNumber: GROUP });
  const status = page.getByRole('contentinfo');
  const tag = `Held${Date.now().toString(36).slice(-4).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
  const lastNames = [`Elm${tag}`, `Fir${tag}`] as const;

  await plan.stop();
  try {
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(status).toContainText('Offline', { timeout: 30_000 });

    await members(page).click();
    await page.getByRole('link', { name: 'Import a file…' }).click();
    await chooseFilledTemplate(page, [newEmployee(group, 'F1', 'Nadia', lastNames[0]), newEmployee(group, 'F2', 'Omar', lastNames[1])], 'held.csv');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('form').getByText('2 members in held.csv: 2 would be queued, 0 skipped, 0 refused.')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Queue 2 changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '2 changes from held.csv waiting to send' })).toBeVisible();
    // Waiting to send, the new employees are already on this computer's roster, marked as such.
    for (const last of lastNames) expect((await named(request, host, last)).map((m) => m.pendingSync)).toEqual([true]);
    await page.getByRole('link', { name: 'Open Activity' }).click();

    const activity = page.getByRole('table', { name: 'All changes' });
    const rows = activity.getByRole('row').filter({ hasText: tag });
    await expect(rows).toHaveCount(2);
    for (const row of await rows.all()) await expect(row).toContainText('Waiting to send');
    await rows.first().getByRole('link').click();
    const detail = page.getByRole('dialog');
    await expect(detail).toContainText('Part of File import: held.csv');
    await detail.getByRole('button', { name: 'Cancel the rest of this batch' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Cancel the rest of this batch?' });
    await confirm.getByRole('button', { name: 'Cancel the unsent changes' }).click();
    await expect(detail).toContainText('2 changes cancelled; 0 had already been sent.');
    await detail.getByRole('button', { name: 'Close' }).click();
    for (const row of await rows.all()) await expect(row).toContainText('Cancelled');
    // The enrollments were only in this computer's roster; cancelling took them out of it.
    for (const last of lastNames) expect(await named(request, host, last)).toEqual([]);
  } finally {
    await plan.start();
  }

  // Back online, nothing of the batch goes out.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(status).toContainText('Up to date', { timeout: 30_000 });
  const rows = page.getByRole('table', { name: 'All changes' }).getByRole('row').filter({ hasText: tag });
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row).toContainText('Cancelled');
  for (const last of lastNames) expect(await named(request, host, last)).toEqual([]);
});
