"""Printing documents: print on paper through the system's print dialog, or save a PDF under a
name that says whose document it is and of when ("Fiche-Dupont-Marie-2026-12-06.pdf").

Printing never writes the PDF to disk: the document is rendered in memory (on a worker), its
pages drawn as images (pypdfium2) on the printer the user chose in QPrintDialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from desktop.domain.file_names import document_file_name

PRINT_DPI = 300
_FORMATS = {"RGB": QImage.Format.Format_RGB888, "RGBX": QImage.Format.Format_RGBX8888,
            "RGBA": QImage.Format.Format_RGBA8888, "L": QImage.Format.Format_Grayscale8}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def kind_names() -> dict[str, str]:
    """The first word of a saved document's default file name, in the UI's language."""
    return {"handout": _tr("Handout"), "summary": _tr("Summary"),
            "gp_letter": _tr("Letter-GP"), "plan": _tr("Plan"), "ecomap": _tr("Ecomap"),
            "who_does_what": _tr("Who-does-what"), "export": _tr("Export")}


def default_file_name(kind: str, family_name: str | None, given_name: str | None,
                      on: dt.date, extension: str = "pdf") -> str:
    return document_file_name(kind_names().get(kind, kind), family_name, given_name, on,
                              extension)


def ask_save_path(parent: QWidget | None, title: str, file_name: str,
                  file_filter: str = "PDF (*.pdf)") -> str | None:
    """The save dialog, in the user's documents folder with the suggested name."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / file_name),
                                          file_filter)
    return path or None


def choose_print_or_save(parent: QWidget, on_print: Callable[[], None],
                         on_save: Callable[[], None]) -> QMessageBox:
    """"Print…" offers both: the system's print dialog, or a PDF saved where the user wants.
    Non-blocking (open()); the choice calls `on_print` or `on_save`."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Print"),
                      _tr("Print on paper, or save a PDF file?"),
                      QMessageBox.StandardButton.Cancel, parent)
    print_button = box.addButton(_tr("&Print…"), QMessageBox.ButtonRole.AcceptRole)
    save_button = box.addButton(_tr("Save as P&DF…"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(print_button)
    box.setProperty("relais_print_button", print_button)
    box.setProperty("relais_save_button", save_button)

    def chosen() -> None:
        clicked = box.clickedButton()
        if clicked is print_button:
            on_print()
        elif clicked is save_button:
            on_save()

    box.finished.connect(lambda _r: chosen())
    box.open()
    return box


def choice_buttons(box: QMessageBox) -> tuple[QPushButton, QPushButton]:
    return box.property("relais_print_button"), box.property("relais_save_button")


def open_print_dialog(parent: QWidget, pdf: bytes, title: str,
                      on_printed: Callable[[int], None] | None = None) -> QPrintDialog:
    """The system's print dialog for an in-memory PDF; OK prints every page."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("Print"))

    def accepted() -> None:
        pages = print_pdf(printer, pdf)
        if on_printed is not None:
            on_printed(pages)

    dialog.accepted.connect(accepted)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()  # non-blocking, like QDialog.open()
    return dialog


def print_pdf(printer: QPrinter, pdf: bytes, dpi: int = PRINT_DPI) -> int:
    """Draw each page of `pdf` on `printer` (scaled to the printable area, aspect kept).
    Returns the number of pages printed."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        return 0
    count = 0
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            pixels = bytes(bitmap.buffer)
            image = QImage(pixels, bitmap.width, bitmap.height, bitmap.stride,
                           _FORMATS.get(bitmap.mode, QImage.Format.Format_RGBX8888)).copy()
            bitmap.close()
            page.close()
            if count:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
            count += 1
    finally:
        painter.end()
        document.close()
    return count


class PrintFlow:
    """What "Print…" does for a patient's document: warn when the case manager's phone is
    missing (it belongs in the handout's emergency box; the warning can open the Settings),
    then print on paper or save a PDF under the patient's name and today's date.

    `save(path)` writes the PDF (the tab's own worker and audit); `render()` returns the PDF
    bytes for the printer (run on a worker, audited by the service)."""

    def __init__(self, parent: QWidget, *, kind: str, family_name: str | None,
                 given_name: str | None, today: dt.date, save: Callable[[str], None],
                 render: Callable[[], bytes] | None, on_error: Callable[[BaseException], None],
                 phone_missing: bool = False,
                 open_settings: Callable[[], None] | None = None,
                 on_status: Callable[[str], None] | None = None) -> None:
        self.parent, self.kind = parent, kind
        self.file_name = default_file_name(kind, family_name, given_name, today)
        self.save_fn, self.render, self.on_error = save, render, on_error
        self.phone_missing, self.open_settings = phone_missing, open_settings
        self.on_status = on_status or (lambda _t: None)
        self.warning: QMessageBox | None = None
        self.choice: QMessageBox | None = None
        self.dialog: QPrintDialog | None = None
        self.pages_printed: int | None = None

    def start(self) -> PrintFlow:
        if self.phone_missing:
            self.warn_phone()
        else:
            self.choose()
        return self

    def warn_phone(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, _tr("Print"),
                          _tr("Your phone number is not in the Settings: the emergency box of "
                              "the handout will have no number to reach the case manager."),
                          QMessageBox.StandardButton.Cancel, self.parent)
        self.settings_button = box.addButton(_tr("Open the &Settings"),
                                             QMessageBox.ButtonRole.ActionRole)
        self.anyway_button = box.addButton(_tr("Print &anyway"),
                                           QMessageBox.ButtonRole.AcceptRole)
        self.settings_button.setEnabled(self.open_settings is not None)
        box.setDefaultButton(self.settings_button)

        def chosen() -> None:
            clicked = box.clickedButton()
            if clicked is self.settings_button and self.open_settings is not None:
                self.open_settings()
            elif clicked is self.anyway_button:
                self.choose()

        box.finished.connect(lambda _r: chosen())
        box.open()
        self.warning = box
        return box

    def choose(self) -> QMessageBox | None:
        if self.render is None:
            self.save()
            return None
        self.choice = choose_print_or_save(self.parent, self.print_on_paper, self.save)
        return self.choice

    def save(self) -> None:
        path = ask_save_path(self.parent, _tr("Save the document"), self.file_name)
        if path:
            self.save_fn(path)

    def print_on_paper(self) -> None:
        from desktop.ui.workers import run_in_background

        assert self.render is not None
        self.on_status(_tr("Preparing the document…"))

        def failed(exc: BaseException) -> None:
            self.on_status("")
            self.on_error(exc)

        run_in_background(self.parent, self.render, self._rendered, failed)

    def _rendered(self, pdf: object) -> None:
        self.on_status("")
        self.dialog = open_print_dialog(self.parent, bytes(pdf),  # type: ignore[call-overload]
                                        self.file_name, self._printed)

    def _printed(self, pages: int) -> None:
        self.pages_printed = pages
        self.on_status(_tr("Sent to the printer."))
