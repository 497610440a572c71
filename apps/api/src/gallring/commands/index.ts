import { ErasePersonalDataHandler } from './erase-personal-data.command.js';
import { RunGallringHandler } from './run-gallring.command.js';

export { ErasePersonalDataCommand } from './erase-personal-data.command.js';
export { RunGallringCommand } from './run-gallring.command.js';

export const gallringCommandHandlers = [RunGallringHandler, ErasePersonalDataHandler];
