import type { DocumentSection } from '@laget/contracts';
import { actionText } from '../../lagesbild/ongoing-actions-layout.js';
import type { PlanProblem, PlanSnapshot } from './plan-snapshot.js';

/**
 * The åtgärdsplan as sections in the lägesbild's document shape, so that the lägesbild's PDF
 * renderer draws it (ADR 0028): why (the problems and their weeks), what (the actions), how they
 * are followed up. The open version has no problem descriptions and only the public actions.
 */
const STATUS = { active: 'aktivt', watched: 'bevakas', closed: 'avslutat' } as const;

function weeksText(problem: PlanProblem): string {
  if (problem.weeks.length === 0) return 'Inga inrapporterade händelser är kopplade till problemet.';
  const total = problem.weeks.reduce((sum, week) => sum + week.incidents, 0);
  const list = problem.weeks.map(
    (week) => `${week.period.replace(/^(\d{4})-W(\d{2})$/, 'v$2')}: ${week.incidents}`,
  );
  const weeks = problem.weeks.length === 1 ? '1 vecka' : `${problem.weeks.length} veckor`;
  return `Kopplade händelser: ${total} under ${weeks} (${list.join(', ')}).`;
}

function problemSection(problem: PlanProblem, view: 'internal' | 'open'): DocumentSection {
  const lines = [`Kategori: ${problem.category}. Status: ${STATUS[problem.status]}.`];
  if (view === 'internal' && problem.description.trim()) lines.push(problem.description);
  lines.push(weeksText(problem));
  return { id: `problem-${problem.problemId}`, kind: 'other', title: problem.title, text: lines.join('\n') };
}

export function planSections(snapshot: PlanSnapshot, view: 'internal' | 'open'): DocumentSection[] {
  const actions = view === 'open' ? snapshot.actions.filter((action) => action.public) : snapshot.actions;
  return [
    {
      id: 'why',
      kind: 'background',
      title: 'Varför: problemen',
      text:
        `Problem som EST-gruppen har valt att arbeta med under ${snapshot.year}, ` +
        'med de inrapporterade händelser som kopplats till dem vecka för vecka.',
    },
    ...snapshot.problems.map((problem) => problemSection(problem, view)),
    {
      id: 'what',
      kind: 'other',
      title: 'Vad: åtgärderna',
      text:
        actions.length === 0
          ? view === 'open' && snapshot.actions.length > 0
            ? 'Inga åtgärder redovisas i den öppna versionen.'
            : 'Inga åtgärder är planerade än.'
          : 'Åtgärderna, vem som ansvarar och när de ska vara genomförda.',
    },
    ...actions.map((action) => ({
      id: `action-${action.actionId}`,
      kind: 'ongoing_action' as const,
      title: action.title,
      text: actionText(action),
    })),
    {
      id: 'how',
      kind: 'conclusions',
      title: 'Hur åtgärderna följs upp',
      text:
        'Den organisation som äger en åtgärd följer upp den med en daterad anteckning om effekten ' +
        '(bättre, oförändrat eller sämre). Läget påminner ägaren en vecka innan en åtgärd ska vara klar ' +
        'och när en pågående åtgärd inte har följts upp på fyra veckor. Varje veckas lägesbild redovisar ' +
        'pågående åtgärder med den senaste uppföljningen.',
    },
  ];
}
