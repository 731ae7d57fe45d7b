#!/usr/bin/env bash
# The demo's load figure (README, "The demo"): wrk against a running demo, one run: the signed-in home page, the
# sign-in page for reference, and the home page with an unknown session token, each with 1 and with 64 clients.
# Start the demo first (mvn -q -f examples/pom.xml test-compile exec:java), then: examples/load.sh [port] [seconds]
# Needs wrk (Debian: apt-get install wrk) and curl. Signs up one account (load-<time>) and reuses its cookie.
set -euo pipefail
port="${1:-8080}"
seconds="${2:-20}"
base="http://localhost:$port"
command -v wrk > /dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }

user="load-$(date +%s)"
cookie=$(curl -s -o /dev/null -D - -X POST -H "Origin: $base" \
  --data "username=$user&password=correct+horse+battery" "$base/sign-up" \
  | tr -d '\r' | sed -n 's/^Set-Cookie: \(auth_session=[^;]*\);.*/\1/p')
[ -n "$cookie" ] || { echo "signing up at $base/sign-up gave no session cookie" >&2; exit 1; }
curl -s -H "Cookie: $cookie" "$base/" | grep -q "<span id=\"username\">$user</span>" \
  || { echo "the home page does not show $user" >&2; exit 1; }
unknown='auth_session=abcdefghijklmnopqrstuvwxyz234567abcdefgh'

run() { # name, clients, wrk arguments...
  local name="$1" clients="$2"
  shift 2
  local threads=$(( clients < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$clients" -d"${seconds}s" --timeout 2s --latency "$@" | awk -v name="$name" -v c="$clients" '
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /^Requests\/sec/ { rps = $2 } /requests in/ { n = $1 }
    /Non-2xx or 3xx/ { bad = $NF } /Socket errors/ { sock = $0; sub(/^ *Socket errors: */, "", sock) }
    END { printf "| %s | %d | %s | %s | %s | %s | %s |\n", name, c, rps, p50, p99, n,
          (bad == "" ? 0 : bad) " non-2xx/3xx" (sock == "" ? "" : "; " sock) }'
}

echo "uptime before: $(uptime)"
wrk -t2 -c64 -d10s -H "Cookie: $cookie" "$base/" > /dev/null # warm-up: JIT, the pool's prepared statements
echo "| request | clients | requests/s | p50 | p99 | requests | errors |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for clients in 1 64; do
  run "signed-in home page (GET /)" "$clients" -H "Cookie: $cookie" "$base/"
  run "sign-in page (GET /sign-in)" "$clients" "$base/sign-in"
  run "unknown token (GET /, 303)" "$clients" -H "Cookie: $unknown" "$base/"
done
echo "uptime after: $(uptime)"
