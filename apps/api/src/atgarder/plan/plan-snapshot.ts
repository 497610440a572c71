import type { OngoingActionSnapshot, ProblemStatus } from '@laget/contracts';

/**
 * What a yearly åtgärdsplan is compiled from (issue 19, point 4), frozen in its log: the active
 * problems with their linked incidents counted per week (the "why"), and their actions (the
 * "what"), each with its latest follow-up (the "how it is followed up").
 */
export interface PlanProblem {
  problemId: string;
  title: string;
  category: string;
  status: ProblemStatus;
  description: string;
  /** Linked incidents per week of the year, oldest first. */
  weeks: { period: string; incidents: number }[];
}

export interface PlanSnapshot {
  year: number;
  problems: PlanProblem[];
  actions: OngoingActionSnapshot[];
}
