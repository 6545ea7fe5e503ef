// What the app's HTTP server answers, in plain text, to a request it refuses before reading its
// body (src/server/http/request-gate.ts). A form's page shows the text in place of the form
// (src/components/common/route-states.tsx), so a county staff member reads why nothing was saved.
import { IMPORT_MAX_BYTES, PHOTO_MAX_BYTES, PHOTO_MAX_COUNT } from "./upload-limits";

const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`;

export const GATE_MESSAGES = {
  tooLarge: `提交的内容过大，未被接收，没有保存任何内容。照片每张不超过${mb(PHOTO_MAX_BYTES)}、每次最多${PHOTO_MAX_COUNT}张；Excel 文件不超过${mb(IMPORT_MAX_BYTES)}。`,
  fieldTooLarge: "提交的文字过长，未被接收，没有保存任何内容。",
  busy: "服务器繁忙，请稍后重试。本次提交未被接收，没有保存任何内容。",
  signIn: "登录已失效，请重新登录后再提交。本次提交未被接收，没有保存任何内容。",
  crossSite: "跨站请求已被拒绝。",
  malformed: "提交的内容格式不正确，未被接收。",
};

/** Whether a text is one of these answers (the error page then shows it as it is). */
export function isGateMessage(text: string): boolean {
  return Object.values(GATE_MESSAGES).includes(text);
}
