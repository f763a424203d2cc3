-- CreateTable
CREATE TABLE "annotation_queues" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "judgments_per_pair" INTEGER NOT NULL DEFAULT 1,
    "criteria" JSONB NOT NULL DEFAULT '[]',
    "rationale" TEXT NOT NULL DEFAULT 'optional',
    "kind" TEXT NOT NULL DEFAULT 'pairs',
    "score_definitions" JSONB NOT NULL DEFAULT '[]',
    "lease_seconds" INTEGER NOT NULL DEFAULT 900,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annotation_queues_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "annotation_queue_members" (
    "project_id" TEXT NOT NULL,
    "queue_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annotation_queue_members_pkey" PRIMARY KEY ("project_id","queue_id","user_id")
);

-- CreateTable
CREATE TABLE "preference_pairs" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "queue_id" TEXT NOT NULL,
    "position" BIGSERIAL NOT NULL,
    "prompt" JSONB NOT NULL,
    "response_a" TEXT NOT NULL,
    "response_b" TEXT NOT NULL,
    "metadata" JSONB,
    "source" TEXT NOT NULL DEFAULT 'api',
    "trace_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "run_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "prompt_versions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "judgment_count" INTEGER NOT NULL DEFAULT 0,
    "gold_choice" TEXT,
    "adjudicated_choice" TEXT,
    "adjudicated_by_id" TEXT,
    "adjudicated_at" TIMESTAMPTZ(6),
    "adjudication_note" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "preference_pairs_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "judgments" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "queue_id" TEXT NOT NULL,
    "pair_id" TEXT NOT NULL,
    "annotator_id" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "left_side" TEXT,
    "duration_ms" INTEGER,
    "rationale" TEXT,
    "criteria" JSONB,
    "source" TEXT NOT NULL DEFAULT 'ui',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "judgments_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "annotation_leases" (
    "project_id" TEXT NOT NULL,
    "pair_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "queue_id" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'leased',
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annotation_leases_pkey" PRIMARY KEY ("project_id","pair_id","user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "annotation_queues_project_id_name_key" ON "annotation_queues"("project_id", "name");

-- CreateIndex
CREATE INDEX "annotation_queue_members_project_id_user_id_idx" ON "annotation_queue_members"("project_id", "user_id");

-- CreateIndex
CREATE INDEX "preference_pairs_project_id_queue_id_position_idx" ON "preference_pairs"("project_id", "queue_id", "position");

-- CreateIndex
CREATE INDEX "judgments_project_id_queue_id_annotator_id_created_at_idx" ON "judgments"("project_id", "queue_id", "annotator_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "judgments_project_id_pair_id_annotator_id_key" ON "judgments"("project_id", "pair_id", "annotator_id");

-- CreateIndex
CREATE INDEX "annotation_leases_project_id_queue_id_user_id_state_idx" ON "annotation_leases"("project_id", "queue_id", "user_id", "state");

-- AddForeignKey
ALTER TABLE "annotation_queue_members" ADD CONSTRAINT "annotation_queue_members_project_id_queue_id_fkey" FOREIGN KEY ("project_id", "queue_id") REFERENCES "annotation_queues"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "preference_pairs" ADD CONSTRAINT "preference_pairs_project_id_queue_id_fkey" FOREIGN KEY ("project_id", "queue_id") REFERENCES "annotation_queues"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "judgments" ADD CONSTRAINT "judgments_project_id_pair_id_fkey" FOREIGN KEY ("project_id", "pair_id") REFERENCES "preference_pairs"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotation_leases" ADD CONSTRAINT "annotation_leases_project_id_pair_id_fkey" FOREIGN KEY ("project_id", "pair_id") REFERENCES "preference_pairs"("project_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

