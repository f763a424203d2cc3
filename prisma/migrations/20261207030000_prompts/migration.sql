-- CreateEnum
CREATE TYPE "PromptType" AS ENUM ('text', 'chat');

-- CreateTable
CREATE TABLE "prompts" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "PromptType" NOT NULL,
    "description" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompts_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "prompt_versions" (
    "project_id" TEXT NOT NULL,
    "prompt_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "template" JSONB NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "variables" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "commit_message" TEXT,
    "author_id" TEXT,
    "author_api_key" TEXT,
    "content_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_versions_pkey" PRIMARY KEY ("project_id","prompt_id","version")
);

-- CreateTable
CREATE TABLE "prompt_labels" (
    "project_id" TEXT NOT NULL,
    "prompt_id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "canary_id" TEXT,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_labels_pkey" PRIMARY KEY ("project_id","prompt_id","label")
);

-- CreateTable
CREATE TABLE "prompt_label_moves" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "prompt_id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "from_version" INTEGER,
    "to_version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT,
    "change_request_id" TEXT,
    "actor_user_id" TEXT,
    "actor_api_key" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_label_moves_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "prompt_policies" (
    "project_id" TEXT NOT NULL,
    "prompt_id" TEXT NOT NULL DEFAULT '',
    "label" TEXT NOT NULL,
    "required_approvals" INTEGER NOT NULL,
    "approver_roles" "Role"[] DEFAULT ARRAY['owner', 'admin']::"Role"[],
    "approver_user_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "allow_self_approval" BOOLEAN NOT NULL DEFAULT false,
    "auto_merge" BOOLEAN NOT NULL DEFAULT false,
    "require_passing_run" BOOLEAN NOT NULL DEFAULT false,
    "run_gate" JSONB,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_policies_pkey" PRIMARY KEY ("project_id","prompt_id","label")
);

-- CreateTable
CREATE TABLE "prompt_change_requests" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "prompt_id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "base_version" INTEGER,
    "base_revision" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "description" TEXT,
    "author_id" TEXT,
    "author_api_key" TEXT,
    "merged_by_id" TEXT,
    "merged_at" TIMESTAMPTZ(6),
    "closed_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_change_requests_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "prompt_reviews" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "change_request_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "body" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_reviews_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateTable
CREATE TABLE "prompt_canaries" (
    "project_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "prompt_id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "base_version" INTEGER NOT NULL,
    "canary_version" INTEGER NOT NULL,
    "percent" DOUBLE PRECISION NOT NULL,
    "guard" JSONB,
    "status" TEXT NOT NULL DEFAULT 'active',
    "ended_reason" TEXT,
    "started_by_id" TEXT,
    "started_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(6),
    "last_checked_at" TIMESTAMPTZ(6),

    CONSTRAINT "prompt_canaries_pkey" PRIMARY KEY ("project_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "prompts_project_id_name_key" ON "prompts"("project_id", "name");

-- CreateIndex
CREATE INDEX "prompt_label_moves_project_id_prompt_id_label_created_at_idx" ON "prompt_label_moves"("project_id", "prompt_id", "label", "created_at");

-- CreateIndex
CREATE INDEX "prompt_change_requests_project_id_prompt_id_status_idx" ON "prompt_change_requests"("project_id", "prompt_id", "status");

-- CreateIndex
CREATE INDEX "prompt_reviews_project_id_change_request_id_idx" ON "prompt_reviews"("project_id", "change_request_id");

-- CreateIndex
CREATE INDEX "prompt_canaries_project_id_status_idx" ON "prompt_canaries"("project_id", "status");

