import type { Tutorial } from './tutorial-format';

export const enrollSubscriber: Tutorial = {
  id: 'enroll-subscriber',
  title: 'Enroll an employee',
  summary: 'Add a new employee (the subscriber) to the plan, with a spouse or children if they join too.',
  area: 'Members',
  keywords: ['new hire', 'add employee', 'subscriber', 'enrollment', 'sign up', 'join'],
  article: [
    'Enroll an employee when they become eligible: usually a new hire after the waiting period, or an employee who has a qualifying event such as a marriage or a birth.',
    'Have their name, date of birth, Social Security number, home address, hire date and the plan they chose at hand. Dependents need a name, date of birth and relationship; their SSN is optional.',
    'The wizard saves a draft as you type. You can choose Save and close at any time and pick it up again from Activity.',
    'When you submit, GroupDesk sends the enrollment to the plan (at once when online, or as soon as it is online again). The plan checks it and answers with a confirmation number. Until then the new member has a provisional ID that starts with NEW.',
  ],
  startPath: '/members',
  steps: [
    { target: 'nav-members', title: 'Open Members', body: 'Choose Members in the navigation to see your roster.', action: 'do', imageAlt: 'The navigation with Members highlighted.' },
    { target: 'roster-enroll', title: 'Start the enrollment', body: 'Choose Enroll an employee.', action: 'do', imageAlt: 'The roster toolbar with the Enroll an employee button highlighted.' },
    {
      target: 'enroll-person',
      title: 'Personal details',
      body: 'Type the first and last name, date of birth, gender and Social Security number, then choose Next.',
      action: 'do',
      imageAlt: 'Step 1 of the enroll wizard, Personal details, with name, date of birth, gender and SSN fields.',
    },
    { target: 'enroll-contact', title: 'Address and contact', body: 'Enter the home address. Phone and e-mail are optional. Choose Next.', action: 'do', imageAlt: 'Step 2, Address and contact, with street, city, state and ZIP code fields.' },
    { target: 'enroll-employment', title: 'Employment', body: 'Enter the hire date and choose full time or part time, then choose Next.', action: 'do', imageAlt: 'Step 3, Employment, with the hire date and employment status.' },
    {
      target: 'enroll-coverage',
      title: 'Coverage',
      body: 'Choose the plan and the day coverage starts. GroupDesk offers only the dates your plan allows. Choose Next.',
      action: 'do',
      imageAlt: 'Step 4, Coverage, with the list of plans and the coverage start dates.',
    },
    {
      target: 'enroll-dependents',
      title: 'Dependents',
      body: 'Add a spouse or children who join with the employee, or choose Next if there are none.',
      action: 'do',
      imageAlt: 'Step 5, Dependents, with the Add spouse or domestic partner and Add child buttons.',
    },
    {
      target: 'enroll-review',
      title: 'Review and submit',
      body: 'Check the monthly cost and every answer. Use Change beside a section to fix it, then choose Submit enrollment.',
      action: 'do',
      imageAlt: 'The review step with the coverage and cost summary and the Submit enrollment button.',
    },
    {
      target: 'wizard-done',
      title: 'Sent to the plan',
      body: 'This line says where the enrollment is. When the plan accepts it, you see its confirmation number here and in Activity.',
      action: 'read',
      imageAlt: 'Enrollment submitted, with the status line and the plan’s confirmation number.',
    },
  ],
};
