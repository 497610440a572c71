import { ApplyRedactionHandler } from './apply-redaction.command.js';
import { ApproveLagesbildHandler } from './approve-lagesbild.command.js';
import { CompileLagesbildHandler } from './compile-lagesbild.command.js';
import { DefineAudienceHandler } from './define-audience.command.js';
import { DismissSuggestionHandler } from './dismiss-suggestion.command.js';
import { EditSectionHandler } from './edit-section.command.js';
import { LiftRedactionHandler } from './lift-redaction.command.js';
import { ReconfirmRedactionHandler } from './reconfirm-redaction.command.js';
import { RemoveAudienceHandler } from './remove-audience.command.js';
import { RequestPublicationHandler } from './request-publication.command.js';
import { RetractPublicationHandler } from './retract-publication.command.js';
import { TakeInReportHandler } from './take-in-report.command.js';

export { ApplyRedactionCommand, type RedactionResult } from './apply-redaction.command.js';
export { ApproveLagesbildCommand } from './approve-lagesbild.command.js';
export { CompileLagesbildCommand } from './compile-lagesbild.command.js';
export { DefineAudienceCommand } from './define-audience.command.js';
export { DismissSuggestionCommand } from './dismiss-suggestion.command.js';
export { EditSectionCommand } from './edit-section.command.js';
export { LiftRedactionCommand } from './lift-redaction.command.js';
export { ReconfirmRedactionCommand } from './reconfirm-redaction.command.js';
export { RemoveAudienceCommand } from './remove-audience.command.js';
export { RequestPublicationCommand, type PublicationRequestResult } from './request-publication.command.js';
export { RetractPublicationCommand } from './retract-publication.command.js';
export { TakeInReportCommand } from './take-in-report.command.js';

/** Every change to a week's lägesbild, one handler per command (lagesbild.feature.ts). */
export const lagesbildCommandHandlers = [
  CompileLagesbildHandler,
  EditSectionHandler,
  TakeInReportHandler,
  DefineAudienceHandler,
  RemoveAudienceHandler,
  ApplyRedactionHandler,
  LiftRedactionHandler,
  ReconfirmRedactionHandler,
  DismissSuggestionHandler,
  ApproveLagesbildHandler,
  RequestPublicationHandler,
  RetractPublicationHandler,
];
