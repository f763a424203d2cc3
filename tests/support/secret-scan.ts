// Finds secrets in log output: each secret as sent, and in the forms a careless log line would
// print it (base64 and base64url, as in a Basic header; percent-encoded, as in a URL).
export type Secret = { name: string; value: string };

export function secretForms(value: string): string[] {
  const b64 = Buffer.from(value).toString("base64");
  return [...new Set([value, b64.replace(/=+$/, ""), Buffer.from(value).toString("base64url"), encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])];
}

/** Every log line holding a secret (or one of its forms), as "<secret name>: <line>". */
export function linesWithSecrets(output: string, secrets: Secret[]): string[] {
  const found: string[] = [];
  const lines = output.split("\n");
  for (const secret of secrets) {
    if (secret.value.length < 8) throw new Error(`secret ${secret.name} is too short to scan for without false hits`);
    const forms = secretForms(secret.value);
    for (const line of lines) if (forms.some((f) => line.includes(f))) found.push(`${secret.name}: ${line.slice(0, 500)}`);
  }
  return found;
}
