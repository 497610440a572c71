import { z } from 'zod';

/** A section, report or redaction id from the route: present, and no longer than an id can be. */
export const routeId = z.string().min(1).max(200);
