#!/usr/bin/env python3
"""Writes a large text file of the project's own corpus forms (Tests/JixiaoInterchangeTests/Fixtures/Corpus),
each form in a different text shape, for the import benchmark:

    python3 scripts/mixed_corpus.py --megabytes 10 --out /tmp/mixed.txt
    swift run -c release jixiao bench --import /tmp/mixed.txt

The shapes are those of ../shared/docs/layouts.md §3 that keep a form's title on a line of its own (so several
forms can share one file): tab rows, one cell a line after a tab, one cell a line with `|`, one cell a line,
pipe rows, paragraphs, space-separated rows, and tab rows with page furniture."""
import argparse, glob, json, os

def rows(form):
    out = [[form["title"]]] + form["preamble"]
    for block in ("funds", "goals"):
        if block in form:
            out += [form[block]["header"]] + form[block]["rows"]
    return out + [form["indicators"]["header"]] + form["indicators"]["rows"] + form["trailer"]

def render(form, shape):
    r = rows(form)
    if shape == "tabs":
        return "\n".join("\t".join(row) for row in r)
    if shape == "tabbed_cell_per_line":
        return "\n\n".join("\n".join("\t" + c for c in row) for row in r)
    if shape == "pipe_cell_per_line":
        return "\n".join("|" if c == "" else c + " |" for row in r for c in row)
    if shape == "cell_per_line":
        return "\n".join(c for row in r for c in row if c)
    if shape == "pipe_rows":
        return "\n".join("| " + " | ".join(row) + " |" for row in r)
    if shape == "paragraphs":
        return "\n\n".join(c for row in r for c in row if c)
    if shape == "space_rows":
        return "\n".join(" ".join(c for c in row if c) for row in r)
    if shape == "page_breaks":
        lines = ["\t".join(row) for row in r]
        return "\n".join(lines[: len(lines) // 2] + ["", "仅供内部审核", "- 2 -", ""] + lines[len(lines) // 2:])
    raise ValueError(shape)

SHAPES = ["tabs", "tabbed_cell_per_line", "pipe_cell_per_line", "cell_per_line", "pipe_rows", "paragraphs", "space_rows", "page_breaks"]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=10)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "JixiaoInterchangeTests", "Fixtures", "Corpus")
    forms = [json.load(open(path)) for path in sorted(glob.glob(os.path.join(folder, "*.json")))]
    target = int(args.megabytes * 1024 * 1024)
    parts, size, n = [], 0, 0
    while size < target:
        # Forms and shapes cycle at different rates, so every form meets every shape.
        text = render(forms[n % len(forms)], SHAPES[(n // len(forms) + n) % len(SHAPES)]) + "\n\n"
        parts.append(text)
        size += len(text.encode())
        n += 1
    with open(args.out, "w") as f:
        f.write("".join(parts))
    print(f"{args.out}: {n} forms, {size} bytes")

if __name__ == "__main__":
    main()
