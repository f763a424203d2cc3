-- AlterTable
ALTER TABLE "project_settings" ADD COLUMN     "release_webhook_url" TEXT;

-- AlterTable
ALTER TABLE "prompt_change_requests" ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "prompt_reviews" ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "prompt_release_events" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "delivery_status" TEXT NOT NULL DEFAULT 'pending',
    "delivery_attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_release_events_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateIndex
CREATE INDEX "prompt_release_events_delivery_status_created_at_idx" ON "prompt_release_events"("delivery_status", "created_at");


-- One active canary per label (a partial unique index Prisma cannot express, see schema.prisma
-- PromptCanary). Starting a second one fails here even if two requests race past the service check.
CREATE UNIQUE INDEX "prompt_canaries_one_active" ON "prompt_canaries"("project_id", "prompt_id", "label") WHERE "status" = 'active';
