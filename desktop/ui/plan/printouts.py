"""The Plan tab's documents: the bar that chooses their language, large print and the
medication on the handout; printing the handout or the summary (on paper or as a PDF named
after the patient and the day); rendering on a worker, then opening the PDF in the system
viewer. The letters to the GP print through the same path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton

from desktop.services import documents, patients, preferences
from desktop.ui import printing
from desktop.ui.plan.base import PlanBase
from desktop.ui.workers import run_in_background


class PlanPrintouts(PlanBase):
    open_after_print: bool  # tests turn the system viewer off
    last_printed: Path | None

    def _make_print_bar(self) -> QHBoxLayout:
        prints = QHBoxLayout()
        self.lang = QComboBox()
        for code, name in (("fr", "Français"), ("nl", "Nederlands"), ("en", "English")):
            self.lang.addItem(name, code)
        self.lang.setAccessibleName(self.tr("Language of the documents"))
        self.large = QCheckBox(self.tr("Large print"))
        self.with_medication = QCheckBox(self.tr("Medication on the handout"))
        self.handout_button = QPushButton(self.tr("Print the &handout…"))
        self.summary_button = QPushButton(self.tr("Print the &summary…"))
        self.print_status = QLabel()
        prints.addWidget(QLabel(self.tr("Documents in")))
        prints.addWidget(self.lang)
        prints.addWidget(self.large)
        prints.addWidget(self.with_medication)
        prints.addWidget(self.handout_button)
        prints.addWidget(self.summary_button)
        prints.addWidget(self.print_status, 1)
        self.handout_button.clicked.connect(lambda: self.print_handout())
        self.summary_button.clicked.connect(lambda: self.print_summary())
        return prints

    def _documents_in_patient_language(self) -> None:
        """Documents default to the patient's language."""
        spoken = patients.get_patient(self.ctx, self.patient_id).languages
        lang = next((x for x in spoken if x in ("fr", "nl", "en")), None)
        if lang:
            self.lang.setCurrentIndex(self.lang.findData(lang))

    def _ask_path(self, default: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the document"),
                                              str(Path.home() / default), "PDF (*.pdf)")
        return path or None

    def _print(self, job: Callable[[str], object], path: str | None, default: str,
               on_error: Callable[[BaseException, str], None] | None = None) -> None:
        target = path or self._ask_path(default)
        if not target:
            return
        self.print_status.setText(self.tr("Preparing the document…"))
        run_in_background(self, lambda: job(target), self._printed,
                          lambda exc: (on_error or self._print_failed)(exc, target))

    def _printed(self, path: object) -> None:
        self.last_printed = Path(str(path))
        self.print_status.setText(self.tr("Saved: {path}").format(path=str(path)))
        if self.open_after_print:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _print_failed(self, exc: BaseException, path: str | None = None) -> None:
        self.print_status.setText("")
        self._error(exc)

    def _file_name(self, kind: str) -> str:
        p = self.dossier.patient
        return printing.default_file_name(kind, p.family_name, p.given_name, self.ctx.today())

    def _print_flow(self, kind: str, job: Callable[[str], object],
                    render: Callable[[], bytes]) -> printing.PrintFlow:
        """The button: warn when the case manager's phone is missing (handout), then print
        on paper or save a PDF named after the patient and the date."""
        p = self.dossier.patient
        self.print_flow = printing.PrintFlow(
            self, kind=kind, family_name=p.family_name, given_name=p.given_name,
            today=self.ctx.today(), save=lambda target: self._print(job, target, ""),
            render=render, on_error=self._print_failed, on_status=self.print_status.setText,
            phone_missing=(kind == "handout"
                           and preferences.profile(self.ctx).case_manager_phone is None),
            open_settings=self._open_settings)
        return self.print_flow.start()

    def _open_settings(self) -> None:
        window = self.dossier.main_window
        window.show_page("settings")
        window.raise_()
        window.activateWindow()

    def print_handout(self, path: str | None = None) -> printing.PrintFlow | None:
        lang, large = self.lang.currentData(), self.large.isChecked()
        medicines = self.with_medication.isChecked()

        def job(p: str) -> object:
            return documents.write_handout(self.ctx, self.patient_id, p, lang=lang, large=large,
                                           with_medication=medicines)

        if path is None:
            return self._print_flow("handout", job, lambda: documents.render_for_printer(
                self.ctx, self.patient_id, "handout", lang=lang, large=large,
                with_medication=medicines))
        self._print(job, path, "")
        return None

    def print_summary(self, path: str | None = None) -> printing.PrintFlow | None:
        lang = self.lang.currentData()

        def job(p: str) -> object:
            return documents.write_summary(self.ctx, self.patient_id, p, lang=lang)

        if path is None:
            return self._print_flow("summary", job, lambda: documents.render_for_printer(
                self.ctx, self.patient_id, "summary", lang=lang))
        self._print(job, path, "")
        return None
