import { activityOffline } from './activity-offline';
import { addDependent } from './add-dependent';
import { downloadRoster } from './download-roster';
import { enrollSubscriber } from './enroll-subscriber';
import { payInvoice } from './pay-invoice';
import { readInvoice } from './read-invoice';
import { reinstateCoverage } from './reinstate-coverage';
import { requestIdCards } from './request-id-cards';
import { terminateCoverage } from './terminate-coverage';
import type { Tutorial } from './tutorial-format';
import { updateDemographics } from './update-demographics';

/** Every tutorial, in the order Help lists them. */
export const tutorials: readonly Tutorial[] = [
  enrollSubscriber,
  addDependent,
  terminateCoverage,
  reinstateCoverage,
  updateDemographics,
  requestIdCards,
  downloadRoster,
  readInvoice,
  payInvoice,
  activityOffline,
];

export function findTutorial(id: string): Tutorial | undefined {
  return tutorials.find((t) => t.id === id);
}
