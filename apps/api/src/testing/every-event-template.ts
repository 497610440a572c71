/** The shape of one event's example in the every-event kit (every-event.ts), and its helpers. */
export type Family =
  | 'organisation'
  | 'user'
  | 'security'
  | 'username'
  | 'report'
  | 'reportread'
  | 'place'
  | 'lagesbild'
  | 'lagesbildread'
  | 'email'
  | 'reminders'
  | 'gallring'
  | 'problem'
  | 'action'
  | 'atgardsplan'
  | 'area';

export interface Template<Data> {
  family: Family;
  data: Data;
}

/** A `changes` list of one field, as the report and lägesbild events record edits. */
export const change = (field: string) => [{ field, before: 'före', after: 'efter' }];
