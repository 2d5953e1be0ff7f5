#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Traces of the Word export that are not part of the report's text.
enum Artefacts {
    /// The line without `[bookmark: …]` marks and `**` emphasis, trimmed.
    static func clean(_ text: Substring) -> String {
        // Nearly every line has neither mark: then it is only trimmed, without a copy scalar by scalar.
        // (Decided with `memchr`, which passes over many bytes an instruction.)
        let marked =
            text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
                return memchr(base, 0x2A, bytes.count) != nil || memchr(base, 0x5B, bytes.count) != nil
            } ?? text.utf8.contains { $0 == 0x2A || $0 == 0x5B }
        if !marked { return String(LabelText.trim(text)) }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "*", index + 1 < scalars.count, scalars[index + 1] == "*" {
                index += 2
                continue
            }
            if scalar == "[", let end = bookmarkEnd(scalars, from: index) {
                index = end
                continue
            }
            result.append(scalar)
            index += 1
        }
        return String(LabelText.trim(String(result)))
    }

    /// Index after the `]` of a `[bookmark: …]` starting at `start`, if there is one.
    private static func bookmarkEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let prefix = Array("[bookmark:".unicodeScalars)
        guard start + prefix.count <= scalars.count, Array(scalars[start..<start + prefix.count]) == prefix else {
            return nil
        }
        var index = start + prefix.count
        while index < scalars.count && index < start + 200 {
            if scalars[index] == "]" { return index + 1 }
            index += 1
        }
        return nil
    }

    /// A stray page number: `2`, `- 2 -`, `—2—`, `第2页`.
    static func isPageNumber(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case "-", "—", "－", " ", "第", "页": continue
            default: return false
            }
        }
        return digits > 0 && digits <= 3
    }
}
