export { Pharos } from "./client.js";
export { Trace } from "./trace.js";
export { Generation, Parent, Retriever, Span } from "./observation.js";
export { PharosError, type ErrorHandler, type PharosErrorCode } from "./errors.js";
export { observeOpenAI, type ObserveOpenAIOptions, type OpenAILike } from "./observe-openai.js";
export { GuardBlockedError, type GuardDirection, type GuardFinding, type GuardMessage, type GuardOptions, type GuardResult, type GuardVerdict } from "./guard.js";
export type { FeedbackResult } from "./feedback.js";
export { ChatPrompt, PromptCompileError, TextPrompt, type ChatMessage, type ChatTemplateItem, type Prompt } from "./prompt.js";
export type { GetPromptOptions } from "./prompt-fetcher.js";
export type { TimeInput } from "./time.js";
export type {
  EventParams, FeedbackParams, FetchLike, GenerationFields, GenerationParams, Level, PharosOptions, RetrievedDocument, RetrieverEnd, RetrieverParams, ScoreParams, SpanEmbedding, SpanEnd, SpanKind, SpanParams,
  TraceParams, TraceUpdate, Usage,
} from "./types.js";
export { RagEvaluations, type RagEvaluation, type RagEvaluationParams, type RagEvaluationResult, type RagEvaluatorType } from "./rag.js";
export { RunHandle, Runs, type PublicRun, type RunEvaluator, type RunStatus, type StartRunParams, type WaitOptions } from "./runs.js";
