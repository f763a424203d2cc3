export type Choice = "A" | "B" | "tie" | "both_bad";
export type Pick = "left" | "right" | "tie" | "both_bad";
export type Criterion = { name: string; description?: string };
export type ScoreDefinition =
  | { name: string; type: "numeric"; min: number; max: number }
  | { name: string; type: "categorical"; categories: string[] }
  | { name: string; type: "boolean" };
export type QueueRow = {
  id: string; name: string; kind: "pairs" | "items"; scoreDefinitions: ScoreDefinition[]; instructions: string; judgmentsPerPair: number; criteria: Criterion[]; rationale: "optional" | "required"; leaseSeconds: number; createdAt: string;
  annotatorIds?: string[]; assigned: boolean; pairs?: number; judgments?: number; done?: number; wanted?: number; mine?: number;
};
export type Progress = { mine: number; done: number; wanted: number; pairs: number };
export type AnnotatorPair = { id: string; prompt: unknown; left: string; right: string };
export type NextPair = { pair: AnnotatorPair | null; progress: Progress };
export type FinalLabel = { choice: Choice | null; by: "adjudication" | "majority" | null; agreement: number | null };
export type QueueStats = {
  queue: { id: string; name: string; kind: "pairs" | "items"; judgmentsPerPair: number };
  pairs: number; judgments: number; decided: number; disagreements: number; alpha: number | null;
  kappa: Array<{ annotatorA: string; annotatorB: string; sharedPairs: number; observedAgreement: number; kappa: number | null }>;
  annotators: Array<{ annotator: string; judgments: number; agreementWithMajority: number | null; majorityPairs: number; goldPairs: number; goldAccuracy: number | null; medianMs: number | null }>;
  durationsMs: number[];
};
export type DisputedPair = {
  id: string; prompt: unknown; responseA: string; responseB: string; goldChoice: Choice | null; adjudicatedChoice: Choice | null; adjudicationNote: string | null;
  traceIds: string[]; runIds: string[]; promptVersions: string[]; final: FinalLabel;
  judgments: Array<{ annotator: string; choice: Choice; rationale: string | null; criteria: Record<string, number> | null; durationMs: number | null; createdAt: string }>;
};
export type PairRow = {
  id: string; prompt: unknown; responseA: string; responseB: string; source: string; traceIds: string[]; runIds: string[]; promptVersions: string[];
  goldChoice: Choice | null; adjudicatedChoice: Choice | null; createdAt: string; judgments: number; final: FinalLabel;
};
export type Member = { userId: string; email: string; role: string };

export const CHOICE_LABEL: Record<Choice, string> = { A: "A better", B: "B better", tie: "Tie", both_bad: "Both bad" };

export const annotationKeys = {
  all: (projectId: string) => ["projects", projectId, "annotation"] as const,
  queues: (projectId: string) => [...annotationKeys.all(projectId), "queues"] as const,
  queue: (projectId: string, queueId: string) => [...annotationKeys.all(projectId), "queue", queueId] as const,
  /** A leased pair: `after` is the pair it is fetched behind (the prefetch), "" for the first. */
  next: (projectId: string, queueId: string, after: string) => [...annotationKeys.all(projectId), "next", queueId, after] as const,
  stats: (projectId: string, queueId: string) => [...annotationKeys.all(projectId), "stats", queueId] as const,
  disagreements: (projectId: string, queueId: string) => [...annotationKeys.all(projectId), "disagreements", queueId] as const,
  pairs: (projectId: string, queueId: string) => [...annotationKeys.all(projectId), "pairs", queueId] as const,
};

export const queuesPath = (projectId: string) => `/api/projects/${projectId}/annotation-queues`;
