declare module "pg-copy-streams-binary" {
  import type { Transform } from "node:stream";
  const copyBinary: { rowWriter(options?: Record<string, unknown>): Transform };
  export default copyBinary;
}
