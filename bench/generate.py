#!/usr/bin/env python3
"""Deterministic generator of large, realistic synthetic case-note corpora for bench/run.sh.

Builds notes from the invented records in corpus/records/*.txt: their header blocks, headings,
sentences and action items are reused, shuffled, with every name and place swapped for one from
the invented lists below (consistently within a note) and every dd/mm/yyyy date moved by a
per-note offset. About half of the prose comes from neutral templates, so flagged phrases are
not as dense as in the corpus, whose records were written to exercise the rules.

Real exports are messy, so some notes are "pasted from Word" (curly quotes and apostrophes,
em dashes), some are hard-wrapped at 66-80 columns, a few have CRLF line endings, and names
and templates bring in é, ë, ó, ś, £ and so on.

The same arguments always give byte-identical output (no hash ordering, no clock, no locale).
Pure Python 3 standard library.

    generate.py --out DIR [--size-mb N] [--files K] [--seed S]   # K files, N MiB in total
    generate.py --single FILE --bytes N [--seed S]               # one note of exactly N bytes

--size-mb counts MiB (2^20 bytes). Each file of a corpus is a case-file export: several notes
one after another, each under a divider line, K files of (almost exactly) N/K MiB each.
"""
import argparse
import datetime
import glob
import os
import random
import re
import sys
import textwrap
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_RECORDS = os.path.join(HERE, "..", "corpus", "records")

# ---------------------------------------------------------------------------------------------
# Invented name and place lists (no real people or places intended).

FIRST_NAMES = """
Abbie Adaeze Aimee Aleksandra Alisha Amara Anouk Aoife Ayesha Bethan Bronwen Carmen Catrin Chanel
Chantelle Chloé Ciara Danuta Demi Eilidh Elif Emilia Esra Faith Fatima Gabriela Georgia Hafsa
Halima Hannah Iwona Jade Jasmin Joanna Kasia Keeley Kerry-Ann Lacey Leila Lorna Maja Małgorzata
Marta Maryam Megan Mercy Nadine Nia Niamh Noémie Oksana Paige Precious Rachael Renée Rhian Roisin
Saoirse Shanice Sinéad Sofia Tamsin Tayla Ugne Vanessa Yasmin Zainab Zoë Zofia
Aaron Adrian Ahmed Aleksander Andrzej Arjun Bartosz Brandon Callum Carl Ciarán Conor Craig Damian
Darius Declan Dominic Dwayne Emre Gediminas Grzegorz Hamza Ibrahim Jake Jamal Jarrod Jordan José
Kamil Karl Kieran Kyle Leon Luke Marcin Marek Mohammed Nathan Nikolai Omar Ozan Paweł Reece Robert
Rory Ryan Scott Shane Stefan Terrell Tomás Tyrone Wesley Zak
Alfie Amelia Aria Arlo Bobby Darcy Eden Elsie Ezra Florence Frankie Harrison Isaac Iyla Jaxon
Kayden Leyla Lottie Luca Mila Nala Ollie Orla Phoebe Reggie Remi Rohan Roman Rosie Sienna Stanley
Theo Thea Tommy Zeynep
""".split()

SURNAMES = """
Abara Ackroyd Adeleke Ahmadi Ainscough Ashurst Bakr Baranowski Bellingham Birtwistle Błaszczyk
Bramhall Brierley Calloway Castellanos Chadwick Chaudhry Costa Crossley Dąbrowski Dearden Delaney
Drummond Duckworth Egan Ekwueme Entwistle Farooqui Fenby Garbutt Gaskell Greenhalgh Gwilliam
Haworth Heseltine Horrocks Ibekwe Illingworth Jagger Jaworska Kaczmarek Kershaw Kovács Lamb
Lancaster Lomax Lyons Maguire Malinowska Marsden Mbeki Moreno Mullaney Nieminen Nkemelu Nuttall
O'Driscoll O'Hare Okeke Ormerod Petrović Pilkington Postlethwaite Quigley Rafiq Rahimi Ramsbottom
Rawcliffe Schofield Sheridan Sówka Stansfield Sutcliffe Szymańska Thistlethwaite Tolan Uddin
Varley Wainwright Whittaker Wiśniewska Yilmaz Zielińska Žukauskas
""".split()

PLACES = """
Ambleford Barrowdene Brindlecote Castlemere Coldharbour Dunstow Elmsbridge Farthingley Greyfriars
Hallowbrook Hexley Kingsmoor Lanterngate Millbeck Northwold Oakenfield Pennydale Quarrymoor
Redwick Saltmarsh Southerby Thornley Upper Alderwick Wetherfield Whinmoor Yarrowby
""".split()

# Capitalised words in the records that are never names: titles, months, days, headings,
# institutions. Everything else that only ever appears capitalised is treated as a name.
NOT_NAMES = set("""
Mr Mrs Ms Miss Dr PC DC DS DI Mum Mummy Mums Dad Daddy Dads Nan Nana Grandad
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays Thursdays
Fridays Saturdays Sundays Christmas Easter
Apologies Applicant Area Assessing Attendees Author Borough Building Caller Civic Compiled
Consideration Context Contingency Council Crown Decisions Designated Details Drive Entered Event
Freedom Homes Houses Independent Interim Leaflet Liaison Lego Locality Magistrates Microsoft
Midwifery Minute Observations Outcomes Owner Participant Participants Partnership Personal Poland
Polish English Scotland Welsh Irish British Prepared Primary Public Pupil Recommendation Requested
Requests Research Respect Revised Scope Senior Signed Source Substance Substances Supervisee
Surgery Teams Toolkit Urine Venue Academy Programme Rise Terrace Close Road Street Lane Way Avenue
Crescent Court Hospital Police Service Services Children Health Recovery Hub Relationships Better
Harbour Orchard Elms Mill Quarry Tannery Strand Kiln Brow Rainbow Kestrel Thrush Linnet Lark
""".split())

# Places in the current records; any capitalised word followed by one of PLACE_SUFFIX is also a place.
KNOWN_PLACES = set("""
Northvale Brackenford Brackenshire Eastmere Eastmoor Calderbrook Selsworth Wendlow Oakhythe
Ashcombe Moorside Ridgeway Corran Kilda
""".split())
PLACE_SUFFIX = re.compile(
    r"\s+(?:Council|Borough|Police|Primary|Academy|Magistrates|Hospital|Road|Street|Drive|Lane|"
    r"Close|Way|Rise|Avenue|Crescent|Terrace|Recovery|Children's|Locality|Health|Women's|Family|"
    r"Surgery|Medical|Housing|College|High|Infant|Junior|Nursery)\b")

TITLES = r"(?:Mr|Mrs|Ms|Miss|Dr|PC|DC|DS)\.?"

# ---------------------------------------------------------------------------------------------
# Neutral templates: everyday recording with no flagged wording. Placeholders: {m} mother's first
# name, {f} father's/partner's first name, {ms} and {fs} their surnames, {c1} {c2} children,
# {w} worker, {place}, {date}, {money}, {time}, {age}.

TEMPLATES = [
    "{c1} was seen alone in {c1p} bedroom and showed me {c1p} drawings.",
    "{c1} said {c1p} favourite subject at school is art and that {c1p} best friend is called Maisie.",
    "The home was clean and tidy; there was food in the fridge and the children's rooms were well furnished.",
    "Ms {ms} said she had £{money} left for the week after paying the gas and electric.",
    "I gave {m} a £{money} food bank voucher and the number for the {place} Citizens Advice office.",
    "Universal Credit is £{money} a month; the housing element is paid directly to the landlord.",
    "{c1}'s attendance this term is 96%, and school report no concerns about {c1p} learning.",
    "{c2} is meeting {c2p} developmental milestones, according to the health visitor's review on {date}.",
    "I visited at {time} as arranged; {m} answered the door and offered me a cup of tea.",
    "We talked about the support available from the {place} family hub — stay-and-play, parenting groups and the holiday club.",
    "{m} said the boiler has been broken since {date} and the landlord has not replied to her messages.",
    "The GP confirmed that {c1}'s asthma review took place on {date}; {c1p} inhaler was renewed.",
    "{c2} was asleep in {c2p} cot during the visit; I saw {c2p} room and the sleeping arrangements were safe.",
    "Mr {fs} was not present; I left a message asking him to call me to arrange a meeting at the office.",
    "I have written to Mr {fs} to offer an appointment on {date} at {time} at the {place} office.",
    "Mr {fs} did not attend the appointment on {date}; I will write to him again and copy in his probation officer.",
    "The IDVA, {w2}, has met {m} twice and completed the DASH risk assessment with her.",
    "A referral to the Caring Dads programme for Mr {fs} was sent on {date}.",
    "School nurse to see {c1} about {c1p} sleep — {c1p} teacher says {c1} is often tired on Mondays.",
    "{m} has started a college course in {place} and is enjoying it; the children go to nursery on those days.",
    "I explained my role and the purpose of the assessment; {m} said she understood and agreed to take part.",
    "{c1} told me about living with Mum and {c1p} nan, and said that the house is “quiet now”.",
    "Contact between {c1} and Mr {fs} is supervised at the {place} contact centre on Saturdays, 10:00–12:00.",
    "The core group met on {date}; minutes were circulated to all members on the same day.",
    "Information was shared with the police and with {c1}'s school under the child protection procedures.",
    "{m} asked for help with the cost of school uniform; the school has a hardship fund of up to £{money}.",
    "The family have lived at the address for {age} years and are on the waiting list for a transfer.",
    "Health visitor saw {c2} at clinic on {date}: weight on the 50th centile, immunisations up to date.",
    "The interpreter (Polish) joined by phone; {m} was happy for the conversation to be in English and Polish.",
    "I will visit again on {date} and see the children at school in the meantime.",
    "Manager's oversight: plan reviewed on {date}; no change to the level of intervention at this stage.",
    "{m}'s mother, Mrs {ms}, lives nearby in {place} and collects the children from school twice a week.",
    "{c1} has joined the football club at the leisure centre; the coach says {c1} is “a great team player”.",
    "Housing confirmed that the locks were changed on {date} and a video doorbell has been fitted.",
    "Mr {fs} has been referred to a domestic abuse perpetrator programme and his first session is on {date}.",
    "Mr {fs} was spoken to by the police about the breach of the order and was arrested on {date}.",
    "The café at the family centre is used for contact handovers so that {m} and Mr {fs} do not meet.",
    "The chronology was updated on {date} with the police notifications received since the last review.",
    "{m} is registered with the {place} surgery; she has an appointment with the practice nurse on {date}.",
    "No-one else was in the home during the visit — {m} confirmed that Mr {fs} has a key to the flat.",
    "Mr {fs} said he is “working on himself” and has stopped drinking; we talked about what the children need from him.",
    "{c1} and {c2} both said they would like to keep going to the same school.",
    "Transport to the appointment was arranged through the family support budget (£{money}).",
]

DIVIDERS = [
    "========================================================================",
    "------------------------------------------------------------------------",
    "* * *",
    "____________________________________________________________",
]

NOTE_TITLES = [
    "CASE NOTE", "CONTACT RECORD", "HOME VISIT RECORD", "SUPERVISION NOTE", "TELEPHONE CONTACT",
    "CASE RECORDING – {place} CHILDREN'S SERVICES", "STATUTORY VISIT", "KEY-WORK SESSION NOTE",
]

HEADINGS = [
    "Purpose of visit", "Observations", "Discussion", "Analysis", "Actions", "Plan", "Update",
    "Child's voice", "Views of the parent", "Risk and protective factors", "Next steps",
    "Management oversight", "Summary", "Case update", "Reflection",
]

# ---------------------------------------------------------------------------------------------
# Reading the records into pools of pieces.
# A "piece list" is a list of str or (kind, key) tuples: ('S', i) surname slot, ('F', i) first-name
# slot, ('P', i) place slot, ('D', ordinal) a date to be shifted. Rendering joins them.

DATE_RE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")
WORD_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+(?:-[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+)?")
SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"‘(])")
LIST_RE = re.compile(r"^\s*(?:[-•*]|\d+(?:\.\d+)*[.)]?|\(?[a-z]\))\s+")
CHRONO_RE = re.compile(r"^\d{2}/\d{2}/\d{4}\s+[–-]\s+")


def stable(s):
    return zlib.crc32(s.encode("utf-8"))


class Names:
    """Decides, for the whole set of records, which capitalised words are names and which places."""

    def __init__(self, texts):
        all_text = "\n".join(texts)
        words = WORD_RE.findall(all_text)
        lower_seen = set(w.lower() for w in re.findall(r"\b[a-zà-ÿ][A-Za-zÀ-ÿ'-]*", all_text))
        self.kind = {}
        # A word is a surname when it is more often after a title or second in "First Last"
        # than first in such a pair ("Mr Dean" once, "Dean Kelly" often: a first name).
        as_surname, as_first = {}, {}
        for m in re.finditer(TITLES + r"\s+([A-Z][A-Za-zÀ-ÿ'-]+?)(?:'s?)?\b", all_text):
            as_surname[m.group(1)] = as_surname.get(m.group(1), 0) + 1
        for m in re.finditer(r"\b([A-Z][a-zà-ÿ]+) (?=([A-Z][A-Za-zÀ-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\b)", all_text):
            if m.group(1) not in NOT_NAMES and m.group(2) not in NOT_NAMES:
                as_surname[m.group(2)] = as_surname.get(m.group(2), 0) + 1
                as_first[m.group(1)] = as_first.get(m.group(1), 0) + 1
        surnames = set(w for w, n in as_surname.items() if n > as_first.get(w, 0))
        places = set(KNOWN_PLACES)
        for m in re.finditer(r"\b([A-Z][a-z]+)" + PLACE_SUFFIX.pattern, all_text):
            places.add(m.group(1))
        for w in sorted(set(words)):
            base = w.rstrip("'")
            if base in NOT_NAMES or base.lower() in lower_seen or len(base) < 2 or base.isupper():
                continue
            if base in places:
                self.kind[base] = "P"
            elif base in surnames:
                self.kind[base] = "S"
            else:
                self.kind[base] = "F"
        # ALL-CAPS surnames in court headers (FISHER) are surnames too.
        for w in sorted(set(re.findall(r"\b[A-Z]{3,}\b", all_text))):
            cap = w.capitalize()
            if self.kind.get(cap) == "S":
                self.kind[w] = "SU"

    def pieces(self, text):
        """Text → piece list with names, places and dates as slots."""
        out = []
        pos = 0
        tokens = []
        for m in WORD_RE.finditer(text):
            k = self.kind.get(m.group(0))
            if k:
                tokens.append((m.start(), m.end(), k, m.group(0)))
        for m in DATE_RE.finditer(text):
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            try:
                o = datetime.date(y, mo, d).toordinal()
            except ValueError:
                continue
            tokens.append((m.start(), m.end(), "D", o))
        tokens.sort(key=lambda t: t[0])
        for start, end, k, v in tokens:
            if start < pos:
                continue
            if start > pos:
                out.append(text[pos:start])
            if k == "D":
                out.append(("D", v))
            elif k == "P":
                out.append(("P", stable(v) % 2))
            elif k in ("S", "SU"):
                out.append(("SU" if k == "SU" else "S", stable(v) % 3))
            else:
                out.append(("F", stable(v) % 6))
            pos = end
        if pos < len(text):
            out.append(text[pos:])
        return out


class Pools:
    def __init__(self, record_dir):
        paths = sorted(glob.glob(os.path.join(record_dir, "*.txt")))
        if not paths:
            sys.exit(f"generate.py: no records in {record_dir}")
        texts = []
        for p in paths:
            with open(p, encoding="utf-8") as f:
                texts.append(f.read().replace("\r\n", "\n"))
        self.names = Names(texts)
        self.titles, self.headers, self.headings = [], [], []
        self.sentences, self.items = [], []
        self.by_record = []   # per record: (title, header, [sentence indexes], [item indexes])
        for text in texts:
            self._read(text)

    def _read(self, text):
        blocks = [b for b in re.split(r"\n\s*\n", text.strip("\n")) if b.strip()]
        if not blocks:
            return
        header = blocks[0].split("\n")
        title = self.names.pieces(header[0].strip())
        hdr = [self.names.pieces(l.rstrip()) for l in header[1:]]
        sent_idx, item_idx = [], []
        for block in blocks[1:]:
            lines = block.split("\n")
            first = lines[0].strip()
            if (len(lines) > 1 and len(first) < 70 and not first.endswith((".", ",", ";"))
                    and not LIST_RE.match(first) and not CHRONO_RE.match(first)):
                self.headings.append(self.names.pieces(first.rstrip(":")))
                lines = lines[1:]
            elif len(lines) == 1 and len(first) < 60 and not first.endswith("."):
                self.headings.append(self.names.pieces(first.rstrip(":")))
                continue
            # Group lines into list items / chronology entries / paragraphs, undoing hard wraps.
            groups, cur, cur_is_item = [], [], False
            for l in lines:
                s = l.strip()
                if not s:
                    continue
                starts_item = bool(LIST_RE.match(l) or CHRONO_RE.match(s))
                continuation = l.startswith((" ", "\t")) and cur
                if starts_item or (not continuation and cur and cur_is_item and not l.startswith(" ")):
                    if cur:
                        groups.append((cur_is_item, " ".join(cur)))
                    cur, cur_is_item = [s], starts_item
                else:
                    cur.append(s)
            if cur:
                groups.append((cur_is_item, " ".join(cur)))
            for is_item, g in groups:
                g = re.sub(r"[ \t]+", " ", g)
                if is_item:
                    item = LIST_RE.sub("", CHRONO_RE.sub("", g), count=1)
                    if len(item) < 50 and not item.endswith((".", ";", ":", ")")):
                        self.headings.append(self.names.pieces(item))   # a numbered heading
                        continue
                    item_idx.append(len(self.items))
                    self.items.append(self.names.pieces(item))
                else:
                    for s in SENT_SPLIT.split(g):
                        s = s.strip()
                        if len(s) > 3:
                            sent_idx.append(len(self.sentences))
                            self.sentences.append(self.names.pieces(s))
        self.titles.append(title)
        self.headers.append(hdr)
        self.by_record.append((title, hdr, sent_idx, item_idx))


# ---------------------------------------------------------------------------------------------
# Writing notes.

PRONOUNS = [("his", "he"), ("her", "she"), ("their", "they")]


class NoteWriter:
    def __init__(self, pools, rng):
        self.p = pools
        self.rng = rng
        self.templates = [self._template(t) for t in TEMPLATES]

    def _template(self, t):
        out = []
        for part in re.split(r"(\{\w+\})", t):
            m = re.fullmatch(r"\{(\w+)\}", part)
            out.append(("T", m.group(1)) if m else part)
        return out

    def cast(self):
        r = self.rng
        c1p, c2p = r.choice(PRONOUNS)[0], r.choice(PRONOUNS)[0]
        surnames = r.sample(SURNAMES, 3)
        return {
            "F": r.sample(FIRST_NAMES, 6),
            "S": surnames,
            "SU": [s.upper() for s in surnames],
            "P": r.sample(PLACES, 2),
            "shift": r.randint(-500, 500),
            "c1p": c1p, "c2p": c2p,
        }

    def render(self, pieces, cast):
        r = self.rng
        out = []
        for x in pieces:
            if type(x) is str:
                out.append(x)
                continue
            k, v = x
            if k == "D":
                d = datetime.date.fromordinal(v + cast["shift"])
                out.append(f"{d.day:02d}/{d.month:02d}/{d.year}")
            elif k == "T":
                F, S = cast["F"], cast["S"]
                if v == "m": out.append(F[0])
                elif v == "f": out.append(F[1])
                elif v == "ms": out.append(S[0])
                elif v == "fs": out.append(S[1])
                elif v == "c1": out.append(F[2])
                elif v == "c2": out.append(F[3])
                elif v == "w": out.append(F[4] + " " + S[2])
                elif v == "w2": out.append(F[5])
                elif v == "c1p": out.append(cast["c1p"])
                elif v == "c2p": out.append(cast["c2p"])
                elif v == "place": out.append(cast["P"][r.randrange(2)])
                elif v == "money": out.append(r.choice(["20", "35", "50", "75", "120", "412.50", "1,240"]))
                elif v == "time": out.append(f"{r.randint(9, 17):02d}:{r.choice(['00', '15', '30', '45'])}")
                elif v == "age": out.append(str(r.randint(2, 11)))
                elif v == "date":
                    d = datetime.date(2024, 1, 1) + datetime.timedelta(days=r.randint(0, 700) + cast["shift"])
                    out.append(f"{d.day:02d}/{d.month:02d}/{d.year}")
                else: out.append(v)
            else:
                out.append(cast[k][v])
        return "".join(out)

    def sentence(self, cast, own):
        r = self.rng
        if r.random() < 0.5:
            return self.render(r.choice(self.templates), cast)
        if own and r.random() < 0.6:
            return self.render(self.p.sentences[r.choice(own)], cast)
        return self.render(r.choice(self.p.sentences), cast)

    def note(self):
        r, p = self.rng, self.p
        cast = self.cast()
        title, header, own_sents, own_items = r.choice(p.by_record)
        lines = []
        if r.random() < 0.7:
            lines.append(self.render(title, cast))
        else:
            lines.append(r.choice(NOTE_TITLES).replace("{place}", cast["P"][0].upper()))
        lines.extend(self.render(h, cast) for h in header)
        lines.append("")
        for _ in range(r.randint(2, 5)):
            if r.random() < 0.5 and p.headings:
                lines.append(self.render(r.choice(p.headings), cast))
            else:
                lines.append(r.choice(HEADINGS))
            for _ in range(r.randint(1, 3)):
                para = " ".join(self.sentence(cast, own_sents) for _ in range(r.randint(2, 7)))
                lines.append(para)
                lines.append("")
            if r.random() < 0.35:
                pool = own_items if own_items and r.random() < 0.6 else range(len(p.items))
                numbered = r.random() < 0.5
                for i in range(r.randint(2, 6)):
                    item = self.render(p.items[r.choice(pool)], cast)
                    lines.append(f"{i + 1}. {item}" if numbered else f"- {item}")
                lines.append("")
        text = "\n".join(lines).rstrip("\n") + "\n"
        return self.finish(text)

    def finish(self, text):
        r = self.rng
        if r.random() < 0.35:     # pasted from Word
            text = re.sub(r'(^|[\s(])"', "\\1“", text)
            text = text.replace('"', "”")
            text = re.sub(r"(^|[\s(])'", "\\1‘", text)
            text = text.replace("'", "’")
            text = text.replace(" - ", " — ").replace(" – ", " — " if r.random() < 0.5 else " – ")
            text = text.replace("...", "…")
        if r.random() < 0.4:      # hard-wrapped export
            width = r.randint(66, 80)
            out = []
            for line in text.split("\n"):
                if len(line) <= width:
                    out.append(line)
                else:
                    ind = "   " if LIST_RE.match(line) else ""
                    out.extend(textwrap.wrap(line, width=width, subsequent_indent=ind,
                                             break_long_words=False, break_on_hyphens=False))
            text = "\n".join(out)
            if not text.endswith("\n"):
                text += "\n"
        if r.random() < 0.1:      # Windows line endings
            text = text.replace("\n", "\r\n")
        return text


def export(writer, target_bytes):
    """One case-file export of about target_bytes: notes under divider lines, cut to size."""
    r = writer.rng
    parts, size, n = [], 0, 0
    divider = r.choice(DIVIDERS)
    case_id = f"{r.randint(100000, 999999)}"
    while size < target_bytes:
        n += 1
        d = datetime.date(2023, 1, 1) + datetime.timedelta(days=r.randint(0, 900))
        head = f"{divider}\nCase {case_id} · entry {n} · {d.day:02d}/{d.month:02d}/{d.year}\n{divider}\n\n"
        body = head + writer.note() + "\n"
        b = body.encode("utf-8")
        parts.append(b)
        size += len(b)
    data = b"".join(parts)
    return cut(data, target_bytes)


def cut(data, n):
    """Exactly n bytes: cut at a line end (or a UTF-8 boundary) and pad with spaces + newline."""
    if len(data) <= n:
        return data + b" " * max(0, n - len(data) - 1) + (b"\n" if len(data) < n else b"")
    head = data[: n - 1]
    nl = head.rfind(b"\n")
    if nl >= len(head) - 120:
        head = head[: nl].rstrip(b"\r")
    else:
        sp = head.rfind(b" ")
        if sp >= len(head) - 40:
            head = head[: sp]
    while head and (head[-1] & 0xC0) == 0x80:   # drop a partial UTF-8 sequence
        head = head[:-1]
    if head and head[-1] >= 0xC0:
        head = head[:-1]
    return head + b" " * (n - 1 - len(head)) + b"\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--out", help="folder for the corpus (created; existing files overwritten)")
    ap.add_argument("--size-mb", type=float, default=100.0, help="total MiB (default 100)")
    ap.add_argument("--files", type=int, default=800, help="number of files (default 800)")
    ap.add_argument("--single", help="write one note to this file instead of a corpus")
    ap.add_argument("--bytes", type=int, default=2048, help="size of the --single note (default 2048)")
    ap.add_argument("--records", default=DEFAULT_RECORDS, help="folder of source records")
    a = ap.parse_args()
    pools = Pools(a.records)
    if a.single:
        writer = NoteWriter(pools, random.Random(f"{a.seed}:single:{a.bytes}"))
        text = b""
        while len(text) < a.bytes:
            text += writer.note().encode("utf-8") + b"\n"
        with open(a.single, "wb") as f:
            f.write(cut(text, a.bytes))
        return
    if not a.out:
        ap.error("--out or --single is required")
    if a.files < 1:
        ap.error("--files must be at least 1")
    os.makedirs(a.out, exist_ok=True)
    total = int(a.size_mb * 1048576)
    width = len(str(a.files))
    for i in range(a.files):
        size = total // a.files + (1 if i < total % a.files else 0)
        writer = NoteWriter(pools, random.Random(f"{a.seed}:{i}"))
        with open(os.path.join(a.out, f"case-{i + 1:0{width}d}.txt"), "wb") as f:
            f.write(export(writer, size))


if __name__ == "__main__":
    main()
