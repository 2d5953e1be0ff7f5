#!/usr/bin/env python3
"""Writes Sources/GKDiffKit/Compare/ProseTraditional.swift from hanziconv's CUHK table.

Run once by a developer (`pip install hanziconv==0.3.2`); the generated file is committed, so gkdiff
itself depends on nothing. Only one-character pairs inside U+4E00..U+9FFF are kept, plus EXTRA.
"""
from hanziconv import charmap

EXTRA = {"洩": "泄", "臺": "台", "裏": "里", "瞭": "了", "祕": "秘"}

pairs = {}
for t, s in zip(charmap.traditional_charmap, charmap.simplified_charmap):
    if t != s and 0x4E00 <= ord(t) <= 0x9FFF and 0x4E00 <= ord(s) <= 0x9FFF:
        pairs.setdefault(t, s)
pairs.update(EXTRA)
ts = "".join(pairs)
ss = "".join(pairs[k] for k in pairs)


def chunk(text, n=64):
    return "\n".join(text[i:i + n] for i in range(0, len(text), n))


src = '''/// Traditional → simplified characters for comparing prose: the %d one-character pairs of the
/// CUHK table that hanziconv 0.3.2 ships (Apache License 2.0, © 2014 Bernard Yue) and a few variants,
/// written by `Scripts/traditional_table.py`. Only used to decide whether two texts say the same
/// thing: what is shown is always the text as written.
enum ProseTraditional {
    /// The simplified form of a scalar value in U+4E00…U+9FFF, or the value itself.
    static func simplified(_ value: UInt32) -> UInt32 {
        guard value >= 0x4E00 && value <= 0x9FFF else { return value }
        let mapped = table[Int(value - 0x4E00)]
        return mapped == 0 ? value : mapped
    }

    /// Indexed by scalar − U+4E00: the simplified scalar, or 0 when the character is its own.
    private static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0x9FFF - 0x4E00 + 1)
        let from = traditional.unicodeScalars.filter { $0 != "\\n" }
        let to = simplified.unicodeScalars.filter { $0 != "\\n" }
        for (t, s) in zip(from, to) { table[Int(t.value - 0x4E00)] = s.value }
        return table
    }()

    private static let traditional = """
%s
"""

    private static let simplified = """
%s
"""
}
''' % (len(pairs), chunk(ts), chunk(ss))
open("Sources/GKDiffKit/Compare/ProseTraditional.swift", "w").write(src)
