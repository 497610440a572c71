import { roles } from '../auth/me.js';

export const roleChoices = roles.map((id) => ({ id, name: `laget.roles.${id}` }));
