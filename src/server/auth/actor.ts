import type { Role } from "@/generated/prisma/client";

/** Who is acting: the signed-in user, as every write and scoped read receives it. */
export type Actor = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** the county park of a COUNTY account */
  parkId: number | null;
};
