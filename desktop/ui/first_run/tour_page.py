"""Wizard page 5: a short tour of the Today view, one tip at a time."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)


class TourPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.cards = QStackedWidget()
        self.card_titles: list[QLabel] = []
        self.card_texts: list[QLabel] = []
        for _ in range(4):
            card = QWidget()
            box = QVBoxLayout(card)
            title, text = QLabel(), QLabel()
            font = title.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            font.setBold(True)
            title.setFont(font)
            text.setWordWrap(True)
            box.addWidget(title)
            box.addWidget(text)
            box.addStretch(1)
            self.card_titles.append(title)
            self.card_texts.append(text)
            self.cards.addWidget(card)
        layout.addWidget(self.cards, 1)
        row = QHBoxLayout()
        self.previous, self.next_tip = QPushButton(), QPushButton()
        self.position = QLabel()
        self.previous.clicked.connect(lambda: self.show_card(self.cards.currentIndex() - 1))
        self.next_tip.clicked.connect(lambda: self.show_card(self.cards.currentIndex() + 1))
        row.addWidget(self.previous)
        row.addWidget(self.position)
        row.addStretch(1)
        row.addWidget(self.next_tip)
        layout.addLayout(row)
        self.retranslate()
        self.show_card(0)

    def show_card(self, index: int) -> None:
        index = max(0, min(index, self.cards.count() - 1))
        self.cards.setCurrentIndex(index)
        self.previous.setEnabled(index > 0)
        self.next_tip.setEnabled(index < self.cards.count() - 1)
        self.position.setText(self.tr("Tip %1 of %2").replace("%1", str(index + 1))
                              .replace("%2", str(self.cards.count())))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your Today view"))
        self.setSubTitle(self.tr("Relais opens on Today. Four things to know before you start."))
        tips = [
            (self.tr("Today's work"),
             self.tr("Today lists the visits planned for today, the calls to make and the care "
                     "plans whose review date has come. Press Enter on a line to open it.")),
            (self.tr("Needs attention"),
             self.tr("Below, Relais gathers what waits for you: a request not yet clarified, a "
                     "consent to record, an item the server could not accept.")),
            (self.tr("A person's dossier"),
             self.tr("A dossier holds the request, the assessments, the ecomap, the care plan "
                     "and the handout you print for the person at home.")),
            (self.tr("Keyboard and safety"),
             self.tr("Alt+1 to Alt+9 switch pages and Ctrl+L locks Relais at once. Relais also "
                     "locks itself after 10 minutes without activity.")),
        ]
        for (title, text), t_label, x_label in zip(tips, self.card_titles, self.card_texts,
                                                   strict=True):
            t_label.setText(title)
            x_label.setText(text)
        self.previous.setText(self.tr("&Previous tip"))
        self.next_tip.setText(self.tr("Ne&xt tip"))
        self.show_card(self.cards.currentIndex())
