import Testing

@testable import GKDiffKit

/// `DocumentReader.plainUTF8`, which makes the document of plain UTF-8 text straight from its bytes,
/// gives the document that decoding the text first gives, and leaves every other file to that path.
@Suite struct PlainUTF8Tests {
    /// The paragraphs of a document (`nil` for a table), its encoding and whether it ends mid-line.
    static func summary(_ document: Document) -> String {
        var lines: [String] = []
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph): lines.append("\(paragraph.line)|\(paragraph.text)")
            case .table(let table): lines.append("\(table.line)|table \(table.rows.count)")
            }
        }
        return lines.joined(separator: "\n") + "\n\(document.format) \(document.encoding) \(document.endsMidLine) "
            + "\(document.diagnostics.map(\.message)) \(document.isRunTogether)"
    }

    /// The document by the general path, or the error it throws.
    static func general(_ bytes: [UInt8], path: String) -> String {
        do {
            return summary(DocumentReader.document(from: try SourceText.decode(bytes, path: path)))
        } catch {
            return "\(error)"
        }
    }

    static func check(_ bytes: [UInt8], path: String = "test.txt", fast expected: Bool? = nil) {
        let fast = DocumentReader.plainUTF8(bytes, path: path)
        if let expected { #expect((fast != nil) == expected, "\(bytes.prefix(40))") }
        if let fast { #expect(summary(fast) == general(bytes, path: path), "\(bytes.prefix(40))") }
    }

    static let texts: [(String, Bool)] = [
        ("", false), ("\n", false), (" \n\t\r\n\u{3000}", false), ("a", true), ("a\n", true), ("a\nb\n\n", true),
        ("a\r\nb\r\n", true), ("a\rb\rc", true), ("a\r\r\nb\n\r", true), ("\r\n\r\n一、总体情况\r\n", true),
        ("## 一、总体情况\n正文\n\n", true), ("####### 七\n#x\n#\t表\n# ", true), ("\t0\n\t1\n\t\t\n", true),
        ("x\n  <TABLE><tr><td>1</td></tr></table>", false), ("<table>", false), ("<html><body>x</body></html>", false),
        ("表\u{0C}格\n", true), ("a\u{1B}b", false), ("a\u{00}b", false), ("a\u{07}b", false),
        (String(repeating: "\u{7F}", count: 8) + "x", true), (String(repeating: "\u{7F}", count: 9) + "x", false),
        (String(repeating: "\u{FFFD}", count: 8) + "字", true), (String(repeating: "\u{FFFD}", count: 9) + "字", false),
        (String(repeating: "\u{85}", count: 9) + "字", false), ("·×°½\u{A0}", true), ("\u{FEFF}a", true),
        ("统计期限自2024年1月1日起至2024年12月31日止。\n", true), ("末行没有换行", true), ("\u{2028}\u{2029}\u{85}", false),
    ]

    @Test func textsAsDecodedFirst() {
        for (text, fast) in Self.texts {
            Self.check(Array(text.utf8), fast: fast)
            Self.check([0xEF, 0xBB, 0xBF] + Array(text.utf8), fast: fast)
        }
    }

    @Test func otherBytesGoTheGeneralWay() {
        Self.check([], fast: false)
        Self.check([0xEF, 0xBB, 0xBF], fast: false)
        Self.check([0xFF, 0xFE, 0x61, 0x00], fast: false)
        Self.check([0xFE, 0xFF, 0x00, 0x61], fast: false)
        Self.check([0x61, 0x0A, 0xC4, 0xE3, 0xBA, 0xC3], fast: false)  // GB18030
        Self.check(Array("一二三".utf8).dropLast(), fast: false)  // truncated
        Self.check([0x61, 0x0A, 0xED, 0xA0, 0x80], fast: false)  // a surrogate
        Self.check([0x61, 0x0D, 0xE4, 0xB8, 0x0A, 0x80], fast: false)  // a line end inside a character
        Self.check(Array("a\nb".utf8), path: "page.html", fast: false)
    }

    /// Every text fixture, and its line ends made CRLF and CR.
    @Test func fixturesAsDecodedFirst() throws {
        let names = [
            "nanguan-zfj-2023.txt", "nanguan-zfj-2024.txt", "huzhu-cgj-2024.txt", "encodings/nanguan-zfj-2024.bom.txt",
            "encodings/nanguan-zfj-2024.crlf.txt", "encodings/nanguan-zfj-2024.gb18030.txt", "layouts/nanguan-zjj-2024.md",
            "layouts/nanguan-zjj-2024.pipe.txt", "layouts/nanguan-zjj-2024.truncated.txt", "layouts/nanguan-zjj-2024.big5.txt",
        ]
        for name in names {
            let bytes = try SourceText.readBytes(path: Fixture.path(name))
            Self.check(bytes, path: name)
            var crlf: [UInt8] = []
            var cr: [UInt8] = []
            for byte in bytes {
                if byte == 0x0A { crlf.append(0x0D) }
                crlf.append(byte)
                cr.append(byte == 0x0A ? 0x0D : byte)
            }
            Self.check(crlf, path: name)
            Self.check(cr, path: name)
        }
        #expect(DocumentReader.plainUTF8(try SourceText.readBytes(path: Fixture.path("nanguan-zfj-2024.txt")), path: "x") != nil)
    }
}
