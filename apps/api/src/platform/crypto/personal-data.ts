/**
 * Which values of which events are personal data, and so stored encrypted (docs/adr/0025).
 *
 * A pattern is a dotted path into the event's `data`: `*` matches any key or array index,
 * `[field=a|b]` any array element whose `field` is one of the names (the before/after of a
 * change), and a pattern matches every string below the value it reaches. Only strings are
 * encrypted: ids, counts, enums and times stay as they are, so a shredded value still has the
 * shape every reader expects and reads as "[gallrad]". Event metadata (type, who, when, stream)
 * is never encrypted.
 */
// `tags` are free words a reporter adds to an incident (issue 18): they may name people too.
const reportTextFields =
  'narrative|problem|location|frequency|comment|occurredAt|tags|incident|statistics.note';
const changedText = [
  `changes.[field=${reportTextFields}].before`,
  `changes.[field=${reportTextFields}].after`,
];
const snapshot = (at: string) => [
  `${at}.narrative.text`,
  `${at}.incidents.*.problem`,
  `${at}.incidents.*.location`,
  `${at}.incidents.*.frequency`,
  `${at}.incidents.*.comment`,
  `${at}.incidents.*.occurredAt`,
  `${at}.incidents.*.tags`,
  `${at}.statistics.text`,
  `${at}.statistics.items.*.note`,
];

export const PERSONAL_DATA: Readonly<Record<string, readonly string[]>> = {
  // Reports: the narrative, the incidents and the statistics' note; reasons may name people.
  NarrativeWritten: changedText,
  // The police's notes, on the whole and per crime category ("handlat på Klarna i annans namn"),
  // whether the statistics were recorded whole or only their categories changed; the category
  // keys and counts stay readable.
  PoliceStatisticsRecorded: [
    ...changedText,
    'changes.[field=statistics].before.note',
    'changes.[field=statistics].after.note',
    'changes.[field=statistics].before.categories.*.note',
    'changes.[field=statistics].after.categories.*.note',
    'changes.[field=statistics.categories].before.*.note',
    'changes.[field=statistics.categories].after.*.note',
  ],
  IncidentReported: [
    'incident.problem',
    'incident.location',
    'incident.frequency',
    'incident.comment',
    'incident.tags',
    // The whole occurredAt, as its change's `after` (the same object in the command): its parsed
    // date was plain here and sealed there.
    'incident.occurredAt',
    ...changedText,
  ],
  IncidentEdited: [
    ...changedText,
    'changes.[field=occurredAt].before.raw',
    'changes.[field=occurredAt].after.raw',
  ],
  IncidentWithdrawn: ['reason', ...changedText],
  ReportWithdrawn: ['reason'],
  ReportReopened: ['reason'],
  // The lägesbild: every report's snapshot, the coordinator's texts and the reasons; a week's
  // ongoing actions' latest follow-up (its text may name people, issue 19).
  LagesbildCompiled: ['background', ...snapshot('reports.*'), 'actions.*.latestFollowUp.text'],
  SectionEdited: ['text'],
  ReportTakenIn: [...snapshot('report'), 'reason'],
  RedactionApplied: ['redaction.reason'],
  RedactionLifted: ['reason'],
  SuggestionDismissed: ['reason'],
  PublicationRequested: ['correction.what', 'correction.why'],
  PublicationRetracted: ['reason'],
  // Problems and actions (issue 19): descriptions and follow-ups may name people; titles, ids,
  // dates and statuses are what lists, the plan and the open version show.
  ProblemOpened: ['description'],
  ProblemEdited: ['changes.[field=description].before', 'changes.[field=description].after'],
  ActionPlanned: ['description'],
  ActionEdited: ['changes.[field=description].before', 'changes.[field=description].after'],
  ActionFollowedUp: ['text'],
  AtgardsplanCompiled: ['snapshot.problems.*.description', 'snapshot.actions.*.latestFollowUp.text'],
  // Areas (områden, issue 20: AreaDefined, AreaRenamed, AreaRedrawn, AreaRemoved) are not here on
  // purpose: an area's name is a district's ("Centrum", "Kärrgruvan") and its geometry a
  // polygon, shown on the open map; neither says anything about a person.
  // Logins: the person's name and address.
  UserCreated: ['displayName', 'email'],
  UserDetailsChanged: ['changes.displayName', 'changes.email'],
  // E-mails: the address and the text sent.
  EmailRequested: ['to', 'text'],
  // An erasure's reason may name the person it is about.
  PersonalDataErased: ['reason'],
};

type Segment = { kind: 'key'; key: string } | { kind: 'any' } | { kind: 'field'; names: ReadonlySet<string> };

/** A container holding a personal-data string, and the string's key (an index in an array). */
export type Holder = Record<string, unknown> | unknown[];

/**
 * Called for each personal-data string with where it is. `path` is the keys from the event's data
 * down to the string; it is the walk's own stack, valid only during the call (`pointerOf` turns it
 * into a JSON pointer where one is needed: building one for every string was a share of every
 * projection's read).
 */
export type PersonalStringVisitor = (
  value: string,
  holder: Holder,
  key: string | number,
  path: readonly (string | number)[],
) => void;

/** Walks one event type's data: its patterns compiled once. */
export type PersonalDataWalker = (data: unknown, visit: PersonalStringVisitor) => void;

function compile(pattern: string): Segment[] {
  const segments: Segment[] = [];
  // `statistics.note` inside a [field=…] filter holds a dot: split outside brackets only.
  for (const part of pattern.match(/\[[^\]]*\]|[^.]+/g) ?? []) {
    if (part === '*') segments.push({ kind: 'any' });
    else if (part.startsWith('[field='))
      segments.push({ kind: 'field', names: new Set(part.slice(7, -1).split('|')) });
    else segments.push({ kind: 'key', key: part });
  }
  return segments;
}

/** Whether some value both segments match: a named key is never an array element, which a filter needs. */
function segmentsMeet(a: Segment, b: Segment): boolean {
  if (a.kind === 'any' || b.kind === 'any') return true;
  if (a.kind === 'key' || b.kind === 'key') return a.kind === 'key' && b.kind === 'key' && a.key === b.key;
  return [...a.names].some((name) => b.names.has(name));
}

/** A pattern matches every string below what it reaches, so two meet when one's path can lead into the other's. */
function patternsMeet(a: Segment[], b: Segment[]): boolean {
  const shared = Math.min(a.length, b.length);
  for (let index = 0; index < shared; index++) if (!segmentsMeet(a[index]!, b[index]!)) return false;
  return true;
}

/**
 * The walk of one event type's patterns. Where two of them can reach one string (none of today's
 * do), the walk keeps the pointers it visited so the string is visited once.
 */
export function personalDataWalker(patterns: readonly string[]): PersonalDataWalker {
  const compiledPatterns = patterns.map(compile);
  const mayOverlap = compiledPatterns.some((a, i) =>
    compiledPatterns.some((b, j) => j > i && patternsMeet(a, b)),
  );
  return (data, visit) => {
    const seen = mayOverlap ? new Set<string>() : null;
    const path: (string | number)[] = [];
    for (const segments of compiledPatterns) walk(data, segments, 0, path, null, '', visit, seen);
  };
}

const walkers = new Map<string, PersonalDataWalker>(
  Object.entries(PERSONAL_DATA).map(([type, patterns]) => [type, personalDataWalker(patterns)]),
);

/** Whether events of this type carry personal data at all (most do not: a cheap check first). */
export function hasPersonalData(type: string): boolean {
  return walkers.has(type);
}

/**
 * Calls `visit` for every personal-data string of an event, with where it is; each string once,
 * however many patterns reach it. The hot path of sealing and of every read model's read: no
 * closure and no pointer per string.
 */
export function forEachPersonalString(type: string, data: unknown, visit: PersonalStringVisitor): void {
  walkers.get(type)?.(data, visit);
}

/**
 * As `forEachPersonalString`, with the string's JSON pointer (RFC 6901) and a setter: for the
 * shredder, the rewrite step and tests, where a pointer is what they need.
 */
export function visitPersonalData(
  type: string,
  data: unknown,
  visit: (pointer: string, value: string, set: (next: string) => void) => void,
): void {
  forEachPersonalString(type, data, (value, holder, key, path) =>
    visit(pointerOf(path), value, (next) => setAt(holder, key, next)),
  );
}

/** Puts a text where a visitor found one. */
export function setAt(holder: Holder, key: string | number, next: string): void {
  (holder as Record<string | number, unknown>)[key] = next;
}

/** The JSON pointer (RFC 6901) of a path. */
export function pointerOf(path: readonly (string | number)[]): string {
  let pointer = '';
  for (const key of path) pointer += `/${typeof key === 'number' ? key : escapePointer(key)}`;
  return pointer;
}

function walk(
  value: unknown,
  segments: Segment[],
  index: number,
  path: (string | number)[],
  holder: Holder | null,
  key: string | number,
  visit: PersonalStringVisitor,
  seen: Set<string> | null,
): void {
  if (typeof value === 'string') {
    // Only a string the whole pattern reaches counts (a pattern matches every string below it).
    if (index !== segments.length || holder === null) return;
    if (seen) {
      const pointer = pointerOf(path);
      if (seen.has(pointer)) return;
      seen.add(pointer);
    }
    visit(value, holder, key, path);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const segment = segments[index];
  const next = segment ? index + 1 : index;
  // A named key is looked up, not searched for: most segments are names, and this runs for
  // every event every read model reads.
  if (segment?.kind === 'key') {
    if (Array.isArray(value) || !Object.hasOwn(value, segment.key)) return;
    const container = value as Record<string, unknown>;
    path.push(segment.key);
    walk(container[segment.key], segments, next, path, container, segment.key, visit, seen);
    path.pop();
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (segment?.kind === 'field') {
        const field =
          typeof child === 'object' && child !== null ? (child as { field?: unknown }).field : undefined;
        if (typeof field !== 'string' || !segment.names.has(field)) continue;
      }
      path.push(i);
      walk(child, segments, next, path, value, i, visit, seen);
      path.pop();
    }
    return;
  }
  if (segment?.kind === 'field') return;
  const container = value as Record<string, unknown>;
  for (const childKey of Object.keys(container)) {
    path.push(childKey);
    walk(container[childKey], segments, next, path, container, childKey, visit, seen);
    path.pop();
  }
}

function escapePointer(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}
