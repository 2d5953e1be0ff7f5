/// An Office Open XML workbook (.xlsx) written natively: stored ZIP entries, shared strings, numbers as
/// numbers, a frozen header row, an autofilter on it, column widths that fit Chinese, and fills for
/// what a reader should see. Any output (the batch summary, a comparison) builds `XLSXSheet`s and calls
/// `XLSXWriter.workbook`.
public struct XLSXSheet: Sendable {
    /// A cell's look.
    public enum Style: Int, Sendable {
        /// Plain.
        case plain = 0
        /// Bold on grey: the header row.
        case header = 1
        /// Yellow: something changed.
        case changed = 2
        /// Red: something is wrong (unreadable, incomplete, errors, missing).
        case alert = 3
        /// Orange: a warning.
        case warning = 4
        /// Bold: the totals row.
        case total = 5
        /// A number shown with one decimal (`60.0`): a per cent change.
        case oneDecimal = 6
        /// Yellow, one decimal: a per cent change that is not zero.
        case oneDecimalChanged = 7
        /// A share 0–1 shown as a percentage (`0.375` → `37.5%`).
        case share = 8
        /// Bold, one decimal: a per cent change in the totals row.
        case totalOneDecimal = 9
    }

    /// A cell's value and look.
    public struct Cell: Sendable {
        /// Text, a number, or nothing.
        public var value: BatchValue
        /// How it looks.
        public var style: Style

        /// A cell.
        public init(_ value: BatchValue, _ style: Style = .plain) {
            self.value = value
            self.style = style
        }
    }

    /// The sheet's tab name (at most 31 characters, no `[]:*?/\`).
    public var name: String
    /// The header row.
    public var headers: [String]
    /// The rows below the header.
    public var rows: [[Cell]]

    /// A sheet.
    public init(name: String, headers: [String], rows: [[Cell]]) {
        self.name = name
        self.headers = headers
        self.rows = rows
    }
}

/// Writes `XLSXSheet`s as an .xlsx workbook.
public enum XLSXWriter {
    /// The workbook's bytes. O(cells).
    public static func workbook(_ sheets: [XLSXSheet]) -> [UInt8] {
        var strings = SharedStrings()
        var sheetXML: [String] = []
        for sheet in sheets { sheetXML.append(worksheet(sheet, strings: &strings)) }
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", Array(contentTypes(sheets.count).utf8))
        zip.add("_rels/.rels", Array(rootRelations.utf8))
        zip.add("xl/workbook.xml", Array(workbookXML(sheets).utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(workbookRelations(sheets.count).utf8))
        zip.add("xl/styles.xml", Array(styles.utf8))
        zip.add("xl/sharedStrings.xml", Array(strings.xml.utf8))
        for (index, xml) in sheetXML.enumerated() { zip.add("xl/worksheets/sheet\(index + 1).xml", Array(xml.utf8)) }
        return zip.finished()
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Shared strings: each distinct text once, cells refer to it by index.
    struct SharedStrings {
        var index: [String: Int] = [:]
        var list: [String] = []
        var uses = 0

        mutating func id(_ text: String) -> Int {
            uses += 1
            if let id = index[text] { return id }
            index[text] = list.count
            list.append(text)
            return list.count - 1
        }

        var xml: String {
            var out = header + "<sst xmlns=\"\(main)\" count=\"\(uses)\" uniqueCount=\"\(list.count)\">"
            for text in list { out += "<si><t xml:space=\"preserve\">\(escape(text))</t></si>" }
            return out + "</sst>"
        }
    }

    /// `A`, `B`, …, `Z`, `AA`, … for a column index from 0.
    static func columnName(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }

    /// Text escaped for XML; characters XML 1.0 cannot hold become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A column wide enough for its widest cell, counting a Chinese character as two, within 6…60.
    static func widths(_ sheet: XLSXSheet) -> [Int] {
        var widths = sheet.headers.map { TextLayout.width($0) }
        for row in sheet.rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                let text: String
                switch cell.value {
                case .text(let value): text = value
                case .number(let value): text = value.description
                case .fixed(_, let value): text = value
                case .empty: text = ""
                }
                widths[index] = max(widths[index], TextLayout.width(text))
            }
        }
        return widths.map { min(max($0 + 2, 6), 60) }
    }

    static func worksheet(_ sheet: XLSXSheet, strings: inout SharedStrings) -> String {
        var out = header + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
        out += "<sheetViews><sheetView workbookViewId=\"0\">"
        out += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        out += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        out += "<sheetFormatPr defaultRowHeight=\"15\"/><cols>"
        for (index, width) in widths(sheet).enumerated() {
            out += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        out += "</cols><sheetData>"
        let headerRow = sheet.headers.map { XLSXSheet.Cell(.text($0), .header) }
        for (rowIndex, row) in ([headerRow] + sheet.rows).enumerated() {
            out += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = "\(columnName(columnIndex))\(rowIndex + 1)"
                let style = cell.style == .plain ? "" : " s=\"\(cell.style.rawValue)\""
                switch cell.value {
                case .text(let text) where !text.isEmpty:
                    out += "<c r=\"\(reference)\"\(style) t=\"s\"><v>\(strings.id(text))</v></c>"
                case .number(let number), .fixed(let number, _):
                    out += "<c r=\"\(reference)\"\(style)><v>\(number.description)</v></c>"
                default:
                    if !style.isEmpty { out += "<c r=\"\(reference)\"\(style)/>" }
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        out += "<autoFilter ref=\"\(filterRange(sheet))\"/>"
        out += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/>"
        out += "<pageSetup paperSize=\"9\" orientation=\"landscape\"/>"  // A4, landscape when printed
        return out + "</worksheet>"
    }

    /// `A1:K20`: the header and every row.
    static func filterRange(_ sheet: XLSXSheet) -> String {
        "A1:\(columnName(max(sheet.headers.count, 1) - 1))\(sheet.rows.count + 1)"
    }

    /// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, not empty.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        return cleaned.isEmpty ? "Sheet" : cleaned
    }

    static func workbookXML(_ sheets: [XLSXSheet]) -> String {
        var out = header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
        for (index, sheet) in sheets.enumerated() {
            out += "<sheet name=\"\(escape(sheetName(sheet.name)))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        out += "</sheets><definedNames>"
        for (index, sheet) in sheets.enumerated() {
            let range = filterRange(sheet).split(separator: ":").map { part -> String in
                let letters = part.prefix { $0.isLetter }
                return "$\(letters)$\(part.dropFirst(letters.count))"
            }
            let quoted = sheetName(sheet.name).replacing("'", with: "''")
            out += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
            out += escape("'\(quoted)'!\(range.joined(separator: ":"))") + "</definedName>"
        }
        return out + "</definedNames></workbook>"
    }

    static func workbookRelations(_ count: Int) -> String {
        let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var out = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...max(count, 1) where index <= count {
            out += "<Relationship Id=\"rId\(index)\" Type=\"\(type)worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(count + 1)\" Type=\"\(type)styles\" Target=\"styles.xml\"/>"
        out += "<Relationship Id=\"rId\(count + 2)\" Type=\"\(type)sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return out + "</Relationships>"
    }

    static let rootRelations =
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func contentTypes(_ count: Int) -> String {
        let office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var out = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(office).sheet.main+xml\"/>"
        for index in 0..<count {
            out += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"\(office).worksheet+xml\"/>"
        }
        out += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(office).styles+xml\"/>"
        out += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(office).sharedStrings+xml\"/>"
        return out + "</Types>"
    }

    /// Fonts (plain, bold), fills (none, gray125 as the format requires, grey, yellow, red, orange) and
    /// one cell format per `XLSXSheet.Style`, in its raw-value order.
    static let styles: String = {
        var out = header + "<styleSheet xmlns=\"\(main)\">"
        out += "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.0\"/>"
        out += "<numFmt numFmtId=\"165\" formatCode=\"0.0%\"/></numFmts>"
        out += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"宋体\"/><charset val=\"134\"/></font>"
        out += "<font><b/><sz val=\"11\"/><name val=\"宋体\"/><charset val=\"134\"/></font></fonts>"
        out +=
            "<fills count=\"6\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        for color in ["FFD9D9D9", "FFFFF2CC", "FFF8CBAD", "FFFCE4D6"] {
            out +=
                "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(color)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        out += "</fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        out += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        // (number format, font, fill) of plain, header, changed, alert, warning, total, oneDecimal,
        // oneDecimalChanged, share, totalOneDecimal
        let formats = [
            (0, 0, 0), (0, 1, 2), (0, 0, 3), (0, 0, 4), (0, 0, 5), (0, 1, 0), (164, 0, 0), (164, 0, 3), (165, 0, 0),
            (164, 1, 0),
        ]
        out += "<cellXfs count=\"\(formats.count)\">"
        for (format, font, fill) in formats {
            out += "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"0\" xfId=\"0\""
            out += (format != 0 ? " applyNumberFormat=\"1\"" : "")
            out += (font != 0 ? " applyFont=\"1\"" : "") + (fill != 0 ? " applyFill=\"1\"" : "") + "/>"
        }
        out += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return out + "</styleSheet>"
    }()
}
