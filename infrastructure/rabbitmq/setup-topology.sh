#!/usr/bin/env bash
# Applies the broker topology (definitions.json) through the RabbitMQ management HTTP API, which is
# what Amazon MQ offers. Idempotent: it creates what is missing, leaves what matches, and refuses
# to touch what differs (a queue's arguments cannot change in place: that is a migration).
#
# Usage: setup-topology.sh [--dry-run] [--file definitions.json]
# Environment:
#   RABBITMQ_MANAGEMENT_URL  management API base   (default http://127.0.0.1:15672)
#   RABBITMQ_USER            user                  (default guest)
#   RABBITMQ_PASSWORD        password              (default guest)
#   RABBITMQ_VHOST           virtual host          (default /)
#   RABBITMQ_TOPOLOGY        classic-priority | quorum, picks the file (default classic-priority)
# Exit codes: 0 applied or nothing to change, 2 usage or connection error, 3 conflicts found.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

dry_run=0
file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=1 ;;
    --file) file="${2:?--file needs a path}"; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ -z "$file" ]; then
  case "${RABBITMQ_TOPOLOGY:-classic-priority}" in
    classic-priority) file="$here/definitions.json" ;;
    quorum) file="$here/definitions-quorum.json" ;;
    *) echo "RABBITMQ_TOPOLOGY must be classic-priority or quorum, not '${RABBITMQ_TOPOLOGY}'" >&2; exit 2 ;;
  esac
fi
[ -r "$file" ] || { echo "cannot read $file" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is required (Debian: apt-get install python3)" >&2; exit 2; }

export SETUP_DRY_RUN="$dry_run" SETUP_FILE="$file"
exec python3 - <<'PY'
import base64, json, os, sys, urllib.error, urllib.parse, urllib.request

base = os.environ.get("RABBITMQ_MANAGEMENT_URL", "http://127.0.0.1:15672").rstrip("/")
user = os.environ.get("RABBITMQ_USER", "guest")
password = os.environ.get("RABBITMQ_PASSWORD", "guest")
vhost = os.environ.get("RABBITMQ_VHOST", "/")
dry_run = os.environ["SETUP_DRY_RUN"] == "1"
with open(os.environ["SETUP_FILE"]) as f:
    wanted = json.load(f)

auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
v = urllib.parse.quote(vhost, safe="")

def q(name):
    return urllib.parse.quote(name, safe="")

def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + "/api" + path, data=data, method=method)
    req.add_header("Authorization", auth)
    req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=15) as resp:
            text = resp.read().decode()
            return resp.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return 404, None
        detail = e.read().decode(errors="replace")
        sys.exit(f"error: {method} {path} -> HTTP {e.code}: {detail}")
    except urllib.error.URLError as e:
        sys.exit(f"error: cannot reach the management API at {base}: {e.reason} "
                 "(is the rabbitmq_management plugin enabled? rabbitmq-plugins enable rabbitmq_management)")

created, unchanged, conflicts = [], [], []

def apply(kind, name, path, body, current_differs):
    status, current = call("GET", path)
    if status == 404:
        created.append(f"{kind} {name}")
        print(("would create " if dry_run else "created ") + f"{kind} {name}")
        if not dry_run:
            call("PUT", path, body)
        return
    diff = current_differs(current)
    if diff:
        conflicts.append(f"{kind} {name}: {diff}")
        print(f"CONFLICT {kind} {name}: {diff}")
    else:
        unchanged.append(f"{kind} {name}")

def differs(current, expected, keys):
    out = []
    for k in keys:
        have = current.get(k) if k != "arguments" else (current.get("arguments") or {})
        if have != expected[k]:
            out.append(f"{k} is {json.dumps(have)}, definitions say {json.dumps(expected[k])}")
    return "; ".join(out)

status, _ = call("GET", f"/vhosts/{v}")
if status == 404:
    created.append(f"vhost {vhost}")
    print(("would create " if dry_run else "created ") + f"vhost {vhost}")
    if not dry_run:
        call("PUT", f"/vhosts/{v}", {})
        call("PUT", f"/permissions/{v}/{q(user)}", {"configure": ".*", "write": ".*", "read": ".*"})

for e in wanted["exchanges"]:
    body = {k: e[k] for k in ("type", "durable", "auto_delete", "internal", "arguments")}
    apply("exchange", e["name"], f"/exchanges/{v}/{q(e['name'])}", body,
          lambda cur, e=body: differs(cur, e, ("type", "durable", "auto_delete", "internal", "arguments")))

for qu in wanted["queues"]:
    body = {k: qu[k] for k in ("durable", "auto_delete", "arguments")}
    apply("queue", qu["name"], f"/queues/{v}/{q(qu['name'])}", body,
          lambda cur, e=body: differs(cur, e, ("durable", "auto_delete", "arguments")))

for b in wanted["bindings"]:
    label = f"{b['source']} -> {b['destination']} [{b['routing_key'] or json.dumps(b['arguments'])}]"
    if dry_run and any(c.endswith((f"exchange {b['source']}", f"queue {b['destination']}")) for c in created):
        created.append(f"binding {label}")
        print(f"would create binding {label}")
        continue
    path = f"/bindings/{v}/e/{q(b['source'])}/q/{q(b['destination'])}"
    _, existing = call("GET", path)
    if any(x["routing_key"] == b["routing_key"] and (x.get("arguments") or {}) == b["arguments"]
           for x in (existing or [])):
        unchanged.append(f"binding {label}")
        continue
    created.append(f"binding {label}")
    print(("would create " if dry_run else "created ") + f"binding {label}")
    if not dry_run:
        call("POST", path, {"routing_key": b["routing_key"], "arguments": b["arguments"]})

total = len(created) + len(unchanged) + len(conflicts)
verb = "would create" if dry_run else "created"
print(f"vhost '{vhost}' at {base}: {total} objects; {verb} {len(created)}, "
      f"unchanged {len(unchanged)}, conflicts {len(conflicts)}")
if conflicts:
    print("conflicts were left as they are: a changed queue is a migration "
          "(see adapter-rabbitmq/README.md)", file=sys.stderr)
    sys.exit(3)
if not created:
    print("nothing to change: the broker already has this topology")
PY
