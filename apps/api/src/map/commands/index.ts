import { DefineAreaHandler, EditAreaHandler, RemoveAreaHandler } from './area.commands.js';
import { ImportAreasHandler } from './import-areas.command.js';

export { DefineAreaCommand, EditAreaCommand, RemoveAreaCommand } from './area.commands.js';
export { ImportAreasCommand } from './import-areas.command.js';

/** Every state change of the areas, each a command on the CommandBus. */
export const mapCommandHandlers = [DefineAreaHandler, EditAreaHandler, RemoveAreaHandler, ImportAreasHandler];
