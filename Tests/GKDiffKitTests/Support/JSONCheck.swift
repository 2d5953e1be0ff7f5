/// A strict JSON validator (RFC 8259) written for the tests, so that every JSON output is parsed without
/// Foundation: nil when the text is valid JSON, otherwise what is wrong and where.
enum JSONCheck {
    static func problem(_ text: String) -> String? {
        var parser = Parser(bytes: Array(text.utf8))
        do {
            parser.skipSpace()
            try parser.value(depth: 0)
            parser.skipSpace()
            if parser.index != parser.bytes.count { throw Parser.Failure(offset: parser.index, what: "text after the value") }
            return nil
        } catch let failure as Parser.Failure {
            return "\(failure.what) at byte \(failure.offset)"
        } catch {
            return "\(error)"
        }
    }

    /// A recursive-descent reader that only checks the grammar.
    struct Parser {
        struct Failure: Error {
            var offset: Int
            var what: String
        }

        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        func fail(_ what: String) -> Failure { Failure(offset: index, what: what) }

        mutating func expect(_ byte: UInt8) throws {
            guard index < bytes.count, bytes[index] == byte else {
                throw fail("expected \(Character(Unicode.Scalar(byte)))")
            }
            index += 1
        }

        mutating func value(depth: Int) throws {
            guard depth < 200 else { throw fail("nested too deeply") }
            guard index < bytes.count else { throw fail("unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return
                }
                while true {
                    skipSpace()
                    try string()
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                    skipSpace()
                    try value(depth: depth + 1)
                    skipSpace()
                    if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    try expect(UInt8(ascii: "}"))
                    return
                }
            case UInt8(ascii: "["):
                index += 1
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return
                }
                while true {
                    skipSpace()
                    try value(depth: depth + 1)
                    skipSpace()
                    if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    try expect(UInt8(ascii: "]"))
                    return
                }
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default: try number()
            }
        }

        mutating func literal(_ word: String) throws {
            for byte in word.utf8 { try expect(byte) }
        }

        mutating func string() throws {
            try expect(UInt8(ascii: "\""))
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw fail("unexpected end in an escape") }
                    let escaped = bytes[index]
                    index += 1
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            guard index < bytes.count, isHex(bytes[index]) else { throw fail("bad \\u escape") }
                            index += 1
                        }
                    } else if !Array("\"\\/bfnrt".utf8).contains(escaped) {
                        throw fail("bad escape")
                    }
                case 0..<0x20: throw fail("raw control character in a string")
                default: continue
                }
            }
            throw fail("unterminated string")
        }

        func isHex(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }

        mutating func digits() throws {
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            if index == start { throw fail("expected a digit") }
        }

        mutating func number() throws {
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { throw fail("unexpected end in a number") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                guard (0x31...0x39).contains(bytes[index]) else { throw fail("not a JSON value") }
                try digits()
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                try digits()
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                try digits()
            }
        }
    }
}
