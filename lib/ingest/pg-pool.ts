// Temporary: drift and embeddings move to lib/db-sql-pool in the same change set.
export { sqlPool as ingestPool, closeSqlPool as closeIngestPool } from "../db-sql-pool";
