#!/usr/bin/env bash
# Copies the screenshots that the browser tests take (backend/target/screenshots, written by
# BrowserTest.screenshot) into docs/images for the user guides in docs/anvandare. Run the browser tests
# first, e.g. ./mvnw -B verify; then run this script and commit the changed images.
set -euo pipefail
cd "$(dirname "$0")/.."
from=backend/target/screenshots
for name in response-half result comparison staircase-phone invitation admin-users workshop-projector; do
  if [[ ! -f "$from/$name.png" ]]; then
    echo "missing $from/$name.png: run the browser tests first (./mvnw -B verify)" >&2
    exit 1
  fi
  cp "$from/$name.png" "docs/images/$name.png"
done
echo "copied $(ls docs/images/*.png | wc -l) screenshots into docs/images"
