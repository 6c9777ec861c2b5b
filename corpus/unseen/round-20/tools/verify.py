#!/usr/bin/env python3
"""Verify every round-20 record and sidecar.

Checks:
- folder: names yNN-<kind>-<slug>.txt with NN = 01..24, each used once; a sidecar for every
  record and a record for every sidecar; nothing else but NOTES.md and tools/;
- records: UTF-8, LF line endings, final newline;
- sidecars: parse as YAML; top-level keys; kind on the corpus README list and equal to the kind
  in the file name; non-empty description;
- findings: category is one of the eight; level is sentence|record; span findings have exactly
  category/line/text(/level), their text sits on the stated line and does not span lines;
  file-level findings have category/scope/signal/level only, level record, and the
  signal/category pair is plan-imbalance <-> victim-tasked or unnamed <-> absent-perpetrator;
  span findings come in line order and before any file-level finding; no duplicates;
- must_not_flag: line/text/why, text on its line, line order, no overlap with an annotated span
  on the same line, no duplicates;
- the sidecars agree with tools/spec.py (same names, same counts);
- NOTES.md exists and its record table agrees with the sidecars.
Prints every error and a summary; exit status 1 on any error.
"""
import os
import re
import sys
from collections import Counter

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from spec import RECORDS  # noqa: E402

KINDS = set("""referral contact-note home-visit strategy-discussion assessment chronology
cp-conference cp-plan safety-plan supervision marac substance-use court-summary gp-letter
school-log police-notification health-visitor adult-social-care probation cin-review housing
edt-log midwifery camhs-letter youth-justice adult-safeguarding refuge contact-centre
plo-letter cp-medical idva""".split())
CATEGORIES = {"victim-blaming", "victim-tasked", "mutualising", "minimising",
              "perpetrator-excuse", "absent-perpetrator", "doubting", "pathologising"}
SIGNALS = {"plan-imbalance": "victim-tasked", "unnamed": "absent-perpetrator"}
LEVELS = {"sentence", "record"}
TOP_KEYS = {"kind", "description", "findings", "must_not_flag"}
SPAN_KEYS = {"category", "line", "text", "level"}
FILE_KEYS = {"category", "scope", "signal", "level"}
MNF_KEYS = {"line", "text", "why"}
NAME_RE = re.compile(r"^y(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)\.txt$")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def kind_of(stem):
    rest = stem.split("-", 1)[1]
    cands = [k for k in KINDS if rest.startswith(k + "-")]
    return max(cands, key=len) if cands else None


def spans_on(line, text):
    out, start = [], 0
    while True:
        i = line.find(text, start)
        if i < 0:
            return out
        out.append((i, i + len(text)))
        start = i + 1


def check_placed(where, lines, entry):
    line, text = entry.get("line"), entry.get("text")
    if not isinstance(line, int) or isinstance(line, bool) or not 1 <= line <= len(lines):
        err(where, f"line {line!r} outside 1..{len(lines)}")
        return None
    if not isinstance(text, str) or not text.strip():
        err(where, "text missing or empty")
        return None
    if "\n" in text or "\r" in text:
        err(where, f"text spans lines: {text!r}")
        return None
    if text not in lines[line - 1]:
        err(where, f"text {text!r} is not on line {line}: {lines[line - 1]!r}")
        return None
    return spans_on(lines[line - 1], text)


def check_keys(where, entry, allowed, required):
    for k in set(entry) - set(allowed):
        err(where, f"unknown key {k!r}")
    for k in required:
        if k not in entry:
            err(where, f"missing key {k!r}")


def main():
    files = sorted(os.listdir(ROOT))
    records = [f for f in files if f.endswith(".txt")]
    sidecars = [f for f in files if f.endswith(".expected.yaml")]
    for f in files:
        if f not in ("NOTES.md", "tools") and not f.endswith((".txt", ".expected.yaml")):
            err(f, "unexpected file in the folder")
    nums = {}
    for f in records:
        m = NAME_RE.match(f)
        if not m:
            err(f, "name does not match yNN-<kind>-<slug>.txt")
            continue
        nums.setdefault(m.group(1), []).append(f)
    for n in range(1, 25):
        k = f"{n:02d}"
        if k not in nums:
            err("folder", f"no record y{k}")
        elif len(nums[k]) > 1:
            err("folder", f"y{k} used more than once: {nums[k]}")
    extra = set(nums) - {f"{n:02d}" for n in range(1, 25)}
    if extra:
        err("folder", f"record numbers outside 01..24: {sorted(extra)}")
    for y in sidecars:
        if y[: -len(".expected.yaml")] + ".txt" not in records:
            err(y, "sidecar without a record")

    spec = {r["name"]: r for r in RECORDS}
    totals, cats = {}, Counter()
    levels = Counter()
    for f in records:
        stem = f[:-4]
        where = stem
        fk = kind_of(stem)
        if fk is None:
            err(where, "kind in the file name is not on the allowed list")
        raw = open(os.path.join(ROOT, f), "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(where, "record is not UTF-8")
            continue
        if "\r" in text:
            err(where, "record has CR characters")
        if not text.endswith("\n"):
            err(where, "record does not end with a newline")
        lines = text.split("\n")
        ypath = os.path.join(ROOT, stem + ".expected.yaml")
        if not os.path.exists(ypath):
            err(where, "missing .expected.yaml")
            continue
        try:
            doc = yaml.safe_load(open(ypath, encoding="utf-8"))
        except yaml.YAMLError as e:
            err(where, f"YAML does not parse: {e}")
            continue
        if not isinstance(doc, dict):
            err(where, "YAML top level is not a mapping")
            continue
        for k in set(doc) - TOP_KEYS:
            err(where, f"unknown top-level key {k!r}")
        for k in ("kind", "description", "findings"):
            if k not in doc:
                err(where, f"missing top-level key {k!r}")
        if doc.get("kind") not in KINDS:
            err(where, f"kind {doc.get('kind')!r} not allowed")
        elif fk and doc["kind"] != fk:
            err(where, f"kind {doc['kind']!r} differs from the file name's {fk!r}")
        if not isinstance(doc.get("description"), str) or not doc["description"].strip():
            err(where, "description missing or empty")
        findings = doc.get("findings") or []
        mnf = doc.get("must_not_flag") or []
        if not isinstance(findings, list):
            err(where, "findings is not a list")
            findings = []
        if not isinstance(mnf, list):
            err(where, "must_not_flag is not a list")
            mnf = []

        seen, span_ranges = set(), []
        last, seen_file, nspan, nfile = 0, False, 0, 0
        for i, fd in enumerate(findings):
            w = f"{where} findings[{i}]"
            if not isinstance(fd, dict):
                err(w, "not a mapping")
                continue
            cat = fd.get("category")
            if cat not in CATEGORIES:
                err(w, f"category {cat!r} is not one of the eight")
            lvl = fd.get("level", "sentence")
            if lvl not in LEVELS:
                err(w, f"level {lvl!r} is not sentence|record")
            if fd.get("scope") == "file":
                nfile += 1
                seen_file = True
                check_keys(w, fd, FILE_KEYS, ("category", "scope", "signal"))
                sig = fd.get("signal")
                if sig not in SIGNALS:
                    err(w, f"signal {sig!r} is not plan-imbalance|unnamed")
                elif SIGNALS[sig] != cat:
                    err(w, f"signal {sig} goes with {SIGNALS[sig]}, not {cat}")
                if lvl != "record":
                    err(w, "file-level finding must have level: record")
                key = ("file", cat, sig)
            else:
                nspan += 1
                if "scope" in fd:
                    err(w, f"scope {fd['scope']!r}: only 'file' is allowed")
                check_keys(w, fd, SPAN_KEYS, ("category", "line", "text"))
                if seen_file:
                    err(w, "span finding after a file-level finding")
                rs = check_placed(w, lines, fd)
                if rs is None:
                    continue
                if fd["line"] < last:
                    err(w, f"out of line order ({fd['line']} after {last})")
                last = fd["line"]
                for a, b in rs:
                    span_ranges.append((fd["line"], a, b, cat))
                key = ("span", cat, fd["line"], fd["text"])
                levels[lvl] += 1
            if key in seen:
                err(w, f"duplicate annotation {key}")
            seen.add(key)
            if cat in CATEGORIES:
                cats[(cat, "file" if fd.get("scope") == "file" else "span")] += 1

        last, mseen = 0, set()
        for i, m in enumerate(mnf):
            w = f"{where} must_not_flag[{i}]"
            if not isinstance(m, dict):
                err(w, "not a mapping")
                continue
            check_keys(w, m, MNF_KEYS, MNF_KEYS)
            if not isinstance(m.get("why"), str) or not m.get("why", "").strip():
                err(w, "why missing or empty")
            rs = check_placed(w, lines, m)
            if rs is None:
                continue
            if m["line"] < last:
                err(w, f"out of line order ({m['line']} after {last})")
            last = m["line"]
            k = (m["line"], m["text"])
            if k in mseen:
                err(w, f"duplicate must_not_flag {k}")
            mseen.add(k)
            for a, b in rs:
                for ln, sa, sb, cat in span_ranges:
                    if ln == m["line"] and a < sb and sa < b:
                        err(w, f"overlaps the annotated {cat} span on line {ln}")
        totals[stem] = (nspan, nfile, len(mnf))

        r = spec.get(stem)
        if r is None:
            err(where, "record not in tools/spec.py")
        else:
            want = (len(r["findings"]), len(r["file_findings"]), len(r["mnf"]))
            if want != totals[stem]:
                err(where, f"sidecar counts {totals[stem]} differ from spec {want}; rerun gen_expected.py")
            if r["kind"] != doc.get("kind"):
                err(where, "kind differs from spec")
    for name in spec:
        if name + ".txt" not in records:
            err("spec", f"{name} has no record file")

    notes = os.path.join(ROOT, "NOTES.md")
    if os.path.exists(notes):
        rows = {}
        for ln in open(notes, encoding="utf-8"):
            cells = [c.strip() for c in ln.strip().strip("|").split("|")]
            if len(cells) >= 7 and re.match(r"^`?y\d\d-", cells[0]):
                rows[cells[0].strip("`")] = cells
        for stem, (ns, nf, nm) in totals.items():
            c = rows.get(stem)
            if c is None:
                err("NOTES.md", f"no table row for {stem}")
                continue
            try:
                got = (int(c[4]), int(c[5]), int(c[6]))
            except ValueError:
                err("NOTES.md", f"row {stem}: counts are not integers")
                continue
            if got != (ns, nf, nm):
                err("NOTES.md", f"row {stem}: table says {got}, sidecar has {(ns, nf, nm)}")
            if c[1] != spec.get(stem, {}).get("kind"):
                err("NOTES.md", f"row {stem}: kind column {c[1]!r} differs from the sidecar")
        for stem in rows:
            if stem not in totals:
                err("NOTES.md", f"table row for unknown record {stem}")
    else:
        err("NOTES.md", "missing")

    for e in errors:
        print("ERROR", e)
    s = sum(t[0] for t in totals.values())
    f = sum(t[1] for t in totals.values())
    m = sum(t[2] for t in totals.values())
    print(f"{len(totals)} records, {s} span findings ({levels['sentence']} sentence, "
          f"{levels['record']} record), {f} file-level findings, {m} must_not_flag; "
          f"{len(errors)} errors")
    for (cat, scope), n in sorted(cats.items()):
        print(f"  {scope:4} {cat:20} {n}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
