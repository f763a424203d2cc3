import type { AlertMeasure } from "../schemas/alerts";
import { formatMeasure, MEASURE_LABELS } from "./measure-value";

type Rule = { id: string; name: string; measure: string; comparator: string; threshold: number; windowMinutes: number };
type Event = { id: string; kind: string; value: number | null; createdAt: Date };

/** Slack-compatible JSON (`text` + blocks) with the raw facts alongside for other receivers. */
export function webhookPayload(options: { project: { id: string; name: string }; rule: Rule; event: Event; baseUrl: string }) {
  const { project, rule, event, baseUrl } = options;
  const measure = rule.measure as AlertMeasure;
  const icon = event.kind === "firing" ? "🔴" : event.kind === "resolved" ? "✅" : "🧪";
  const verb = event.kind === "firing" ? "is firing" : event.kind === "resolved" ? "recovered" : "test notification";
  const op = rule.comparator === "lt" ? "<" : ">";
  const text = `${icon} [Pharos] ${rule.name} ${verb} — ${MEASURE_LABELS[measure]} ${formatMeasure(measure, event.value)} (threshold ${op} ${formatMeasure(measure, rule.threshold)}, last ${rule.windowMinutes} min) in ${project.name}`;
  const url = `${baseUrl.replace(/\/$/, "")}/project/${project.id}/alerts`;
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      { type: "context", elements: [{ type: "mrkdwn", text: `<${url}|Open alerts in Pharos>` }] },
    ],
    pharos: {
      projectId: project.id,
      ruleId: rule.id,
      eventId: event.id,
      kind: event.kind,
      measure,
      value: event.value,
      threshold: rule.threshold,
      comparator: rule.comparator,
      windowMinutes: rule.windowMinutes,
      at: event.createdAt.toISOString(),
    },
  };
}
