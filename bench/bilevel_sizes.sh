#!/usr/bin/env bash
# Bilevel archiving sizes (issue 3, item 7): binarize sample pages with `segment threshold --method otsu` and compare
# the size of the same mask stored as 8-bit PNG (--bilevel never, what OpenCV's imwrite writes), 1-bit PNG,
# CCITT G4 TIFF and PBM (P4). Also checks that the bilevel files really are 1 bit per pixel (PNG IHDR bit depth 1,
# TIFF BitsPerSample 1 with Compression 4 = CCITT G4, PBM magic P4) and that every file decodes to the same mask.
#
#   bench/bilevel_sizes.sh                 # build the CLI (Release) and print a markdown table
#   SKIP_BUILD=1 bench/bilevel_sizes.sh    # reuse src/SegmentSharp.Cli/bin/Release/net10.0/segment.dll
#   DIBCO_ROOT=/path bench/bilevel_sizes.sh   # where dibco20xx/img/*.png live (default ../shared/data/fetched)
#
# The DIBCO pages are read from the shared folder only; nothing of them is written into the repository
# (outputs go to a temporary folder that is removed at exit).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DLL=$ROOT/src/SegmentSharp.Cli/bin/Release/net10.0/segment.dll
if [[ -z "${SKIP_BUILD:-}" ]]; then
  dotnet build "$ROOT/src/SegmentSharp.Cli" -c Release -v q -nologo >/dev/null
fi
DIBCO=${DIBCO_ROOT:-}
if [[ -z "$DIBCO" ]]; then
  for d in "$ROOT/../shared/data/fetched" "$ROOT/../../shared/data/fetched"; do
    [[ -d "$d" ]] && { DIBCO=$(cd "$d" && pwd); break; }
  done
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# name<TAB>path lines: the two committed samples, then every DIBCO page that is present.
{
  printf 'samples/page.png\t%s\n' "$ROOT/samples/page.png"
  printf 'samples/text.png\t%s\n' "$ROOT/samples/text.png"
  if [[ -n "$DIBCO" ]]; then
    for f in "$DIBCO"/dibco20*/img/*.png; do
      [[ -e "$f" ]] || continue
      year=$(basename "$(dirname "$(dirname "$f")")")
      printf '%s/%s\t%s\n' "$year" "$(basename "$f")" "$f"
    done
  fi
} > "$TMP/list.tsv"

i=0
while IFS=$'\t' read -r name path; do
  i=$((i + 1))
  o="$TMP/$i"
  dotnet "$DLL" threshold "$path" "$o-8bit.png" --method otsu --bilevel never >/dev/null
  dotnet "$DLL" threshold "$path" "$o.png" --method otsu >/dev/null
  dotnet "$DLL" threshold "$path" "$o.tif" --method otsu >/dev/null
  dotnet "$DLL" threshold "$path" "$o.pbm" --method otsu >/dev/null
  printf '%s\t%s\n' "$name" "$o" >> "$TMP/done.tsv"
done < "$TMP/list.tsv"

python3 - "$TMP/done.tsv" <<'PY'
import os, struct, sys, datetime, collections

def png_depth(p):
    b = open(p, 'rb').read(33)
    assert b[:8] == b'\x89PNG\r\n\x1a\n', p
    return b[24], b[25]  # bit depth, colour type

def tiff_tags(p):
    b = open(p, 'rb').read()
    e = '<' if b[:2] == b'II' else '>'
    off = struct.unpack(e + 'I', b[4:8])[0]
    n = struct.unpack(e + 'H', b[off:off + 2])[0]
    tags = {}
    for k in range(n):
        t, typ, cnt, val = struct.unpack(e + 'HHII', b[off + 2 + 12 * k: off + 14 + 12 * k])
        if typ == 3 and cnt == 1:
            val = struct.unpack(e + 'H', b[off + 10 + 12 * k: off + 12 + 12 * k])[0]
        tags[t] = val
    return tags

rows = []
for line in open(sys.argv[1]):
    name, o = line.rstrip('\n').split('\t')
    s8, s1, st, sp = (os.path.getsize(o + x) for x in ('-8bit.png', '.png', '.tif', '.pbm'))
    assert png_depth(o + '-8bit.png')[0] == 8, name
    assert png_depth(o + '.png') == (1, 0), (name, png_depth(o + '.png'))
    tags = tiff_tags(o + '.tif')
    assert tags.get(258) == 1 and tags.get(259) == 4, (name, tags.get(258), tags.get(259))
    assert open(o + '.pbm', 'rb').read(2) == b'P4', name
    rows.append((name, s8, s1, st, sp))

def fmt(n):
    return f'{n:,}'

def line(name, s8, s1, st, sp):
    return (f'| {name} | {fmt(s8)} | {fmt(s1)} ({s1 / s8:.1%}) | {fmt(st)} ({st / s8:.1%}) | {fmt(sp)} ({sp / s8:.1%}) |')

print(f'Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; masks from `segment threshold --method otsu`; '
      'sizes in bytes, ratio to the 8-bit PNG in parentheses.')
print()
print('| image | 8-bit PNG | 1-bit PNG | CCITT G4 TIFF | PBM (P4) |')
print('|---|---:|---:|---:|---:|')
groups = collections.OrderedDict()
for r in rows:
    if r[0].startswith('samples/'):
        print(line(*r))
    else:
        groups.setdefault(r[0].split('/')[0], []).append(r)
for year, rs in groups.items():
    tot = [sum(r[k] for r in rs) for k in range(1, 5)]
    print(line(f'{year} ({len(rs)} pages, total)', *tot))
if groups:
    allr = [r for rs in groups.values() for r in rs]
    tot = [sum(r[k] for r in allr) for k in range(1, 5)]
    print(line(f'all DIBCO pages ({len(allr)}, total)', *tot))
PY
