#!/usr/bin/env python3
"""Verify every round-19 record and sidecar.

Checks: file naming (xNN-<kind>-<slug>, NN = 01..24, each once), a sidecar for every record,
top-level keys, kind (allowed list, and equal to the kind in the file name), categories,
level values, span keys, file-level keys and signal/category pairs, text present on the
stated line (single line, exact), span findings and must_not_flag entries in line order,
no must_not_flag overlapping a span finding of the same line, no duplicates, and (if
NOTES.md exists) that its table agrees with the sidecars.
Prints each error and a final count; exit status 1 if any error.
"""
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

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
NAME_RE = re.compile(r"^x(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)\.txt$")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def check_keys(where, entry, allowed, required, what=""):
    """Reports keys of `entry` outside `allowed`, and `required` keys it lacks."""
    for k in set(entry) - set(allowed):
        err(where, f"{what}has unknown key {k!r}" if what else f"unknown key {k!r}")
    for k in required:
        if k not in entry:
            err(where, f"{what}missing {k!r}")


def placed(where, lines, entry, last_line):
    """`check_text`'s ranges for `entry` (None when its text is not where it says), checking
    that it comes at or after `last_line`; returns them with the new last line."""
    rs = check_text(where, lines, entry)
    if rs is None:
        return None, last_line
    if entry["line"] < last_line:
        err(where, f"out of line order (line {entry['line']} after {last_line})")
    return rs, entry["line"]


def ranges(line, text):
    out, start = [], 0
    while True:
        i = line.find(text, start)
        if i < 0:
            return out
        out.append((i, i + len(text)))
        start = i + 1


def kind_of(stem):
    # longest allowed kind that prefixes the part after xNN-
    rest = stem.split("-", 1)[1]
    cands = [k for k in KINDS if rest.startswith(k + "-")]
    return max(cands, key=len) if cands else None


def check_text(where, lines, entry):
    line, text = entry.get("line"), entry.get("text")
    if not isinstance(line, int) or isinstance(line, bool) or line < 1 or line > len(lines):
        err(where, f"line {line!r} out of range 1..{len(lines)}")
        return None
    if not isinstance(text, str) or not text.strip():
        err(where, "text missing or empty")
        return None
    if "\n" in text or "\r" in text:
        err(where, f"text spans lines: {text!r}")
        return None
    if text not in lines[line - 1]:
        err(where, f"text {text!r} not on line {line}: {lines[line - 1]!r}")
        return None
    return ranges(lines[line - 1], text)


def main():
    files = sorted(os.listdir(ROOT))
    records = [f for f in files if f.endswith(".txt")]
    yamls = [f for f in files if f.endswith(".expected.yaml")]
    allowed_other = {"NOTES.md", "tools"}
    for f in files:
        if f not in allowed_other and not f.endswith(".txt") and not f.endswith(".expected.yaml"):
            err(f, "unexpected file in folder")
    nums = {}
    for f in records:
        m = NAME_RE.match(f)
        if not m:
            err(f, "name does not match xNN-<kind>-<slug>.txt")
            continue
        nums.setdefault(m.group(1), []).append(f)
    for n in range(1, 25):
        k = f"{n:02d}"
        if k not in nums:
            err("folder", f"no record x{k}")
        elif len(nums[k]) > 1:
            err("folder", f"x{k} used more than once: {nums[k]}")
    extra = set(nums) - {f"{n:02d}" for n in range(1, 25)}
    if extra:
        err("folder", f"record numbers outside 01..24: {sorted(extra)}")
    for y in yamls:
        if y[: -len(".expected.yaml")] + ".txt" not in records:
            err(y, "sidecar without a record")

    totals = {}
    for f in records:
        stem = f[:-4]
        where = stem
        fk = kind_of(stem)
        if fk is None:
            err(where, "kind in file name is not in the allowed list")
        raw = open(os.path.join(ROOT, f), "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(where, "record is not UTF-8")
            continue
        if "\r" in text:
            err(where, "record has CR line endings")
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
        elif fk and doc.get("kind") != fk:
            err(where, f"kind {doc.get('kind')!r} differs from file name kind {fk!r}")
        if not isinstance(doc.get("description"), str) or not doc.get("description", "").strip():
            err(where, "description missing or empty")
        findings = doc.get("findings") or []
        mnf = doc.get("must_not_flag") or []
        if not isinstance(findings, list):
            err(where, "findings is not a list")
            findings = []
        if not isinstance(mnf, list):
            err(where, "must_not_flag is not a list")
            mnf = []

        last_line, seen_file, seen = 0, False, set()
        span_ranges = []  # (line, start, end, category)
        nspan = nfile = 0
        for i, fd in enumerate(findings):
            w = f"{where} findings[{i}]"
            if not isinstance(fd, dict):
                err(w, "not a mapping")
                continue
            cat = fd.get("category")
            if cat not in CATEGORIES:
                err(w, f"category {cat!r} not one of the eight")
            lvl = fd.get("level", "sentence")
            if lvl not in LEVELS:
                err(w, f"level {lvl!r} not sentence|record")
            if fd.get("scope") == "file":
                nfile += 1
                seen_file = True
                for k in set(fd) - FILE_KEYS:
                    err(w, f"file-level finding has key {k!r}")
                sig = fd.get("signal")
                if sig not in SIGNALS:
                    err(w, f"signal {sig!r} not plan-imbalance|unnamed")
                elif SIGNALS[sig] != cat:
                    err(w, f"signal {sig} must go with category {SIGNALS[sig]}, not {cat}")
                if lvl != "record":
                    err(w, "file-level finding should have level: record")
                key = ("file", cat, sig)
            else:
                nspan += 1
                if "scope" in fd:
                    err(w, f"scope {fd['scope']!r}: only 'file' is allowed")
                check_keys(w, fd, SPAN_KEYS, ("category", "line", "text"), "span finding ")
                if seen_file:
                    err(w, "span finding after a file-level finding")
                rs, last_line = placed(w, lines, fd, last_line)
                if rs is None:
                    continue
                for a, b in rs:
                    span_ranges.append((fd["line"], a, b, cat))
                key = ("span", cat, fd["line"], fd["text"])
            if key in seen:
                err(w, f"duplicate annotation {key}")
            seen.add(key)

        last_line = 0
        for i, m in enumerate(mnf):
            w = f"{where} must_not_flag[{i}]"
            if not isinstance(m, dict):
                err(w, "not a mapping")
                continue
            check_keys(w, m, MNF_KEYS, MNF_KEYS)
            if not isinstance(m.get("why"), str) or not m.get("why", "").strip():
                err(w, "why missing or empty")
            rs, last_line = placed(w, lines, m, last_line)
            if rs is None:
                continue
            for a, b in rs:
                for (ln, sa, sb, cat) in span_ranges:
                    if ln == m["line"] and a < sb and sa < b:
                        err(w, f"overlaps annotated {cat} finding on line {ln}")
        totals[stem] = (nspan, nfile, len(mnf))

    notes = os.path.join(ROOT, "NOTES.md")
    if os.path.exists(notes):
        rows = {}
        for ln in open(notes, encoding="utf-8"):
            cells = [c.strip() for c in ln.strip().strip("|").split("|")]
            if len(cells) >= 6 and re.match(r"^`?x\d\d-", cells[0]):
                rows[cells[0].strip("`")] = cells
        for stem, (ns, nf, nm) in totals.items():
            if stem not in rows:
                err("NOTES.md", f"no table row for {stem}")
                continue
            c = rows[stem]
            try:
                got = (int(c[3]), int(c[4]), int(c[5]))
            except ValueError:
                err("NOTES.md", f"row {stem}: counts not integers")
                continue
            if got != (ns, nf, nm):
                err("NOTES.md", f"row {stem}: table says {got}, sidecar has {(ns, nf, nm)}")
    else:
        err("NOTES.md", "missing")

    for e in errors:
        print("ERROR", e)
    s = sum(t[0] for t in totals.values())
    f = sum(t[1] for t in totals.values())
    m = sum(t[2] for t in totals.values())
    print(f"{len(totals)} records, {s} span findings, {f} file-level findings, "
          f"{m} must_not_flag; {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
