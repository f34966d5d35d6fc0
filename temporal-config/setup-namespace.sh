#!/bin/sh
# Creates the namespace (when missing) and registers the custom search attributes; safe to run again.
# Runs in temporalio/admin-tools (compose service temporal-namespace) once the server answers.
set -eu
address="${TEMPORAL_ADDRESS:-temporal:7233}"
namespace="${TEMPORAL_NAMESPACE:-default}"
retention="${TEMPORAL_NAMESPACE_RETENTION:-7d}"

until temporal operator cluster health --address "$address" | grep -q SERVING; do
  echo "waiting for Temporal at $address"
  sleep 2
done
if temporal operator namespace describe --address "$address" --namespace "$namespace" >/dev/null 2>&1; then
  echo "namespace $namespace exists"
else
  temporal operator namespace create --address "$address" --namespace "$namespace" --retention "$retention"
  echo "namespace $namespace created (retention $retention)"
fi
TEMPORAL_ADDRESS="$address" TEMPORAL_NAMESPACE="$namespace" sh "$(dirname "$0")/register-search-attributes.sh"
