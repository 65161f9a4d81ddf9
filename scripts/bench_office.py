#!/usr/bin/env python3
"""Times jixiao's PDF and Excel readers against pdfplumber and openpyxl on the same files, in one run.

Builds a long PDF (the office fixtures' PDFs joined five times, with pdfunite) and a large workbook (one
fixture's form repeated to about 40 000 rows, with openpyxl), then runs each command several times as a whole
process and prints the median, pages or rows per second, and jixiao's speed as a multiple of the peer's.

    swift build -c release --product jixiao
    pip install pdfplumber openpyxl
    python3 scripts/bench_office.py [--jixiao .build/release/jixiao] [--runs 5]
"""
import argparse, glob, os, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests/JixiaoInterchangeTests/Fixtures/Office")

PDFPLUMBER = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    tables = sum(len(page.extract_tables()) for page in pdf.pages)
print(tables)
"""

OPENPYXL = """
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = sum(1 for ws in wb.worksheets for row in ws.iter_rows(values_only=True) if any(v is not None for v in row))
print(rows)
"""


def median_time(command, runs):
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def make_files(folder):
    pdfs = sorted(p for p in glob.glob(os.path.join(FIXTURES, "*.pdf")) if "encrypted" not in p)
    big_pdf = os.path.join(folder, "big.pdf")
    subprocess.run(["pdfunite"] + pdfs * 5 + [big_pdf], check=True)
    pages = int(next(l for l in subprocess.run(["pdfinfo", big_pdf], capture_output=True, text=True).stdout.splitlines()
                     if l.startswith("Pages:")).split()[1])
    import openpyxl
    source = openpyxl.load_workbook(os.path.join(FIXTURES, "01-national-evaluation.openpyxl.xlsx")).worksheets[0]
    cells = [[(c.value, c.number_format) for c in row] for row in source.iter_rows()]
    book = openpyxl.Workbook()
    sheet = book.active
    rows = 0
    while rows < 40000:
        for row in cells:
            sheet.append([v for v, _ in row])
            rows += 1
            for column, (_, fmt) in enumerate(row, 1):
                if fmt != "General":
                    sheet.cell(sheet.max_row, column).number_format = fmt
    big_xlsx = os.path.join(folder, "big.xlsx")
    book.save(big_xlsx)
    return big_pdf, pages, big_xlsx, rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jixiao", default=os.path.join(ROOT, ".build/release/jixiao"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="jixiao-bench-")
    big_pdf, pages, big_xlsx, rows = make_files(folder)
    print(f"files: {big_pdf} ({pages} pages), {big_xlsx} ({rows} rows)")
    lines = []
    for name, ours, peer, units, count in [
        ("PDF cells", [args.jixiao, "import", "--format", "cells", big_pdf], [sys.executable, "-c", PDFPLUMBER, big_pdf], "pages", pages),
        ("PDF import", [args.jixiao, "import", big_pdf], [sys.executable, "-c", PDFPLUMBER, big_pdf], "pages", pages),
        ("XLSX cells", [args.jixiao, "import", "--format", "cells", big_xlsx], [sys.executable, "-c", OPENPYXL, big_xlsx], "rows", rows),
        ("XLSX import", [args.jixiao, "import", big_xlsx], [sys.executable, "-c", OPENPYXL, big_xlsx], "rows", rows),
    ]:
        a = median_time(ours, args.runs)
        b = median_time(peer, args.runs)
        lines.append(f"{name:12s} jixiao {a:7.3f} s ({count / a:9.0f} {units}/s)   peer {b:7.3f} s ({count / b:9.0f} {units}/s)   jixiao is {b / a:5.1f}x faster")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
