import { tutorials } from '@shared/help/tutorials';
import { HelpSearch } from './HelpSearch';
import { PlanContacts } from './PlanContacts';
import './help.css';

/** Help: the tasks GroupDesk teaches, searchable, and who to call at the plan. */
export function HelpPage() {
  return (
    <div className="page help-page">
      <div className="page-header">
        <div>
          <h1 className="page-title">Help</h1>
          <p className="page-meta">How to do each task in GroupDesk, step by step, with a guided tour on your own screens.</p>
        </div>
      </div>
      <div className="help-layout">
        <section className="card" aria-labelledby="help-tasks-title">
          <h2 id="help-tasks-title" className="card-title">
            Tasks
          </h2>
          <HelpSearch tutorials={tutorials} />
        </section>
        <PlanContacts />
      </div>
    </div>
  );
}
