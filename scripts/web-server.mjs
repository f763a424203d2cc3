// Entry of the web server process (scripts/start.ts spawns it): loads scripts/web-server.ts
// through tsx's loader, then takes the loader out again. `--import tsx` would stay for the
// process's life, keeping source maps on for every Error (Next creates some per request) and
// its hooks on every module load; bench:web-server measured that as a slower hot path.
import { register } from "tsx/esm/api";

const unregister = register();
await import("./web-server.ts");
await unregister();
