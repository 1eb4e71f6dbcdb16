#!/usr/bin/env bash
# Refreshes the translation sources from the code (run after changing user-visible text), keeping the
# translations already made; then translate the new entries with Qt Linguist (linguist6 or linguist).
# wslatlas_en.ts holds only the English plural forms ("%n process(es)" -> "1 process", "2 processes").
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate6 || command -v /usr/lib/qt6/bin/lupdate || command -v lupdate)
"$lupdate" -locations none -no-obsolete app ui -ts resources/translations/wslatlas_ko.ts
"$lupdate" -locations none -no-obsolete -pluralonly app ui -ts resources/translations/wslatlas_en.ts
python3 scripts/fill-english-plurals.py resources/translations/wslatlas_en.ts
