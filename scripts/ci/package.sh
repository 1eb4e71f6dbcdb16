#!/usr/bin/env bash
# Builds the .deb, installs it with apt, and uses what was installed the way a user would: the command line
# (--version, a live snapshot of this host, export to PNG and SVG) and the desktop program on the offscreen
# platform (the bundled sample, one picture per tab, the Korean translation). Removes the package at the end.
# Needs root (apt-get install); run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
if [ "$(id -u)" -ne 0 ]; then
    echo "== package.sh: SKIPPED: installing the package needs root (CI runs as root)"
    exit 0
fi
scripts/deps.sh package

cmake --preset package >/dev/null
cmake --build --preset package
rm -f build/package/wslatlas_*.deb
cpack --preset deb >/dev/null
deb=$(ls "$src"/build/package/wslatlas_*_*.deb)
echo "== built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

fail() { echo "package.sh: FAILED: $*" >&2; exit 1; }
contents=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/wslatlas ./usr/bin/wslatlas-cli ./usr/share/applications/wslatlas.desktop \
         ./usr/share/icons/hicolor/scalable/apps/wslatlas.svg ./usr/share/wslatlas/samples/article-sample.json \
         ./usr/share/wslatlas/collector.sh ./usr/share/wslatlas/capture-wsl.ps1; do
    grep -q " $f\$" <<<"$contents" || fail "$f is not in the package"
done
depends=$(dpkg-deb --field "$deb" Depends)
grep -q libgvc6 <<<"$depends" || fail "Depends lacks libgvc6: $depends"
grep -q libqt6widgets6 <<<"$depends" || fail "Depends lacks libqt6widgets6: $depends"
echo "== Depends: $depends"

trap 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq wslatlas >/dev/null 2>&1 || true' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall --no-install-recommends "$deb" >/dev/null
echo "== installed: $(dpkg-query -W -f='${Package} ${Version} ${Status}' wslatlas)"

# Nothing from the build tree: the only RUNPATH is Graphviz's plugin folder, and every library resolves.
for exe in /usr/bin/wslatlas /usr/bin/wslatlas-cli; do
    runpath=$(readelf -d "$exe" | sed -n 's/.*R\(UN\)\?PATH.*\[\(.*\)\]/\2/p')
    case "$runpath" in *"$src"*) fail "$exe has a RUNPATH into the build tree: $runpath" ;; esac
    if ldd "$exe" | grep -q "not found"; then ldd "$exe" | grep "not found" >&2; fail "$exe misses libraries"; fi
done
desktop-file-validate /usr/share/applications/wslatlas.desktop || fail "the desktop entry does not validate"

work=$(mktemp -d)
trap 'rm -rf "$work"; DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq wslatlas >/dev/null 2>&1 || true' EXIT
cd "$work"
export PATH=/usr/bin:/bin:/usr/sbin:/sbin
version=$(wslatlas-cli --version)
grep -q "0\.[0-9]*\.[0-9]*" <<<"$version" || fail "wslatlas-cli --version printed: $version"
echo "== $version"

rc=0
wslatlas-cli snapshot --local -o live.json 2>snapshot.err || rc=$?
[ "$rc" -le 1 ] || { cat snapshot.err >&2; fail "snapshot --local exited $rc"; }
grep -q '"schema": *"wslatlas.snapshot/1"' live.json || fail "snapshot --local wrote no snapshot"
namespaces=$(wslatlas-cli tree live.json --no-processes | grep -c "pid:\[")
[ "$namespaces" -ge 1 ] || fail "the live snapshot has no pid namespace"
echo "== snapshot --local: exit $rc, $namespaces pid namespaces"

png_ok() { [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && [ "$(stat -c %s "$1")" -gt 10000 ]; }
sample=/usr/share/wslatlas/samples/article-sample.json
wslatlas-cli export "$sample" --view pid -o pid.png
png_ok pid.png || fail "export --view pid wrote no PNG"
wslatlas-cli export "$sample" --view network --scale 2 --dark -o network.png
png_ok network.png || fail "export --view network wrote no PNG"
wslatlas-cli export live.json --view pid -o live.svg
grep -q "<svg" live.svg || fail "export of the live snapshot wrote no SVG"
grep -q "Ubuntu-20.04" <(wslatlas-cli export "$sample" --view pid --format dot -o -) || fail "DOT export lacks the sample's distro"
echo "== export: pid.png $(stat -c %s pid.png) B, network.png $(stat -c %s network.png) B, live.svg $(stat -c %s live.svg) B"

QT_QPA_PLATFORM=offscreen wslatlas --sample --screenshots shots --size 1280x800
for tab in namespaces network processes charts; do
    png_ok "shots/main-$tab.png" || fail "the installed GUI drew no $tab tab"
done
QT_QPA_PLATFORM=offscreen wslatlas live.json --screenshots live-shots
png_ok live-shots/main-namespaces.png || fail "the installed GUI drew no picture of the live snapshot"
help_ko=$(LANG=ko_KR.UTF-8 LC_ALL= LANGUAGE= QT_QPA_PLATFORM=offscreen wslatlas --help)
grep -q "내장 샘플" <<<"$help_ko" || fail "the installed GUI is not translated into Korean: $help_ko"
rm -rf "$src/build/package/check" && mkdir -p "$src/build/package/check"
cp shots/*.png pid.png network.png live.svg "$src/build/package/check/" # for a person to look at
echo "== GUI: $(ls shots | wc -l) tab pictures of the sample, the live snapshot, Korean --help (pictures kept in build/package/check)"
echo "== package.sh: OK"
