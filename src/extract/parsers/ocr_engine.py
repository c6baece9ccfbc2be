"""Text recognition on a page image, through RapidOCR (PP-OCR models run by OpenVINO).

Chosen over Tesseract `chi_sim` on our own scanned samples (see the commit that added it): on a
200 dpi indicator page Tesseract read `≥90%` as `=90%`, `满意率` as `汪意李` and lost the cells
under a seal, while PP-OCR read them right. The models ship inside the `rapidocr` wheel and are
loaded from there by path, so nothing is ever downloaded: a machine without internet works.

The models run on OpenVINO rather than ONNX Runtime (rapidocr's default): on one core a 200 dpi
form page took 3.8 s with ONNX Runtime and 2.1-2.2 s with OpenVINO (bench/bench_ocr.py), with
the same text on every line of it; detection 1.5 -> 0.65 s, recognition 1.9 -> 1.1 s.
Detection (`ocr_detect`) is compiled per page size; recognition (`ocr_rec`) runs lines of
one padded width together. OpenVINO computes in bfloat16 where the CPU has it (AVX512_BF16,
as here) and in float32 elsewhere, which is a quarter slower and reads a few borderline
characters otherwise (`samples/score.py scanned` 0.9966 in bfloat16, 0.9948 in float32:
only the blurred 150 dpi scan differs).

The engine is optional (the `ocr` extra). `available()` says whether it can run and, if not,
why; the engine is built once per process, on first use, with one thread (workers are the
parallelism).
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from numpy.typing import NDArray

INSTALL_HINT = "install the OCR extra: pip install 'jixiao-extract[ocr]'"
_MODELS = ("PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx")
_DETECT_SIDE = 2000
_MIN_SCORE = 0.3  # text lines recognised with less than this are noise (speckle, seal strokes)

_lock = threading.Lock()
_engine: Any = None
# One page at a time per process: OpenVINO's infer requests and the detector's input buffer
# are the engine's own, not safe to share between threads (workers are processes).
_reading = threading.Lock()


@dataclass(frozen=True, slots=True)
class Glyph:
    """One recognised character: its box in pixels and the model's confidence in it."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float
    line_height: float  # of the text line it was read in
    line: int  # that line's number on the page


def _model_dir() -> Path | None:
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "models"


def available() -> str | None:
    """None when OCR can run here, else the reason it cannot (one line, with the fix)."""
    for module in ("rapidocr", "openvino", "cv2"):
        if importlib.util.find_spec(module) is None:
            return f"OCR is not installed ({module} is missing); {INSTALL_HINT}"
    models = _model_dir()
    missing = [m for m in _MODELS if models is None or not (models / m).is_file()]
    if missing:
        return f"the OCR models are missing ({', '.join(missing)}); {INSTALL_HINT}"
    return None


def _build() -> Any:
    from rapidocr import EngineType, RapidOCR

    from extract.parsers import ocr_boxes, ocr_detect, ocr_rec  # need the extra's packages

    models = _model_dir()
    assert models is not None
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    params = {
        "Global.log_level": "error",
        "Global.use_cls": False,  # pages are upright once straightened
        "Global.return_word_box": True,
        "Global.return_single_char_box": True,
        "Global.text_score": _MIN_SCORE,
        "Det.engine_type": EngineType.OPENVINO,
        "Det.model_path": str(models / _MODELS[0]),
        # Text is found on the page scaled to 2,000 pixels on its long side (rapidocr's own
        # cap). Smaller is faster (1,600: detection 1.86 -> 1.1 s a page on ONNX Runtime) but
        # merges lines across a table's rows: a ruling erased with them, cells merged (a
        # scan's field accuracy 0.99 -> 0.46 at 1,600; 0.92 overall at 1,280; on OpenVINO at
        # 1,800, 0.9931 -> 0.9893 overall).
        "Det.limit_type": "max",
        "Det.limit_side_len": _DETECT_SIDE,
        "Global.max_side_len": 10_000,
        "Rec.engine_type": EngineType.OPENVINO,
        "Rec.model_path": str(models / _MODELS[1]),
        "Rec.rec_img_shape": [3, 48, 48],  # short cells are not padded to 320 pixels wide
        "EngineConfig.openvino.inference_num_threads": 1,
        "EngineConfig.openvino.performance_hint": "LATENCY",
        "EngineConfig.openvino.num_streams": 1,
    }
    ocr: Any = RapidOCR(params=params)  # its loaders are untyped
    ocr.text_det = ocr_detect.Detector(ocr._load_det_model(), models / _MODELS[0])
    ocr.text_rec = ocr_rec.Recogniser(ocr._load_rec_model())
    ocr.cal_rec_boxes = ocr_boxes.WordBoxes()
    return ocr


def engine() -> Any:
    global _engine
    with _lock:
        if _engine is None:
            _engine = _build()
        return _engine


def recognise(image: NDArray[Any]) -> list[Glyph]:
    """Every character on the page image (RGB or grey), in pixels of that image."""
    import numpy as np

    rgb = np.dstack([image] * 3) if image.ndim == 2 else image
    ocr = engine()
    with _reading:
        result = ocr(rgb)
    words = getattr(result, "word_results", None) or ()
    out: list[Glyph] = []
    for number, line in enumerate(words):
        if not line:
            continue
        boxes = [item[2] for item in line if item and item[2] is not None]
        if not boxes:
            continue
        ys = [p[1] for box in boxes for p in box]
        line_height = float(max(ys) - min(ys))
        for text, score, box in line:
            if box is None or not text:
                continue
            xs = [p[0] for p in box]
            ys = [p[1] for p in box]
            out.append(
                Glyph(
                    str(text),
                    float(min(xs)),
                    float(min(ys)),
                    float(max(xs)),
                    float(max(ys)),
                    float(score),
                    line_height,
                    number,
                )
            )
    return out
