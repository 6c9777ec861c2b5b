#!/usr/bin/env python3
"""spaCy yardstick for bench/run.sh: PhraseMatcher (attr LOWER) on spacy.blank("en").

    spacy_yardstick.py --phrases PHRASES [--max-mb 10] FILE...

Reads whole files, in the order given, until --max-mb MiB are read (at least one file), makes one
Doc per file with the blank English tokenizer and runs a PhraseMatcher built from the phrases
(one a line, as printed by `caselens _bench --phrases`). Times tokenising + matching only
(not the import, not reading). Prints one line of key=value pairs, like `caselens _bench`.
"""
import argparse
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--phrases", required=True)
    ap.add_argument("--max-mb", type=float, default=10.0)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()

    import spacy
    from spacy.matcher import PhraseMatcher

    with open(a.phrases, encoding="utf-8") as f:
        phrases = [l.strip() for l in f if l.strip()]
    limit = int(a.max_mb * 1048576)
    texts, nbytes = [], 0
    for path in a.files:
        with open(path, "rb") as f:
            data = f.read()
        if texts and nbytes + len(data) > limit:
            break
        texts.append(data.decode("utf-8", errors="replace"))
        nbytes += len(data)

    nlp = spacy.blank("en")
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    t0 = time.perf_counter()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("PHRASES", list(nlp.tokenizer.pipe(phrases)))
    build = time.perf_counter() - t0

    t1 = time.perf_counter()
    tokens = matches = 0
    for doc in nlp.pipe(texts):
        tokens += len(doc)
        matches += len(matcher(doc))
    seconds = time.perf_counter() - t1
    print(f"spacy={spacy.__version__} phrases={len(phrases)} files={len(texts)} bytes={nbytes} "
          f"tokens={tokens} matches={matches} build_s={build:.3f} seconds={seconds:.3f} "
          f"mib_s={nbytes / 1048576 / seconds:.2f}")


if __name__ == "__main__":
    sys.exit(main())
