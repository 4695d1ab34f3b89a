#!/usr/bin/env bash
# Copies the screenshots that the browser tests take into docs/:
#  - the user guides' pictures (backend/target/screenshots, written by BrowserTest.screenshot) into docs/images;
#  - every page and state at 360 px and 1366 px, in English at 360 px, the presenter view at 1920 px and each
#    role's start page (backend/target/screenshots/pages, with its README.md listing them, written by
#    EveryPageAccessibleBrowserTest) into docs/images/pages, replacing what was there.
# Run the browser tests first, e.g.
#   LAGESBILD_REQUIRE_BROWSER=true ./mvnw -B verify
# or only the ones that take pictures (a few minutes):
#   LAGESBILD_REQUIRE_BROWSER=true ./mvnw -B -q verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false \
#     -Dtest='EveryPageAccessibleBrowserTest#screenshotsOfEveryPageOnAPhoneAndAnOfficeScreen,ChecklistInBrowserTest,ImportAndCompareBrowserTest,StaircaseKeyboardBrowserTest,AccountsInBrowserTest,WorkshopBrowserTest'
# then run this script and commit the changed images.
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

if [[ ! -f "$from/pages/README.md" ]]; then
  echo "missing $from/pages: run EveryPageAccessibleBrowserTest first (./mvnw -B verify)" >&2
  exit 1
fi
rm -rf docs/images/pages
mkdir -p docs/images/pages
cp "$from"/pages/*.png "$from/pages/README.md" docs/images/pages/
# Whole pages are tall: with pngquant (apt-get install pngquant) they take a third of the room, still sharp.
if command -v pngquant >/dev/null; then
  pngquant --force --skip-if-larger --quality 70-95 --ext .png docs/images/pages/*.png || true
fi
echo "copied $(ls docs/images/pages/*.png | wc -l) pages into docs/images/pages (index: docs/images/pages/README.md)"
