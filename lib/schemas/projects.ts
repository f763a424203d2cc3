import { z } from "zod";
import { nameSchema } from "./common";

export const createProjectBody = z.object({ name: nameSchema });
export const renameProjectBody = z.object({ name: nameSchema });
export const createOrgBody = z.object({ name: nameSchema });
