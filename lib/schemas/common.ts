import { z } from "zod";
import { ROLES } from "../auth/permissions";

export const roleSchema = z.enum(ROLES);
export const nameSchema = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");
