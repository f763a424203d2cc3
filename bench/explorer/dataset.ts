/**
 * The explorer's synthetic week, generated inside Postgres (INSERT … SELECT over
 * generate_series, so no rows cross the wire): support-bot traces of 3–5 spans (chain →
 * retriever → 1–3 LLM calls) with English and Korean questions and answers, the models and
 * rollout of bench/dashboard's dataset, ~3 % errors, some PII/injection/uncertainty flags,
 * thumbs feedback on ~6 % of traces, and one 50-span trace for the detail benchmark.
 * Trace summaries are written the way ingest writes them (search_text by the same
 * expression, models, flags, token and cost sums).
 */
import { SEARCH_TEXT_SQL } from "../../lib/ingest/sql/search-text";

export const MODELS = ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "claude-3-5-haiku", "gemini-2.0-flash"];

const QUESTIONS = [
  "How do I get a refund for my last order?",
  "Can I change the shipping address after checkout?",
  "Why was my card declined when I paid?",
  "What is your return policy for opened items?",
  "My package arrived damaged, what should I do?",
  "Do you ship internationally to Canada?",
  "주문한 상품은 언제 도착하나요?",
  "환불은 보통 며칠 걸리나요?",
  "배송지 주소를 변경할 수 있나요?",
  "결제가 두 번 된 것 같아요. 확인해 주세요.",
  "쿠폰이 적용되지 않아요. 어떻게 해야 하나요?",
  "교환 신청은 어디에서 하나요?",
];
const ANSWERS = [
  "Refunds are issued to the original payment method within 5 business days.",
  "You can update the address from the order page until the item ships.",
  "I'm not sure about that one; let me connect you with a human agent.",
  "Please send a photo of the damage and we will replace the item at no cost.",
  "환불은 영업일 기준 3~5일 이내에 처리됩니다.",
  "배송지는 출고 전까지 주문 상세 페이지에서 변경할 수 있습니다.",
  "잘 모르겠습니다. 상담원에게 연결해 드릴게요.",
  "쿠폰은 장바구니 화면에서 다시 적용해 주세요.",
];
const PRODUCTS = ["wireless earbuds", "running shoes", "coffee grinder", "노트북 거치대", "전기 주전자", "가습기", "yoga mat", "블루투스 스피커"];

const arr = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(", ")}]`;
const pick = (xs: string[], r: string) => `(${arr(xs)})[1 + floor(${r} * ${xs.length})::int]`;

/** Traces numbered 1..count, start times uniform over [end − days, end), inserted in time order like ingest. */
export function insertTracesSql(o: { projectId: string; count: number; endMs: number; days: number }) {
  const model = (k: string) => pick(MODELS, k);
  return `
insert into traces (project_id, id, trace_name, root_name, first_name, start_time, end_time, input, output, user_id, session_id, environment,
  release, prompt_name, prompt_version, tags, span_count, llm_count, error_count, input_tokens, output_tokens, total_cost, flags, models, search_text)
select '${o.projectId}', id, 'support-answer', 'support-answer', 'support-answer', start_time, start_time + latency, input, output,
  'user-' || floor(20000 * r_user ^ 2)::int, 'session-' || (n / 3), case when r_env < 0.85 then 'production' else 'staging' end,
  case when v2 then '2026.11.2' else '2026.11.1' end, 'support-answer', case when v2 then 2 else 1 end,
  case when korean then array['support', 'ko'] else array['support', 'en'] end,
  2 + llm_calls, llm_calls, case when error then 1 else 0 end, in_tok, out_tok, (in_tok * 0.0000025 + out_tok * 0.00001)::numeric(20, 10),
  (case when error then array['error'] else array[]::text[] end) || (case when r_flag < 0.02 then array['pii'] when r_flag < 0.03 then array['injection'] else array[]::text[] end)
    || (case when answer like '%not sure%' or answer like '%모르겠%' then array['uncertainty'] else array[]::text[] end),
  case when llm_calls > 1 and m2 <> m1 then array[m1, m2] else array[m1] end,
  ${SEARCH_TEXT_SQL("input", "output")}
from (
  select n, id, start_time, latency, question, answer, korean, error, v2, r_user, r_env, r_flag, llm_calls, m1, m2,
    in_tok, out_tok, jsonb_build_object('question', question) as input, case when error then null else jsonb_build_object('answer', answer) end as output
  from (
    select n, md5('t' || n) as id, start_time, make_interval(secs => (0.3 + 3 * random() ^ 2) * (case when random() < 0.05 then 8 else 1 end)) as latency,
      q || case when random() < 0.5 then ' (' || ${pick(PRODUCTS, "random()")} || ', order A-' || (100000 + n) || ')' else '' end as question,
      ${pick(ANSWERS, "random()")} as answer, q ~ '[가-힣]' as korean, random() < 0.03 as error,
      random() < (extract(epoch from start_time) - ${o.endMs / 1000 - o.days * 86400}) / ${o.days * 86400} as v2,
      random() as r_user, random() as r_env, random() as r_flag, 1 + floor(3 * random() ^ 3)::int as llm_calls,
      ${model("random()")} as m1, ${model("random()")} as m2,
      (400 + floor(1600 * random()))::bigint as in_tok, (50 + floor(500 * random()))::bigint as out_tok
    from (
      select n, to_timestamp(${o.endMs / 1000} - ${o.days * 86400} * random()) as start_time, ${pick(QUESTIONS, "random()")} as q
      from generate_series(1, ${o.count}) n
    ) s
  ) g
) t
order by start_time`;
}

/** Spans of every trace: the chain root (the trace's input/output), a retriever, then its LLM calls. */
export function insertSpansSql(projectId: string) {
  return `
insert into spans (project_id, trace_id, id, parent_id, kind, name, start_time, end_time, latency_ms, model, provider, input, output,
  input_tokens, output_tokens, total_tokens, total_cost, level, user_id, session_id, environment, release, prompt_name, prompt_version, tags, flags, trace_name)
select t.project_id, t.id, left(md5(t.id || k), 16), case when k = 0 then null else left(md5(t.id || 0), 16) end,
  case k when 0 then 'chain' when 1 then 'retriever' else 'llm' end, case k when 0 then 'support-answer' when 1 then 'search-help-center' else 'chat' end,
  t.start_time + (k * interval '5 ms'), case when k = 0 then t.end_time else t.end_time - interval '5 ms' end,
  extract(epoch from (t.end_time - t.start_time)) * 1000, case when k >= 2 then t.models[least(k - 1, cardinality(t.models))] end,
  case when k >= 2 then 'openai' end,
  case when k = 0 then t.input when k = 1 then to_jsonb(t.input ->> 'question') else jsonb_build_array(jsonb_build_object('role', 'user', 'content', t.input ->> 'question')) end,
  case when k = 0 then t.output when k = 1 then '[{"id": "kb-12", "score": 0.82}]'::jsonb else t.output end,
  case when k >= 2 then t.input_tokens / t.llm_count end, case when k >= 2 then t.output_tokens / t.llm_count end,
  case when k >= 2 then (t.input_tokens + t.output_tokens) / t.llm_count end, case when k >= 2 then t.total_cost / t.llm_count end,
  case when t.error_count > 0 and k = t.span_count - 1 then 'ERROR' else 'DEFAULT' end,
  t.user_id, t.session_id, t.environment, t.release, t.prompt_name, t.prompt_version, t.tags, '{}', 'support-answer'
from traces t cross join lateral generate_series(0, t.span_count - 1) k
where t.project_id = '${projectId}'
order by t.start_time`;
}

/** One agent-style trace of exactly 50 spans (a chain with 49 tool/LLM children), newest in the project. */
export function insertDetailTraceSql(projectId: string, traceId: string, endMs: number) {
  return `
with t as (select '${projectId}'::text as project_id, '${traceId}'::text as id, to_timestamp(${endMs / 1000} - 60) as start_time)
, s as (
  insert into spans (project_id, trace_id, id, parent_id, kind, name, start_time, end_time, latency_ms, model, provider, input, output,
    input_tokens, output_tokens, total_tokens, total_cost, level, environment, tags, flags, trace_name)
  select t.project_id, t.id, 'span-' || lpad(k::text, 2, '0'), case when k = 0 then null else 'span-00' end,
    case when k = 0 then 'agent' when k % 2 = 1 then 'llm' else 'tool' end, case when k = 0 then 'agent' when k % 2 = 1 then 'chat' else 'lookup-order' end,
    t.start_time + k * interval '400 ms', t.start_time + k * interval '400 ms' + case when k = 0 then interval '30 s' else interval '350 ms' end,
    case when k = 0 then 30000 else 350 end, case when k % 2 = 1 then 'gpt-4o' end, case when k % 2 = 1 then 'openai' end,
    jsonb_build_array(jsonb_build_object('role', 'user', 'content', '주문 A-100' || k || ' 상태를 확인해 주세요. Please check order A-100' || k)),
    jsonb_build_object('role', 'assistant', 'content', 'Order A-100' || k || ' ships tomorrow. 내일 출고됩니다.'),
    case when k % 2 = 1 then 800 end, case when k % 2 = 1 then 120 end, case when k % 2 = 1 then 920 end, case when k % 2 = 1 then 0.0032 end,
    'DEFAULT', 'production', array['agent'], '{}', 'agent-run'
  from t, generate_series(0, 49) k
  returning 1
)
insert into traces (project_id, id, trace_name, root_name, first_name, start_time, end_time, input, output, environment, tags, span_count, llm_count,
  input_tokens, output_tokens, total_cost, models, search_text)
select project_id, id, 'agent-run', 'agent', 'agent', start_time, start_time + interval '30 s', '{"task": "check 25 orders"}', '{"done": true}', 'production',
  array['agent'], (select count(*) from s), 25, 20000, 3000, 0.08, array['gpt-4o'], '{"task": "check 25 orders"}' || E'\\n' || '{"done": true}'
from t`;
}

/** Thumbs feedback on ~6 % of the traces, 80 % up. */
export function insertFeedbackSql(projectId: string) {
  return `
insert into scores (project_id, id, trace_id, name, number_value, data_type, source, created_at)
select project_id, md5('s' || id), id, 'user_feedback', case when random() < 0.8 then 1 else 0 end, 'BOOLEAN', 'user_feedback', end_time + interval '5 s'
from traces where project_id = '${projectId}' and random() < 0.06`;
}
