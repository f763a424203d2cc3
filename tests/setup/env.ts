import { inject } from "vitest";
import { clearSettings } from "../support/hermetic-env";

// Route handlers run in this process: the caller's shell must not tune them (PHAROS_*, OAuth…).
clearSettings([]);
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET = "integration-test-secret-0123456789";
process.env.NEXTAUTH_URL = "http://localhost:3000";
// Fake webhook receivers and embedding providers listen on 127.0.0.1, standing in for public
// endpoints; Pharos refuses loopback targets unless the operator allows them.
process.env.PHAROS_OUTBOUND_ALLOWED_HOSTS = "127.0.0.1";
