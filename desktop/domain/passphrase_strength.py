"""Passphrase strength feedback for the vault creation step.

A rough guessing-entropy estimate: the character pool a passphrase draws from, discounted for
repeats, keyboard or alphabet runs and very common words. It guides the user; the only hard rule
is the vault's minimum length (8 characters).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

MIN_LENGTH = 8  # same as desktop.storage.vault.MIN_PASSPHRASE (domain imports nothing else)

LEVELS = ("too_short", "weak", "fair", "good", "strong")
_THRESHOLDS = ((80, "strong"), (60, "good"), (40, "fair"))

# Words people put in passphrases first; each one counts as a single guess, not its letters.
COMMON = frozenset("""
password motdepasse wachtwoord passe secret geheim azerty qwerty qwertz admin welcome bienvenue
welkom relais soleil zonnetje bonjour hallo hello love amour liefde belgique belgie belgium
bruxelles brussel namur liege gent antwerpen charleroi test abc letmein iloveyou dragon monkey
""".split())
_RUNS = ("abcdefghijklmnopqrstuvwxyz", "0123456789", "azertyuiopqsdfghjklmwxcvbn",
         "qwertyuiopasdfghjklzxcvbnm")


@dataclass(frozen=True)
class Strength:
    level: str          # one of LEVELS
    score: int          # 0 (too short) .. 4 (strong)
    bits: float         # estimated entropy
    hints: tuple[str, ...]  # message codes: "passphrase.hint.<what>"

    @property
    def acceptable(self) -> bool:
        return self.score > 0


def _pool(text: str) -> int:
    pool = 0
    if re.search(r"[a-z]", text):
        pool += 26
    if re.search(r"[A-Z]", text):
        pool += 26
    if re.search(r"[0-9]", text):
        pool += 10
    if re.search(r"[^A-Za-z0-9\s]", text):
        pool += 33
    if re.search(r"\s", text):
        pool += 1
    return max(pool, 1)


def _effective_length(text: str) -> tuple[float, set[str]]:
    """Characters that add real guessing work, and hint codes for what was discounted."""
    hints: set[str] = set()
    lowered = text.lower()
    length = 0.0
    prev = ""
    run = 0
    for i, ch in enumerate(lowered):
        pair = lowered[max(0, i - 1):i + 1]
        if ch == prev:
            run += 1
            length += 0.25  # "aaaa" adds almost nothing
            if run >= 2:
                hints.add("passphrase.hint.repeats")
        elif len(pair) == 2 and any(pair in seq for seq in _RUNS):
            length += 0.35  # "abcd", "1234", "azerty"
            run = 0
            hints.add("passphrase.hint.sequences")
        else:
            length += 1
            run = 0
        prev = ch
    for word in re.findall(r"[a-zà-ÿ]+", lowered):
        if word in COMMON:
            # a common word is one guess among a few thousand (~12 bits), not len(word) chars
            length -= max(0.0, len(word) - 2.5)
            hints.add("passphrase.hint.common_word")
    # many characters drawn from very few distinct ones ("::::::::", "abababab") stay weak
    distinct = len(set(lowered))
    if length > 3 * distinct:
        length = 3.0 * distinct
        hints.add("passphrase.hint.repeats")
    return max(length, 0.0), hints


def evaluate(passphrase: str) -> Strength:
    if len(passphrase) < MIN_LENGTH:
        return Strength("too_short", 0, 0.0, ("passphrase.hint.min_length",))
    effective, hints = _effective_length(passphrase)
    bits = effective * math.log2(_pool(passphrase))
    level = "weak"
    for threshold, name in _THRESHOLDS:
        if bits >= threshold:
            level = name
            break
    if level not in ("weak", "fair"):
        return Strength(level, LEVELS.index(level), round(bits, 1), ())
    hints.add("passphrase.hint.longer")
    if len(re.findall(r"\S+", passphrase)) < 3:
        hints.add("passphrase.hint.words")
    return Strength(level, LEVELS.index(level), round(bits, 1), tuple(sorted(hints)))
