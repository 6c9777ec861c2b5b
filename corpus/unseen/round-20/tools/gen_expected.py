#!/usr/bin/env python3
"""Write the round-20 .expected.yaml sidecars from tools/spec.py.

Line numbers are computed from the record text, never typed. A text that is missing, or that
occurs on more than one line without an 'nth' / 'near' disambiguator, stops the run. Span
findings and must_not_flag entries are written in line (then column) order; file-level
findings follow the span findings.
"""
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from spec import RECORDS  # noqa: E402


def locate(lines, text, opts, where):
    opts = opts or {}
    hits = [i for i, ln in enumerate(lines) if text in ln]
    if "near" in opts:
        hits = [i for i in hits if opts["near"] in lines[i]]
    if not hits:
        raise SystemExit(f"{where}: text not found: {text!r} {opts}")
    if "nth" in opts:
        if opts["nth"] > len(hits):
            raise SystemExit(f"{where}: {text!r} has only {len(hits)} matching lines")
        idx = hits[opts["nth"] - 1]
    elif len(hits) > 1:
        raise SystemExit(f"{where}: {text!r} on several lines {[h + 1 for h in hits]}; add nth/near")
    else:
        idx = hits[0]
    if lines[idx].count(text) > 1:
        print(f"note: {where}: {text!r} occurs more than once on line {idx + 1}", file=sys.stderr)
    return idx + 1, lines[idx].index(text)


def main():
    names = set()
    for rec in RECORDS:
        name = rec["name"]
        if name in names:
            raise SystemExit(f"duplicate record name {name}")
        names.add(name)
        path = os.path.join(ROOT, name + ".txt")
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        spans = []
        for f in rec["findings"]:
            cat, text, level = f[:3]
            opts = f[3] if len(f) > 3 else None
            line, col = locate(lines, text, opts, name)
            spans.append((line, col, {"category": cat, "line": line, "text": text, "level": level}))
        spans.sort(key=lambda t: (t[0], t[1]))
        findings = [s[2] for s in spans]
        for cat, signal in rec["file_findings"]:
            findings.append({"category": cat, "scope": "file", "signal": signal, "level": "record"})
        mnf = []
        for m in rec["mnf"]:
            text, why = m[:2]
            opts = m[2] if len(m) > 2 else None
            line, col = locate(lines, text, opts, name)
            mnf.append((line, col, {"line": line, "text": text, "why": why}))
        mnf.sort(key=lambda t: (t[0], t[1]))
        doc = {
            "kind": rec["kind"],
            "description": rec["description"],
            "findings": findings,
            "must_not_flag": [m[2] for m in mnf],
        }
        out = os.path.join(ROOT, name + ".expected.yaml")
        with open(out, "w", encoding="utf-8") as fh:
            yaml.safe_dump(doc, fh, sort_keys=False, allow_unicode=True, width=100)
        print(f"wrote {os.path.basename(out)}: {len(spans)} span, "
              f"{len(rec['file_findings'])} file, {len(mnf)} must_not_flag")


if __name__ == "__main__":
    main()
