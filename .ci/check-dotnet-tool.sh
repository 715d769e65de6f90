#!/usr/bin/env bash
# Packs the CLI as a .NET tool, installs the package from a local folder and runs it, the way
# `dotnet tool install` and pre-commit's `language: dotnet` do. About a minute; run from the repository root.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# As pre-commit's `language: dotnet` does it: pack at the repository root (the solution), then install by package id.
dotnet pack --configuration Release --property "PackageOutputPath=$work/pkg" --nologo -v q
ls "$work/pkg"/SecureDynamo.Lint.*.nupkg >/dev/null
dotnet tool install --tool-path "$work/tool" --add-source "$work/pkg" SecureDynamo.Lint
"$work/tool/securedynamo" policies >/dev/null
# The package carries ReadyToRun code for this machine (see the CLI project): its files sit under the platform's
# folder, not tools/net10.0/any/.
dll=$(find "$work/tool/.store" -path '*/tools/net10.0/*' -name securedynamo.dll | head -1)
platform=$(basename "$(dirname "$dll")")
[ -n "$dll" ] && [ "$platform" != any ] || { echo "expected the tool package to be precompiled for this machine, found ${dll:-no securedynamo.dll}" >&2; exit 1; }
set +e
"$work/tool/securedynamo" scan fixtures/hostile/plan.json --format sarif="$work/out.sarif" >/dev/null
code=$?
set -e
[ "$code" -eq 1 ] || { echo "expected exit 1 from the installed tool on fixtures/hostile/plan.json, got $code" >&2; exit 1; }
grep -q '"version": "2.1.0"' "$work/out.sarif"
echo "dotnet tool: packed (ReadyToRun for $platform), installed and ran"
