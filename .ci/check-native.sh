#!/usr/bin/env bash
# Builds the native (AOT) CLI the README documents and checks it says exactly what the JIT build says:
# the same bytes for every report format on a plan, on HCL and with custom policies, and the same one-line
# error and exit code 2 on bad input. A couple of minutes; run from the repository root.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rid="$(dotnet --info | awk -F': *' '/^ *RID:/ {print $2; exit}')"
dotnet publish src/SecureDynamo.Lint.Cli -c Release -r "$rid" -p:PublishAot=true -o "$work/native" --nologo -v q
dotnet build src/SecureDynamo.Lint.Cli -c Release -o "$work/jit" --nologo -v q
native="$work/native/securedynamo"
jit="$work/jit/securedynamo"

compare() {
  local name=$1; shift
  set +e
  "$jit" "$@" >"$work/jit.out" 2>"$work/jit.err"; local jit_code=$?
  "$native" "$@" >"$work/native.out" 2>"$work/native.err"; local native_code=$?
  set -e
  if [ "$jit_code" != "$native_code" ] || ! cmp -s "$work/jit.out" "$work/native.out" || ! cmp -s "$work/jit.err" "$work/native.err"; then
    echo "native build differs from the JIT build on $name (exit $native_code, JIT $jit_code):" >&2
    diff "$work/jit.out" "$work/native.out" | head -20 >&2 || true
    diff "$work/jit.err" "$work/native.err" | head -20 >&2 || true
    exit 1
  fi
}

for format in text json sarif junit github markdown; do
  compare "fixtures/example/plan.json ($format)" scan --format "$format" fixtures/example/plan.json
done
compare "fixtures/hcl (json)" scan --format json fixtures/hcl
compare "custom policies (json)" scan --format json --policy-dir fixtures/custom-policies/acme fixtures/custom-policies/tables.plan.json
compare "the policy list" policies
printf '{"format_version":"1.2","resource_changes":{}' >"$work/bad.json"
compare "a truncated plan" scan "$work/bad.json"
echo "native build: published and agrees with the JIT build"
