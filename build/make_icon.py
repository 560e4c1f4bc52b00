"""Draw the application icon: ``resources/icons/app.png`` (256 px) and ``build/app.ico`` (16–256 px).

    python build/make_icon.py

A roster card on the association's blue, with a red seal: drawn with paths only (no font), so
it looks the same on every machine. The outputs are committed; run this only to change them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    # the tile
    gradient = QLinearGradient(QPointF(0, 0), QPointF(0, 256))
    gradient.setColorAt(0, QColor("#2f6db5"))
    gradient.setColorAt(1, QColor("#17406f"))
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(8, 8, 240, 240), 48, 48)
    p.fillPath(tile, QBrush(gradient))
    # the roster card, slightly tilted
    p.save()
    p.translate(128, 132)
    p.rotate(-6)
    card = QPainterPath()
    card.addRoundedRect(QRectF(-70, -86, 140, 172), 12, 12)
    p.fillPath(card.translated(5, 6), QColor(0, 0, 0, 60))
    p.fillPath(card, QColor("#fbfaf6"))
    p.fillRect(QRectF(-70, -86, 140, 30), QColor("#c9d8ec"))
    pen = QPen(QColor("#5b7ba3"), 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    for y in (-26, 4, 34):
        p.drawLine(QPointF(-48, y), QPointF(-28, y))
        p.drawLine(QPointF(-12, y), QPointF(48, y))
    p.restore()
    # the seal
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#d0342c"))
    p.drawEllipse(QPointF(182, 188), 40, 40)
    p.setBrush(QColor("#fbfaf6"))
    star = QPainterPath()
    import math

    for i in range(10):
        radius = 22 if i % 2 == 0 else 9
        angle = -math.pi / 2 + i * math.pi / 5
        point = QPointF(182 + radius * math.cos(angle), 190 + radius * math.sin(angle))
        star.moveTo(point) if i == 0 else star.lineTo(point)
    star.closeSubpath()
    p.drawPath(star)
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    png = ROOT / "resources" / "icons" / "app.png"
    png.parent.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(png))
    from PIL import Image  # only needed here, to write the multi-size .ico

    frames = []
    tmp = ROOT / "build" / "work" / "icon"
    tmp.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        path = tmp / f"{size}.png"
        draw(size).save(str(path))
        frames.append(Image.open(path).convert("RGBA"))
    frames[-1].save(ROOT / "build" / "app.ico", format="ICO", sizes=[(s, s) for s in SIZES], append_images=frames[:-1])
    print(f"wrote {png.relative_to(ROOT)} and build/app.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
