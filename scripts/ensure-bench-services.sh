#!/usr/bin/env bash
# `make bench` needs PostgreSQL and Redis on this machine: start them as .ci/run does when they are down.
set -euo pipefail
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if ! port_open 5432; then
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
fi
if ! port_open 6379; then
  echo "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi
for port in 5432 6379; do
  for _ in $(seq 1 90); do port_open "$port" && break; sleep 1; done
  port_open "$port" || { echo "error: nothing answers on port $port" >&2; exit 1; }
done
