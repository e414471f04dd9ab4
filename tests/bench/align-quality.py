#!/usr/bin/env python3
"""align-quality.py — the aligner's strict F1 on every gold alignment at hand.

    meson test -C build --benchmark --suite bench align-quality -v

Three parts, each through diptych-cli as a user runs it:

1. The Text+Berg development set (../shared/eval, de-fr), when it is
   there: both directions, without and with dict-freedict-deu-fra when it
   is installed, and how sure the beads are against how often they are
   right (the beads in fifths by confidence).
2. The gold cases of tests/data/align listed in align-cases.tsv, twice:
   through a project (Diptych segments the texts and reads their
   paragraphs) and as files of one segment a line (--presegmented, no
   paragraphs), each without and with the FreeDict dictionary of the pair
   when one is installed (diptych-cli's own --installed-dictionaries).
3. The means by kind (translation, summary) and way of reading.

It prints figures and checks no threshold: tests/unit/test-aligner.c and
tests/cli/test-align.sh hold the cases to their floors. It fails only when
diptych-cli does. Environment: DIPTYCH_CLI, DIP_TEST_DATA, DIP_SAMPLES,
DIP_SHARED (optional).
"""
import json
import os
import subprocess
import sys
import tempfile

CLI = os.environ["DIPTYCH_CLI"]
TEST_DATA = os.environ["DIP_TEST_DATA"]
SAMPLES = os.environ["DIP_SAMPLES"]
SHARED = os.environ.get("DIP_SHARED", "")
# diptych-cli says so on stderr when --installed-dictionaries finds none.
NO_DICTIONARY = "no FreeDict dictionary is installed"


def invoke(args):
    done = subprocess.run([CLI, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"diptych-cli {' '.join(args)} failed:\n{done.stderr}")
    return done


def run(*args):
    return invoke(args).stdout


def run_with_dictionary(*args):
    """`args` with the FreeDict dictionary installed for the languages, as
    diptych-cli finds it; None when there is none."""
    done = invoke([*args, "--installed-dictionaries"])
    return None if NO_DICTIONARY in done.stderr else done.stdout


def run_as_asked(with_dictionary, *args):
    return run_with_dictionary(*args) if with_dictionary else run(*args)


def score(gold, test_text, workdir):
    """(strict P, R, F1, lax F1) as diptych-cli eval counts them."""
    test = os.path.join(workdir, "test.vecalign")
    with open(test, "w", encoding="utf-8") as out:
        out.write(test_text)
    figures = {}
    for line in run("eval", gold, test).splitlines():
        fields = line.split()
        if fields and fields[0] in ("strict", "lax"):
            figures[fields[0]] = [float(x) for x in fields[1:4]]
    return (*figures["strict"], figures["lax"][2])


def align_files(src, tgt, src_lang, tgt_lang, with_dictionary, form="vecalign"):
    """The beads of two files of one segment a line; None when a dictionary
    is asked for and none is installed."""
    args = ["align", "--src", src, "--tgt", tgt, "--src-lang", src_lang,
            "--tgt-lang", tgt_lang, "--presegmented", "--format", form]
    return run_as_asked(with_dictionary, *args)


def beads_from_shapes(pairs):
    """Vecalign lines from the beads `pairs --format json` lists in order:
    each bead's shape says how many segments of each side it takes."""
    lines, i, j = [], 0, 0
    for pair in pairs:
        a, b = (int(n) for n in pair["shape"].split("-"))
        lines.append(f"{list(range(i, i + a))}:{list(range(j, j + b))}".replace(" ", ""))
        i, j = i + a, j + b
    return "\n".join(lines) + "\n"


def calibration(gold, vecalign, src, tgt, src_lang, tgt_lang, with_dictionary):
    """Beads in fifths by confidence: mean confidence, share right, wrong.
    `vecalign` is the same alignment's beads, which --format tsv lists in
    the same order with their confidences."""
    tsv = align_files(src, tgt, src_lang, tgt_lang, with_dictionary, "tsv").rstrip("\n")
    beads = [line.replace(" ", "") for line in vecalign.split("\n") if line.strip()]
    confidences = [float(line.rsplit("\t", 1)[1]) for line in tsv.split("\n")]
    if len(beads) != len(confidences):
        sys.exit("vecalign and tsv outputs list different numbers of beads")
    with open(gold, encoding="utf-8") as f:
        right = {line.strip().replace(" ", "") for line in f if line.strip()}
    rows = sorted((c, bead in right) for bead, c in zip(beads, confidences))
    fifths = []
    for k in range(5):
        part = rows[k * len(rows) // 5:(k + 1) * len(rows) // 5]
        if part:
            fifths.append((sum(c for c, _ in part) / len(part),
                           sum(ok for _, ok in part) / len(part),
                           sum(not ok for _, ok in part), len(part)))
    return fifths


def development_set(workdir):
    base = os.path.join(SHARED, "eval", "textberg-dev")
    if not SHARED or not os.path.exists(os.path.join(base, "dev.defr")):
        print("development set: ../shared/eval/textberg-dev not found, skipped\n")
        return
    de, fr, gold = (os.path.join(base, n) for n in ("dev.de", "dev.fr", "dev.defr"))
    reversed_gold = os.path.join(workdir, "dev.frde")
    with open(gold, encoding="utf-8") as f, open(reversed_gold, "w", encoding="utf-8") as out:
        for line in f:
            if line.strip():
                left, right = line.strip().split(":")
                out.write(f"{right}:{left}\n")
    print("Text+Berg development set (strict P / R / F1, lax F1)")
    calibrations = []
    for label, args, g in (("de -> fr", (de, fr, "de", "fr"), gold),
                           ("fr -> de", (fr, de, "fr", "de"), reversed_gold)):
        for dict_label, with_dictionary in (("no dictionary", False), ("freedict", True)):
            output = align_files(*args, with_dictionary)
            if output is None:
                continue
            p, r, f1, lax = score(g, output, workdir)
            print(f"  {label}  {dict_label:<14} {p:.3f} / {r:.3f} / {f1:.3f}   lax {lax:.3f}")
            if g is gold:
                calibrations.append((dict_label, calibration(gold, output, *args, with_dictionary)))
    for dict_label, fifths in calibrations:
        print(f"  calibration, de -> fr, {dict_label} (fifths by confidence):")
        for conf, share, wrong, n in fifths:
            print(f"    mean confidence {conf:.2f}  right {share:.2f}  wrong {wrong} of {n}")
    print()


def data_path(name):
    if name.startswith("samples/"):
        return os.path.join(SAMPLES, name[len("samples/"):])
    return os.path.join(TEST_DATA, name)


def segment_lines(project, side, path):
    segments = json.loads(run("segments", project, "--side", side, "--format", "json"))
    with open(path, "w", encoding="utf-8") as out:
        for segment in segments:
            out.write(segment["text"].replace("\n", " ") + "\n")


def gold_case(row, workdir):
    name, kind, src, src_lang, tgt, tgt_lang, gold = row
    gold = data_path(gold)
    src_lines, tgt_lines = data_path(src), data_path(tgt)
    results = {}
    if not src.endswith(".lines"):
        project = os.path.join(workdir, "case.diptych")
        if os.path.exists(project):
            os.unlink(project)
        run("new", project, "--src-lang", src_lang, "--tgt-lang", tgt_lang)
        run("import", project, "--side", "source", src_lines)
        run("import", project, "--side", "target", tgt_lines)
        for with_dictionary in (False, True):
            if run_as_asked(with_dictionary, "align", project) is None:
                continue
            pairs = json.loads(run("pairs", project, "--format", "json"))
            results[("project", with_dictionary)] = score(gold, beads_from_shapes(pairs),
                                                          workdir)[2]
        src_lines, tgt_lines = (os.path.join(workdir, n) for n in ("src.lines", "tgt.lines"))
        segment_lines(project, "source", src_lines)
        segment_lines(project, "target", tgt_lines)
    for with_dictionary in (False, True):
        output = align_files(src_lines, tgt_lines, src_lang, tgt_lang, with_dictionary)
        if output is not None:
            results[("lines", with_dictionary)] = score(gold, output, workdir)[2]
    return name, kind, results


def main():
    with tempfile.TemporaryDirectory() as workdir:
        development_set(workdir)
        manifest = os.path.join(os.path.dirname(os.path.abspath(__file__)), "align-cases.tsv")
        with open(manifest, encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f
                    if line.strip() and not line.startswith("#")]
        print("Gold cases, strict F1: through a project (paragraphs read) and one segment a line")
        print(f"  {'case':<62} {'kind':<11} {'project':>7} {'+dict':>6} {'lines':>6} {'+dict':>6}")
        sums = {}
        for row in rows:
            name, kind, results = gold_case(row, workdir)
            cells = []
            for mode in ("project", "lines"):
                for with_dict in (False, True):
                    value = results.get((mode, with_dict))
                    cells.append("-" if value is None else f"{value:.3f}")
                    if value is not None:
                        sums.setdefault((kind, mode, with_dict), []).append(value)
            print(f"  {name:<62} {kind:<11} {cells[0]:>7} {cells[1]:>6} {cells[2]:>6} {cells[3]:>6}")
        print("\nMeans (cases)")
        for (kind, mode, with_dict), values in sorted(sums.items()):
            label = f"{kind}, {mode}, {'dictionary' if with_dict else 'no dictionary'}"
            print(f"  {label:<45} {sum(values) / len(values):.3f} ({len(values)})")


if __name__ == "__main__":
    main()
