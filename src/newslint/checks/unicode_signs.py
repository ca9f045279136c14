"""SP203, SP204, SP206: Devanagari signs typed twice, with nothing to sit on, or in the wrong order.

A Devanagari syllable is encoded in one order: consonant, nukta, (halant + consonant …), vowel
sign, then anusvara/chandrabindu. Sequences outside that order render with a dotted circle (◌) in
HarfBuzz-based browsers and apps, or look right in one font and wrong in another, and they
always break search and spell-check.
"""



from newslint.checks.unicode_chars import (
    ALL_MATRAS,
    CONSONANTS,
    NASALS,
    NUKTA,
    NUKTA_BASES,
    PRECOMPOSED_NUKTA,
    VIRAMA,
    expand,
    is_consonant,
    is_devanagari,
    is_independent_vowel,
    is_matra,
    sign_name,
    word_around,
)
from newslint.compiled import compile_re, compile_regex
from newslint.rule import Rule, Suggestion

# ---------------------------------------------------------------------------------------------
# SP203

# An independent vowel followed by a vowel sign that together imitate another vowel letter.
# Unicode core specification, Table 12-1 ("Devanagari vowel letters: do not use"); HarfBuzz shows
# these with a dotted circle (hb-ot-shaper-vowel-constraints).
VOWEL_LETTER_PLUS_SIGN = {
    "\u0905\u093e": "\u0906",  # अ + ा → आ
    "\u0905\u0945": "\u0972",  # अ + ॅ → ॲ
    "\u0905\u0946": "\u0904",  # अ + ॆ → ऄ
    "\u0905\u0949": "\u0911",  # अ + ॉ → ऑ
    "\u0905\u094a": "\u0912",  # अ + ॊ → ऒ
    "\u0905\u094b": "\u0913",  # अ + ो → ओ
    "\u0905\u094c": "\u0914",  # अ + ौ → औ
    "\u0905\u093a": "\u0973",  # अ + ऺ → ॳ
    "\u0905\u093b": "\u0974",  # अ + ऻ → ॴ
    "\u0905\u094f": "\u0975",  # अ + ॏ → ॵ
    "\u0905\u0956": "\u0976",  # अ + ॖ → ॶ
    "\u0905\u0957": "\u0977",  # अ + ॗ → ॷ
    "\u0906\u0945": "\u0911",  # आ + ॅ → ऑ
    "\u0906\u0946": "\u0912",  # आ + ॆ → ऒ
    "\u0906\u0947": "\u0913",  # आ + े → ओ
    "\u0906\u0948": "\u0914",  # आ + ै → औ
    "\u0906\u093a": "\u0974",  # आ + ऺ → ॴ
    "\u0909\u0941": "\u090a",  # उ + ु → ऊ
    "\u090f\u0945": "\u090d",  # ए + ॅ → ऍ
    "\u090f\u0946": "\u090e",  # ए + ॆ → ऎ
    "\u090f\u0947": "\u0910",  # ए + े → ऐ
}
# Two vowel signs that imitate a third one: ा + ॅ looks like ॉ (डाॅक्टर for डॉक्टर), ा + े like ो.
# ा + ॅ is a well-known way of typing ॉ (a stray candra is implausible): a safe fix. ा + े and
# ा + ै are often legacy-font debris for ो/ौ (काे for को) but can also be a stray sign
# (संख्याे for संख्या), so there the composite is only the first suggestion; so is every
# reverse order.
SIGN_PAIR_COMPOSITE = {
    "\u093e\u0945": ("\u0949", True),  # ा + ॅ → ॉ
    "\u093e\u0947": ("\u094b", False),  # ा + े → ो
    "\u093e\u0948": ("\u094c", False),  # ा + ै → ौ
    "\u0945\u093e": ("\u0949", False),  # ॅ + ा → ॉ
    "\u0947\u093e": ("\u094b", False),  # े + ा → ो
    "\u0948\u093e": ("\u094c", False),  # ै + ा → ौ
}
# Each pattern is one character range, repeated: the regex module scans those one to two orders
# of magnitude faster than an alternation or a class of several ranges, so several passes (with a
# cheap check in Python on the rare match) beat one combined pattern.
MATRA_RUN_RE = compile_re("[\u093e-\u094c]{2,}")
MODIFIER_RUN_RES = (
    compile_re("[\u0900-\u0903]{2,}"),  # nasals and visarga
    compile_re(f"{NUKTA}{{2,}}"),
    compile_re(f"{VIRAMA}{{2,}}"),
    compile_re("[\u0962-\u0963]{2,}"),  # vocalic l/ll signs
)
EXTRA_NUKTA_RE = compile_re(f"[\u0958-\u095f]{NUKTA}+")
VOWEL_LETTER_SIGN_RE = compile_re("[\u0905-\u090f][\u093a-\u0957]")  # filtered by the table
NASAL_SET = expand(NASALS)


def _identical_runs(run: str):
    """(offset, length) of each stretch of one repeated character in `run`, length ≥ 2."""
    i = 0
    while i < len(run):
        j = i + 1
        while j < len(run) and run[j] == run[i]:
            j += 1
        if j - i >= 2:
            yield i, j - i
        i = j


class DoubledVowelSign(Rule):
    """A vowel sign, anusvara, nukta or halant typed twice, or two vowel signs on one letter.

    A letter carries at most one vowel sign; a second one (a double tap, or a correction typed
    without deleting the first) renders as a stray sign on a dotted circle in most browsers and
    apps, or piles up invisibly in others, and always breaks search and spell-check. Identical
    repeats are deleted safely. Two different signs (किीमत) are shown with each one kept, for the
    editor to choose. Also flagged, with a safe fix: sequences that imitate a single character —
    ा + ॅ for ॉ (ड\\u093e\\u0945क्टर for डॉक्टर), a vowel letter + sign that Unicode forbids (अ + ा
    for आ, ए + े for ऐ, आ + े for ओ …) — and a nukta added to a letter that already has one.
    ा + े and ा + ै (काे) are offered as ो and ौ first, but not applied automatically: they can
    also be a stray sign (संख्याे for संख्या).

    PASS::

        सरकार ने डॉक्टरों की भर्ती के लिए आवेदन मांगे हैं।

    FAIL::

        सरकाार ने ड\\u093e\\u0945क्टरों की भर्तीी के लिए अावेदन मांगे हैं।

    FIX::

        सरकार ने डॉक्टरों की भर्ती के लिए आवेदन मांगे हैं।
    """

    code = "SP203"
    name = "doubled-vowel-sign"
    category = "spelling"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        prose = doc.prose
        text = doc.text
        floor = doc.front_matter_end
        for match in MATRA_RUN_RE.finditer(prose, floor):
            yield from self._matra_run(text, match.start(), match.end())
        modifier_runs = [match for pattern in MODIFIER_RUN_RES for match in pattern.finditer(prose, floor)]
        for match in modifier_runs:
            run = match.group()
            for offset, length in _identical_runs(run):
                yield self._repeated(text, match.start() + offset, match.start() + offset + length)
            for i in range(len(run) - 1):
                first, second = run[i], run[i + 1]
                if first != second and first in NASAL_SET and second in NASAL_SET:
                    begin = match.start() + i
                    yield self.finding(
                        begin,
                        begin + 2,
                        f"two nasal signs on one letter in “{word_around(text, begin, begin + 2)}”: "
                        f"{sign_name(first)} and {sign_name(second)}; keep the one that was meant",
                        [Suggestion(first), Suggestion(second)],
                    )
        for match in EXTRA_NUKTA_RE.finditer(prose, floor):
            begin, end = match.span()
            letter = text[begin]
            yield self.finding(
                begin,
                end,
                f"“{letter}” already carries a nukta; the extra nukta sign (U+093C) after it in “{word_around(text, begin, end)}” "
                "shows as a second dot or a dotted circle",
                [Suggestion(letter, safe=True)],
            )
        for match in VOWEL_LETTER_SIGN_RE.finditer(prose, floor):
            written = match.group()
            letter = VOWEL_LETTER_PLUS_SIGN.get(written)
            if letter is None:
                continue
            begin, end = match.span()
            yield self.finding(
                begin,
                end,
                f"“{written[0]}” + {sign_name(written[1])} imitates the vowel letter “{letter}” (U+{ord(letter):04X}) "
                f"in “{word_around(text, begin, end)}”; Unicode forbids this spelling (it breaks search and shows "
                f"a dotted circle) — use “{letter}”",
                [Suggestion(letter, safe=True)],
            )

    def _repeated(self, text, begin, end):
        sign = text[begin]
        return self.finding(
            begin,
            end,
            f"the {sign_name(sign)} is typed {end - begin} times in “{word_around(text, begin, end)}”; a letter takes it once",
            [Suggestion(sign, safe=True)],
        )

    def _matra_run(self, text, begin, end):
        run = text[begin:end]
        if len(set(run)) == 1:
            yield self._repeated(text, begin, end)
            return
        word = word_around(text, begin, end)
        composite = SIGN_PAIR_COMPOSITE.get(run)
        if composite is not None:
            sign, safe = composite
            yield self.finding(
                begin,
                end,
                f"{sign_name(run[0])} + {sign_name(run[1])} in “{word}” imitates the single {sign_name(sign)}; "
                "it may look right in one font, but search and spell-check see a different word",
                [Suggestion(sign, safe=safe), Suggestion(run[0]), Suggestion(run[1])],
            )
            return
        signs = list(dict.fromkeys(run))
        yield self.finding(
            begin,
            end,
            f"{len(run)} vowel signs on one letter in “{word}”: {' and '.join(sign_name(ch) for ch in signs)}; "
            "a letter takes one — keep the one that was meant",
            [Suggestion(ch) for ch in signs],
        )


# ---------------------------------------------------------------------------------------------
# SP204

ORPHAN_SIGNS = f"{ALL_MATRAS}{NASALS}{NUKTA}{VIRAMA}"
ORPHAN_SIGN_SET = expand(ORPHAN_SIGNS)
# A sign is an orphan after whitespace, punctuation (the danda too) or a symbol: a non-word
# character (\W: \w covers letters, marks, digits and ZWJ/ZWNJ). Not after Unicode's and
# HarfBuzz's placeholders, on which a sign is deliberately shown alone (no-break spaces, hyphens
# and dashes, ×, •, the dotted circle ◌, squares), nor after the mask of non-prose text or an
# invisible character that stray-invisible-character reports.
ORPHAN_RE = compile_regex(f"\\W(?P<signs>[{ORPHAN_SIGNS}]+)")
NOT_ORPHAN_AFTER = frozenset(
    "\u00a0\u202f\u2007"  # no-break spaces
    "-\u2010\u2011\u2012\u2013\u2014\u2015"  # hyphens and dashes
    "\u00d7\u2022\u25cc\u25fb\u25fc\u25fd\u25fe"  # × • ◌ and squares
    "\ufffc\u200b\u2060\u00ad\ufeff"  # masked non-prose; invisible characters
)
SIGN_RUN_RE = compile_re(f"[{ORPHAN_SIGNS}]+")
# A consonant cluster: consonant (+ nukta), then (halant + consonant (+ nukta))*.
CLUSTER_RE = compile_re(f"[{CONSONANTS}]{NUKTA}?(?:{VIRAMA}[{CONSONANTS}]{NUKTA}?)*")
HORIZONTAL_SPACE = " \t"


def _can_carry(base: str, before_base: str, sign: str) -> bool:
    """Could `sign` be attached to a word ending in `base` (preceded by `before_base`)?"""
    if sign in NASAL_SET:
        return is_consonant(base) or base == NUKTA or is_matra(base) or is_independent_vowel(base)
    if sign == NUKTA:
        return is_consonant(base) and base not in PRECOMPOSED_NUKTA
    # A vowel sign or halant needs a consonant (with or without its nukta).
    return is_consonant(base) or (base == NUKTA and is_consonant(before_base))


class OrphanVowelSign(Rule):
    """A vowel sign, anusvara, chandrabindu, nukta or halant with no letter to sit on.

    After a space, at the start of a line or after punctuation, a combining sign has no base
    letter: browsers and apps draw it on a dotted circle (◌ा), and search and spell-check see a
    broken word. It is usually a space typed inside a word (कहा → कह ा), a sign typed in the
    handwriting order (ि before its consonant: िकताब for किताब), or debris of a deletion.
    Suggestions (none applied automatically): move a leading ि after its consonant, attach the
    sign to the previous word when that letter can carry it, or delete it. A sign after a no-break
    space, a hyphen or the dotted circle ◌ is a deliberate display of the sign alone and is not
    flagged.

    PASS::

        उन्होंने कहा कि ‘◌ि’ की मात्रा बाईं ओर लिखी जाती है।

    FAIL::

        उन्होंने कह ा कि िकताब मे ं है।
    """

    code = "SP204"
    name = "orphan-vowel-sign"
    category = "spelling"
    severity = "warning"
    fixable = "unsafe"

    def check(self, doc, ctx):
        prose = doc.prose
        text = doc.text
        floor = doc.front_matter_end
        spans = [match.span("signs") for match in ORPHAN_RE.finditer(prose, floor) if prose[match.start()] not in NOT_ORPHAN_AFTER]
        if floor < len(prose) and prose[floor] in ORPHAN_SIGN_SET:
            spans.insert(0, SIGN_RUN_RE.match(prose, floor).span())  # the very first character
        for mark_start, mark_end in spans:
            marks = text[mark_start:mark_end]
            # A space inside a word: the letter before the space can carry the sign.
            gap_start = mark_start
            while gap_start > floor and prose[gap_start - 1] in HORIZONTAL_SPACE:
                gap_start -= 1
            attach = False
            if gap_start < mark_start and gap_start > floor:
                base = prose[gap_start - 1]
                before_base = prose[gap_start - 2] if gap_start - 2 >= floor else ""
                attach = is_devanagari(base) and _can_carry(base, before_base, marks[0])
            # ि typed before its consonant (cluster): move it after the cluster.
            move_end = mark_end
            if marks == "\u093f":
                cluster = CLUSTER_RE.match(prose, mark_end)
                if cluster and cluster.end() > mark_end and not (cluster.end() < len(prose) and is_matra(prose[cluster.end()])):
                    move_end = cluster.end()
            begin = gap_start if attach else mark_start
            end = move_end
            gap = text[begin:mark_start]
            after = text[mark_end:end]
            suggestions = []
            if move_end > mark_end:
                suggestions.append(Suggestion(gap + after + marks, note="the vowel sign ि is typed after its consonant"))
            if attach:
                suggestions.append(Suggestion(marks + after, note="attach it to the previous word"))
            suggestions.append(Suggestion(gap + after, note="delete the sign"))
            if mark_start == floor or prose[mark_start - 1] in "\r\n":
                where = "at the start of a line"
            elif prose[mark_start - 1].isspace():
                where = "after a space"
            else:
                where = f"after “{prose[mark_start - 1]}”"
            shown = word_around(text, begin, end).strip() or marks
            yield self.finding(
                begin,
                end,
                f"the {sign_name(marks[0])} stands {where} in “{shown}”, with no letter to sit on; "
                "it renders on a dotted circle and breaks the word",
                suggestions,
            )


# ---------------------------------------------------------------------------------------------
# SP206

NUKTA_AFTER_SIGN_RE = compile_re(f"(?<=[{ALL_MATRAS}{NASALS}{VIRAMA}\u0903]){NUKTA}+")
NASAL_BEFORE_SIGN_RE = compile_re(f"(?P<nasal>[{NASALS}]+)(?P<sign>[{ALL_MATRAS}]+)")
SYLLABLE_SIGNS = expand(f"{ALL_MATRAS}{NASALS}{VIRAMA}\u0903")


class MisorderedSigns(Rule):
    """Devanagari signs in the wrong order: a nukta after the vowel sign, an anusvara before it.

    Unicode encodes a syllable as consonant + nukta + vowel sign + anusvara/chandrabindu. A nukta
    typed after the vowel sign or the halant (क + ि + ़ instead of क + ़ + ि), or an anusvara typed
    before the vowel sign (क + ं + ा instead of क + ा + ं), may look right in one font but renders
    on a dotted circle or in the wrong place elsewhere, and search does not find the word. Note
    that Unicode normalisation (NFC) repairs only the halant case. Safe fixes: the nukta moves
    back onto क ख ग ज ड ढ फ य (बडी\u093c → बड\u093cी); a nukta on a letter that already has one is
    deleted; the anusvara moves after the vowel sign; anusvara + candra (ं + ॅ, a chandrabindu
    typed as a picture: गांॅव) becomes ँ. A nukta behind a letter that takes none in Hindi
    (छो\u093cड\u093cा) is more likely stray: deleting it is only suggested.

    PASS::

        ज\\u093cिंदगी में बड\\u093cी कहानियां

    FAIL::

        जि\\u093cंदगी में बडी\\u093c कहानियंा

    FIX::

        ज\\u093cिंदगी में बड\\u093cी कहानियां
    """

    code = "SP206"
    name = "misordered-signs"
    category = "spelling"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        prose = doc.prose
        text = doc.text
        floor = doc.front_matter_end
        for match in NUKTA_AFTER_SIGN_RE.finditer(prose, floor):
            nukta_start, nukta_end = match.span()
            base = nukta_start
            while base > floor and prose[base - 1] in SYLLABLE_SIGNS:
                base -= 1
            base -= 1  # the letter the signs belong to
            if base < floor or not (is_consonant(prose[base]) or prose[base] == NUKTA):
                continue
            signs = text[base + 1:nukta_start]
            has_nukta = prose[base] in PRECOMPOSED_NUKTA or prose[base] == NUKTA
            begin = base + 1
            word = word_around(text, begin, nukta_end)
            if has_nukta:
                message = f"a second nukta comes after the {sign_name(signs[-1])} in “{word}”; delete it"
                suggestions = [Suggestion(signs, safe=True)]
            elif prose[base] in NUKTA_BASES:
                message = (
                    f"the nukta comes after the {sign_name(signs[-1])} in “{word}”; it belongs right after "
                    f"“{prose[base]}” (Unicode order: consonant, nukta, vowel sign)"
                )
                suggestions = [Suggestion(NUKTA + signs, safe=True)]
            else:
                # छो़ड़ा: “छ” takes no nukta in Hindi — more likely a stray nukta than a misplaced one.
                message = (
                    f"a nukta comes after the {sign_name(signs[-1])} in “{word}”, where “{prose[base]}” takes no "
                    "nukta in Hindi; delete it (or move it right after the consonant)"
                )
                suggestions = [Suggestion(signs), Suggestion(NUKTA + signs)]
            yield self.finding(begin, nukta_end, message, suggestions)
        for match in NASAL_BEFORE_SIGN_RE.finditer(prose, floor):
            begin, end = match.span()
            if begin <= floor or not ("\u0900" <= prose[begin - 1] <= "\u0963" or "\u0971" <= prose[begin - 1] <= "\u097f"):
                continue  # no letter before: orphan-vowel-sign reports it
            nasals, signs = match.group("nasal"), match.group("sign")
            word = word_around(text, begin, end)
            if nasals == "\u0902" and signs == "\u0945":
                # ं + ॅ: the two halves of a chandrabindu, typed as a picture (गांॅव for गाँव).
                yield self.finding(
                    begin,
                    end,
                    f"anusvara “\u25cc\u0902” + candra “\u25cc\u0945” in “{word}” imitates the chandrabindu “\u25cc\u0901” (U+0901); "
                    "use the chandrabindu",
                    [Suggestion("\u0901", safe=True)],
                )
                continue
            # A second nasal after the vowel sign (अम्माँें): the reorder alone does not mend it.
            safe = not (end < len(prose) and prose[end] in NASAL_SET)
            yield self.finding(
                begin,
                end,
                f"the {sign_name(nasals[0])} comes before the {sign_name(signs[0])} in “{word}”; "
                "Unicode order is vowel sign first, then anusvara/chandrabindu",
                [Suggestion(text[match.start("sign"):end] + text[begin:match.start("sign")], safe=safe)],
            )
