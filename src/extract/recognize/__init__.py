"""Recognition: template specs applied to `model.Document` by generic engines.

The engines (`form`, `grid`, `sheet`, `prose`) hold no Chinese words: what a layout prints is
data in `extract/templates/*.toml`. They return typed records (`records.py`) that the
normalizers turn into dataset rows.
"""
