// Where one's own account lives (shared by the proxy, pages and the header).

/** 我的账号: change one's password, see and end one's sessions. */
export const ACCOUNT_PATH = "/account";
/** The password change every page leads to while a password set by an administrator is not yet changed. */
export const CHANGE_PASSWORD_PATH = "/account/password";
