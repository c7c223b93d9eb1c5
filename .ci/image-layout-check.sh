#!/usr/bin/env bash
# Runs the packaged jar once as the Docker image would, where no Docker engine exists: as the image's non-root user,
# on a data directory created and owned as the Dockerfile says (read from it, under a temporary root), until /health
# answers 200 and a write (the admin account, then a login) lands in the store file the user owns.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "image layout: skipped (creating the image's user needs root)"
  exit 0
fi

# the image that runs: the instructions after the last FROM
runtime=$(awk '/^FROM /{stage=""} {stage=stage $0 "\n"} END{printf "%s", stage}' Dockerfile)
user=$(printf '%s' "$runtime" | sed -n 's/^USER \([^[:space:]]*\).*/\1/p' | tail -1)
data_dir=$(printf '%s' "$runtime" | sed -n 's/^ENV AFYADIAL_DATA_DIR=\([^[:space:]]*\).*/\1/p' | tail -1)
group=$(printf '%s' "$runtime" | sed -n "s|^RUN .*mkdir .*$data_dir.*chown $user:\([^[:space:]]*\) $data_dir.*|\1|p" | tail -1)
work_dir=$(printf '%s' "$runtime" | sed -n 's/^WORKDIR \([^[:space:]]*\).*/\1/p' | tail -1)
if [ -z "$user" ] || [ -z "$data_dir" ] || [ -z "$group" ] || [ -z "$work_dir" ]; then
  echo "image layout: Dockerfile lacks USER, ENV AFYADIAL_DATA_DIR, its mkdir/chown or WORKDIR" >&2
  exit 1
fi

root=$(mktemp -d)
created_user=false
created_group=false
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$root"
  if $created_user; then userdel "$user" 2>/dev/null || true; fi
  if $created_group; then groupdel "$group" 2>/dev/null || true; fi
}
trap cleanup EXIT

if ! getent group "$group" >/dev/null; then
  groupadd --system "$group"
  created_group=true
fi
if ! id "$user" >/dev/null 2>&1; then
  useradd --system --no-create-home --gid "$group" "$user"
  created_user=true
fi
chmod 755 "$root"
mkdir -p "$root$work_dir" "$root$data_dir"
chown "$user:$group" "$root$data_dir"
cp target/afyadial.jar "$root$work_dir/afyadial.jar"

log="$root/service.log"
# the first compiler tier only: a quicker start on a busy CI machine; what is checked is the user and the directories
(cd "$root$work_dir" && AFYADIAL_DATA_DIR="$root$data_dir" PORT=-1 AFYADIAL_ADMIN_PASSWORD=image-layout-check AUTH_BCRYPT_COST=4 \
  exec setpriv --reuid="$user" --regid="$group" --init-groups java -XX:TieredStopAtLevel=1 -jar "$root$work_dir/afyadial.jar") >"$log" 2>&1 &
pid=$!

port=""
for _ in $(seq 1 1200); do
  port=$(sed -n 's/.*Server Running: http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$log" | head -1)
  if [ -n "$port" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = 200 ]; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; echo "image layout: the service exited" >&2; exit 1; fi
  port=""
  sleep 0.1
done
if [ -z "$port" ]; then cat "$log" >&2; echo "image layout: no /health 200 within 2 minutes" >&2; exit 1; fi

login=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"image-layout-check"}' "http://127.0.0.1:$port/api/v1/auth/login")
owner=$(stat -c %U "$root$data_dir/afyadial.mv" 2>/dev/null || echo none)
if [ "$login" != 200 ] || [ "$owner" != "$user" ]; then
  cat "$log" >&2
  echo "image layout: login answered $login, the store file is owned by $owner (expected 200 and $user)" >&2
  exit 1
fi
echo "image layout: the jar ran as $user on $data_dir (health 200, a login stored, the store file $user's)"
