#!/usr/bin/env python3
"""Writes the office-file fixtures of the reader tests (Tests/JixiaoInterchangeTests/Fixtures/Office) from the
project's own corpus forms (Tests/JixiaoInterchangeTests/Fixtures/Corpus/*.json):

    python3 scripts/make_office_fixtures.py            # regenerate everything, then check it with second readers
    python3 scripts/make_office_fixtures.py --check    # only check the files already there

Needs Python 3 with openpyxl, python-docx, Pillow, msoffcrypto-tool and pikepdf; LibreOffice (`soffice`, the
writer and calc components), poppler-utils (`pdftotext`, `pdftoppm`) and a CJK font for LibreOffice
(fonts-wqy-zenhei or fonts-noto-cjk). The output is deterministic where the tools allow: fixed document
properties and ZIP timestamps, fixed PDF dates, IDs and checksums. The one file that is not (the msoffcrypto
encryption, with its random salt) is marked in manifest.json (`"deterministic": false`).

How a form is laid out (the same grid for XLSX, DOCX and HTML): the form's rows (CorpusForm.rows: title,
preamble, funds header + rows, goals header + rows, indicator header + rows, trailer) become rows of one
table N columns wide, N the widest row. Every corpus row keeps exactly its cells, in order; a row with fewer
cells than N has cells spanning several columns (label/value rows: narrow labels, wide values; a 总分 row
puts its numbers under the indicator table's weight and score columns). In the indicator rows, the label
columns (一级/二级 by their header) are merged vertically where the corpus leaves a cell blank under a filled
one ("same as above"). Line breaks (DOCX w:br, HTML <br>) are only put where removing them gives back the
corpus text exactly (inside header words such as 偏差原因分析|及改进措施, after a comma in a long goal).
"""
import argparse
import datetime
import glob
import html
import importlib.metadata
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from decimal import Decimal

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CORPUS = os.path.join(ROOT, "Tests", "JixiaoInterchangeTests", "Fixtures", "Corpus")
OUT = os.path.join(ROOT, "Tests", "JixiaoInterchangeTests", "Fixtures", "Office")
FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
LO_PROFILE = "file:///tmp/jixiao-fixtures-lo-profile"

# The forms: the first of each family, plus a few cheap extras.
FAMILY_FORMS = ["01-national-evaluation", "02-sichuan-evaluation", "03-yunnan-evaluation", "04-hubei-evaluation",
                "05-rubric-evaluation", "06-chongqing-department", "07-declaration-target"]
EXTRA_FORMS = ["08-national-evaluation", "10-yunnan-evaluation", "12-rubric-evaluation", "26-chongqing-department"]

MANIFEST = []


def note(file, corpus, fmt, producer, features, expect="read", **extra):
    entry = {"file": file, "corpus": corpus, "format": fmt, "producer": producer, "features": features, "expect": expect}
    entry.update(extra)
    MANIFEST.append(entry)


def load(form_id):
    with open(os.path.join(CORPUS, form_id + ".json"), encoding="utf-8") as f:
        return json.load(f)


# ---------------------------------------------------------------- layout

class Cell:
    def __init__(self, text, col, span):
        self.text, self.col, self.span = text, col, span


class Row:
    def __init__(self, block, cells):
        self.block, self.cells = block, cells


class Layout:
    """The printed grid of one form: rows of cells with column spans, vertical merges, column weights."""

    def __init__(self, form):
        self.form = form
        ind_header = form["indicators"]["header"]
        raw = [("title", [form["title"]])]
        raw += [("preamble", r) for r in form["preamble"]]
        for block in ("funds", "goals"):
            if block in form:
                raw.append((block + "-header", form[block]["header"]))
                raw += [(block, r) for r in form[block]["rows"]]
        raw.append(("indicators-header", ind_header))
        raw += [("indicators", r) for r in form["indicators"]["rows"]]
        raw += [("trailer", r) for r in form["trailer"]]
        self.n = n = max(len(cells) for block, cells in raw)
        self.rows = []
        for block, cells in raw:
            spans = spans_for(block, cells, n, ind_header)
            col, out = 0, []
            for text, span in zip(cells, spans):
                out.append(Cell(text, col, span))
                col += span
            assert col == n, (block, cells, spans)
            self.rows.append(Row(block, out))
        # Vertical merges of the label columns (一级 / 二级) of the indicator rows.
        self.vmerges = []  # (first row index, last row index, grid col, span)
        label_cols = [j for j, h in enumerate(ind_header) if "一级" in h or "二级" in h]
        ind_rows = [i for i, r in enumerate(self.rows) if r.block == "indicators"]
        for j in label_cols:
            start = None
            for i in ind_rows + [None]:
                cells = self.rows[i].cells if i is not None else None
                starts_new = i is None or cells[j].text != "" or any(cells[k].text != "" for k in label_cols if k < j)
                if starts_new:
                    if start is not None and last > start:
                        c = self.rows[start].cells[j]
                        self.vmerges.append((start, last, c.col, c.span))
                    start = i if (i is not None and cells[j].text != "") else None
                last = i
        # Column weights from the indicator header when it is the full width.
        if len(ind_header) == n:
            self.weights = [col_weight(h) for h in ind_header]
        else:
            self.weights = [1.0] * n

    def covered(self):
        """Grid positions (row, col) hidden by a vertical merge (not the first row of the merge)."""
        out = set()
        for r0, r1, col, span in self.vmerges:
            for r in range(r0 + 1, r1 + 1):
                for c in range(col, col + span):
                    out.add((r, c))
        return out

    def rowspan(self, r, col):
        for r0, r1, c, span in self.vmerges:
            if r0 == r and c == col:
                return r1 - r0 + 1
        return 1


def col_weight(h):
    if any(k in h for k in ("三级", "指标名称", "指标内容")):
        return 2.8
    if any(k in h for k in ("原因", "措施", "备注")):
        return 2.6
    if any(k in h for k in ("一级", "二级")):
        return 1.8
    if any(k in h for k in ("指标值", "完成值")):
        return 1.6
    return 1.55


def spans_for(block, cells, n, ind_header):
    k = len(cells)
    if block == "title":
        return [n]
    if k == n:
        return [1] * n
    # A total row: numbers under the indicator table's weight and score columns.
    if block == "trailer" and k >= 3 and len(ind_header) == n and (cells[0] in ("总分", "合计") or all(as_number(c) for c in cells[1:])):
        weight_col = next((j for j, h in enumerate(ind_header) if h in ("分值", "权重", "参考分值") or h.startswith("指标权重")), None)
        if weight_col is not None and weight_col >= 1 and weight_col + k - 1 <= n:
            return [weight_col] + [1] * (k - 2) + [n - weight_col - (k - 2)]
    # Label / value rows: narrow labels, wide values.
    if block in ("preamble", "trailer", "funds-header", "funds") and k in (2, 4) and not (block.startswith("funds") and k == 4):
        label = max(1, n // 4)
        if k == 2:
            return [label, n - label]
        rest = n - 2 * label
        return [label, rest // 2, label, rest - rest // 2]
    if block.startswith("goals") and k == 2:
        return [n // 2, n - n // 2]
    spans = [1] * k
    extra = n - k
    first = min(extra, 2)
    spans[0] += first
    extra -= first
    i = k - 1
    while extra > 0:
        spans[i] += 1
        extra -= 1
        i = i - 1 if i > 1 else k - 1
    return spans


def split_for_break(text, block):
    """Where a line break may go inside a cell: removing it gives back the text."""
    if block in ("indicators-header", "funds-header"):
        if "及" in text[2:]:
            i = text.index("及", 2)
            return [text[:i], text[i:]]
        m = re.match(r"^(.{2,}?)([（(][^）)]*[)）])$", text)
        if m:
            return [m.group(1), m.group(2)]
        if len(text) >= 7:
            return [text[: len(text) // 2], text[len(text) // 2:]]
    if block == "goals" and len(text) > 30:
        i = text.find("，", 10)
        if 0 < i < len(text) - 1:
            return [text[: i + 1], text[i + 1:]]
    return [text]


NUMBER = re.compile(r"^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?%?$")


def as_number(text):
    """A printed number as (value, Excel number format), or None for text that is not a plain number."""
    if not NUMBER.match(text):
        return None
    percent = text.endswith("%")
    body = text[:-1] if percent else text
    whole = body.lstrip("-").split(".")[0].replace(",", "")
    if len(whole) > 1 and whole.startswith("0"):
        return None  # a code or a phone number, not a quantity
    decimals = len(body.split(".")[1]) if "." in body else 0
    fmt = ("#,##0" if "," in body else "0") + ("." + "0" * decimals if decimals else "")
    value = Decimal(body.replace(",", ""))
    if percent:
        value /= 100
        fmt += "%"
    if value == value.to_integral_value() and not percent and decimals == 0:
        return int(value), fmt
    return float(str(value)), fmt


def person_phone_date(form):
    pairs = {}
    for r in form["preamble"] + form["trailer"]:
        for a, b in zip(r[0::2], r[1::2]):
            pairs.setdefault(a, b)
    person = pairs.get("填表人") or pairs.get("联系人") or pairs.get("项目负责人") or "李明"
    phone = pairs.get("联系电话") or "0835-2216688"
    year = int(re.search(r"(\d{4})", form["title"]).group(1))
    date = pairs.get("填报日期") or (f"{year - 1}年10月20日" if form["kind"] == "target_declaration" else f"{year + 1}年3月15日")
    dept = pairs.get("主管部门") or pairs.get("部门名称")
    return person, phone, date, dept


# ---------------------------------------------------------------- files in general

def normalize_zip(path):
    """Rewrites an OOXML package with fixed timestamps (entries and docProps/core.xml), same entry order."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data)
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data, compresslevel=6)


def fix_pdf(path):
    """Fixed creation/modification dates and document ID, same byte lengths so the xref stays right."""
    data = open(path, "rb").read()
    data = re.sub(rb"D:\d{14}", b"D:20240101000000", data)
    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)>",
                  lambda m: m.group(1) + b"0" * len(m.group(2)) + m.group(3) + b"0" * len(m.group(4)) + b">", data)
    data = re.sub(rb"/DocChecksum /([0-9A-Fa-f]+)", lambda m: b"/DocChecksum /" + b"0" * len(m.group(1)), data)
    open(path, "wb").write(data)


def crosses_page(path, forms):
    """True when a page after the first holds indicator rows of a form whose header is on an earlier page."""
    pages = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, text=True).stdout.split("\f")
    flat = [re.sub(r"\s+", "", pg) for pg in pages]
    for form in forms:
        names = [r[2] if len(r) > 2 and "一级" in form["indicators"]["header"][0] else r[0] for r in form["indicators"]["rows"]]
        on = sorted({k for k, pg in enumerate(flat) for n in names if re.sub(r"\s+", "", n) in pg})
        if len(on) > 1:
            return True
    return False


def lo_version():
    out = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip()
    return out.split(" 40(")[0] if out else "LibreOffice"


def lo_convert(files, target, outdir):
    """One LibreOffice run converting `files` to `target` (a --convert-to argument) into `outdir`."""
    os.makedirs(outdir, exist_ok=True)
    cmd = ["soffice", "-env:UserInstallation=" + LO_PROFILE, "--headless", "--norestore", "--convert-to", target, "--outdir", outdir] + files
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)


# ---------------------------------------------------------------- XLSX

def xlsx_sheet(ws, form, *, hidden_row_after=None, formulas=False):
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    L = Layout(form)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Font(name="宋体", size=10)
    widths = [w * 6.5 for w in L.weights]
    for c, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(c + 1)].width = round(w, 2)
    row_of = {}
    r = 1
    for i, row in enumerate(L.rows):
        row_of[i] = r
        if row.block == "title":
            cell = ws.cell(r, 1, row.cells[0].text)
            cell.font = Font(name="黑体", size=16, bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center")
            ws.row_dimensions[r].height = 36
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=L.n)
            r += 1
            continue
        lines = 1
        for c in range(L.n):
            ws.cell(r, c + 1).border = border
        for cell in row.cells:
            x = ws.cell(r, cell.col + 1)
            x.font = Font(name="宋体", size=10, bold=row.block.endswith("header"))
            number = as_number(cell.text) if cell.text else None
            if number is not None:
                x.value, x.number_format = number
            elif cell.text:
                x.value = cell.text
                x.data_type = "s"  # "=12个" is a target, not a formula
                x.quotePrefix = cell.text.startswith("=")
            long = len(cell.text) > 14
            x.alignment = Alignment(horizontal="left" if long else "center", vertical="center", wrap_text=True)
            chars = sum(widths[cell.col:cell.col + cell.span]) / 2.0  # CJK characters per line
            lines = max(lines, math.ceil(len(cell.text) / max(chars, 1)))
        ws.row_dimensions[r].height = max(20, 13.5 * lines + 6)
        r += 1
        if hidden_row_after == row.block and (i + 1 == len(L.rows) or L.rows[i + 1].block != row.block):
            junk = ["旧版口径（作废）", 123456.78, "请勿打印", "草稿"]
            for c, v in enumerate(junk):
                ws.cell(r, c + 1, v)
            ws.row_dimensions[r].hidden = True
            r += 1
    for i, row in enumerate(L.rows):
        for cell in row.cells:
            if cell.span > 1 and row.block != "title":
                ws.merge_cells(start_row=row_of[i], start_column=cell.col + 1, end_row=row_of[i], end_column=cell.col + cell.span)
    for r0, r1, col, span in L.vmerges:
        ws.merge_cells(start_row=row_of[r0], start_column=col + 1, end_row=row_of[r1], end_column=col + span)
    if formulas:
        add_formulas(ws, L, row_of)
    ws.page_setup.paperSize = 9
    ws.page_setup.orientation = "landscape" if L.n >= 9 else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_area = f"A1:{get_column_letter(L.n)}{r - 1}"
    return L, row_of


def add_formulas(ws, L, row_of):
    """执行率 = 执行数 / 预算数, 得分 = 分值 × 执行率, indicator 得分 = 权重 × 得分系数, 总分 = sums."""
    from openpyxl.utils import get_column_letter as letter

    def col_of(row, *names):
        for n in names:
            for cell in row.cells:
                if cell.text.startswith(n) and not (n == "得分" and cell.text.startswith("得分系数")):
                    return letter(cell.col + 1)
        return None

    fh = next(i for i, r in enumerate(L.rows) if r.block == "funds-header")
    head = L.rows[fh]
    budget = col_of(head, "全年预算数", "调整后预算数")
    executed = col_of(head, "全年执行数", "预算执行数")
    rate = col_of(head, "执行率", "预算执行率")
    weight = col_of(head, "分值", "权重")
    score = col_of(head, "得分")
    fr = row_of[fh + 1]
    ws[f"{rate}{fr}"] = f"={executed}{fr}/{budget}{fr}"
    ws[f"{rate}{fr}"].number_format = "0.00%"
    ws[f"{score}{fr}"] = f"=ROUND({weight}{fr}*{rate}{fr},2)"
    ws[f"{score}{fr}"].number_format = "0.00"
    ih = next(i for i, r in enumerate(L.rows) if r.block == "indicators-header")
    ihead = L.rows[ih]
    iweight = col_of(ihead, "指标权重", "权重", "分值")
    iscore = col_of(ihead, "指标得分", "得分")
    coef = col_of(ihead, "得分系数")
    ind = [i for i, r in enumerate(L.rows) if r.block == "indicators"]
    first, last = row_of[ind[0]], row_of[ind[-1]]
    if coef:
        for i in ind:
            rr = row_of[i]
            ws[f"{iscore}{rr}"] = f"=ROUND({iweight}{rr}*{coef}{rr}/100,2)"
            ws[f"{iscore}{rr}"].number_format = "0.00"
    total = next(i for i, r in enumerate(L.rows) if r.block == "trailer" and r.cells[0].text in ("总分", "合计"))
    tr = row_of[total]
    tw, ts = (letter(c.col + 1) for c in L.rows[total].cells[1:3])
    ws[f"{tw}{tr}"] = f"={weight}{fr}+SUM({iweight}{first}:{iweight}{last})"
    ws[f"{tw}{tr}"].number_format = "0"
    ws[f"{ts}{tr}"] = f"=ROUND({score}{fr}+SUM({iscore}{first}:{iscore}{last}),2)"
    ws[f"{ts}{tr}"].number_format = "0.00"


def sheet_name(form, taken):
    name = re.sub(r"[\[\]:*?/\\]", "", form["title"])[:31]
    if name in taken:
        name = (name[:26] + "-" + form["id"][:2])[:31]
    taken.add(name)
    return name


def new_workbook():
    from openpyxl import Workbook
    wb = Workbook()
    wb.properties.creator = "jixiao fixtures"
    wb.properties.lastModifiedBy = "jixiao fixtures"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb


def write_xlsx(path, forms, *, hidden=False, formulas=False, inline=False):
    wb = new_workbook()
    taken = set()
    for k, form in enumerate(forms):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = sheet_name(form, taken)
        xlsx_sheet(ws, form, hidden_row_after="preamble" if hidden and k == 0 else None, formulas=formulas)
    if hidden:
        junk = wb.create_sheet("下拉选项")
        for row in [["一级指标", "产出指标", "效益指标", "满意度指标"],
                    ["二级指标", "数量指标", "质量指标", "时效指标", "成本指标"],
                    ["测试项目（作废）", 999999.99, "≥100%", "=1/0"],
                    ["旧模板", "请勿填写本页"]]:
            junk.append(row)
        junk.sheet_state = "hidden"
    wb.save(path)
    normalize_zip(path)
    if not inline:
        shared_strings(path)


def shared_strings(path):
    """openpyxl 3.1 writes every string inline (t="inlineStr", non-ASCII as character references); Excel and
    WPS write a shared-string table. Rewrites the sheets' inline strings as shared strings (UTF-8)."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    strings, index = [], {}

    def cell(m):
        text = html.unescape(m.group(2))
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return f'<c{m.group(1)} t="s"><v>{index[text]}</v></c>'

    out = []
    for name, data in items:
        if name.startswith("xl/worksheets/sheet"):
            data = re.sub(r'<c([^>]*?) t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>', cell,
                          data.decode("utf-8"), flags=re.S).encode("utf-8")
        if name == "[Content_Types].xml":
            data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        if name == "xl/_rels/workbook.xml.rels":
            data = data.replace(b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                                b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        out.append((name, data))
    sis = []
    for text in strings:
        space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
        sis.append(f"<si><t{space}>{html.escape(text, quote=False)}</t></si>")
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
           f'spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">' + "".join(sis) + "</sst>")
    at = next(k for k, (name, _) in enumerate(out) if name == "xl/workbook.xml") + 1
    out.insert(at, ("xl/sharedStrings.xml", sst.encode("utf-8")))
    with zipfile.ZipFile(path, "w") as z:
        for name, data in out:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


# ---------------------------------------------------------------- DOCX

def docx_document(landscape=False):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt
    doc = Document()
    cp = doc.core_properties
    cp.author = cp.last_modified_by = "jixiao fixtures"
    cp.created = cp.modified = FIXED
    cp.revision = 1
    normal = doc.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    s = doc.sections[0]
    s.page_width, s.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
    s.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    s.left_margin = s.right_margin = Cm(2.0)
    s.top_margin = s.bottom_margin = Cm(2.0)
    return doc


def font(run, size, name="宋体", bold=False):
    from docx.oxml.ns import qn
    from docx.shared import Pt
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def cell_text(cell, text, block, size, breaks=True):
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT if len(text) > 14 else WD_ALIGN_PARAGRAPH.CENTER
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    parts = split_for_break(text, block) if breaks else [text]
    for k, part in enumerate(parts):
        run = p.add_run(part)
        font(run, size, bold=block.endswith("header"))
        if k + 1 < len(parts):
            run.add_break()
    return len(parts) > 1


def add_field(paragraph, instr, size=9):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def header_footer(doc, header_text):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    s = doc.sections[0]
    hp = s.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    font(hp.add_run(header_text), 9)
    fp = s.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(fp.add_run("第 "), 9)
    add_field(fp, " PAGE ")
    font(fp.add_run(" 页 共 "), 9)
    add_field(fp, " NUMPAGES ")
    font(fp.add_run(" 页"), 9)


def docx_form(doc, form, *, size=None, row_height=None, nested_goals=False, landscape=False):
    """Title paragraph, the form as one table, paragraphs after it. Returns feature tags."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm
    L = Layout(form)
    size = size or (9 if L.n >= 8 else 10.5)
    features = {"merged-cells", "gridspan"}
    person, phone, date, dept = person_phone_date(form)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(p.add_run(L.rows[0].cells[0].text), 16, name="黑体", bold=True)
    if dept:
        p = doc.add_paragraph()
        font(p.add_run(f"填报单位（盖章）：{dept}"), size)
    # Table rows: every layout row but the title; with nested goals, the goals block is one row.
    rows = []  # (layout index or "goals", Row)
    for i, row in enumerate(L.rows[1:], start=1):
        if nested_goals and row.block.startswith("goals"):
            if row.block == "goals-header":
                rows.append(("goals", row))
            continue
        rows.append((i, row))
    table = doc.add_table(rows=len(rows), cols=L.n)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    usable = (29.7 if landscape else 21.0) - 4.0
    widths = [Cm(usable * w / sum(L.weights)) for w in L.weights]
    for c, w in enumerate(widths):
        table.columns[c].width = w
        for cell in table.columns[c].cells:
            cell.width = w
    if row_height:
        from docx.enum.table import WD_ROW_HEIGHT_RULE
        for r in table.rows:
            r.height = Cm(row_height)
            r.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    index = {}
    for ri, (key, row) in enumerate(rows):
        index[key] = ri
        if key == "goals":
            label_span = next(r.cells[0].span for r in L.rows if r.block == "funds") if "funds" in form else 1
            label = table.cell(ri, 0)
            cell_text(label, "年度总体目标", "goals-header", size, breaks=False)
            label.merge(table.cell(ri, label_span - 1)) if label_span > 1 else None
            host = table.cell(ri, label_span).merge(table.cell(ri, L.n - 1))
            goals = form["goals"]
            inner = host.add_table(rows=1 + len(goals["rows"]), cols=len(goals["header"]))
            inner.style = "Table Grid"
            for r, cells in enumerate([goals["header"]] + goals["rows"]):
                for c, text in enumerate(cells):
                    cell_text(inner.cell(r, c), text, "goals-header" if r == 0 else "goals", size)
            host._tc.remove(host.paragraphs[0]._p)  # the cell holds the table, then the paragraph Word needs
            features.add("nested-table")
            continue
        for cell in row.cells:
            x = table.cell(ri, cell.col)
            if cell.text and cell_text(x, cell.text, row.block, size):
                features.add("line-break-in-cell")
            if cell.span > 1:
                x.merge(table.cell(ri, cell.col + cell.span - 1))
    for r0, r1, col, span in L.vmerges:
        table.cell(index[r0], col).merge(table.cell(index[r1], col + span - 1))
        features.add("vmerge")
    for text in (f"填表人：{person}　　　　联系电话：{phone}", f"填报日期：{date}"):
        p = doc.add_paragraph()
        font(p.add_run(text), size)
    return features


def write_docx(path, forms, landscape=None, **kw):
    if landscape is None:
        landscape = any(Layout(f).n >= 9 for f in forms)
    doc = docx_document(landscape)
    header = kw.pop("header", None)
    features = {"paragraphs-around-table"}
    for k, form in enumerate(forms):
        if k:
            doc.add_page_break()
            features.add("page-break")
        features |= docx_form(doc, form, landscape=landscape, **kw)
    if header:
        header_footer(doc, header)
        features |= {"page-header", "page-footer", "page-number-field"}
    doc.save(path)
    normalize_zip(path)
    return sorted(features)


# ---------------------------------------------------------------- HTML

SITES = {"national": "青石县人民政府", "sichuan": "岷溪县人民政府", "yunnan": "苍岭县人民政府", "hubei": "楚源县人民政府",
         "rubric": "塞北县人民政府", "chongqing": "重庆市渝川区人民政府", "declaration": "安澜市人民政府"}


def sloppy_table(L, style):
    """The form as a <table border=1> with rowspan/colspan; `style` 0: lowercase, unclosed <td>/<tr>;
    1: uppercase Word-export-like cells with unclosed <P> and <FONT>."""
    covered = L.covered()
    out = []
    width = 660 if L.n < 9 else 960
    if style == 0:
        out.append(f'<table border=1 cellspacing=0 cellpadding=2 width={width} style="border-collapse:collapse;font-size:12px">')
    else:
        out.append(f'<TABLE class=MsoNormalTable border=1 cellSpacing=0 cellPadding=0 width={width} '
                   'style="BORDER-COLLAPSE: collapse; mso-table-layout-alt: fixed">')
    for i, row in enumerate(L.rows):
        if row.block == "title":
            continue
        close_row = (i % 3 != 0)
        out.append("<tr>" if style == 0 else f"<TR style='HEIGHT: 20.1pt'>")
        for cell in row.cells:
            if (i, cell.col) in covered:
                continue
            rs = L.rowspan(i, cell.col)
            attrs = ""
            if cell.span > 1:
                attrs += f" colspan={cell.span}" if style == 0 else f' colSpan="{cell.span}"'
            if rs > 1:
                attrs += f" rowspan={rs}" if style == 0 else f' rowSpan="{rs}"'
            text = "<br>".join(html.escape(p) for p in split_for_break(cell.text, row.block)) if cell.text else "&nbsp;"
            if row.block.endswith("header"):
                text = f"<b>{text}</b>" if style == 0 else f"<B>{text}</B>"
            if style == 0:
                align = " align=left" if len(cell.text) > 14 else " align=center"
                closing = "</td>" if (i + cell.col) % 2 == 0 else ""
                out.append(f'  <td{attrs}{align} style="padding:2px 4px">{text}{closing}')
            else:
                out.append(f"  <TD{attrs} style='BORDER: windowtext 1pt solid; PADDING: 0cm 5.4pt' vAlign=center>"
                           f"<P class=MsoNormal align=center><FONT face=宋体 size=2>{text}</FONT></TD>")
        if style == 0:
            if close_row:
                out.append("</tr>")
        else:
            out.append("</TR>")
    out.append("</table>" if style == 0 else "</TABLE>")
    return "\n".join(out)


def sloppy_page(form, style, charset="utf-8"):
    L = Layout(form)
    site = SITES.get(form["family"], "某县人民政府")
    person, phone, date, dept = person_phone_date(form)
    title = html.escape(form["title"])
    if charset == "utf-8":
        meta = '<meta charset="utf-8">'
    else:
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    heading = (f'<h2 style="text-align:center;font-size:20px">{title}</h2>' if style == 0 else
               f'<p align=center style="text-align:center"><b><span style="font-size:18.0pt;font-family:方正小标宋简体">{title}</span></b>')
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html>
<head>
{meta}
<title>{title}_{site}门户网站</title>
<style type="text/css">
body {{ margin:0; font:12px/1.6 "宋体", SimSun; }} .nav li {{ float:left; list-style:none; padding:0 12px; }}
.footer {{ clear:both; border-top:2px solid #c00; text-align:center; color:#666; }}
</style>
<script type="text/javascript">var _hmt = _hmt || []; /* 访问统计 */</script>
</head>
<body>
<div class="top"><div class="logo"><img src="/images/logo.png" alt="{site}">{site}门户网站</div>
<ul class="nav"><li><a href="/">首页</a><li><a href="/zwgk/">政务公开</a><li><a href="/zwfw/">政务服务</a><li><a href="/hdjl/">互动交流</a></ul>
<div class="search"><input type="text" value="请输入关键字"><input type="button" value="搜索"></div></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czyjs/">财政预决算</a></div>
<div class="article">
{heading}
<p class="info" style="text-align:center;color:#999">发布时间：2024-03-15&nbsp;&nbsp;&nbsp;来源：{html.escape(dept or site)}&nbsp;&nbsp;&nbsp;浏览次数：<span id="hits">128</span>
<div class="TRS_Editor">
<p style="text-align:right">&nbsp;
{sloppy_table(L, style)}
<p>填表人：{html.escape(person)}&nbsp;&nbsp;&nbsp;&nbsp;联系电话：{html.escape(phone)}
<p>填报日期：{html.escape(date)}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> 【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="footer">
<p>主办单位：{site}办公室&nbsp;&nbsp;承办单位：{site}信息中心
<p>网站标识码：5100000000&nbsp;&nbsp;<a href="https://beian.miit.gov.cn/">蜀ICP备00000000号</a>&nbsp;&nbsp;技术支持：某某科技有限公司
</div>
</body>
</html>
"""


# ---------------------------------------------------------------- bad files

def zip_bomb(path, inflated):
    """A valid-looking workbook whose sheet1.xml inflates to `inflated` bytes (one inline string of 'A')."""
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>').encode()
    tail = b"</t></is></c></row></sheetData></worksheet>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in minimal_xlsx_parts():
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size = inflated  # so that zipfile chooses zip64 only if needed
        chunk = b"A" * (8 << 20)
        with z.open(info, "w", force_zip64=inflated > 0xFFFFFFFF) as f:
            f.write(head)
            left = inflated - len(head) - len(tail)
            while left > 0:
                n = min(left, len(chunk))
                f.write(chunk[:n])
                left -= n
            f.write(tail)


def minimal_xlsx_parts(sheets=1):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          '<sheet name="项目支出绩效自评表" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              '</Relationships>')
    return [("[Content_Types].xml", ct.encode()), ("_rels/.rels", rels.encode()), ("xl/workbook.xml", wb.encode()),
            ("xl/_rels/workbook.xml.rels", wbrels.encode())]


def many_entries(path, count):
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目支出绩效自评表</t></is></c></row>'
             '</sheetData></worksheet>').encode()
    parts = minimal_xlsx_parts() + [("xl/worksheets/sheet1.xml", sheet)]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        for i in range(count - len(parts)):
            info = zipfile.ZipInfo(f"z/{i:x}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED
            z.writestr(info, b"")


def billion_laughs(src, dst):
    with zipfile.ZipFile(src) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    dtd = ['<!DOCTYPE sst [', ' <!ENTITY lol "lol">']
    dtd.append(' <!ENTITY lol1 "' + "&lol;" * 10 + '">')
    for k in range(2, 10):
        dtd.append(f' <!ENTITY lol{k} "' + f"&lol{k - 1};" * 10 + '">')
    dtd.append("]>")
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in items:
            if name == "xl/sharedStrings.xml":
                text = data.decode("utf-8")
                text = text.replace("?>", "?>\n" + "\n".join(dtd), 1)
                text = re.sub(r"<si><t>[^<]*</t></si>", "<si><t>&lol9;</t></si>", text, count=1)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def break_xref(src, dst):
    """Every xref offset shifted by 13 bytes, and the file cut inside the trailer (no startxref, no %%EOF)."""
    data = open(src, "rb").read()
    start = data.rindex(b"\nxref\n") + 1
    end = data.index(b"trailer", start)
    table = re.sub(rb"(?m)^(\d{10}) (\d{5}) n",
                   lambda m: b"%010d %s n" % (int(m.group(1)) + 13, m.group(2)), data[start:end])
    data = data[:start] + table + data[end:]
    cut = data.index(b"trailer", start) + len(b"trailer\n<</Size")
    open(dst, "wb").write(data[:cut])


# ---------------------------------------------------------------- generate

def generate():
    import docx
    import openpyxl
    lo = lo_version()
    P_XL = f"openpyxl {openpyxl.__version__}"
    P_DOC = f"python-docx {docx.__version__}"
    forms = {fid: load(fid) for fid in FAMILY_FORMS + EXTRA_FORMS}
    if os.path.isdir(OUT):
        for name in os.listdir(OUT):
            if name != "README.md":
                p = os.path.join(OUT, name)
                shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    os.makedirs(os.path.join(OUT, "bad"), exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="jixiao-office-")
    o = lambda *parts: os.path.join(OUT, *parts)

    # --- XLSX by openpyxl: one per form.
    for fid in FAMILY_FORMS + EXTRA_FORMS:
        L = Layout(forms[fid])
        write_xlsx(o(f"{fid}.openpyxl.xlsx"), [forms[fid]])
        feats = ["merged-cells", "numeric-cells", "number-formats", "shared-strings"]
        if L.vmerges:
            feats.append("vertical-merges")
        note(f"{fid}.openpyxl.xlsx", [fid], "xlsx", P_XL + " + script (shared strings)", feats)
    # Two forms on two sheets, a hidden sheet of junk, a hidden row of junk.
    fid, fid2 = "01-national-evaluation", "08-national-evaluation"
    write_xlsx(o(f"{fid}.two-sheets.xlsx"), [forms[fid], forms[fid2]], hidden=True)
    note(f"{fid}.two-sheets.xlsx", [fid, fid2], "xlsx", P_XL + " + script (shared strings)",
         ["merged-cells", "vertical-merges", "numeric-cells", "number-formats", "two-sheets", "hidden-sheet", "hidden-row"],
         note="sheet 1 has a hidden junk row after the preamble; a third, hidden sheet '下拉选项' holds junk")
    # Inline strings.
    fid = "03-yunnan-evaluation"
    write_xlsx(o(f"{fid}.inline-strings.xlsx"), [forms[fid]], inline=True)
    note(f"{fid}.inline-strings.xlsx", [fid], "xlsx", P_XL + " (as written by openpyxl 3.1: strings inline)",
         ["merged-cells", "vertical-merges", "numeric-cells", "number-formats", "inline-strings", "no-shared-strings-part",
          "numeric-char-refs"])
    # Formulas, with cached values written by LibreOffice.
    src = os.path.join(tmp, "formula-src")
    os.makedirs(src)
    fsrc = []
    for fid in ("02-sichuan-evaluation", "06-chongqing-department"):
        write_xlsx(os.path.join(src, f"{fid}.lo-formula.xlsx"), [forms[fid]], formulas=True)
        fsrc.append(os.path.join(src, f"{fid}.lo-formula.xlsx"))
    lo_convert(fsrc, "xlsx:Calc MS Excel 2007 XML", os.path.join(tmp, "formula-out"))
    for fid in ("02-sichuan-evaluation", "06-chongqing-department"):
        shutil.copy(os.path.join(tmp, "formula-out", f"{fid}.lo-formula.xlsx"), o(f"{fid}.lo-formula.xlsx"))
        normalize_zip(o(f"{fid}.lo-formula.xlsx"))
        what = "执行率 = 执行数/预算数 (raw cached value, shown rounded by '0.00%'), 得分 = ROUND(分值*执行率,2), 总分 = ROUND(sums,2)"
        if fid.startswith("06"):
            what += ", indicator 指标得分 = ROUND(指标权重*得分系数/100,2)"
        note(f"{fid}.lo-formula.xlsx", [fid], "xlsx", f"{P_XL} + {lo} (recalculated)",
             ["merged-cells", "numeric-cells", "number-formats", "formula", "formula-cached", "number-format-rounding"], note=what)

    # --- DOCX by python-docx.
    docx_dir = os.path.join(tmp, "docx")
    os.makedirs(docx_dir)
    to_pdf = []
    for fid in FAMILY_FORMS + ["12-rubric-evaluation", "26-chongqing-department"]:
        name = f"{fid}.python-docx.docx"
        feats = write_docx(o(name), [forms[fid]])
        note(name, [fid], "docx", P_DOC, feats)
        to_pdf.append((name, f"{fid}.from-docx.pdf", [fid], feats))
    fid = "01-national-evaluation"
    name = f"{fid}.nested-goals.docx"
    feats = write_docx(o(name), [forms[fid]], nested_goals=True)
    note(name, [fid], "docx", P_DOC, feats,
         note="the goals block (header + rows) is a table nested in the cell beside an added label cell 年度总体目标, as in the official form")
    fid, fid2 = "03-yunnan-evaluation", "10-yunnan-evaluation"
    name = f"{fid}.two-forms.docx"
    feats = write_docx(o(name), [forms[fid], forms[fid2]], header="苍岭县2022年度部门决算公开　附件14")
    note(name, [fid, fid2], "docx", P_DOC, feats)
    to_pdf.append((name, f"{fid}.two-forms.pdf", [fid, fid2], feats))
    fid = "12-rubric-evaluation"
    name = f"{fid}.multipage.docx"
    feats = write_docx(o(name), [forms[fid]], size=12, row_height=1.2, landscape=True, header="广溪市财政局　财政支出绩效评价报告　附件2")
    note(name, [fid], "docx", P_DOC, feats + ["large-font"])
    to_pdf.append((name, f"{fid}.multipage.pdf", [fid], feats + ["large-font"]))

    # --- PDF by LibreOffice, from the DOCX files and from two XLSX files.
    for name, _, _, _ in to_pdf:
        shutil.copy(o(name), docx_dir)
    lo_convert([os.path.join(docx_dir, n) for n, _, _, _ in to_pdf], "pdf:writer_pdf_Export", os.path.join(tmp, "pdf"))
    for name, pdf, corpus, feats in to_pdf:
        shutil.copy(os.path.join(tmp, "pdf", name[:-5] + ".pdf"), o(pdf))
        fix_pdf(o(pdf))
        keep = [f for f in feats if f in ("page-break", "page-header", "page-footer", "large-font")]
        if crosses_page(o(pdf), [forms[c] for c in corpus]):
            keep.append("table-crosses-page")
        note(pdf, corpus, "pdf", f"{lo} (from python-docx DOCX)", ["text-layer", "ruling-lines", "cjk-font-subset"] + keep)
    xl_dir = os.path.join(tmp, "xl")
    os.makedirs(xl_dir)
    for fid in ("02-sichuan-evaluation", "06-chongqing-department"):
        shutil.copy(o(f"{fid}.openpyxl.xlsx"), xl_dir)
    lo_convert([os.path.join(xl_dir, f) for f in sorted(os.listdir(xl_dir))], "pdf:calc_pdf_Export", os.path.join(tmp, "xlpdf"))
    for fid in ("02-sichuan-evaluation", "06-chongqing-department"):
        shutil.copy(os.path.join(tmp, "xlpdf", f"{fid}.openpyxl.pdf"), o(f"{fid}.from-xlsx.pdf"))
        fix_pdf(o(f"{fid}.from-xlsx.pdf"))
        note(f"{fid}.from-xlsx.pdf", [fid], "pdf", f"{lo} (from openpyxl XLSX)", ["text-layer", "ruling-lines", "cjk-font-subset", "landscape"]
             + (["table-crosses-page"] if crosses_page(o(f"{fid}.from-xlsx.pdf"), [forms[fid]]) else []))
    # PDF encrypted with an empty user password (opens without a password).
    import pikepdf
    fid = "01-national-evaluation"
    with pikepdf.open(o(f"{fid}.from-docx.pdf")) as pdf:
        pdf.save(o(f"{fid}.encrypted-empty-user.pdf"), static_id=True,
                 encryption=pikepdf.Encryption(user="", owner="x", R=4, aes=False, metadata=False, allow=pikepdf.Permissions(extract=False, modify_other=False)))
    note(f"{fid}.encrypted-empty-user.pdf", [fid], "pdf", f"{lo} + pikepdf {pikepdf.__version__}",
         ["text-layer", "encrypted", "empty-user-password", "rc4-128"], note="user password empty, owner password 'x'; copying not permitted by the flags")

    # --- HTML.
    lo_convert([o("04-hubei-evaluation.python-docx.docx"), o("01-national-evaluation.nested-goals.docx")], "html:HTML (StarWriter)",
               os.path.join(tmp, "html"))
    for src_name, fid, dst, extra in (("04-hubei-evaluation.python-docx.html", "04-hubei-evaluation", "04-hubei-evaluation.lo-html.html", []),
                                      ("01-national-evaluation.nested-goals.html", "01-national-evaluation", "01-national-evaluation.lo-html-nested.html", ["nested-table"])):
        text = open(os.path.join(tmp, "html", src_name), encoding="utf-8").read()
        text = re.sub(r'(<meta name="(created|changed)" content=")[^"]*', r"\g<1>2024-01-01T00:00:00", text)
        open(o(dst), "w", encoding="utf-8").write(text)
        note(dst, [fid], "html", f"{lo} (HTML export of python-docx DOCX)", ["rowspan", "colspan", "utf-8", "line-break-in-cell"] + extra)
    for k, fid in enumerate(FAMILY_FORMS):
        name = f"{fid}.sloppy.html"
        open(o(name), "w", encoding="utf-8").write(sloppy_page(forms[fid], k % 2))
        feats = ["rowspan", "colspan", "unclosed-tags", "br-in-cell", "nbsp", "inline-styles", "site-chrome", "utf-8", "meta-charset"]
        feats.append("title-in-h2" if k % 2 == 0 else "title-in-p")
        if k % 2:
            feats.append("uppercase-tags")
        note(name, [fid], "html", "script", feats)
    fid = "03-yunnan-evaluation"
    name = f"{fid}.gbk.html"
    page = sloppy_page(forms[fid], 1, charset="gb2312")
    open(o(name), "wb").write(page.encode("gbk"))
    strict = True
    try:
        page.encode("gb2312")
    except UnicodeEncodeError:
        strict = False
    note(name, [fid], "html", "script", ["rowspan", "colspan", "unclosed-tags", "br-in-cell", "nbsp", "site-chrome", "gbk", "meta-http-equiv-charset"]
         + ([] if strict else ["gbk-beyond-gb2312"]),
         note="declared charset=gb2312, bytes are GBK" + ("" if strict else " (≧ ═ ≦ are not in GB2312: decode as GBK/GB18030)"))

    # --- Bad files.
    b = lambda name: o("bad", name)
    open(b("zero.xlsx"), "wb").close()
    note("bad/zero.xlsx", None, "xlsx", "script", ["empty-file"], expect="zero")
    from PIL import Image, ImageDraw
    img = Image.new("L", (120, 40), 255)
    ImageDraw.Draw(img).rectangle([4, 4, 115, 35], outline=0)
    img.save(b("renamed-png.xlsx"), "PNG")
    note("bad/renamed-png.xlsx", None, "xlsx", "script (Pillow)", ["png-renamed"], expect="renamed-png")
    data = open(o("01-national-evaluation.openpyxl.xlsx"), "rb").read()
    open(b("truncated.xlsx"), "wb").write(data[: len(data) // 2])
    note("bad/truncated.xlsx", ["01-national-evaluation"], "xlsx", P_XL + " + script", ["truncated-zip", "no-central-directory"], expect="truncated")
    bomb = 1100 * 1024 * 1024
    zip_bomb(b("zip-bomb.xlsx"), bomb)
    note("bad/zip-bomb.xlsx", None, "xlsx", "script", ["zip-bomb", "honest-sizes-in-directory"], expect="zip-bomb",
         note=f"xl/worksheets/sheet1.xml inflates to {bomb} bytes (1.07 GiB)")
    many_entries(b("many-entries.xlsx"), 20000)
    note("bad/many-entries.xlsx", None, "xlsx", "script", ["many-entries"], expect="many-entries",
         note="20 000 entries (100 000 would make an ~8 MB file: a ZIP entry costs at least ~80 bytes of headers)")
    billion_laughs(o("01-national-evaluation.openpyxl.xlsx"), b("entities.xlsx"))
    note("bad/entities.xlsx", ["01-national-evaluation"], "xlsx", P_XL + " + script", ["doctype", "entity-expansion", "billion-laughs"], expect="entities")
    import msoffcrypto
    from msoffcrypto.format.ooxml import OOXMLFile
    with open(o("02-sichuan-evaluation.openpyxl.xlsx"), "rb") as f, open(b("encrypted.xlsx"), "wb") as out:
        OOXMLFile(f).encrypt("1234", out)
    note("bad/encrypted.xlsx", ["02-sichuan-evaluation"], "xlsx", f"{P_XL} + msoffcrypto-tool {importlib.metadata.version('msoffcrypto-tool')}",
         ["ole-cfb", "encrypted-package", "agile-encryption"], expect="encrypted", note="password 1234", deterministic=False)
    break_xref(o("01-national-evaluation.from-docx.pdf"), b("broken-xref.pdf"))
    note("bad/broken-xref.pdf", ["01-national-evaluation"], "pdf", lo + " + script", ["corrupt-xref-offsets", "truncated-trailer"], expect="broken-xref",
         note="every xref offset +13, file cut inside the trailer dictionary (no startxref, no %%EOF); the objects themselves are "
              "intact, but poppler's pdftotext gives up on it (no trailer, so no /Root)")
    scan_dir = os.path.join(tmp, "scan")
    os.makedirs(scan_dir)
    subprocess.run(["pdftoppm", "-r", "90", "-gray", "-png", "-f", "1", "-l", "1", o("01-national-evaluation.from-docx.pdf"),
                    os.path.join(scan_dir, "page")], check=True)
    page = Image.open(glob.glob(os.path.join(scan_dir, "page*.png"))[0]).convert("L")
    page.save(b("scanned.pdf"), "PDF", resolution=90.0, quality=50, creationDate=FIXED.timetuple(), modDate=FIXED.timetuple(), producer="jixiao fixtures")
    note("bad/scanned.pdf", ["01-national-evaluation"], "pdf", "pdftoppm + Pillow", ["image-only", "no-text-layer"], expect="scanned")
    lo_convert([o("01-national-evaluation.openpyxl.xlsx")], "xls:MS Excel 97", os.path.join(tmp, "xls"))
    shutil.copy(os.path.join(tmp, "xls", "01-national-evaluation.openpyxl.xls"), b("legacy.xls"))
    note("bad/legacy.xls", ["01-national-evaluation"], "xls", lo, ["biff8", "ole-cfb"], expect="legacy-xls")
    lo_convert([o("01-national-evaluation.python-docx.docx")], "doc:MS Word 97", os.path.join(tmp, "doc"))
    shutil.copy(os.path.join(tmp, "doc", "01-national-evaluation.python-docx.doc"), b("legacy.doc"))
    note("bad/legacy.doc", ["01-national-evaluation"], "doc", lo, ["word97", "ole-cfb"], expect="legacy-doc")

    shutil.rmtree(tmp)
    MANIFEST.sort(key=lambda e: (e["file"].startswith("bad/"), e["file"]))
    for e in MANIFEST:
        e["bytes"] = os.path.getsize(o(e["file"]))
    with open(o("manifest.json"), "w", encoding="utf-8") as f:
        json.dump(MANIFEST, f, ensure_ascii=False, indent=2)
        f.write("\n")


# ---------------------------------------------------------------- check with second readers

def show_number(value, fmt):
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return str(value)
    fmt = fmt or "General"
    percent = fmt.endswith("%")
    v = value * 100 if percent else value
    m = re.search(r"0\.(0+)", fmt)
    decimals = len(m.group(1)) if m else 0
    if fmt == "General":
        text = repr(v).rstrip("0").rstrip(".") if isinstance(v, float) else str(v)
    else:
        text = f"{Decimal(repr(v)).quantize(Decimal(1).scaleb(-decimals), rounding='ROUND_HALF_UP'):{',' if ',' in fmt else ''}f}"
    return text + ("%" if percent else "")


def corpus_cells(form):
    return [c for c in Layout(form).rows for c in c.cells if c.text]


def check():
    import docx
    import openpyxl
    manifest = json.load(open(os.path.join(OUT, "manifest.json"), encoding="utf-8"))
    forms = {}
    failures = 0
    for e in manifest:
        path = os.path.join(OUT, e["file"])
        if e["expect"] != "read":
            continue
        want = []
        for fid in e["corpus"]:
            forms.setdefault(fid, load(fid))
            want += [c.text for c in corpus_cells(forms[fid])]
        if e["format"] == "xlsx":
            wb = openpyxl.load_workbook(path, data_only=True)
            got = set()
            hidden = [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"]
            hidden_rows = 0
            for ws in wb.worksheets:
                if ws.sheet_state != "visible":
                    continue
                hidden_rows += sum(1 for d in ws.row_dimensions.values() if d.hidden)
                for row in ws.iter_rows():
                    for c in row:
                        if c.value is not None:
                            got.add(show_number(c.value, c.number_format))
            extra = f"sheets={wb.sheetnames} hidden-sheets={hidden} hidden-rows={hidden_rows} merges={sum(len(ws.merged_cells.ranges) for ws in wb.worksheets)}"
            missing = [t for t in want if t not in got]
        elif e["format"] == "docx":
            d = docx.Document(path)
            got = set()

            def walk(tables):
                for t in tables:
                    for row in t.rows:
                        for c in row.cells:
                            got.add(c.text.replace("\n", ""))
                            got.update(p.text.replace("\n", "") for p in c.paragraphs)
                            walk(c.tables)
            walk(d.tables)
            got.update(p.text for p in d.paragraphs)
            xml = d.element.xml
            extra = (f"tables={len(d.tables)} gridSpan={xml.count('w:gridSpan')} vMerge={xml.count('<w:vMerge')} br={xml.count('<w:br')} "
                     f"nested={sum(len(c.tables) for t in d.tables for r in t.rows for c in r.cells)}")
            missing = [t for t in want if t not in got]
        elif e["format"] == "pdf":
            # -raw keeps LibreOffice's cell-by-cell order, so a cell wrapped over lines stays together.
            text = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, text=True).stdout
            layout = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
            plain = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
            flat, flat2 = re.sub(r"\s+", "", text), re.sub(r"\s+", "", plain)
            pages = layout.count("\f")
            missing = [t for t in want if re.sub(r"\s+", "", t) not in flat and re.sub(r"\s+", "", t) not in flat2]
            numbers = [t for t in want if as_number(t) is not None]
            unsplit = sum(1 for t in numbers if re.search(r"(?<![\d.,%])" + re.escape(t) + r"(?![\d.,%])", layout))
            extra = f"pages={pages} chars={len(flat)} numbers-whole-in-layout={unsplit}/{len(numbers)}"
            if e["file"].endswith("multipage.pdf"):
                per_page = [re.sub(r"\s+", "", pg) for pg in text.split("\f")]
                names = [r[2] for fid in e["corpus"] for r in forms[fid]["indicators"]["rows"]]
                extra += " indicator-rows-per-page=" + "/".join(str(sum(n in pg for n in names)) for pg in per_page if pg.strip())
        else:  # html
            raw = open(path, "rb").read()
            charset = "gbk" if b"gb2312" in raw[:2000] else "utf-8"
            text = html.unescape(re.sub(r"<br\s*/?>", "", raw.decode(charset), flags=re.I))
            flat = re.sub(r"<[^>]+>", "", text).replace("\xa0", " ")
            flat = re.sub(r"\s+", "", flat)
            missing = [t for t in want if re.sub(r"\s+", "", t) not in flat]
            extra = f"charset={charset} rowspan={len(re.findall(r'rowspan', text, re.I))} colspan={len(re.findall(r'colspan', text, re.I))}"
        status = "ok" if not missing else "MISSING " + " | ".join(missing[:6])
        failures += bool(missing)
        print(f"{e['file']:52s} {os.path.getsize(path):8d}  {extra}  {status}")
    for e in manifest:
        if e["expect"] != "read":
            print(f"{e['file']:52s} {os.path.getsize(os.path.join(OUT, e['file'])):8d}  expect={e['expect']}")
    total = sum(os.path.getsize(p) for p in glob.glob(os.path.join(OUT, "**", "*"), recursive=True) if os.path.isfile(p))
    print(f"total {total} bytes in {OUT}")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check the files already written")
    args = parser.parse_args()
    if not args.check:
        generate()
    sys.exit(1 if check() else 0)


if __name__ == "__main__":
    main()
