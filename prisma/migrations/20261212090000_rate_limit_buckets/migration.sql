-- Security limits shared across web processes (#14): sign-in, sign-up and feedback buckets in
-- Postgres instead of each process's memory, so N replicas do not give an attacker N× the tries.
-- CreateTable
CREATE TABLE "rate_limit_buckets" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "lockouts" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("scope","key")
);

-- CreateIndex
CREATE INDEX "rate_limit_buckets_expires_at_idx" ON "rate_limit_buckets"("expires_at");
