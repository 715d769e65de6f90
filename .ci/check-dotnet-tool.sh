#!/usr/bin/env bash
# Packs the CLI as a .NET tool, installs the package from a local folder and runs it, the way
# `dotnet tool install` and pre-commit's `language: dotnet` do. About a minute; run from the repository root.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet pack src/SecureDynamo.Lint.Cli -c Release -o "$work/pkg" --nologo -v q
ls "$work/pkg"/SecureDynamo.Lint.*.nupkg >/dev/null
dotnet tool install --tool-path "$work/tool" --add-source "$work/pkg" SecureDynamo.Lint
"$work/tool/securedynamo" policies >/dev/null
set +e
"$work/tool/securedynamo" scan fixtures/hostile/plan.json --format sarif="$work/out.sarif" >/dev/null
code=$?
set -e
[ "$code" -eq 1 ] || { echo "expected exit 1 from the installed tool on fixtures/hostile/plan.json, got $code" >&2; exit 1; }
grep -q '"version": "2.1.0"' "$work/out.sarif"
echo "dotnet tool: packed, installed and ran"
