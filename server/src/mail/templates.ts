import { planInstant } from '@shared/util/date-format';
import type { OutgoingMail } from './mailer';

/** The verification e-mail: a link for the browser, a deep link for the desktop app, and a code to type. */
export function verificationMail(input: { to: string; name: string; code: string; token: string; publicUrl: string; expiresHours: number }): OutgoingMail {
  const web = `${input.publicUrl.replace(/\/$/, '')}/verify?token=${encodeURIComponent(input.token)}`;
  const app = `groupdesk://verify?token=${encodeURIComponent(input.token)}`;
  return {
    to: input.to,
    subject: `Your GroupDesk verification code is ${input.code}`,
    text: [
      `Hello ${input.name},`,
      '',
      `Your verification code is ${input.code}. Enter it in GroupDesk to confirm this e-mail address.`,
      '',
      `Or open this link: ${web}`,
      `In the GroupDesk app: ${app}`,
      '',
      `The code and the links work once and expire in ${input.expiresHours} hours.`,
      'If you did not register for GroupDesk, ignore this message.',
    ].join('\n'),
  };
}

export function accessReadyMail(input: { to: string; name: string; groupNumber: string; companyName: string; confirmationNumber: string }): OutgoingMail {
  return {
    to: input.to,
    subject: `Your GroupDesk access to group ${input.groupNumber} is ready`,
    text: [
      `Hello ${input.name},`,
      '',
      `Your request ${input.confirmationNumber} was approved. You are now the primary administrator of`,
      `${input.companyName} (group ${input.groupNumber}).`,
      '',
      'Sign in to GroupDesk to manage members and pay invoices, and to invite additional users.',
    ].join('\n'),
  };
}

export function accessRejectedMail(input: { to: string; name: string; groupNumber: string; confirmationNumber: string; reason: string }): OutgoingMail {
  return {
    to: input.to,
    subject: `Your GroupDesk request ${input.confirmationNumber} was not approved`,
    text: [
      `Hello ${input.name},`,
      '',
      `Your request ${input.confirmationNumber} to administer group ${input.groupNumber} was not approved:`,
      input.reason,
      '',
      'You may submit a new request with corrected details.',
    ].join('\n'),
  };
}

export function accessRequestReceivedMail(input: { to: string; name: string; groupNumber: string; confirmationNumber: string; expectedCompletion: string }): OutgoingMail {
  return {
    to: input.to,
    subject: `We received your GroupDesk request ${input.confirmationNumber}`,
    text: [
      `Hello ${input.name},`,
      '',
      `We received your request to become the primary administrator of group ${input.groupNumber}.`,
      `Confirmation number: ${input.confirmationNumber}`,
      `Requests take 3 to 5 business days; expect an answer by ${input.expectedCompletion}.`,
      '',
      'We will e-mail you as soon as it is processed.',
    ].join('\n'),
  };
}

/** The access code for an invited user; it is the only place the code ever appears in clear. */
export function invitationMail(input: {
  to: string;
  name: string;
  inviterName: string;
  companyName: string;
  groupNumber: string;
  roleLabel: string;
  code: string;
  expiresOn: string;
  publicUrl: string;
}): OutgoingMail {
  return {
    to: input.to,
    subject: `You are invited to group ${input.groupNumber} on GroupDesk`,
    text: [
      `Hello ${input.name},`,
      '',
      `${input.inviterName} invited you to use GroupDesk for ${input.companyName} (group ${input.groupNumber}) with the role ${input.roleLabel}.`,
      '',
      `Your access code is ${input.code}`,
      `It works once and expires on ${input.expiresOn}.`,
      '',
      'To accept:',
      `1. Register, or sign in if you already have an account, in GroupDesk with the plan service at ${input.publicUrl}.`,
      '   Use this e-mail address for your account: the code works only for it.',
      '2. Open Access.',
      '3. Enter the access code and choose Join group.',
      '',
      `If you did not expect this invitation, ignore this message or tell ${input.inviterName}.`,
    ].join('\n'),
  };
}

/** The Bill Pay sign-up's confirmation: which group, and which terms were accepted when (the record a dispute needs). */
export function billPaySignUpMail(input: { to: string; name: string; groupNumber: string; companyName: string; termsVersion: string; acceptedAt: string }): OutgoingMail {
  return {
    to: input.to,
    subject: `You signed up for Bill Pay for group ${input.groupNumber}`,
    text: [
      `Hello ${input.name},`,
      '',
      `You signed up for Bill Pay for ${input.companyName} (group ${input.groupNumber}). You can now see its`,
      'invoices in GroupDesk. The group’s primary administrators have been told.',
      '',
      `Bill Pay terms version ${input.termsVersion} accepted at ${planInstant(input.acceptedAt)}.`,
      '',
      'If you did not sign up, tell the group’s primary administrator and change your password.',
    ].join('\n'),
  };
}
