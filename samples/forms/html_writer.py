"""Table specs (formlib's `Para` / `Table` blocks) as web pages, the way government sites
publish these forms.

- `site_page`: one document on one page of a site: `<html><head><meta charset…><title>` and a
  `<body>` with the site's header, navigation bar, breadcrumb, the article's heading and
  publishing line, then `<div class="content">` holding the document — title paragraphs as
  `<p>`, every table as `<table border="1">` with `rowspan` / `colspan` (a merged cell printed
  once, as HTML does) and a cell's paragraphs joined by `<br>` — and a footer block. A `Site`
  says what varies from site to site: the charset and how it is declared (`<meta charset>` or
  the older `http-equiv`), the encoding the bytes are written in (UTF-8, or GBK for an older
  site), `&nbsp;` in empty cells and empty paragraphs, `<strong>` / `<b>` around labels.
- `excel_table`: a sheet model of xlsx_writer as the table Excel's "Save as Web Page" writes:
  `mso-` styles per cell class, `x:num` on number cells beside the displayed text (`44,561`,
  `45.60`, `100%`), `&nbsp;` in empty bordered cells, `<col>` widths, `mso-ignore:colspan`
  blank rows and the hidden row of column widths at the end.
- `excel_page`: that table as Excel's own page (`xmlns:x`, `ProgId Excel.Sheet`).

Nothing here reads a golden row: every text comes from the blocks or the sheet model.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from formlib import Block, Para, Table, layout
from xlsx_writer import SheetModel, XCell


@dataclass(frozen=True)
class Site:
    name: str  # the site's owner, in its header and footer
    domain: str
    nav: tuple[str, ...]
    crumbs: tuple[str, ...]
    footer: tuple[str, ...]
    encoding: str = "utf-8"  # the bytes' encoding: utf-8 | gbk
    meta: str = "charset"  # charset: <meta charset=…>; http-equiv: the HTML 4 form
    nbsp: bool = False  # `&nbsp;` in empty cells and empty paragraphs
    label_tag: str = "strong"  # strong | b: around a label cell's text


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def _meta(site: Site) -> str:
    charset = {"utf-8": "utf-8", "gbk": "gbk"}[site.encoding]
    if site.meta == "charset":
        return f'<meta charset="{charset}">'
    return f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'


def _cell_html(text: str, site: Site) -> str:
    if not text:
        return "&nbsp;" if site.nbsp else ""
    return "<br>".join(esc(p) for p in text.split("\n"))


def table_html(table: Table, site: Site) -> str:
    total = sum(table.widths)
    out = ['<table border="1" cellspacing="0" cellpadding="3" width="100%" class="form-table">']
    out.append(
        "<colgroup>"
        + "".join(f'<col width="{100 * w / total:.1f}%">' for w in table.widths)
        + "</colgroup>"
    )
    for slots in layout(table):
        cells = []
        for slot in slots:
            if slot.continued:
                continue  # HTML prints a merged cell once
            cell = slot.cell
            attrs = ""
            if cell.span > 1:
                attrs += f' colspan="{cell.span}"'
            if cell.rows > 1:
                attrs += f' rowspan="{cell.rows}"'
            body = _cell_html("\n".join(cell.paragraphs), site)
            if cell.label:
                attrs += ' align="center"'
                if body and body != "&nbsp;":
                    body = f"<{site.label_tag}>{body}</{site.label_tag}>"
            cells.append(f"<td{attrs}>{body}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


PARA_HTML = {
    "title": '<p style="text-align:center;font-size:20px;{brk}"><strong>{text}</strong></p>',
    "year": '<p style="text-align:center;{brk}">{text}</p>',
    "unit": '<p style="text-align:right;{brk}">{text}</p>',
    "plain": '<p style="{brk}">{text}</p>',
}


def blocks_html(blocks: Sequence[Block], site: Site) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Table):
            out.append(table_html(block, site))
            continue
        assert isinstance(block, Para)
        brk = "page-break-before:always;" if block.page_break else ""
        if not block.text:
            out.append(f'<p style="{brk}">' + ("&nbsp;" if site.nbsp else "") + "</p>")
            continue
        out.append(PARA_HTML[block.style].format(brk=brk, text=esc(block.text)))
    return "\n".join(out)


def site_page(site: Site, heading: str, published: str, content: str, *, head: str = "") -> bytes:
    """A page of `site` holding `content` (HTML) in its `<div class="content">`."""
    nav = "".join(f'<li><a href="/{k}/">{esc(item)}</a></li>' for k, item in enumerate(site.nav))
    crumbs = (
        " &gt; ".join(f'<a href="/{k}/">{esc(c)}</a>' for k, c in enumerate(site.crumbs[:-1]))
        + f" &gt; <span>{esc(site.crumbs[-1])}</span>"
    )
    footer = "".join(f"<p>{esc(line)}</p>" for line in site.footer)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{_meta(site)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(heading)}_{esc(site.name)}</title>
<link rel="stylesheet" href="/css/style.css">
{head}</head>
<body>
<div class="header"><div class="logo"><a href="https://{site.domain}/">{esc(site.name)}</a></div>
<form class="search" action="/search"><input type="text" name="q" placeholder="请输入关键字">
<button>搜索</button></form></div>
<div class="nav"><ul>{nav}</ul></div>
<div class="breadcrumb">当前位置：{crumbs}</div>
<div class="main">
<div class="article-head"><h1>{esc(heading)}</h1>
<div class="info">发布时间：{published}　　来源：{esc(site.name)}　　【字体：<a href="#">大</a>
<a href="#">中</a> <a href="#">小</a>】</div></div>
<div class="content">
{content}
</div>
<div class="share"><a href="javascript:window.print()">【打印本页】</a>
<a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="footer">{footer}</div>
</body>
</html>
"""
    return page.encode(site.encoding)


# --- Excel's "Save as Web Page" ---

PT_PER_TWIP = 1 / 20
PX_PER_PT = 4 / 3

MSO_FORMATS = {
    "General": None,
    "#,##0.00": r"\#\,\#\#0\.00",
    "#,##0": r"\#\,\#\#0",
    "#,##0.0": r"\#\,\#\#0\.0",
    "0.00": r"0\.00",
    "0%": "0%",
    "0.0%": r"0\.0%",
    "0.00%": r"0\.00%",
    "yyyy/m/d": r"yyyy\/m\/d",
}

CLASS_BASE = {
    "title": "font-size:16.0pt;font-weight:700;text-align:center;",
    "year": "text-align:center;",
    "unit": "text-align:right;",
    "plain": "text-align:left;",
    "label": "font-weight:700;text-align:center;border:.5pt solid windowtext;white-space:normal;",
    "head": "font-weight:700;text-align:center;border:.5pt solid windowtext;white-space:normal;",
    "cell": "text-align:left;border:.5pt solid windowtext;white-space:normal;",
}


def _excel_classes(model: SheetModel) -> dict[tuple[str, str, bool], str]:
    """One class per (style, number format, is a number), numbered as Excel does from xl65."""
    keys = sorted(
        {(c.style, c.fmt, not isinstance(c.value, str)) for c in model.cells.values()},
        key=lambda k: (list(CLASS_BASE).index(k[0]), k[1], k[2]),
    )
    return {key: f"xl{65 + n}" for n, key in enumerate(keys)}


def _excel_style(classes: dict[tuple[str, str, bool], str]) -> str:
    rules = []
    for (style, fmt, numeric), name in classes.items():
        rule = "mso-style-parent:style0;" + CLASS_BASE[style]
        if numeric and style == "cell":
            rule = rule.replace("text-align:left;", "text-align:right;")
        mso = MSO_FORMATS.get(fmt)
        if mso:
            rule += f'mso-number-format:"{mso}";'
        rules.append(f".{name}\n\t{{{rule}}}")
    return "\n".join(rules)


def _x_num(cell: XCell) -> str:
    value = cell.value
    if isinstance(value, str):
        return ""
    if hasattr(value, "toordinal"):
        serial = value.toordinal() - 693594  # days since 1899-12-30
        return f' x:num="{serial}"'
    return f' x:num="{value}"'


def excel_table(model: SheetModel) -> str:
    """The sheet as Excel's HTML table (see the module docstring)."""
    classes = _excel_classes(model)
    widths_pt = [w * PT_PER_TWIP for w in model.widths]
    n_cols = len(widths_pt)
    total_pt = sum(widths_pt)
    covered: set[tuple[int, int]] = set()
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r1, c1, r2, c2 in model.merges:
        spans[(r1, c1)] = (r2 - r1 + 1, c2 - c1 + 1)
        covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
    out = [
        f"<table border=0 cellpadding=0 cellspacing=0 width={round(total_pt * PX_PER_PT)} "
        f"style='border-collapse:collapse;table-layout:fixed;width:{total_pt:.0f}pt'>"
    ]
    for w in widths_pt:
        out.append(
            f" <col width={round(w * PX_PER_PT)} style='mso-width-source:userset;"
            f"mso-width-alt:{round(w * 40)};width:{w:.0f}pt'>"
        )
    for r in range(1, model.n_rows + 1):
        row_cells = [
            (c, model.cells[(r, c)]) for c in range(1, n_cols + 1) if (r, c) in model.cells
        ]
        lines = max((cell.text.count("\n") + 1 for _, cell in row_cells), default=1)
        height = 24.0 if any(cell.style == "title" for _, cell in row_cells) else 13.5 * lines
        out.append(f" <tr height={round(height * PX_PER_PT)} style='height:{height:.1f}pt'>")
        if not row_cells and not any((r, c) in covered for c in range(1, n_cols + 1)):
            out.append(
                f"  <td height={round(height * PX_PER_PT)} colspan={n_cols} "
                f"style='height:{height:.1f}pt;mso-ignore:colspan'></td>"
            )
        for c in range(1, n_cols + 1):
            if (r, c) in covered:
                continue
            cell = model.cells.get((r, c))
            if cell is None:
                out.append("  <td></td>")
                continue
            key = (cell.style, cell.fmt, not isinstance(cell.value, str))
            attrs = f" class={classes[key]}"
            if (r, c) in spans:
                rows, cols = spans[(r, c)]
                attrs = (
                    (f" rowspan={rows}" if rows > 1 else "")
                    + (f" colspan={cols}" if cols > 1 else "")
                    + attrs
                )
            text = cell.text
            body = "<br>".join(esc(p) for p in text.split("\n")) if text else "&nbsp;"
            if not text and cell.style in ("year", "unit", "plain", "title"):
                body = ""
            out.append(f"  <td{attrs}{_x_num(cell)}>{body}</td>")
        out.append(" </tr>")
    out.append(" <![if supportMisalignedColumns]>")
    out.append(" <tr height=0 style='display:none'>")
    out += [f"  <td width={round(w * PX_PER_PT)} style='width:{w:.0f}pt'></td>" for w in widths_pt]
    out.append(" </tr>")
    out.append(" <![endif]>")
    out.append("</table>")
    return "\n".join(out)


EXCEL_STYLE_HEAD = """<style>
<!--table
	{mso-displayed-decimal-separator:"\\.";
	mso-displayed-thousand-separator:"\\,";}
tr
	{mso-height-source:auto;
	mso-ruby-visibility:none;}
col
	{mso-width-source:auto;
	mso-ruby-visibility:none;}
br
	{mso-data-placement:same-cell;}
.style0
	{mso-number-format:General;
	text-align:general;
	vertical-align:middle;
	white-space:nowrap;
	mso-rotate:0;
	mso-background-source:auto;
	mso-pattern:auto;
	color:black;
	font-size:10.0pt;
	font-weight:400;
	font-style:normal;
	text-decoration:none;
	font-family:宋体;
	mso-generic-font-family:auto;
	mso-font-charset:134;
	border:none;
	mso-protection:locked visible;
	mso-style-name:常规;
	mso-style-id:0;}
td
	{mso-style-parent:style0;
	padding-top:1px;
	padding-right:1px;
	padding-left:1px;
	mso-ignore:padding;
	color:black;
	font-size:10.0pt;
	font-family:宋体;
	mso-number-format:General;
	vertical-align:middle;
	border:none;
	white-space:nowrap;}
{classes}
-->
</style>
"""


def excel_style_head(model: SheetModel) -> str:
    return EXCEL_STYLE_HEAD.replace("{classes}", _excel_style(_excel_classes(model)))


def excel_page(model: SheetModel, encoding: str = "utf-8") -> bytes:
    """The sheet as Excel's own "Save as Web Page" (one sheet, filtered HTML)."""
    page = f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset={encoding}">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
{excel_style_head(model)}</head>

<body link="#0563C1" vlink="#954F72">

{excel_table(model)}

</body>

</html>
"""
    return page.encode(encoding)
