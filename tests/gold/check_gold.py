#!/usr/bin/env python3
"""Validates v2 gold files for the answer analyzer (format: header of tests/gold/v2_dev.toml).

Usage: check_gold.py FILE.toml [FILE.toml ...]

Checks every answer of every file given:
- required fields (id, job, form, tier, text, findings) and known forms, tiers and kinds;
- span labels: `text` occurs exactly once in the answer; whole-answer kinds carry no text;
  `missing_part` names a known part; `optional` only on span labels;
- traps: known span kind, text occurs exactly once, no overlap with a label of the same kind;
- `takeaway_start` occurs in the text;
- ids unique across all files given;
- the whole-answer labels agree with the module's definitions (too_short, too_long,
  missing_takeaway, short_takeaway, missing_metrics), measured on the labels;
- the tier agrees with the rule in core/src/analyzer/mod.rs applied to the must-find labels
  (optional labels count for neither side);
- each form's defining shape (very_short under ~60 words, very_long over 450, dictated
  without sentence punctuation, bullets with "- " lines).
Prints counts per form, tier and job (and per kind), then the errors. Exit status 1 on any error.
Warnings (answers near a threshold, where the module's own word count may differ) do not fail.
"""
import re
import sys
import tomllib
from collections import Counter

FORMS = {"prose", "bullets", "dictated", "non_native", "very_short", "very_long"}
TIERS = {"weak", "developing", "strong", "exemplary"}
SPAN_KINDS = {
    "blame_shifting", "passive_voice", "hedging", "emotional_language", "over_apologizing",
    "fake_failure", "manual_fix", "ownership", "metric", "systemic_fix",
}
WHOLE_KINDS = {"missing_metrics", "missing_takeaway", "short_takeaway", "missing_part",
               "too_short", "too_long"}
PARTS = {"context", "action", "result"}
HEAVY = {"emotional_language", "hedging", "over_apologizing"}
# Thresholds of core/src/analyzer/mod.rs.
TOO_SHORT_WORDS = 50
TOO_LONG_WORDS = 450
SHORT_TAKEAWAY_SHARE = 0.25
STRONG_TAKEAWAY_SHARE = 0.2
EXEMPLARY_TAKEAWAY_SHARE = 0.45
EXEMPLARY_METRICS = 3
HEAVY_WORDING = 3
# Word counts within this many words of a limit (or shares within this much of one) are
# reported as warnings: the module's tokenizer may count a few words differently.
WORD_MARGIN = 3
SHARE_MARGIN = 0.015

WORD = re.compile(r"[0-9][0-9,.]*[0-9]|[0-9]|[A-Za-z]+(?:['\u2019][A-Za-z]+)*")


def word_count(text):
    return len(WORD.findall(text))


def expected_tier(labels, words, share):
    """The module's tier rule over must-find labels."""
    n = Counter(f["kind"] for f in labels if not f.get("optional"))
    heavy = sum(n[k] for k in HEAVY)
    too_short = n["too_short"] > 0
    # One blame clause beside two or more ownership findings is a flaw to fix
    # (developing); repeated blame, or blame with less ownership, is weak.
    shifts_blame = n["blame_shifting"] >= 2 or (n["blame_shifting"] and n["ownership"] < 2)
    if (shifts_blame or n["fake_failure"] or not n["ownership"] or heavy >= HEAVY_WORDING
            or (too_short and not n["metric"] and share == 0.0)):
        return "weak"
    strong = (not n["blame_shifting"] and n["metric"] and n["systemic_fix"] and share >= STRONG_TAKEAWAY_SHARE
              and not n["missing_part"] and TOO_SHORT_WORDS <= words <= TOO_LONG_WORDS
              and heavy == 0 and not n["manual_fix"] and n["passive_voice"] <= 1)
    if not strong:
        return "developing"
    if share >= EXEMPLARY_TAKEAWAY_SHARE and n["metric"] >= EXEMPLARY_METRICS \
            and not n["passive_voice"]:
        return "exemplary"
    return "strong"


def overlaps(text, a, b):
    sa, sb = text.find(a), text.find(b)
    if sa < 0 or sb < 0:
        return False
    return sa < sb + len(b) and sb < sa + len(a)


def check_answer(a, where, errors, warnings):
    def err(msg):
        errors.append(f"{where} {a.get('id', '?')}: {msg}")

    def warn(msg):
        warnings.append(f"{where} {a.get('id', '?')}: {msg}")

    for field in ("id", "job", "form", "tier", "text", "findings"):
        if field not in a:
            err(f"missing field `{field}`")
    if any(field not in a for field in ("text", "findings")):
        return
    text = a["text"]
    if a.get("form") not in FORMS:
        err(f"unknown form {a.get('form')!r}")
    if a.get("tier") not in TIERS:
        err(f"unknown tier {a.get('tier')!r}")
    known = {"id", "job", "form", "tier", "text", "findings", "traps", "takeaway_start"}
    for field in a:
        if field not in known:
            err(f"unknown field `{field}`")

    labels = a["findings"]
    for f in labels:
        kind = f.get("kind")
        if kind in SPAN_KINDS:
            span = f.get("text")
            if not isinstance(span, str) or not span:
                err(f"{kind} label without text")
            elif text.count(span) != 1:
                err(f"{kind} text occurs {text.count(span)} times: {span!r}")
        elif kind in WHOLE_KINDS:
            if "text" in f:
                err(f"whole-answer kind {kind} has a text")
            if f.get("optional"):
                err(f"whole-answer kind {kind} marked optional")
            if kind == "missing_part" and f.get("part") not in PARTS:
                err(f"missing_part with part {f.get('part')!r}")
        else:
            err(f"unknown finding kind {kind!r}")
        extra = set(f) - {"kind", "text", "optional", "part"}
        if extra:
            err(f"unknown label fields {sorted(extra)}")

    for t in a.get("traps", []):
        kind, span = t.get("kind"), t.get("text")
        if kind not in SPAN_KINDS:
            err(f"trap of unknown or whole-answer kind {kind!r}")
            continue
        if not isinstance(span, str) or text.count(span) != 1:
            err(f"trap {kind} text does not occur exactly once: {span!r}")
            continue
        for f in labels:
            if f.get("kind") == kind and isinstance(f.get("text"), str) \
                    and overlaps(text, span, f["text"]):
                err(f"trap {kind} {span!r} overlaps label {f['text']!r}")

    words = word_count(text)
    start = a.get("takeaway_start")
    share = 0.0
    if start is not None:
        pos = text.find(start)
        if not start or pos < 0:
            err(f"takeaway_start not in text: {start!r}")
        else:
            share = word_count(text[pos:]) / max(words, 1)

    kinds = Counter(f.get("kind") for f in labels)
    has_metric = any(f.get("kind") == "metric" and not f.get("optional") for f in labels)
    too_short = words < TOO_SHORT_WORDS

    def expect(kind, wanted):
        if wanted and not kinds[kind]:
            err(f"expected whole-answer label {kind} ({words} words, takeaway share {share:.2f})")
        elif not wanted and kinds[kind]:
            err(f"unexpected whole-answer label {kind} ({words} words, takeaway share {share:.2f})")

    expect("too_short", too_short)
    expect("too_long", words > TOO_LONG_WORDS)
    if too_short:
        for kind in ("missing_takeaway", "short_takeaway", "missing_metrics", "missing_part"):
            expect(kind, False)
    else:
        expect("missing_takeaway", start is None)
        expect("short_takeaway", start is not None and share < SHORT_TAKEAWAY_SHARE)
        expect("missing_metrics", not has_metric)
    if min(abs(words - TOO_SHORT_WORDS), abs(words - TOO_LONG_WORDS)) <= WORD_MARGIN:
        warn(f"{words} words, near a length limit")
    if start is not None and any(abs(share - s) < SHARE_MARGIN for s in (
            SHORT_TAKEAWAY_SHARE, STRONG_TAKEAWAY_SHARE, EXEMPLARY_TAKEAWAY_SHARE)):
        warn(f"takeaway share {share:.3f}, near a threshold")

    tier = expected_tier(labels, words, share)
    # The tier is the coach's judgement, which the analyzer's rule may not
    # share: a disagreement is worth a look, not a rejection.
    if a.get("tier") in TIERS and tier != a["tier"]:
        warn(f"tier {a['tier']} but the analyzer's rule on the labels gives {tier} "
            f"({words} words, takeaway share {share:.2f})")

    form = a.get("form")
    if form == "very_short" and words > 60:
        err(f"very_short answer has {words} words")
    if form == "very_long" and words <= TOO_LONG_WORDS:
        err(f"very_long answer has only {words} words")
    if form == "dictated" and re.search(r"[.!?;]\s", text):
        err("dictated answer has sentence punctuation")
    if form == "bullets" and not re.search(r"^\s*[-*\u2022] ", text, re.M):
        err("bullets answer has no bullet lines")
    return words


def main(paths):
    errors, warnings = [], []
    ids = {}
    forms, tiers, jobs, kinds = Counter(), Counter(), Counter(), Counter()
    traps = Counter()
    total = 0
    for path in paths:
        with open(path, "rb") as fh:
            try:
                doc = tomllib.load(fh)
            except tomllib.TOMLDecodeError as e:
                errors.append(f"{path}: not valid TOML: {e}")
                continue
        answers = doc.get("answer", [])
        for i, a in enumerate(answers):
            where = f"{path}[{i}]"
            aid = a.get("id")
            if aid in ids:
                errors.append(f"{where} {aid}: id already used in {ids[aid]}")
            ids[aid] = where
            check_answer(a, where, errors, warnings)
            total += 1
            forms[a.get("form")] += 1
            tiers[a.get("tier")] += 1
            jobs[a.get("job")] += 1
            for f in a.get("findings", []):
                kinds[f.get("kind") + (" (optional)" if f.get("optional") else "")] += 1
            for t in a.get("traps", []):
                traps[t.get("kind")] += 1

    def table(title, counter):
        print(f"{title}:")
        for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
            print(f"  {str(key):<34} {n:>4}")

    print(f"answers: {total}  jobs: {len(jobs)}  files: {len(paths)}")
    table("forms", forms)
    print("tiers:")
    for t in ("weak", "developing", "strong", "exemplary"):
        print(f"  {t:<34} {tiers[t]:>4}  {100 * tiers[t] / max(total, 1):>3.0f}%")
    table("jobs", jobs)
    table("labels", kinds)
    table("traps", traps)
    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(f"error: {e}")
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
