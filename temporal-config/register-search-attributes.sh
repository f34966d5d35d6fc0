#!/bin/sh
# Registers the project's custom search attributes on a Temporal cluster; safe to run again.
# Keep in sync with contracts/search-attributes.ts (the local dev server derives its list from that file).
#   TEMPORAL_ADDRESS=host:7233 TEMPORAL_NAMESPACE=default sh temporal-config/register-search-attributes.sh
set -eu
address="${TEMPORAL_ADDRESS:-127.0.0.1:7233}"
namespace="${TEMPORAL_NAMESPACE:-default}"

register() {
  if temporal operator search-attribute list --address "$address" --namespace "$namespace" | grep -qw "$1"; then
    echo "search attribute $1 already registered"
  else
    temporal operator search-attribute create --address "$address" --namespace "$namespace" --name "$1" --type "$2"
    echo "search attribute $1 ($2) registered"
  fi
}

register IbyRunKind Keyword
register IbySource Keyword
register IbySymbolCount Int
