import type { CoverageTier, GroupPolicy, Plan } from '../contract/schemas/group';
import type { Relationship } from '../contract/schemas/member';
import { defaultGroupPolicy } from '../domain/default-policy';
import { ageOutDate } from '../domain/dependent-age';
import { ssnProblem } from '../domain/ssn-validity';
import { effectiveTerminationDate } from '../domain/termination';
import { terminationReason, type TerminationReasonId } from '../domain/termination-reasons';
import { firstEligibleEffectiveDate } from '../domain/waiting-period';
import { addYears, firstOfMonth, fromEpochDay, fromParts, partsFromEpochDay, toEpochDay } from '../util/dates';
import { createRandom, hashString, type Random } from '../util/random';
import { femaleFirstNames, lastNames, maleFirstNames, suffixes } from './names';
import { makeAddress, makeEmail, makePhone } from './contact-details';
import { nationwide, type Place } from './places';
import { familyPeriods, initialEnrollment, memberCoverage, type Gender, type Person } from './family-coverage';
import type { MemberRecord } from './types';

export interface GenerateMembersOptions {
  seed: number;
  /** Everything is dated relative to this day. */
  today: string;
  groupNumber: string;
  plans: readonly Plan[];
  subscribers: number;
  policy?: GroupPolicy;
  /** Where most employees live (90 %); the rest live anywhere in the country. Default: nationwide. */
  places?: readonly Place[];
  /** The day the group's coverage with the plan began: no coverage starts earlier. Default: Jan 1, 10 years ago. */
  groupEffectiveDate?: string;
}

/**
 * Streams one group's members, each subscriber followed by its dependents, the same for the same
 * options. Built for 250,000 members in well under a second or two: dates are integers (days since
 * 1970) inside the loop and become strings only on output; the domain rules that take strings run
 * once per family, not per day.
 *
 * Proportions (per subscriber): about 45 % single, 15 % with a spouse or partner, 10 % with children,
 * 30 % family; 8 % terminated within the last two years, 3 % pending (hired inside the waiting
 * period); 12 % changed plans at an open enrollment; some dependents left earlier (divorce, a child
 * reaching the age limit) and some children joined at birth or adoption after the family enrolled.
 */
export function generateMembers(options: GenerateMembersOptions): Generator<MemberRecord> {
  // Checked here, not inside the generator, so bad options fail at the call rather than at the first read.
  if (!/^\d{4,10}$/.test(options.groupNumber)) throw new RangeError('A group number is 4 to 10 digits');
  if (options.plans.length === 0) throw new RangeError('A group needs at least one plan');
  if (!Number.isInteger(options.subscribers) || options.subscribers < 0 || options.subscribers > maxSubscribers) {
    throw new RangeError(`Subscribers must be a whole number from 0 to ${maxSubscribers}`);
  }
  return families(createContext(options), options.subscribers);
}

function* families(ctx: Context, subscribers: number): Generator<MemberRecord> {
  for (let i = 0; i < subscribers; i++) yield* generateFamily(ctx, i);
}

/** Subscriber IDs are the group number's last 3 digits and 6 more, so one group holds up to a million. */
const maxSubscribers = 1_000_000;

interface Context {
  rng: Random;
  policy: GroupPolicy;
  plans: readonly Plan[];
  planWeights: readonly (readonly [number, number])[];
  places: readonly Place[];
  todayDay: number;
  todayYear: number;
  groupStartDay: number;
  oldestSubscriberDob: number;
  youngestSubscriberDob: number;
  /** A child born on or after this day is still within the age limit today. */
  earliestActiveChildDob: number;
  /** ISO string of a day number, memoized: a roster repeats the same dates (1sts of months) endlessly. */
  day(epochDay: number): string;
  idPrefix: string;
  idOffset: number;
  ssnOffset: number;
  memberCount: number;
}

function createContext(options: GenerateMembersOptions): Context {
  const policy = options.policy ?? defaultGroupPolicy;
  const todayDay = toEpochDay(options.today);
  const todayYear = partsFromEpochDay(todayDay).year;
  const rng = createRandom((options.seed ^ hashString(options.groupNumber)) >>> 0);
  const days = new Map<number, string>();
  return {
    day(epochDay) {
      let iso = days.get(epochDay);
      if (iso === undefined) {
        iso = fromEpochDay(epochDay);
        days.set(epochDay, iso);
      }
      return iso;
    },
    rng,
    policy,
    plans: options.plans,
    // The first plan is the most popular; each later one draws fewer members.
    planWeights: options.plans.map((_, i) => [i, 1 / (i + 1)] as const),
    places: options.places ?? nationwide,
    todayDay,
    todayYear,
    groupStartDay: toEpochDay(options.groupEffectiveDate ?? fromParts(todayYear - 10, 1, 1)),
    oldestSubscriberDob: toEpochDay(addYears(options.today, -67)) + 1,
    youngestSubscriberDob: toEpochDay(addYears(options.today, -21)),
    earliestActiveChildDob: toEpochDay(addYears(firstOfMonth(options.today), -policy.dependentAgeLimit)),
    idPrefix: options.groupNumber.slice(-3),
    idOffset: rng.int(0, 999_999),
    ssnOffset: rng.int(0, 99_999_999),
    memberCount: 0,
  };
}

const YEAR = 365.2425;
type Standing = 'active' | 'terminated' | 'pending';

// Shares per subscriber (see generateMembers); `U` is the 834's unknown gender, rare on rosters.
const standings: readonly (readonly [Standing, number])[] = [
  ['active', 89],
  ['terminated', 8],
  ['pending', 3],
];
const genders: readonly (readonly [Gender, number])[] = [
  ['F', 50],
  ['M', 49.6],
  ['U', 0.4],
];
const compositions: readonly (readonly [CoverageTier, number])[] = [
  ['EMP', 45],
  ['ESP', 15],
  ['ECH', 10],
  ['FAM', 30],
];
const childCounts: readonly (readonly [number, number])[] = [
  [1, 25],
  [2, 40],
  [3, 22],
  [4, 9],
  [5, 4],
];

function generateFamily(ctx: Context, index: number): MemberRecord[] {
  const { rng, policy, todayDay } = ctx;
  const standing = rng.weighted(standings);
  const gender = rng.weighted(genders);
  const lastName = rng.pick(lastNames);
  // Ages 21–66, most in their 30s to 50s (mean of three uniforms).
  const shape = (rng.next() + rng.next() + rng.next()) / 3;
  const dob = ctx.oldestSubscriberDob + Math.floor(shape * (ctx.youngestSubscriberDob - ctx.oldestSubscriberDob + 1));
  const ageYears = (todayDay - dob) / YEAR;
  const adultDay = dob + Math.ceil(18 * YEAR);

  // Hire date, coverage start and end follow the standing: the waiting-period rule decides pending.
  let hireDay: number;
  let endDay: number | null = null;
  let endReasonId: TerminationReasonId | null = null;
  if (standing === 'pending') {
    const wait = policy.waitingPeriodDays;
    hireDay = wait > 0 ? todayDay - rng.int(0, wait - 1) : todayDay + rng.int(1, 20);
  } else if (standing === 'terminated') {
    const eventDay = todayDay - rng.int(1, 690);
    endDay = toEpochDay(effectiveTerminationDate(fromEpochDay(eventDay), policy));
    endReasonId = pickTerminationReason(rng, ageYears);
    hireDay = pickHireDay(rng, Math.max(adultDay, eventDay - Math.round(35 * YEAR)), eventDay - 120);
  } else {
    hireDay = pickHireDay(rng, Math.max(adultDay, todayDay - Math.round(40 * YEAR)), todayDay - policy.waitingPeriodDays - 31);
  }
  const hireDate = ctx.day(hireDay);
  const familyStart = Math.max(toEpochDay(firstEligibleEffectiveDate(hireDate, policy)), ctx.groupStartDay);
  const familyEnd = endDay;
  const endReason = endReasonId === null ? null : terminationReason(endReasonId).label;
  const place = rng.chance(0.9) ? rng.pick(ctx.places) : rng.pick(nationwide);
  const address = makeAddress(rng, place);

  const subscriber = makePerson(rng, 'subscriber', gender, lastName, dob, familyStart, familyEnd, initialEnrollment, endReason);
  subscriber.phone = rng.chance(0.85) ? makePhone(rng, place) : null;
  const employmentStatus = rng.chance(0.88) ? 'FT' : 'PT';
  subscriber.email = rng.chance(0.9) ? makeEmail(rng, subscriber.firstName, subscriber.lastName) : null;

  const composition = rng.weighted(compositions);
  const dependents: Person[] = [];
  let partner: Person | null = null;
  if (composition === 'ESP' || composition === 'FAM') {
    partner = makePartner(ctx, subscriber, place, familyStart, familyEnd, endReason);
    dependents.push(partner);
    if (standing === 'active' && partner.relationship === 'spouse' && rng.chance(0.04)) divorce(ctx, partner, familyStart);
  }
  if (composition === 'ECH' || composition === 'FAM') {
    if (standing === 'active' && ageYears >= 45 && rng.chance(0.18)) {
      const agedOut = makeAgedOutChild(ctx, subscriber, familyStart);
      if (agedOut) dependents.push(agedOut);
    }
    const count = rng.weighted(childCounts);
    // Pending families must be within the age limit on their future start date.
    const earliestDob =
      standing === 'pending' ? toEpochDay(addYears(firstOfMonth(ctx.day(familyStart)), -policy.dependentAgeLimit)) : ctx.earliestActiveChildDob;
    const lo = Math.max(earliestDob, dob + Math.ceil(19 * YEAR), partner ? partner.dob + Math.ceil(18 * YEAR) : -Infinity);
    const hi = Math.min(todayDay, familyEnd ?? todayDay);
    let previousDob: number | null = null;
    for (let c = 0; c < count && lo <= hi; c++) {
      // About 3 % of children are multiples: same birth date as the sibling before.
      const childDob: number = previousDob !== null && rng.chance(0.03) ? previousDob : rng.int(lo, hi);
      previousDob = childDob;
      const divorced = partner !== null && partner.end !== null;
      dependents.push(makeChild(ctx, subscriber, partner, childDob, familyStart, familyEnd, endReason, divorced));
    }
  }

  const planChangeDay = pickPlanChange(ctx, familyStart, familyEnd);
  const firstPlan = ctx.plans[rng.weighted(ctx.planWeights)] as Plan;
  const secondPlan = planChangeDay === null ? firstPlan : pickOtherPlan(ctx, firstPlan);

  // Dependents in 834 order: the partner first, then children oldest first.
  dependents.sort((a, b) => rank(a) - rank(b) || a.dob - b.dob);
  const family = [subscriber, ...dependents];
  const periods = familyPeriods(family, familyStart, familyEnd, planChangeDay, firstPlan, secondPlan, todayDay);

  // A multiplier coprime with 10^6 spreads consecutive subscribers over the ID space without repeats.
  const subscriberId = ctx.idPrefix + String((index * 618_031 + ctx.idOffset) % 1_000_000).padStart(6, '0');
  return family.map((person, n) => ({
    memberId: n === 0 ? subscriberId : `${subscriberId}-${String(n).padStart(2, '0')}`,
    subscriberId,
    relationship: person.relationship,
    firstName: person.firstName,
    middleName: person.middleName,
    lastName: person.lastName,
    suffix: person.suffix,
    dateOfBirth: ctx.day(person.dob),
    gender: person.gender,
    ssn: person.hasSsn ? nextSsn(ctx) : null,
    address: { ...address },
    phone: person.phone,
    email: person.email,
    hireDate: n === 0 ? hireDate : null,
    employmentStatus: n === 0 ? employmentStatus : null,
    coverage: memberCoverage(ctx, person, periods),
  }));
}

/** Tenure skews recent (square of a uniform): many people were hired in the last few years. */
function pickHireDay(rng: Random, earliest: number, latest: number): number {
  if (earliest >= latest) return latest;
  const r = rng.next();
  return latest - Math.floor(r * r * (latest - earliest + 1));
}

function pickTerminationReason(rng: Random, ageYears: number): TerminationReasonId {
  return rng.weighted<TerminationReasonId>([
    ['termination_of_employment', 34],
    ['quit', 26],
    ['retirement', ageYears >= 55 ? 14 : 0],
    ['layoff', 8],
    ['fired', 6],
    ['reduction_in_hours', 6],
    ['voluntary_withdrawal', 6],
    ['leave_of_absence', 3],
    ['death', 1],
  ]);
}

function makePerson(
  rng: Random,
  relationship: Relationship,
  gender: Gender,
  lastName: string,
  dob: number,
  start: number,
  end: number | null,
  joinReason: string,
  endReason: string | null,
): Person {
  const names = gender === 'F' ? femaleFirstNames : gender === 'M' ? maleFirstNames : rng.chance(0.5) ? femaleFirstNames : maleFirstNames;
  const firstName = rng.pick(names);
  const middle = rng.next();
  const middleName = middle < 0.35 ? rng.pick(names) : middle < 0.5 ? `${String.fromCharCode(65 + rng.int(0, 25))}.` : null;
  return {
    relationship,
    gender,
    firstName,
    middleName: middleName === firstName ? null : middleName,
    lastName,
    suffix: gender === 'M' && relationship !== 'spouse' && rng.chance(0.03) ? rng.pick(suffixes) : null,
    dob,
    hasSsn: true,
    phone: null,
    email: null,
    start,
    end,
    joinReason,
    endReason: end === null ? '' : (endReason ?? ''),
  };
}

function makePartner(ctx: Context, subscriber: Person, place: Place, start: number, end: number | null, endReason: string | null): Person {
  const { rng, todayDay } = ctx;
  const relationship: Relationship = rng.chance(0.1) ? 'domestic_partner' : 'spouse';
  const sameSex = rng.chance(relationship === 'spouse' ? 0.06 : 0.2);
  const gender = subscriber.gender === 'U' ? (rng.chance(0.5) ? 'F' : 'M') : sameSex ? subscriber.gender : subscriber.gender === 'F' ? 'M' : 'F';
  // Partners are near the subscriber's age: mean of three uniforms, ±9 years at most.
  const offset = Math.round((rng.next() + rng.next() + rng.next() - 1.5) * 6 * YEAR);
  const dob = Math.min(Math.max(subscriber.dob + offset, todayDay - Math.round(80 * YEAR)), todayDay - Math.ceil(19 * YEAR));
  const own = rng.pick(lastNames);
  const naming = rng.next();
  const lastName =
    relationship === 'spouse' && naming < 0.7
      ? subscriber.lastName
      : naming < 0.9 || /[ -]/.test(own + subscriber.lastName)
        ? own
        : `${own}-${subscriber.lastName}`;
  const partner = makePerson(rng, relationship, gender, lastName, dob, start, end, initialEnrollment, endReason);
  partner.hasSsn = rng.chance(0.98);
  partner.phone = rng.chance(0.5) ? makePhone(rng, place) : null;
  partner.email = rng.chance(0.4) ? makeEmail(rng, partner.firstName, partner.lastName) : null;
  return partner;
}

/** A spouse removed for divorce in the last two years; the family's tier drops the next day. */
function divorce(ctx: Context, spouse: Person, familyStart: number): void {
  const lo = Math.max(familyStart + 60, ctx.todayDay - 690);
  const hi = ctx.todayDay - 45;
  if (lo > hi) return;
  spouse.end = toEpochDay(effectiveTerminationDate(fromEpochDay(ctx.rng.int(lo, hi)), ctx.policy));
  spouse.endReason = terminationReason('divorce').label;
}

/** A child whose coverage ended at the age limit within the last two years (still visible). */
function makeAgedOutChild(ctx: Context, subscriber: Person, familyStart: number): Person | null {
  const { rng } = ctx;
  const lo = Math.max(ctx.earliestActiveChildDob - 690, subscriber.dob + Math.ceil(19 * YEAR));
  const hi = ctx.earliestActiveChildDob - 1;
  if (lo > hi) return null;
  const dob = rng.int(lo, hi);
  const end = toEpochDay(ageOutDate(fromEpochDay(dob), ctx.policy));
  if (end <= familyStart) return null;
  const gender = rng.chance(0.5) ? 'F' : 'M';
  const child = makePerson(rng, 'child', gender, subscriber.lastName, dob, familyStart, end, initialEnrollment, terminationReason('loss_of_dependent_status').label);
  return child;
}

function makeChild(
  ctx: Context,
  subscriber: Person,
  partner: Person | null,
  dob: number,
  familyStart: number,
  familyEnd: number | null,
  endReason: string | null,
  divorced: boolean,
): Person {
  const { rng } = ctx;
  const roll = rng.next();
  const relationship: Relationship =
    roll < 0.04 ? 'adopted_child' : roll < 0.05 ? 'foster_child' : roll < 0.12 && partner !== null && !divorced ? 'stepchild' : 'child';
  const lastName = relationship === 'stepchild' && partner !== null ? partner.lastName : rng.chance(0.92) || partner === null ? subscriber.lastName : partner.lastName;
  const gender = rng.weighted(genders);
  // Born (or placed) after the family enrolled: covered from the event (HIPAA special enrollment).
  let start = familyStart;
  let joinReason = initialEnrollment;
  if (dob > familyStart) {
    // Placement lands inside the family's coverage and not after today: history, not a future add.
    const last = Math.min(familyEnd ?? ctx.todayDay, ctx.todayDay);
    if (relationship === 'adopted_child' || relationship === 'foster_child') {
      start = Math.min(dob + rng.int(14, 120), last);
      joinReason = relationship === 'adopted_child' ? 'Adoption' : 'Placement for adoption';
    } else {
      start = dob;
      joinReason = 'Birth';
    }
  }
  const child = makePerson(rng, relationship, gender, lastName, dob, start, familyEnd, joinReason, endReason);
  // IRC 6055: a newborn's SSN is often not collected yet.
  const infant = ctx.todayDay - dob < YEAR;
  child.hasSsn = rng.chance(infant ? 0.4 : 0.96);
  return child;
}

/** An open-enrollment plan change on a January 1st inside the family's coverage, for about 12 %. */
function pickPlanChange(ctx: Context, familyStart: number, familyEnd: number | null): number | null {
  if (ctx.plans.length < 2 || !ctx.rng.chance(0.12)) return null;
  const last = Math.min(ctx.todayDay, familyEnd ?? ctx.todayDay);
  const candidates: number[] = [];
  for (let year = partsFromEpochDay(familyStart).year + 1; year <= ctx.todayYear; year++) {
    const day = toEpochDay(fromParts(year, 1, 1));
    if (day > familyStart && day <= last) candidates.push(day);
  }
  return candidates.length === 0 ? null : ctx.rng.pick(candidates);
}

function pickOtherPlan(ctx: Context, current: Plan): Plan {
  const others = ctx.plans.filter((p) => p !== current);
  return ctx.rng.pick(others);
}

function rank(person: Person): number {
  return person.relationship === 'spouse' || person.relationship === 'domestic_partner' ? 0 : 1;
}

/** Areas 001–899 without 666, groups 01–99, serials 0001–9999: every number the SSA may issue. */
const SSN_AREAS = 898;
const SSN_SPACE = SSN_AREAS * 99 * 9999;

/**
 * SSNs the sandbox's own identity rules accept (shared/domain/ssn-validity.ts): the demo data has to
 * pass the checks an administrator's typing does. They sit beside invented names and addresses and
 * never leave the sandbox. A multiplier coprime with the number space walks it without repeating
 * inside a group; the few well-known sample numbers are stepped over.
 */
function nextSsn(ctx: Context): string {
  for (;;) {
    const n = (ctx.memberCount * 61_803_403 + ctx.ssnOffset) % SSN_SPACE;
    ctx.memberCount += 1;
    const areaIndex = Math.floor(n / (99 * 9999));
    const area = areaIndex + 1 + (areaIndex + 1 >= 666 ? 1 : 0);
    const group = Math.floor(n / 9999) % 99 + 1;
    const serial = (n % 9999) + 1;
    const ssn = `${String(area).padStart(3, '0')}${String(group).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
    if (ssnProblem(ssn) === null) return ssn;
  }
}
