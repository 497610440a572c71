import { RecordPublicationFailureHandler } from './record-publication-failure.command.js';
import { RecordPublicationHandler } from './record-publication.command.js';
import { RequestReminderHandler } from './request-reminder.command.js';

export { RecordPublicationCommand } from './record-publication.command.js';
export { RecordPublicationFailureCommand } from './record-publication-failure.command.js';
export { RequestReminderCommand } from './request-reminder.command.js';

/** Every state change of the publication feature: the job outcomes and the reminders they ask for. */
export const publicationCommandHandlers = [
  RecordPublicationHandler,
  RecordPublicationFailureHandler,
  RequestReminderHandler,
];
