import { RecordPublicationFailureHandler } from './record-publication-failure.command.js';
import { RecordPublicationHandler } from './record-publication.command.js';
import { RequestReminderHandler } from './request-reminder.command.js';
import { RequestRemindersNowHandler } from './request-reminders-now.command.js';

export { RecordPublicationCommand } from './record-publication.command.js';
export { RecordPublicationFailureCommand } from './record-publication-failure.command.js';
export { RequestReminderCommand } from './request-reminder.command.js';
export { RequestRemindersNowCommand } from './request-reminders-now.command.js';

/** Every state change of the publication feature: the job outcomes, the reminders they ask for and the coordinator's. */
export const publicationCommandHandlers = [
  RecordPublicationHandler,
  RecordPublicationFailureHandler,
  RequestReminderHandler,
  RequestRemindersNowHandler,
];
