// A session's browser in words a person recognises, on the session list of 我的账号.
import { describe, expect, it } from "vitest";
import { describeUserAgent } from "@/lib/user-agent";

describe("the browser of a session, in words", () => {
  const cases: Array<[string, string]> = [
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", "Chrome 126 · Windows"],
    ["Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36", "Chrome 109 · Windows 7"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87", "Edge 126 · Windows"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari 17 · macOS"],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0", "Firefox 127 · Linux"],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003137) NetType/WIFI Language/zh_CN",
      "微信 8 · iOS 17",
    ],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari 17 · iOS 17"],
    ["Mozilla/5.0 (Linux; Android 14; V2309A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.43 Mobile Safari/537.36 DingTalk/7.5.0", "钉钉 7 · Android 14"],
    [
      "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.25 Safari/537.36 Core/1.70.3870.400 QQBrowser/10.8.4405.400",
      "QQ浏览器 10 · Windows",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36 wxwork/4.1.20 (MicroMessenger/6.2) WeChat/2.0.4",
      "企业微信 4 · Windows",
    ],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Safari/537.36 UOS", "Chrome 108 · 统信UOS"],
    [
      "Mozilla/5.0 (Phone; OpenHarmony 4.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile HuaweiBrowser/5.0.4.300",
      "华为浏览器 5 · HarmonyOS",
    ],
    ["Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", "Internet Explorer 11 · Windows"],
    ["Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1", "Safari 16 · iPadOS 16"],
    [
      "Mozilla/5.0 (Linux; U; Android; zh-cn) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/78.0.3904.108 UCBrowser/13.4.0.1306 Mobile Safari/537.36",
      "UC浏览器 13 · Android",
    ],
    ["Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "Chrome 120 · ChromeOS"],
    ["Mozilla/5.0 (X11; Kylin; Linux x86_64; rv:102.0) Gecko/20100101 Firefox/102.0", "Firefox 102 · 麒麟"],
    ["Mozilla/5.0 (Windows NT 5.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.112 Safari/537.36", "Chrome 49 · Windows XP"],
    ["Mozilla/5.0 (Windows NT 5.0; rv:52.0) Gecko/20100101 Firefox/52.0", "Firefox 52 · Windows"],
    ["Mozilla/5.0 (Windows NT 6.10; rv:52.0) Gecko/20100101 Firefox/52.0", "Firefox 52 · Windows"],
    ["Mozilla/5.0 (X11; Linux x86_64)", "未知浏览器 · Linux"],
    [
      "Mozilla/5.0 (Linux; U; Android 12; zh-CN; V2049A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 Quark/6.2.5.246 Mobile Safari/537.36",
      "夸克 6 · Android 12",
    ],
    [
      "Mozilla/5.0 (Linux; U; Android 13; zh-cn; 2211133C) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.118 Mobile Safari/537.36 XiaoMi/MiuiBrowser/17.8.60916",
      "小米浏览器 17 · Android 13",
    ],
    ["Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.87 Safari/537.36 SE 2.X MetaSr 1.0", "搜狗浏览器 · Windows"],
    ["Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/63.0.3239.132 Safari/537.36 QIHU 360SE", "360浏览器 · Windows 7"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0", "Opera 106 · Windows"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15", "Firefox 127 · iOS 17"],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 EdgA/126.0.2592.80", "Edge 126 · Android 14"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 16_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1", "Chrome 126 · iOS 16"],
    ["Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0)", "Internet Explorer 8 · Windows 7"],
    ["Mozilla/5.0 (Windows NT 6.3; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36", "Chrome 120 · Windows 8.1"],
    ["Mozilla/5.0 (Windows NT 6.2; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.112 Safari/537.36", "Chrome 49 · Windows 8"],
    ["Mozilla/5.0 (Windows NT 6.0) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/49.0.2623.0 Safari/537.36", "Chrome 49 · Windows Vista"],
    [
      "Mozilla/5.0 (Linux; U; Android 10; zh-cn; MI 9) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/66.0.3359.126 MQQBrowser/10.1 Mobile Safari/537.36",
      "QQ浏览器 10 · Android 10",
    ],
    ["Mozilla/5.0 (Linux; Android 10; HarmonyOS; NOH-AN00) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 Mobile Safari/537.36", "Chrome 99 · HarmonyOS"],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Safari/537.36 UnionTech", "Chrome 108 · 统信UOS"],
    ["curl/8.5.0", "curl 8"],
    ["  curl/18.5.0  ", "curl 18"],
    ["Go-http-client/1.1", "Go-http-client 1"],
    ["my tool curl/8.5.0", "未知浏览器"],
    ["python-requests/2.31.0 (like Mozilla/5.0)", "python-requests 2"],
    ["", "未知浏览器"],
    ["Mozilla/5.0 (compatible)", "未知浏览器"],
  ];
  for (const [ua, words] of cases) {
    it(`${words} ← ${ua.slice(0, 60) || "(none)"}`, () => expect(describeUserAgent(ua)).toBe(words));
  }
  it("no user agent at all", () => expect(describeUserAgent(null)).toBe("未知浏览器"));
});

describe("the whole major version", () => {
  it.each([
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 wxwork/12.0.1", "企业微信 12 · Windows"],
    ["Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 MicroMessenger/10.0.1", "微信 10 · Android 14"],
    ["Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 DingTalk/10.2.0", "钉钉 10 · Android 14"],
    ["Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 Quark/10.1.0", "夸克 10 · Android 14"],
    ["Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 HuaweiBrowser/15.0.4", "华为浏览器 15 · Android 14"],
  ])("%s", (ua, words) => expect(describeUserAgent(ua)).toBe(words));
});
