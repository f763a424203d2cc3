import { Card } from "@/components/ui/card";

/** How to send the first trace: endpoints and copy-paste snippets for this server. */
export function SendTracesCard({ origin }: { origin: string }) {
  const otel = `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=${origin}/api/public/otel/v1/traces
OTEL_EXPORTER_OTLP_TRACES_HEADERS="Authorization=Bearer sk-…"`;
  const sdk = `import { Pharos, observeOpenAI } from "@pharos/sdk";
import OpenAI from "openai";

const pharos = new Pharos({ baseUrl: "${origin}", secretKey: process.env.PHAROS_SECRET_KEY });
const openai = observeOpenAI(new OpenAI(), { pharos });
await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] });
await pharos.flush();`;
  return (
    <Card title="Send traces" description="Any OpenTelemetry exporter (protobuf or JSON) or the Pharos SDK. Create a key under API keys.">
      <div className="space-y-3 text-sm">
        <p className="text-zinc-600 dark:text-zinc-400">OpenTelemetry (GenAI conventions, OpenInference and Langfuse attributes are understood):</p>
        <pre className="overflow-x-auto rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100">{otel}</pre>
        <p className="text-zinc-600 dark:text-zinc-400">TypeScript SDK:</p>
        <pre className="overflow-x-auto rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100">{sdk}</pre>
      </div>
    </Card>
  );
}
