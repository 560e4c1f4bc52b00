"""The yardstick of the start-up benchmarks: an empty PySide6 main window, timed to its first paint
exactly as the program's first window is (the first paint event, then one turn of the event loop).

    python tests/benchmarks/bare_window.py      # prints "shown" and quits

Nothing else is imported, so that an outside timer can compare whole processes with it.
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1360, 820)
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
app.exec()
