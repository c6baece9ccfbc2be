"""Text detection for the OCR engine: rapidocr's own resize and post-processing around the
PP-OCR detection model, run by OpenVINO compiled for each page size.

Tried and dropped: detecting only the rows of a page that hold print (the smallest window of
whole quarters of the page around every mark bigger than a speck) saved 0.17 s of a form
page printed on three quarters of its sheet, but each window size is a model compiled for
its shape, which keeps 100-150 MiB: a worker reading six scans grew to 1.4 GiB (0.9 GiB
detecting whole pages). The model also pools over its whole input, so a window moves boxes
by a few pixels. Detecting every page as two half-page tiles of one shape, with 32 rows of
context across the middle and a blank half skipped, cut a form scan's accuracy to 0.65.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

CPU = {"INFERENCE_NUM_THREADS": "1", "PERFORMANCE_HINT": "LATENCY", "NUM_STREAMS": "1"}
SHAPES_KEPT = 4  # detection models compiled for input sizes met, the oldest dropped past this


class FixedShape:
    """The detection model compiled for each input shape it is given. A model compiled for
    any shape kept the largest page's buffers (615 against 355 MiB) and ran 15% slower."""

    def __init__(self, model_path: Path) -> None:
        import openvino

        self._core = openvino.Core()
        self._core.set_property("CPU", CPU)
        self._path = model_path
        self._compiled: dict[tuple[int, ...], Any] = {}

    def __call__(self, batch: NDArray[Any]) -> NDArray[Any]:
        shape = tuple(batch.shape)
        request = self._compiled.pop(shape, None)
        if request is None:
            model = self._core.read_model(str(self._path))
            model.reshape(list(shape))
            request = self._core.compile_model(model, "CPU").create_infer_request()
            while len(self._compiled) >= SHAPES_KEPT:
                del self._compiled[next(iter(self._compiled))]
        self._compiled[shape] = request  # most recent last
        request.infer([batch], share_inputs=True)  # read in place, not copied first
        out: NDArray[Any] = request.get_output_tensor().data
        return out.copy()


class Detector:
    """Stands in for rapidocr's `TextDetector` (same call, same output), its input made by a
    table of the 256 grey levels and its model compiled per page size."""

    def __init__(self, detector: Any, model_path: Path) -> None:
        self._preprocess = detector.get_preprocess()
        self._boxes = detector.postprocess_op
        self._sorted = detector.sorted_boxes
        self._table = grey_table(self._preprocess)
        self._model = FixedShape(model_path)
        # The model's input, kept from page to page: a new one each page is 33 MB of memory
        # the system hands over page by page (20-30 ms).
        self._input: NDArray[Any] = np.empty(0, dtype=np.float32)

    def __call__(self, image: NDArray[Any]) -> Any:
        from rapidocr.ch_ppocr_det.utils import TextDetOutput

        start = time.perf_counter()
        resized = self._preprocess.resize(image)
        if resized is None:
            return TextDetOutput()
        shape = (1, resized.shape[2], *resized.shape[:2])
        if self._input.shape != shape:
            self._input = np.empty(shape, dtype=np.float32)
        scores = self._model(model_input(self._table, resized, self._input))
        boxes, box_scores = self._boxes(scores, image.shape[:2])
        if len(boxes) < 1:
            return TextDetOutput()
        elapse = time.perf_counter() - start
        return TextDetOutput(image, self._sorted(boxes), box_scores, elapse=elapse)


def grey_table(preprocess: Any) -> NDArray[Any]:
    """Each grey level's value in each channel of the model's input, made by rapidocr's own
    normalisation (float64 per pixel), so a table lookup gives the same values to the bit."""
    levels = np.repeat(np.arange(256, dtype=np.uint8).reshape(1, 256, 1), 3, axis=2)
    table: NDArray[Any] = np.asarray(preprocess.normalize(levels), dtype=np.float32)[0]
    return np.ascontiguousarray(table.T)  # (3 channels, 256 levels)


def model_input(
    table: NDArray[Any], image: NDArray[Any], out: NDArray[Any] | None = None
) -> NDArray[Any]:
    """The image (h, w, 3) in the model's (1, 3, h, w) layout (into `out` when given), each
    channel through its row of the table (5 ms a page, against 0.5 s for rapidocr's float
    arithmetic, transpose and copy)."""
    if out is None:
        out = np.empty((1, image.shape[2], *image.shape[:2]), dtype=np.float32)
    for channel, plane in enumerate(cv2.split(image)):
        cv2.LUT(plane, table[channel], dst=out[0, channel])
    return out
