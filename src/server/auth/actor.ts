import type { Role } from "@/generated/prisma/client";

/** Who is acting: the signed-in user, as every write and scoped read receives it. */
export type Actor = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** the county park of a COUNTY account */
  parkId: number | null;
  /**
   * The password was set by an administrator (or on the command line) and must be changed
   * first: every page leads to /account/password and every write is refused until then.
   */
  mustChangePassword?: boolean;
};
