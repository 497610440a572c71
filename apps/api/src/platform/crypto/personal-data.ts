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
  PoliceStatisticsRecorded: [
    ...changedText,
    'changes.[field=statistics].before.note',
    'changes.[field=statistics].after.note',
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

const compiled = new Map<string, Segment[][]>(
  Object.entries(PERSONAL_DATA).map(([type, patterns]) => [type, patterns.map(compile)]),
);

/** Whether events of this type carry personal data at all (most do not: a cheap check first). */
export function hasPersonalData(type: string): boolean {
  return compiled.has(type);
}

/**
 * Calls `visit` for every personal-data string of an event, with its JSON pointer
 * (RFC 6901) and a setter; each string once, however many patterns reach it.
 */
export function visitPersonalData(
  type: string,
  data: unknown,
  visit: (pointer: string, value: string, set: (next: string) => void) => void,
): void {
  const patterns = compiled.get(type);
  if (!patterns) return;
  const seen = new Set<string>();
  const onString = (pointer: string, value: string, set: (next: string) => void) => {
    if (seen.has(pointer)) return;
    seen.add(pointer);
    visit(pointer, value, set);
  };
  for (const segments of patterns) walk(data, segments, 0, '', onString, null, '');
}

function walk(
  value: unknown,
  segments: Segment[],
  index: number,
  pointer: string,
  onString: (pointer: string, value: string, set: (next: string) => void) => void,
  parent: Record<string, unknown> | null,
  parentKey: string,
): void {
  if (typeof value === 'string') {
    // Only a string the whole pattern reaches counts (a pattern matches every string below it).
    if (index === segments.length && parent) {
      onString(pointer, value, (next) => {
        parent[parentKey] = next;
      });
    }
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const segment = segments[index];
  const container = value as Record<string, unknown>;
  const next = segment ? index + 1 : index;
  // A named key is looked up, not searched for: most segments are names, and this runs for
  // every event every read model reads.
  if (segment?.kind === 'key') {
    if (!Array.isArray(value) && Object.hasOwn(container, segment.key))
      walk(
        container[segment.key],
        segments,
        next,
        `${pointer}/${escapePointer(segment.key)}`,
        onString,
        container,
        segment.key,
      );
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
      walk(child, segments, next, `${pointer}/${i}`, onString, container, String(i));
    }
    return;
  }
  if (segment?.kind === 'field') return;
  for (const key of Object.keys(container))
    walk(container[key], segments, next, `${pointer}/${escapePointer(key)}`, onString, container, key);
}

function escapePointer(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}
