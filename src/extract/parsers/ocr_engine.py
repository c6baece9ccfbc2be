"""Text recognition on a page image, through RapidOCR (PP-OCR models run by OpenVINO).

Chosen over Tesseract `chi_sim` on our own scanned samples (see the commit that added it): on a
200 dpi indicator page Tesseract read `≥90%` as `=90%`, `满意率` as `汪意李` and lost the cells
under a seal, while PP-OCR read them right. The models ship inside the `rapidocr` wheel and are
loaded from there by path, so nothing is ever downloaded: a machine without internet works.

The models run on OpenVINO rather than ONNX Runtime (rapidocr's default): on one core a 200 dpi
form page took 3.8 s with ONNX Runtime and 2.1-2.2 s with OpenVINO (bench/bench_ocr.py), with
the same text on every line of it; detection 1.5 -> 0.65 s, recognition 1.9 -> 1.1 s. The
detection model is compiled for each page size it meets (a fixed shape): compiled for any
shape, OpenVINO kept the largest page's buffers (615 against 355 MiB) and ran 15% slower.

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


_CPU = {"INFERENCE_NUM_THREADS": "1", "PERFORMANCE_HINT": "LATENCY", "NUM_STREAMS": "1"}
_WIDTH_STEP = 32  # pixels (at the recogniser's 48 pixels high)
_SHAPES_KEPT = 4  # detection models compiled for page sizes met, the oldest dropped past this


class _FixedShape:
    """The detection model compiled for each input shape it is given (a page size)."""

    def __init__(self, model_path: Path) -> None:
        import openvino

        self._core = openvino.Core()
        self._core.set_property("CPU", _CPU)
        self._path = model_path
        self._compiled: dict[tuple[int, ...], Any] = {}

    def __call__(self, batch: NDArray[Any]) -> NDArray[Any]:
        shape = tuple(batch.shape)
        request = self._compiled.pop(shape, None)
        if request is None:
            model = self._core.read_model(str(self._path))
            model.reshape(list(shape))
            request = self._core.compile_model(model, "CPU").create_infer_request()
            while len(self._compiled) >= _SHAPES_KEPT:
                del self._compiled[next(iter(self._compiled))]
        self._compiled[shape] = request  # most recent last
        request.infer([batch])
        out: NDArray[Any] = request.get_output_tensor().data
        return out.copy()


def _build() -> Any:
    from rapidocr import EngineType, RapidOCR

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
        "Rec.rec_batch_num": 1,  # lines of one width each: no padding (6: 5-10% slower)
        "EngineConfig.openvino.inference_num_threads": 1,
        "EngineConfig.openvino.performance_hint": "LATENCY",
        "EngineConfig.openvino.num_streams": 1,
    }
    ocr: Any = RapidOCR(params=params)  # its loaders are untyped
    detector = ocr._load_det_model()
    detector.session = _FixedShape(models / _MODELS[0])
    _normalise_by_table(detector)
    _widths_in_steps(ocr._load_rec_model())
    return ocr


def _widths_in_steps(recogniser: Any) -> None:
    """Each text line padded to a width in whole steps of `_WIDTH_STEP`, so the pages of a
    document meet input shapes OpenVINO has prepared already: each new shape costs it set-up
    time and memory it keeps (a page's first reading took 2.7 s and its second 2.0 s; a worker
    grew by 50 MiB a page, 937 MiB at a 5-page scan's end, now 733). The decoder is told the
    padded width, so the characters keep their places."""
    step = _WIDTH_STEP
    height = int(recogniser.rec_image_shape[1])

    def stepped(ratio: float) -> float:
        width = -(-int(height * ratio) // step) * step
        return (width + 0.5) / height  # int(height * ratio) gives `width` back

    resize = recogniser.resize_norm_img
    decode = recogniser.postprocess_op

    def resize_norm_img(image: NDArray[Any], max_wh_ratio: float) -> NDArray[Any]:
        return resize(image, stepped(max_wh_ratio))  # type: ignore[no-any-return]

    def postprocess(preds: Any, return_word_box: bool, **kwargs: Any) -> Any:
        kwargs["max_wh_ratio"] = stepped(kwargs.get("max_wh_ratio", 1.0))
        return decode(preds, return_word_box, **kwargs)

    recogniser.resize_norm_img = resize_norm_img
    recogniser.postprocess_op = postprocess


def _normalise_by_table(detector: Any) -> None:
    """The detector's input scaled by a table of the 256 grey levels straight into the
    model's (1, 3, h, w) layout, not in float64 per pixel and then transposed and copied
    (0.5 s of a page, now 0.03 s); the table is made by rapidocr's own normalisation, so the
    values are the same to the bit."""
    import numpy as np

    make = detector.get_preprocess
    levels = np.repeat(np.arange(256, dtype=np.uint8).reshape(1, 256, 1), 3, axis=2)
    table = np.asarray(make().normalize(levels), dtype=np.float32)[0]  # (256 levels, 3)

    def get_preprocess() -> Any:
        preprocess = make()

        def prepare(image: NDArray[Any]) -> NDArray[Any] | None:
            resized = preprocess.resize(image)
            if resized is None:
                return None
            out = np.empty((1, resized.shape[2], *resized.shape[:2]), dtype=np.float32)
            for channel in range(resized.shape[2]):
                np.take(table[:, channel], resized[..., channel], out=out[0, channel])
            return out

        return prepare

    detector.get_preprocess = get_preprocess


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
    result = engine()(rgb)
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
