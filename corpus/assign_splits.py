#!/usr/bin/env python3
"""Assigns each draft of the corpus to the "tune" or the "heldout" split.

The assignment was fixed before any draft was written and depends only on a draft's id, never on its text:

* A group is one (locale, kind) pair; its drafts are numbered 001, 002, ... (ids `<locale>-<kind>-NNN`,
  good replies `<locale>-good-NNN`).
* The numbers of every group are cut into blocks of three (001-003, 004-006, ...). In each block exactly one
  number is held out, picked by random.Random(20261201). The picks are drawn once for all groups, in a fixed
  order (locale, then kind, then block), for up to BLOCKS blocks per group, so adding drafts to one group never
  moves the split of another. The picks are drawn in stages of STAGE_BLOCKS blocks per group (all groups for
  blocks 1-100, then all groups for blocks 101-200, ...): the first stage is exactly the original plan, which
  had only those 100 blocks, so raising the capacity never moved a draft already written. A group whose size is a multiple of three therefore has exactly a third held out.

Usage:
  python3 corpus/assign_splits.py --plan     print the held-out numbers of every group
  python3 corpus/assign_splits.py            number new drafts and (re)write the split of every draft

Drafts may be written with an id without number ("es-insult"); they get the next free number of their group,
in file order. A fresh batch (fresh/drafts/<locale>.jsonl, drafts the lists have not been tuned against yet) is
numbered and split together with drafts/, so moving it into drafts/ later changes neither. Lines are rewritten with the fields in the contract order: id, locale, split, expect, draft, note.
"""
import json
import os
import re
import sys

import random

SEED = 20261201
LOCALES = ("es", "en")
KINDS = ("insult", "doubt", "blame_customer", "pass_on", "excuse", "untimed_commitment", "inflexible", "good")
STAGE_BLOCKS = 100  # blocks drawn per group in one stage (300 drafts)
STAGES = 3  # stages drawn one after the other: a later stage never changes the picks of an earlier one
BLOCKS = STAGE_BLOCKS * STAGES  # capacity: 900 drafts per group
HERE = os.path.dirname(os.path.abspath(__file__))
ID = re.compile(r"^(es|en)-([a-z_]+)(?:-(\d{3}))?$")


def plan():
    rng = random.Random(SEED)
    heldout = {}
    for stage in range(STAGES):
        for locale in LOCALES:
            for kind in KINDS:
                picks = heldout.setdefault((locale, kind), set())
                for block in range(stage * STAGE_BLOCKS, (stage + 1) * STAGE_BLOCKS):
                    picks.add(block * 3 + rng.randrange(3) + 1)
    return heldout


def files(locale):
    """The draft files of a locale: drafts/ and, when there is one, the fresh batch in fresh/drafts/."""
    paths = [os.path.join(HERE, "drafts", locale + ".jsonl"), os.path.join(HERE, "fresh", "drafts", locale + ".jsonl")]
    return [p for p in paths if os.path.exists(p)]


def apply(heldout):
    for locale in LOCALES:
        parsed, used = [], {}
        for path in files(locale):
            with open(path, encoding="utf-8") as f:
                lines = [l for l in f.read().split("\n") if l.strip()]
            records = []
            for n, line in enumerate(lines, 1):
                try:
                    r = json.loads(line)
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{n}: not JSON: {e}")
                m = ID.match(r.get("id", ""))
                if not m or m.group(1) != locale or m.group(2) not in KINDS:
                    sys.exit(f"{path}:{n}: bad id {r.get('id')!r}")
                if m.group(3):
                    used.setdefault(m.group(2), set()).add(int(m.group(3)))
                records.append((n, m, r))
            parsed.append((path, records))
        for path, records in parsed:
            out = []
            for n, m, r in records:
                kind = m.group(2)
                if m.group(3):
                    number = int(m.group(3))
                else:
                    taken = used.setdefault(kind, set())
                    number = 1
                    while number in taken:
                        number += 1
                    taken.add(number)
                if number > BLOCKS * 3:
                    sys.exit(f"{path}:{n}: group {locale}-{kind} is larger than the plan ({BLOCKS * 3})")
                ordered = {
                    "id": f"{locale}-{kind}-{number:03d}",
                    "locale": locale,
                    "split": "heldout" if number in heldout[(locale, kind)] else "tune",
                    "expect": r.get("expect", []),
                    "draft": r["draft"],
                }
                if r.get("note"):
                    ordered["note"] = r["note"]
                out.append(json.dumps(ordered, ensure_ascii=False))
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(out) + "\n")
            print(f"{path}: {len(out)} drafts")


if __name__ == "__main__":
    h = plan()
    if "--plan" in sys.argv:
        for (locale, kind), picks in h.items():
            print(f"{locale}-{kind}: " + " ".join(f"{p:03d}" for p in sorted(picks) if p <= 120) + " ...")
    else:
        apply(h)
