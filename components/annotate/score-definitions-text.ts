import type { ScoreDefinition } from "@/lib/queries/annotation/keys";

/**
 * Score definitions typed one a line in the create dialog: `quality: 1-5` (numeric range),
 * `tone: formal | casual | curt` (categories), `correct: yes/no` (boolean). Errors name the line.
 */
export function parseScoreDefinitions(text: string): { definitions: ScoreDefinition[]; error: string | null } {
  const definitions: ScoreDefinition[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const m = /^([\w.:-]+)\s*:\s*(.+)$/.exec(line);
    if (!m) return { definitions, error: `line ${i + 1}: write "name: 1-5", "name: a | b" or "name: yes/no"` };
    const [, name, spec] = m as unknown as [string, string, string];
    const range = /^(-?\d+(?:\.\d+)?)\s*-\s*(-?\d+(?:\.\d+)?)$/.exec(spec.trim());
    if (range) {
      const [min, max] = [Number(range[1]), Number(range[2])];
      if (!(min < max)) return { definitions, error: `line ${i + 1}: the range must go up` };
      definitions.push({ name, type: "numeric", min, max });
    } else if (/^yes\s*\/\s*no$/i.test(spec.trim())) {
      definitions.push({ name, type: "boolean" });
    } else {
      const categories = spec.split("|").map((c) => c.trim()).filter(Boolean);
      if (categories.length < 2) return { definitions, error: `line ${i + 1}: give at least two categories separated by |` };
      definitions.push({ name, type: "categorical", categories });
    }
  }
  return { definitions, error: definitions.length ? null : "add at least one score" };
}
