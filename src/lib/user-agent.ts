// A browser's User-Agent in words a person recognises: "Chrome 126 · Windows", "微信 8 · Android 14".
// Pure and forgiving: only the browser's name and major version and the operating system are read;
// anything unrecognised reads 未知浏览器 (or the client's own first product token, e.g. "curl 8").

type Rule = [RegExp, string];

// in order: apps and browsers that also say "Chrome" or "Safari" come before them
const BROWSERS: Rule[] = [
  [/wxwork\/(\d+)/i, "企业微信"],
  [/MicroMessenger\/(\d+)/, "微信"],
  [/DingTalk\/(\d+)/i, "钉钉"],
  [/M?QQBrowser\/(\d+)/, "QQ浏览器"],
  [/UCBrowser\/(\d+)/, "UC浏览器"],
  [/Quark\/(\d+)/, "夸克"],
  [/HuaweiBrowser\/(\d+)/, "华为浏览器"],
  [/MiuiBrowser\/(\d+)/, "小米浏览器"],
  [/MetaSr()/, "搜狗浏览器"],
  [/(?:QIHU 360|360SE|360EE)()/, "360浏览器"],
  [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/(?:OPR|Opera)\/(\d+)/, "Opera"],
  [/(?:Firefox|FxiOS)\/(\d+)/, "Firefox"],
  [/(?:HeadlessChrome|Chrome|CriOS|Chromium)\/(\d+)/, "Chrome"],
  [/Version\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
  [/(?:MSIE |Trident\/.*rv:)(\d+)/, "Internet Explorer"],
];

const WINDOWS: Record<string, string> = { "10.0": "Windows", "6.3": "Windows 8.1", "6.2": "Windows 8", "6.1": "Windows 7", "6.0": "Windows Vista", "5.1": "Windows XP" };

function system(ua: string): string | null {
  if (/HarmonyOS|OpenHarmony/i.test(ua)) return "HarmonyOS";
  const win = /Windows NT (\d+\.\d+)/.exec(ua);
  if (win) return WINDOWS[win[1]] ?? "Windows";
  const ipad = /iPad.*? OS (\d+)/.exec(ua);
  if (ipad) return `iPadOS ${ipad[1]}`;
  const ios = /iPhone.*? OS (\d+)/.exec(ua);
  if (ios) return `iOS ${ios[1]}`;
  const android = /Android (\d+)/.exec(ua);
  if (android) return `Android ${android[1]}`;
  if (/Android/.test(ua)) return "Android";
  if (/Mac OS X|Macintosh/.test(ua)) return "macOS";
  if (/CrOS/.test(ua)) return "ChromeOS";
  if (/\bUOS\b|UnionTech/i.test(ua)) return "统信UOS";
  if (/Kylin/i.test(ua)) return "麒麟";
  if (/Linux|X11/.test(ua)) return "Linux";
  return null;
}

export function describeUserAgent(ua: string | null | undefined): string {
  // Stryker disable next-line StringLiteral: whatever stands in for a missing user agent, no browser or system is read from it
  const text = (ua ?? "").trim();
  let browser: string | null = null;
  for (const [pattern, name] of BROWSERS) {
    const m = pattern.exec(text);
    if (m) {
      browser = m[1] ? `${name} ${m[1]}` : name;
      break;
    }
  }
  if (!browser && !/^Mozilla\//.test(text)) {
    const token = /^([A-Za-z][\w.-]{0,30})\/(\d+)/.exec(text);
    if (token) browser = `${token[1]} ${token[2]}`;
  }
  const os = system(text);
  if (!browser) return os ? `未知浏览器 · ${os}` : "未知浏览器";
  return os ? `${browser} · ${os}` : browser;
}
