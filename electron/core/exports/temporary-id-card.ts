import type { PlanCostSharing } from '@shared/contract/schemas/group';
import { createDateFormatter, type DateFormatter } from '@shared/util/date-format';
import { formatUsd } from '@shared/util/money';
import { bodyFont, boldFont, openPdf } from './pdf-document';

/** What a temporary ID card shows: who is covered, under which group and plan, from when. */
export interface TemporaryIdCard {
  member: { memberId: string; name: string };
  /** The employee the coverage comes through (the member themself for an employee). */
  employee: { memberId: string; name: string };
  group: { groupNumber: string; name: string };
  /**
   * `kind` (PPO, HMO …) as the group's plan list names it; null when the plan is no longer offered
   * there. `costSharing` is null when the plan has sent none for it (a plan set up before it did).
   */
  plan: { code: string; name: string; kind: string | null; tier: string; costSharing: PlanCostSharing | null };
  /** The plan's member services line; null when the plan service has not sent one. */
  memberServicesPhone: string | null;
  effectiveDate: string;
  generatedAt: string;
}

/**
 * The No Surprises Act fields an ID card carries (PHS Act §2799A-1(e)): in- and out-of-network
 * deductibles and out-of-pocket maximums, and where to call. What the plan has not sent is never
 * guessed: the card says where to find it instead.
 */
const notHeld = 'See your plan documents';

/** Whole dollars as cards print them (`$3,000`); cents only when there are some. */
const amount = (cents: number) => formatUsd(cents).replace(/\.00$/, '');
const individualFamily = (a: { individual: number; family: number }) => `${amount(a.individual)} individual / ${amount(a.family)} family`;

/** The back's lines: a heading, then one value per network under it. */
function costSharingSections(costSharing: PlanCostSharing | null): { heading: string; lines: string[] }[] {
  const section = (heading: string, of: (network: PlanCostSharing['inNetwork']) => { individual: number; family: number }) => ({
    heading,
    lines: costSharing === null ? [notHeld] : [`In-network: ${individualFamily(of(costSharing.inNetwork))}`, `Out-of-network: ${individualFamily(of(costSharing.outOfNetwork))}`],
  });
  return [section('Deductible', (n) => n.deductible), section('Out-of-pocket maximum', (n) => n.outOfPocketMax)];
}

const inch = 72;
/** A wallet card (ISO/IEC 7810 ID-1): 3.375 × 2.125 inches. */
const card = { width: 3.375 * inch, height: 2.125 * inch };
const pad = 10;
const smallest = 5.5;

/**
 * A Letter page with the card's two faces drawn at wallet size, one above the other, to cut out and
 * fold: the front names the member, group and plan; the back carries the cost-sharing lines. Every
 * line is measured and set smaller until it fits its face, so nothing runs off the card. Dates are
 * written as the screens write them (`dates`: United States format in this computer's time zone by default).
 */
export async function renderTemporaryIdCard(data: TemporaryIdCard, dates: DateFormatter = createDateFormatter()): Promise<Buffer> {
  const { doc, done } = await openPdf({
    size: 'LETTER',
    margin: inch,
    info: { Title: `Temporary ID card — ${data.member.memberId}`, Author: 'GroupDesk', Subject: 'Temporary member ID card' },
  });
  const left = (doc.page.width - card.width) / 2;
  const inner = card.width - 2 * pad;

  /** One line, set at `size` or smaller until it fits the face's width. */
  const line = (text: string, x: number, y: number, size: number, font: string, width = inner): number => {
    doc.font(font);
    let s = size;
    while (s > smallest && doc.fontSize(s).widthOfString(text) > width) s -= 0.5;
    doc.fontSize(s).text(text, x, y, { width, lineBreak: false, ellipsis: true });
    return y + doc.currentLineHeight(true);
  };
  /** A label and its value on one line: the value starts past the label's measured end. */
  const pair = (label: string, value: string, x: number, y: number, size: number): number => {
    doc.font(boldFont).fontSize(size);
    const labelText = `${label}: `;
    const labelWidth = Math.min(doc.widthOfString(labelText), inner * 0.62);
    line(labelText, x, y, size, boldFont, labelWidth);
    return line(value, x + labelWidth, y, size, bodyFont, inner - labelWidth);
  };
  const face = (top: number, title: string) => {
    doc.save().lineWidth(0.75).dash(3, { space: 2 }).roundedRect(left, top, card.width, card.height, 8).stroke().undash().restore();
    doc.font(bodyFont).fontSize(7).fillColor('#555').text(title, left, top - 12, { width: card.width, align: 'center', lineBreak: false }).fillColor('black');
  };

  doc.font(boldFont).fontSize(16).text('Temporary ID card', inch, inch);
  doc.font(bodyFont).fontSize(10).text('Temporary — valid until your card arrives. Cut out both faces along the dashed lines, and fold them back to back.', { width: doc.page.width - 2 * inch });

  const frontTop = 2 * inch;
  face(frontTop, 'Front');
  let y = frontTop + pad;
  y = line(data.group.name, left + pad, y, 10, boldFont);
  y = line(data.plan.kind === null ? data.plan.name : `${data.plan.name} · ${data.plan.kind}`, left + pad, y, 9, bodyFont);
  y += 4;
  y = pair('Member', data.member.name, left + pad, y, 8);
  y = pair('Member ID', data.member.memberId, left + pad, y, 8);
  if (data.employee.memberId !== data.member.memberId) y = pair('Employee', `${data.employee.name} (${data.employee.memberId})`, left + pad, y, 8);
  y = pair('Group', `${data.group.name} · group ${data.group.groupNumber}`, left + pad, y, 8);
  y = pair('Plan', `${data.plan.name} (${data.plan.code}) · ${data.plan.tier}`, left + pad, y, 8);
  pair('Coverage effective', dates.date(data.effectiveDate), left + pad, y, 8);
  doc.fillColor('#a00');
  line('Temporary — valid until your card arrives', left + pad, frontTop + card.height - pad - 10, 8, boldFont);
  doc.fillColor('black');

  const backTop = frontTop + card.height + inch * 0.75;
  face(backTop, 'Back');
  y = backTop + pad;
  for (const { heading, lines } of costSharingSections(data.plan.costSharing)) {
    y = line(heading, left + pad, y, 7.5, boldFont);
    for (const text of lines) y = line(text, left + pad + 8, y, 7.5, bodyFont, inner - 8);
    y += 3;
  }
  y = pair('Member services', data.memberServicesPhone ?? notHeld, left + pad, y, 7.5) + 4;
  line(`Printed from GroupDesk on ${dates.dateTime(data.generatedAt)} for ${data.member.name}.`, left + pad, y, 6.5, bodyFont);

  doc.end();
  return done;
}
