"""Character boxes for the OCR engine: rapidocr's own placing of each recognised character
in its line, with the way back from the line's crop to the page done for a line's characters
at once.

rapidocr maps each corner of each character's box through the crop's inverse perspective
one point at a time, deep-copies every list first and then sorts each box's corners: 50 ms of
a form page's 85 lines, for boxes the engine only reads the extremes of. Here a line's
corners go through the same matrix in one product, truncated to whole pixels as rapidocr
truncates them, and the corners are given back in the order they were made.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
from rapidocr.cal_rec_boxes import CalRecBoxes
from rapidocr.cal_rec_boxes.main import Direction


class WordBoxes(CalRecBoxes):
    """Stands in for rapidocr's `CalRecBoxes` (same call; each box the same corners)."""

    def __call__(
        self,
        imgs: list[Any],
        dt_boxes: Any,
        rec_res: Any,
        return_single_char_box: bool = False,
    ) -> Any:
        word_results = []
        for index, (img, box) in enumerate(zip(imgs, dt_boxes, strict=False)):
            if rec_res.txts is None or img.size == 0 or rec_res.word_results is None:
                continue
            h, w = img.shape[:2]
            crop = np.array([[0, 0], [w, 0], [w, h], [0, h]])
            contents, boxes, confidences = self.cal_ocr_word_box(
                rec_res.txts[index], crop, rec_res.word_results[index], return_single_char_box
            )
            boxes = self.adjust_box_overlap(boxes)  # a new list: no copy needed
            if self.get_box_direction(box) is Direction.VERTICAL:
                placed = self.reverse_rotate_crop_image(box.copy(), boxes, Direction.VERTICAL)
            else:
                placed = to_page(box, boxes)
            word_results.append(list(zip(contents, confidences, placed, strict=False)))
        rec_res.word_results = tuple(word_results)
        return rec_res


def to_page(box: Any, boxes: list[list[list[float]]]) -> list[list[list[int]]]:
    """Boxes in a horizontal line's crop, in pixels of the page: rapidocr's
    `reverse_rotate_crop_image` for every corner of the line at once."""
    if not boxes:
        return []
    points = np.array(box, dtype=np.float32)  # the detector's box, as rapidocr holds it
    left = int(np.min(points[:, 0]))
    top = int(np.min(points[:, 1]))
    points[:, 0] -= left
    points[:, 1] -= top
    width = int(np.linalg.norm(points[0] - points[1]))
    height = int(np.linalg.norm(points[0] - points[3]))
    crop = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    _, inverse = cv2.invert(cv2.getPerspectiveTransform(points, crop))
    corners = np.array(boxes, dtype=np.float64).reshape(-1, 2)
    mapped = np.c_[corners, np.ones(len(corners))] @ inverse.T
    xy = mapped[:, :2] / mapped[:, 2:3] + (left, top)
    out: list[list[list[int]]] = xy.astype(np.int64).reshape(-1, 4, 2).tolist()
    return out
