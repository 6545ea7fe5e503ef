import { test as setup, expect } from "@playwright/test";
import { LEADER_STATE, login } from "./helpers";

// The read-only page tests run as a leader (every page needs a signed-in user).
setup("sign in as the leader", async ({ page }) => {
  await login(page, "leader");
  await expect(page.getByTestId("current-user")).toContainText("领导");
  await page.context().storageState({ path: LEADER_STATE });
});
