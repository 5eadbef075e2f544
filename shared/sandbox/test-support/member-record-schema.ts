import { z } from 'zod';
import { address, coverageTier } from '../../contract/schemas/group';
import { employmentStatus, gender, relationship } from '../../contract/schemas/member';
import { email, isoDate, memberId, personName, phone, planCode } from '../../contract/schemas/primitives';
import type { CoverageRecord, MemberRecord } from '../types';

/**
 * The zod form of MemberRecord, which the generator's tests hold every generated member to. The SSN
 * is whole here, as in MemberRecord.
 */
export const coverageRecordSchema = z.object({
  planCode,
  tier: coverageTier,
  startDate: isoDate,
  endDate: isoDate.nullable(),
  reason: z.string().min(1),
}) satisfies z.ZodType<CoverageRecord>;

export const memberRecordSchema = z.object({
  memberId,
  subscriberId: memberId,
  relationship,
  firstName: personName,
  middleName: personName.nullable(),
  lastName: personName,
  suffix: z.string().min(1).max(10).nullable(),
  dateOfBirth: isoDate,
  gender,
  ssn: z.string().regex(/^\d{9}$/).nullable(),
  address,
  phone: phone.nullable(),
  email: email.nullable(),
  hireDate: isoDate.nullable(),
  employmentStatus: employmentStatus.nullable(),
  coverage: z.array(coverageRecordSchema).min(1),
}) satisfies z.ZodType<MemberRecord>;
