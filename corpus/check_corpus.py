#!/usr/bin/env python3
"""Checks the evaluation corpus and prints how many drafts each (locale, kind, split) holds.

Run from anywhere: python3 corpus/check_corpus.py. Exit 0 when every check passes, 1 otherwise (each problem is
printed with the file and line). Checks:
  * every line of drafts/<locale>.jsonl (and of fresh/drafts/<locale>.jsonl, a batch not yet tuned against) is a JSON object with exactly the fields id, locale, split, expect, draft
    and optionally note, in that order;
  * ids are unique, look like <locale>-<kind>-NNN and match the file's locale; the kind in the id is among its
    expected kinds (good replies, <locale>-good-NNN, expect nothing);
  * every expected kind is defined in kinds.properties (with codes and a severity);
  * the split of each draft is the one assign_splits.py fixed for its id, and each (locale, kind) group has
    exactly a third (rounded up) held out;
  * no draft text is repeated within a locale;
  * minimum sizes: per locale, MIN_PER_KIND drafts of every kind, MIN_GOOD good replies, MIN_HARD_GOOD good
    replies marked hard by a note;
  * the examples quoted in issues 11 and 17 are in the corpus with the right label;
  * situation.json is a JSON object with the fields the evaluator replaces.
"""
import collections
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import assign_splits  # noqa: E402

LOCALES = ("es", "en")
MIN_PER_KIND = 30
MIN_GOOD = 90
MIN_HARD_GOOD = 60
FIELDS = ["id", "locale", "split", "expect", "draft"]
ID = re.compile(r"^(es|en)-([a-z_]+)-(\d{3})$")

# Examples quoted in the issues: (locale, text that must appear in a draft, kind it must expect or None for good).
REQUIRED = [
    ("es", "Es usted un inútil", "INSULT"), ("es", "No diga tonterías", "INSULT"),
    ("es", "Deje de lloriquear", "INSULT"), ("es", "qué mierda de día", "INSULT"),
    ("en", "You're a joke", "INSULT"), ("en", "Don't be stupid", "INSULT"), ("en", "Fuck this, I'm done", "INSULT"),
    ("es", "Eso no se lo cree nadie", "DOUBT"), ("es", "Dudo mucho que eso sea así", "DOUBT"),
    ("en", "I find that very hard to believe", "DOUBT"), ("en", "Nice try", "DOUBT"),
    ("es", "Tendría que haberlo revisado usted al recibirlo", "BLAME_CUSTOMER"),
    ("en", "Maybe check your own spam folder before blaming us", "BLAME_CUSTOMER"),
    ("es", "Eso no lo llevo yo, hable con logística", "PASS_ON"), ("en", "Not my department, call the carrier", "PASS_ON"),
    ("es", "Es que se nos cayó el sistema", "EXCUSE"), ("en", "We're short-staffed this week", "EXCUSE"),
    ("es", "Le diremos algo en cuanto podamos", "UNTIMED_COMMITMENT"), ("en", "We'll be in touch", "UNTIMED_COMMITMENT"),
    ("es", "Es la política de la empresa, pero no puedo hacer nada", "INFLEXIBLE"),
    ("en", "No. That's not possible.", "INFLEXIBLE"), ("en", "Rules are rules", "INFLEXIBLE"),
    ("es", "No es verdad que tenga que pagar los portes: me expliqué mal antes", None),
    ("es", "Tiene toda la razón, no es verdad que le correspondiera pagar ese recargo", None),
    ("es", "No es posible cambiarlo porque el producto ya se ha usado; le explico", None),
    ("en", "I was wrong earlier, that isn't true", None), ("en", "Nobody is saying you're lying", None),
]


def read_kinds():
    props = {}
    with open(os.path.join(HERE, "kinds.properties"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                props[key.strip()] = value.strip()
    kinds = {}
    for key, value in props.items():
        kind, _, attr = key.partition(".")
        kinds.setdefault(kind, {})[attr] = value
    return kinds


def main():
    problems = []
    kinds = read_kinds()
    for kind, attrs in kinds.items():
        if not attrs.get("codes") or attrs.get("severity") not in ("BLOCKING", "CAUTION"):
            problems.append(f"kinds.properties: {kind} needs codes and a severity of BLOCKING or CAUTION")
    plan = assign_splits.plan()
    groups = collections.defaultdict(lambda: collections.Counter())
    expecting = collections.Counter()
    hard_good = collections.Counter()
    drafts = {}
    seen_ids = set()
    for locale in LOCALES:
        texts = {}
        for path in assign_splits.files(locale):
            with open(path, encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    where = f"{os.path.relpath(path, HERE)}:{n}"
                    if not line.strip():
                        problems.append(f"{where}: empty line")
                        continue
                    try:
                        r = json.loads(line, object_pairs_hook=lambda pairs: pairs)
                    except json.JSONDecodeError as e:
                        problems.append(f"{where}: not JSON: {e}")
                        continue
                    keys = [k for k, _ in r]
                    if keys not in (FIELDS, FIELDS + ["note"]):
                        problems.append(f"{where}: fields {keys}, expected {FIELDS} and optionally note")
                        continue
                    r = dict(r)
                    m = ID.match(r["id"]) if isinstance(r["id"], str) else None
                    if not m or m.group(1) != locale:
                        problems.append(f"{where}: id {r['id']!r} is not {locale}-<kind>-NNN")
                        continue
                    if r["id"] in seen_ids:
                        problems.append(f"{where}: id {r['id']} repeated")
                    seen_ids.add(r["id"])
                    if r["locale"] != locale:
                        problems.append(f"{where}: locale {r['locale']!r} in the {locale} file")
                    group = m.group(2).upper()
                    expect = r["expect"]
                    if not isinstance(expect, list) or len(set(expect)) != len(expect):
                        problems.append(f"{where}: expect must be a list without repeats")
                        continue
                    for k in expect:
                        if k not in kinds:
                            problems.append(f"{where}: unknown kind {k!r}")
                    if group == "GOOD":
                        if expect:
                            problems.append(f"{where}: a good reply expects nothing")
                        if r.get("note"):
                            hard_good[locale] += 1
                    elif group not in expect:
                        problems.append(f"{where}: the id says {group} but expect is {expect}")
                    for k in expect:
                        expecting[(locale, k)] += 1
                    planned = "heldout" if int(m.group(3)) in plan[(locale, m.group(2))] else "tune"
                    if r["split"] != planned:
                        problems.append(f"{where}: split {r['split']!r}, the plan says {planned!r}")
                    groups[(locale, group)][r["split"]] += 1
                    text = r["draft"]
                    if not isinstance(text, str) or not text.strip():
                        problems.append(f"{where}: empty draft")
                    elif text in texts:
                        problems.append(f"{where}: same draft as {texts[text]}")
                    else:
                        texts[text] = where
                    drafts.setdefault(locale, []).append((text, expect))

    order = list(kinds) + ["GOOD"]
    for locale in LOCALES:
        for group in order:
            c = groups[(locale, group)]
            total = c["tune"] + c["heldout"]
            if c["heldout"] != math.ceil(total / 3):
                problems.append(f"{locale}-{group.lower()}: {c['heldout']} of {total} held out, expected {math.ceil(total / 3)}")
            minimum = MIN_GOOD if group == "GOOD" else MIN_PER_KIND
            if total < minimum:
                problems.append(f"{locale}-{group.lower()}: {total} drafts, at least {minimum} needed")
        if hard_good[locale] < MIN_HARD_GOOD:
            problems.append(f"{locale}: {hard_good[locale]} hard good replies (with a note), at least {MIN_HARD_GOOD} needed")

    for locale, text, kind in REQUIRED:
        want = [kind] if kind else []
        if not any(text in d and (kind in e if kind else e == []) for d, e in drafts.get(locale, [])):
            problems.append(f"issue example missing: {locale} {text!r} expecting {want}")

    try:
        with open(os.path.join(HERE, "situation.json"), encoding="utf-8") as f:
            situation = json.load(f)
        if not isinstance(situation, dict) or "draftReply" not in situation or "locale" not in situation:
            problems.append("situation.json: needs the fields locale and draftReply (the evaluator replaces them)")
    except (OSError, json.JSONDecodeError) as e:
        problems.append(f"situation.json: {e}")

    print(f"{'locale':6} {'kind':20} {'tune':>5} {'heldout':>8} {'total':>6} {'expecting':>10}")
    for locale in LOCALES:
        for group in order:
            c = groups[(locale, group)]
            exp = "" if group == "GOOD" else str(expecting[(locale, group)])
            print(f"{locale:6} {group:20} {c['tune']:>5} {c['heldout']:>8} {c['tune'] + c['heldout']:>6} {exp:>10}")
        print(f"{locale:6} {'(good marked hard)':20} {'':>5} {'':>8} {hard_good[locale]:>6}")
    total = sum(sum(c.values()) for c in groups.values())
    held = sum(c["heldout"] for c in groups.values())
    print(f"{'all':6} {'':20} {total - held:>5} {held:>8} {total:>6}")
    print("('expecting' counts drafts that expect the kind, including those filed under another kind)")
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
