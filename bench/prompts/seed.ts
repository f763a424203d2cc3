// The benchmark's prompt: a chat prompt of realistic size in Korean and English, three
// versions, `production` on v2 with a canary on v3, written as the registry would write them.
import { createHash } from "node:crypto";
import type pg from "pg";

const SYSTEM = [
  "You are the support assistant of an online store that ships to Korea and the United States.",
  "Answer in the customer's language. Be precise about refund windows, shipping times and fees.",
  "고객이 한국어로 질문하면 한국어로, 영어로 질문하면 영어로 답하세요. 환불, 배송, 결제 정책을 정확하게 안내하세요.",
  "If the policy below does not answer the question, say so and offer to connect a human agent.",
  "Policy: refunds within 30 days of delivery go to the original payment method within 5 business days; 배송은 영업일 기준 2~4일 걸립니다.",
].join("\n").repeat(2);

const template = (n: number) => [
  { role: "system", content: `${SYSTEM}\n(version ${n})` },
  { type: "placeholder", name: "history" },
  { role: "user", content: "Customer {{customer_name}} asks: {{question}}" },
];

export async function seedBenchPrompt(client: pg.Client, options: { name: string; canaryPercent: number }): Promise<number> {
  const project = (await client.query("select id from projects where name = 'Bench'")).rows[0].id as string;
  const promptId = "bench-prompt";
  await client.query("insert into prompts (project_id, id, name, type) values ($1, $2, $3, 'chat')", [project, promptId, options.name]);
  for (const n of [1, 2, 3]) {
    const t = JSON.stringify(template(n));
    await client.query(
      "insert into prompt_versions (project_id, prompt_id, version, template, config, variables, content_hash) values ($1, $2, $3, $4, $5, $6, $7)",
      [project, promptId, n, t, JSON.stringify({ model: "gpt-4o-mini", temperature: 0.2, max_tokens: 600 }), ["customer_name", "question"], createHash("sha256").update(t).digest("hex")],
    );
  }
  await client.query("insert into prompt_canaries (project_id, id, prompt_id, label, base_version, canary_version, percent) values ($1, 'bench-canary', $2, 'production', 2, 3, $3)", [project, promptId, options.canaryPercent]);
  await client.query("insert into prompt_labels (project_id, prompt_id, label, version, canary_id) values ($1, $2, 'production', 2, 'bench-canary')", [project, promptId]);
  return Buffer.byteLength(JSON.stringify(template(2)));
}
