#!/usr/bin/env bash
# The IRC comparison of docs/performance.md: the same fanout load (IRC clients, one channel, a few senders at a
# fixed rate) against tcp-chat's IRC listener, ngIRCd and InspIRCd in turn, on this machine, one after another;
# then one table. Each server gets a free port on 127.0.0.1 and is stopped after its run.
#
#   ./mvnw -q package -DskipTests && bench/irc/compare.sh                # the real run: 2,000 clients, 100 msg/s
#   bench/irc/compare.sh --clients 100 --duration 5s --warmup 1s         # a quick check that everything works
#
# Options (defaults in brackets): --clients N [2000] --senders S [4] --rate R msg/s [100] --duration D [20s]
# --warmup W [5s] --connect-concurrency K [8: logins in flight] --out DIR [a new temporary directory: the JSON reports and the servers' logs]
# --only "tcp-chat ngircd inspircd" [all three]. Needs java, python3 (for the table), ngircd and inspircd
# (Debian packages ngircd, inspircd). Run it on a quiet machine: the numbers are only as good as that.
set -euo pipefail
cd "$(dirname "$0")/../.."

clients=2000 senders=4 rate=100 duration=20s warmup=5s concurrency=8 out="" only="tcp-chat ngircd inspircd"
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --senders) senders=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connect-concurrency) concurrency=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done

jar=target/tcp-chat.jar
[ -f "$jar" ] || { echo "$jar is missing: ./mvnw -q package -DskipTests first" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed for the table" >&2; exit 2; }
out=${out:-$(mktemp -d /tmp/irc-compare.XXXXXX)}
mkdir -p "$out"
# thousands of sockets in the generator and in each server
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# Debian starts both daemons as services on port 6667 when it installs them: they must not run beside the
# measured server (CPU, and the port)
for service in ngircd inspircd; do
  if command -v service >/dev/null && service "$service" status >/dev/null 2>&1; then
    echo "stopping the $service service (it would run beside the measured servers)" >&2
    service "$service" stop >/dev/null 2>&1 || true
  fi
done

# at most 8 logins in flight for every server: ngIRCd listens with a backlog of 10, and more connection attempts
# at once are delayed by a second or reset (logins are not what is measured)
load=(fanout --clients "$clients" --channels 1 --senders "$senders" --rate "$rate" --duration "$duration"
  --warmup "$warmup" --connect-concurrency "$concurrency" --connect-timeout 600s)

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

await_port() { # port pid: until something accepts on the port (20 s at most) or the process is gone
  for _ in $(seq 1 200); do
    kill -0 "$2" 2>/dev/null || return 1
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

stop() { # pid
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

run_tcp_chat() {
  echo "== tcp-chat (spawned by bench, every client on its IRC listener)" >&2
  java -jar "$jar" bench "${load[@]}" --irc 1 --json "$out/tcp-chat.json" > "$out/tcp-chat.txt"
}

run_daemon() { # name config command...
  local name=$1 config=$2; shift 2
  local port dir pid
  port=$(free_port)
  dir="$out/$name"
  mkdir -p "$dir"
  # started as root, ngIRCd runs as nobody: it must be able to write its PID file there
  chmod 0777 "$dir"
  sed -e "s/@PORT@/$port/" -e "s|@DIR@|$dir|" "bench/irc/$config" > "$dir/$config"
  echo "== $name on port $port" >&2
  "$@" "$dir/$config" > "$dir/server.log" 2>&1 &
  pid=$!
  if ! await_port "$port" "$pid"; then
    echo "$name did not start; see $dir/server.log" >&2
    stop "$pid"
    return 1
  fi
  local status=0
  java -jar "$jar" bench "${load[@]}" --external-irc --port "$port" --server-pid "$pid" \
    --json "$out/$name.json" > "$out/$name.txt" || status=$?
  stop "$pid"
  return $status
}

runas=()
[ "$(id -u)" = 0 ] && runas=(--runasroot)
for server in $only; do
  case "$server" in
    tcp-chat) run_tcp_chat || echo "tcp-chat run failed; see $out/tcp-chat.txt" >&2 ;;
    ngircd) run_daemon ngircd ngircd.conf /usr/sbin/ngircd --nodaemon --config \
      || echo "ngircd run failed" >&2 ;;
    inspircd) run_daemon inspircd inspircd.conf /usr/sbin/inspircd --nofork "${runas[@]}" --config \
      || echo "inspircd run failed" >&2 ;;
    *) echo "unknown server $server" >&2 ;;
  esac
done

python3 - "$out" $only <<'PY'
import json, os, sys
out, servers = sys.argv[1], sys.argv[2:]
rows = [("server", "logged in", "deliveries/s", "p50 ms", "p99 ms", "server CPU (cores)", "errors")]
for name in servers:
    path = os.path.join(out, name + ".json")
    if not os.path.exists(path):
        rows.append((name, "-", "-", "-", "-", "-", "no report"))
        continue
    r = json.load(open(path))
    t = r.get("traffic", {})
    lat = t.get("deliveryLatencyMs", {})
    cpu = t.get("server", {}).get("cpuCores")
    errors = sum(r.get("errors", {}).values()) if isinstance(r.get("errors"), dict) else r.get("errors")
    rows.append((name, r.get("connect", {}).get("loggedIn", "-"), t.get("deliveriesPerSecond", "-"),
                 lat.get("p50", "-"), lat.get("p99", "-"), "-" if cpu is None else cpu, errors or 0))
widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
for n, row in enumerate(rows):
    print("| " + " | ".join(str(v).ljust(w) for v, w in zip(row, widths)) + " |")
    if n == 0:
        print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
print()
print("reports and logs:", out)
PY
