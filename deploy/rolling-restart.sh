#!/bin/sh
# Restarts the app servers one at a time (docs/operations.md, "Several app servers behind nginx"):
# each is stopped gracefully (requests in flight finish; nginx sends new ones to the others),
# started again, and waited for on its own /api/health and then SETTLE_SECONDS (default 15, more
# than the nginx site's fail_timeout) before the next one is touched.
#   sudo deploy/rolling-restart.sh 3001 3002
# Without ports: every enabled park-projects@ instance.
set -eu
ports="$*"
if [ -z "$ports" ]; then
  ports=$(systemctl list-units --type=service --state=active --no-legend 'park-projects@*' | sed -n 's/^.*park-projects@\([0-9]*\)\.service.*$/\1/p')
fi
[ -n "$ports" ] || { echo "没有正在运行的 park-projects@ 实例。" >&2; exit 1; }
for port in $ports; do
  echo "重启 park-projects@$port …"
  systemctl restart "park-projects@$port"
  # a start after an upgrade builds the app first (a few minutes on two cores)
  waited=0
  until curl -fsS --max-time 5 "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; do
    waited=$((waited + 2))
    if [ "$waited" -ge 900 ]; then
      echo "park-projects@$port 在 15 分钟内未恢复（见 journalctl -u park-projects@$port），其余实例未重启。" >&2
      exit 1
    fi
    sleep 2
  done
  # nginx sends it requests again only fail_timeout (10 s) after it last failed there: wait longer
  # than that before stopping the next, or nginx may find no server to send requests to
  echo "park-projects@$port 已恢复（/api/health 正常），等待 ${SETTLE_SECONDS:-15} 秒让 nginx 重新启用它…"
  sleep "${SETTLE_SECONDS:-15}"
done
echo "全部实例已依次重启。"
