#!/usr/bin/env bash
# Regenerates definitions*.json from io.arrakis.messaging.Topology. Run it after changing the
# topology: the build fails while these files and the code disagree (DefinitionsFileTest).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -q -pl adapter-rabbitmq -am test -Djacoco.skip=true \
  -Dtest=DefinitionsFileTest -Dsurefire.failIfNoSpecifiedTests=false -DupdateDefinitions=true
ls -l infrastructure/rabbitmq/definitions*.json
