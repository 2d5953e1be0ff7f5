#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Exit statuses as GNU diff has them.
public enum ExitStatus: Int32, Sendable {
    /// No differences (or, for `show` and `check`, all is well).
    case same = 0
    /// Differences found (for `check`: an error finding).
    case different = 1
    /// Trouble: bad input, bad usage.
    case trouble = 2
}

/// What the command line runs against: where output goes and what the terminal is. Tests pass their own.
public final class Console {
    /// Everything written to standard output.
    public var out = ""
    /// Everything written to standard error.
    public var err = ""
    /// Whether standard output is a terminal (for `--color=auto`).
    public var outputIsTerminal: Bool
    /// Environment variables (`NO_COLOR`, `TERM`).
    public var environment: [String: String]
    /// When true, a variable not in `environment` is read from the process's environment
    /// (`CommandLine.run`: no dictionary is made for the two variables it may read).
    var readsProcessEnvironment = false
    /// Where a progress line goes while a batch runs (standard error when it is a terminal), or nil.
    public var progress: (@Sendable (String) -> Void)?
    /// When set, an output is written to this file descriptor piece by piece as it is produced instead
    /// of being gathered in `out` (`CommandLine.run` sets standard output), so it is never held whole.
    public var outputDescriptor: Int32?
    /// How writing to `outputDescriptor` has gone; after a failure nothing more is written.
    var outputResult = FileSystem.WriteResult.written

    /// A console with nothing written yet.
    public init(outputIsTerminal: Bool = false, environment: [String: String] = [:]) {
        self.outputIsTerminal = outputIsTerminal
        self.environment = environment
    }
}

/// Parsed command-line options.
struct Options {
    enum Command { case compare, show, check, batch, help, version }
    enum Format: String { case text, csv, json, html, xlsx }
    enum ColorMode: String { case auto, always, never }

    var command = Command.compare
    var format = Format.text
    var output: String?
    var all = false
    var color = ColorMode.auto
    var paths: [String] = []
    var pairsFile: String?
    var detailsFolder: String?
    /// `--roster`: the agencies expected to report (batch).
    var rosterFile: String?
    /// `--csv-header`: English keys (default) or Chinese headers and words; nil when not given.
    var csvHeader: DiffCSVRenderer.Header?
}

extension CommandLine {
    /// Runs gkdiff with real standard output and error; returns the exit status.
    public static func run(arguments: [String]) -> ExitStatus {
        let console = Console(outputIsTerminal: isatty(1) == 1)
        console.readsProcessEnvironment = true
        console.outputDescriptor = 1
        if isatty(2) == 1 {
            console.progress = { line in FileWriter.write("\r\u{1B}[K" + line, fd: 2) }
        }
        let status = GKDiff.run(arguments, console: console)
        return console.flush(status, out: 1, err: 2)
    }
}

extension Console {
    /// An environment variable: from `environment`, else (when `readsProcessEnvironment`) the process's.
    func variable(_ name: String) -> String? {
        if let value = environment[name] { return value }
        guard readsProcessEnvironment, let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// Writes what was gathered to the two file descriptors and returns the final status. A failed
    /// write to `out` makes it `.trouble`: a closed pipe (EPIPE) quietly, as GNU tools do, anything else
    /// (ENOSPC, EIO) with one line `gkdiff: write error: …` on `err`.
    public func flush(_ status: ExitStatus, out: Int32, err: Int32) -> ExitStatus {
        var status = status
        var errors = self.err
        var result = outputResult
        if result == .written { result = FileSystem.writeAll(self.out, fd: out) }
        switch result {
        case .written: break
        case .closedPipe: status = .trouble
        case .failed(let reason):
            errors += "gkdiff: write error: 标准输出写入失败（\(reason)）\n"
            status = .trouble
        }
        FileWriter.write(errors, fd: err)
        return status
    }

    /// Passes on a piece of standard output: written at once to `outputDescriptor` when it is set
    /// (after anything gathered in `out` before), otherwise gathered in `out`. Every write is checked:
    /// after a failure (a closed pipe, a full disk) nothing more is written and `flush` reports it.
    func write(_ text: String) {
        guard outputDescriptor != nil else {
            out += text
            return
        }
        var text = text
        text.withUTF8 { write($0) }
    }

    /// `write(_:)` for UTF-8 bytes (valid UTF-8), written as they are.
    func write(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let fd = outputDescriptor else {
            out += String(decoding: utf8, as: UTF8.self)
            return
        }
        guard outputResult == .written else { return }
        if !out.isEmpty {
            outputResult = FileSystem.writeAll(out, fd: fd)
            out = ""
            guard outputResult == .written else { return }
        }
        outputResult = FileSystem.writeAll(UnsafeRawBufferPointer(utf8), fd: fd)
    }
}

/// The command line as a library function: argv in, exit status out, testable in-process.
public enum GKDiff {
    /// The version `--version` prints.
    public static let version = "0.1.0"

    /// Runs one invocation. Never throws and never crashes on bad input: every error becomes a line
    /// `gkdiff: PATH: reason` on standard error (control characters in it escaped) and status 2.
    public static func run(_ arguments: [String], console: Console) -> ExitStatus {
        do {
            let options = try parse(arguments)
            if let output = options.output, output != "-", options.command != .help, options.command != .version {
                _ = try OutputFile(path: output, inputs: options.command == .batch ? [] : options.paths).check()
            }
            switch options.command {
            case .help:
                console.out += usage
                return .same
            case .version:
                console.out += "gkdiff \(version)\n"
                return .same
            case .show:
                let report = try ReportParser.read(path: options.paths[0])
                let text = options.format == .json ? ReportRenderer.json(report) : ReportRenderer.text(report)
                try emit(text, options: options, color: false, console: console)
                return .same
            case .check:
                let report = try ReportParser.read(path: options.paths[0])
                let findings = Checker.check(report)
                let text = options.format == .json ? CheckRenderer.json(report, findings) : CheckRenderer.text(report, findings)
                try emit(text, options: options, color: false, console: console)
                return findings.contains { $0.severity == .error } ? .different : .same
            case .compare:
                return try compare(options, console: console)
            case .batch:
                return try batch(options, console: console)
            }
        } catch let error as GKDiffError {
            console.err += "gkdiff: \(TerminalSafe.line(error.description))\n"
            return .trouble
        } catch {
            console.err += "gkdiff: \(TerminalSafe.line("\(error)"))\n"
            return .trouble
        }
    }

    /// Whether a comparison's text is coloured: `--color`, or for `auto` a terminal on standard output,
    /// `NO_COLOR` unset or empty (its convention) and `TERM` not `dumb`.
    static func useColor(_ options: Options, console: Console) -> Bool {
        switch options.color {
        case .always: return options.format == .text
        case .never: return false
        case .auto:
            let noColor = !(console.variable("NO_COLOR") ?? "").isEmpty
            return options.format == .text && (options.output == nil || options.output == "-")
                && console.outputIsTerminal && !noColor && console.variable("TERM") != "dumb"
        }
    }

    private static func compare(_ options: Options, console: Console) throws -> ExitStatus {
        // Two large reports and their comparison: large blocks go back to the system when freed. (Not
        // for a batch, whose many small reports gain nothing from it.)
        Memory.returnLargeBlocksWhenFreed()
        let first = try ReportParser.read(path: options.paths[0])
        let second = try ReportParser.read(path: options.paths[1])
        // Given up, so that each report's prose is freed once it is split into sentences.
        let diff = ReportComparator.compare(consume first, consume second)
        let color = useColor(options, console: console)
        if options.format == .xlsx { throw usageError("xlsx 格式目前只用于 --batch 的汇总表") }  // refused by parse already
        // Rendered in pieces, each passed on as it is made: a large comparison's output is never held whole.
        let size = outputChunkSize
        try emit(options: options, color: color, console: console) { deliver in
            switch options.format {
            case .text:
                DiffTextRenderer.render(diff, all: options.all, color: color, chunkSize: size, deliverUTF8: deliver)
            case .csv:
                DiffCSVRenderer.render(
                    diff, all: options.all, header: options.csvHeader ?? .en, chunkSize: size, deliverUTF8: deliver)
            case .json: DiffJSONRenderer.render(diff, all: options.all, chunkSize: size, deliverUTF8: deliver)
            case .html, .xlsx:
                DiffHTMLRenderer.render(diff, all: options.all, chunkSize: size) { piece in
                    var piece = piece
                    piece.withUTF8(deliver)
                }
            }
        }
        // A comparison that could not read everything (rule P1) never says "no differences".
        return diff.hasDifferences || diff.isIncomplete ? .different : .same
    }

    private static func batch(_ options: Options, console: Console) throws -> ExitStatus {
        var batch = Batch.Options(
            oldFolder: options.paths[0], newFolder: options.paths[1], pairsFile: options.pairsFile,
            detailsFolder: options.detailsFolder, rosterFile: options.rosterFile)
        batch.detailsCSV = options.format == .csv
        batch.outputs = options.output.map { [$0] } ?? []
        if options.format == .xlsx && (options.output == nil || options.output == "-") && console.outputIsTerminal {
            throw usageError("xlsx 工作簿不能显示在终端上：请用 -o 汇总.xlsx 写入文件")
        }
        if let folder = options.detailsFolder { try prepareDetailsFolder(folder) }
        // An agency name comes from a report: shown escaped, never obeyed.
        let progress = console.progress.map { show in { @Sendable (line: String) in show(TerminalSafe.line(line)) } }
        let summary = try Batch.run(batch, progress: progress)
        if let progress { progress("") }
        let text: String
        switch options.format {
        case .csv: text = BatchRenderer.csv(summary, chineseHeaders: options.csvHeader == .zh)
        case .json: text = BatchRenderer.json(summary)
        case .text, .html: text = BatchRenderer.text(summary, old: options.paths[0], new: options.paths[1])
        case .xlsx:
            let bytes = BatchWorkbook.xlsx(summary)
            if let path = options.output, path != "-" {
                try OutputFile(path: path, inputs: []).write(bytes: bytes)
            } else {
                console.out += String(decoding: bytes, as: UTF8.self)
            }
            text = ""
        }
        if options.format != .xlsx { try emit(text, options: options, color: false, console: console) }
        for row in summary.rows where row.status == .unreadable {
            console.err += "gkdiff: \(TerminalSafe.line("\(row.oldFile ?? row.newFile ?? ""): \(row.reason)"))\n"
        }
        for row in summary.rows where row.detailsError != nil {
            console.err += "gkdiff: \(TerminalSafe.line(row.detailsError!))\n"
        }
        if let folder = options.detailsFolder {
            // The district in triage order with a link to each details file.
            do {
                try OutputFile(path: folder + "/index.html", inputs: []).write(BatchIndexHTML.render(summary))
            } catch {
                console.err += "gkdiff: \(TerminalSafe.line("\(error)"))\n"
                return .trouble
            }
        }
        return Batch.status(summary.rows)
    }

    /// Makes sure `--details DIR` is a folder that can be written to, creating it when missing.
    /// - Throws: `GKDiffError` naming the folder when it is a file or cannot be created or written.
    static func prepareDetailsFolder(_ folder: String) throws {
        if let info = FileSystem.status(folder) {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw GKDiffError(path: folder, reason: "--details 需要一个文件夹，这里是一个文件（not a directory）")
            }
        } else if mkdir(folder, 0o755) != 0 {
            throw GKDiffError(path: folder, reason: "无法创建文件夹（\(FileSystem.errorText())）")
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            throw GKDiffError(path: folder, reason: "无法写入这个文件夹（\(FileSystem.errorText())）")
        }
    }

    /// About how many bytes of output are gathered before they are passed on.
    static let outputChunkSize = 1 << 16

    /// Writes the result to `-o FILE` (whole or not at all) or standard output. Text output is escaped
    /// for a terminal wherever it goes (it is for a person: `cat`, `less`); CSV and JSON keep their data
    /// as written (JSON escapes controls by its own rules) except on a terminal.
    private static func emit(_ text: String, options: Options, color: Bool, console: Console) throws {
        var text = text
        try emit(options: options, color: color, console: console) { deliver in text.withUTF8(deliver) }
    }

    /// `emit(_:options:color:console:)` for an output `render` hands on in pieces: each escaped as the
    /// whole would be (pieces are cut between lines or records) and written as it comes, to standard
    /// output or to a temporary file beside `-o FILE` that replaces it at the end.
    /// The pieces are UTF-8 bytes (valid UTF-8), written as they are unless something in them is escaped.
    private static func emit(
        options: Options, color: Bool, console: Console, render: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void
    ) throws {
        let toFile = options.output.map { $0 != "-" } ?? false
        let escape = options.format == .text || (!toFile && console.outputIsTerminal)
        func shown(_ piece: UnsafeBufferPointer<UInt8>, _ write: (UnsafeBufferPointer<UInt8>) -> Void) {
            guard escape && TerminalSafe.mayNeedEscape(piece, keepLayout: true, color: color) else { return write(piece) }
            var text = TerminalSafe.escape(String(decoding: piece, as: UTF8.self), color: color)
            text.withUTF8(write)
        }
        guard toFile, let path = options.output else {
            render { shown($0) { console.write($0) } }
            return
        }
        var file = try OutputFile(path: path, inputs: options.command == .batch ? [] : options.paths).start()
        render { shown($0) { file.append(UnsafeRawBufferPointer($0)) } }
        try file.finish()
    }

    // MARK: Arguments

    /// How many values a long option takes.
    private enum Arity { case none, required, optional }

    /// The long options, by full name; `colour` is `color`. (Names, and `arity(of:)`: an array of
    /// (name, arity) pairs would be a type the runtime makes on first use.)
    private static let longOptions = [
        "help", "version", "all", "batch", "pairs", "details", "output", "format", "color", "colour", "roster",
        "csv-header",
    ]

    /// How many values a long option (a full name from `longOptions`) takes.
    private static func arity(of name: String) -> Arity {
        switch name {
        case "help", "version", "all", "batch": return .none
        case "color", "colour": return .optional
        default: return .required
        }
    }

    /// The short options and the long option each stands for.
    private static let shortOptions: [Character: String] = ["h": "help", "a": "all", "o": "output", "f": "format"]

    /// Reads the arguments as GNU tools do: `show`/`check` first, bundled short options (`-ao x`),
    /// attached values (`-oFILE`, `--format=csv`), unambiguous prefixes of long options (`--form csv`),
    /// `--` before file names, `-` for standard input.
    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var formatGiven = false
        var rest = arguments[...]
        if let first = rest.first, first == "show" || first == "check" {
            options.command = first == "show" ? .show : .check
            rest = rest.dropFirst()
        }
        func apply(_ name: String, _ value: String?, shown: String) throws {
            switch name {
            case "help": options.command = .help
            case "version": options.command = .version
            case "all": options.all = true
            case "batch": options.command = .batch
            case "pairs": options.pairsFile = value
            case "details": options.detailsFolder = value
            case "roster": options.rosterFile = value
            case "output": options.output = value
            case "csv-header":
                let text = value ?? ""
                guard let header = DiffCSVRenderer.Header(rawValue: text) else {
                    throw usageError("\(shown) 只接受 en 或 zh，不接受「\(text)」")
                }
                options.csvHeader = header
            case "format":
                let text = value ?? ""
                guard let format = Options.Format(rawValue: text) else {
                    throw usageError("\(shown) 只接受 text、csv、json、html 或 xlsx，不接受「\(text)」")
                }
                options.format = format
                formatGiven = true
            default:  // color
                let text = value ?? "auto"
                guard let mode = Options.ColorMode(rawValue: text) else {
                    throw usageError("\(shown) 只接受 auto、always 或 never，不接受「\(text)」")
                }
                options.color = mode
            }
        }
        var endOfOptions = false
        while let argument = rest.popFirst() {
            if endOfOptions || argument == "-" || !argument.hasPrefix("-") {
                options.paths.append(argument)
            } else if argument == "--" {
                endOfOptions = true
            } else if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let given = body.firstIndex(of: "=").map { String(body[..<$0]) } ?? String(body)
                let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
                let (name, arity) = try longOption(given, argument: argument)
                let shown = "--" + (name == "colour" ? "color" : name)
                switch arity {
                case .none:
                    if inline != nil { throw usageError("选项 \(shown) 不带值（收到「\(argument)」）") }
                    try apply(name, nil, shown: shown)
                case .optional:
                    try apply(name, inline, shown: shown)
                case .required:
                    if let inline {
                        try apply(name, inline, shown: shown)
                    } else if let next = rest.popFirst() {
                        try apply(name, next, shown: shown)
                    } else {
                        throw usageError("选项 \(shown) 需要一个值")
                    }
                }
            } else {
                var letters = Substring(argument.dropFirst())
                while let letter = letters.popFirst() {
                    guard let name = shortOptions[letter] else {
                        throw usageError("不认识的选项 -\(letter)（在「\(argument)」中；gkdiff --help 查看用法）")
                    }
                    if name == "output" || name == "format" {
                        let value: String
                        if !letters.isEmpty {
                            value = String(letters)
                        } else if let next = rest.popFirst() {
                            value = next
                        } else {
                            throw usageError("选项 -\(letter) 需要一个值")
                        }
                        try apply(name, value, shown: "-\(letter)")
                        break
                    }
                    try apply(name, nil, shown: "-\(letter)")
                }
            }
        }
        if options.command == .help || options.command == .version { return options }
        let wanted = options.command == .compare || options.command == .batch ? 2 : 1
        if options.paths.count != wanted {
            let what =
                options.command == .batch
                ? "需要两个文件夹：旧年度 新年度"
                : options.command == .compare ? "需要两个报告文件：旧年度 新年度" : "需要一个报告文件"
            throw usageError("\(what)（收到 \(options.paths.count) 个；gkdiff --help 查看用法）")
        }
        if options.paths.filter({ $0 == "-" }).count > 1 {
            throw usageError("标准输入（-）只能提供一份报告：两份报告不能都从 - 读取（gkdiff --help 查看用法）")
        }
        if options.output?.isEmpty == true { throw usageError("-o 需要一个文件名（收到空字符串）") }
        if !formatGiven, let output = options.output, output != "-" {
            options.format = try inferredFormat(output)
        }
        // Which formats each command writes: checked here once, for every command.
        switch (options.command, options.format) {
        case (.show, .csv), (.show, .html), (.check, .csv), (.check, .html), (.show, .xlsx), (.check, .xlsx):
            throw usageError(
                "\(options.command == .show ? "show" : "check") 只支持 text 或 json 格式（--format，或 -o 的扩展名）")
        case (.compare, .xlsx):
            throw usageError("xlsx 格式目前只用于 --batch 的汇总表（not supported yet for a single comparison）")
        case _
        where options.csvHeader != nil
            && (options.format != .csv || (options.command != .compare && options.command != .batch)):
            throw usageError("--csv-header 只用于 csv 输出（--format csv 或 -o 文件.csv）")
        case (.batch, .html):
            throw usageError("--batch 只支持 text、csv、json 或 xlsx 格式（--format，或 -o 的扩展名）；每一对的 HTML 请逐对比较生成")
        default: break
        }
        return options
    }

    /// A long option by its name or an unambiguous prefix of it (`colour` and `color` are one option).
    private static func longOption(_ given: String, argument: String) throws -> (String, Arity) {
        if let exact = longOptions.first(where: { $0 == given }) { return (exact, arity(of: exact)) }
        let matches = given.isEmpty ? [] : longOptions.filter { $0.hasPrefix(given) }
        let distinct = Set(matches.map { $0 == "colour" ? "color" : $0 })
        guard let match = matches.first else {
            throw usageError("不认识的选项 \(argument)（gkdiff --help 查看用法）")
        }
        guard distinct.count == 1 else {
            let names = distinct.sorted().map { "--" + $0 }.joined(separator: "、")
            throw usageError("选项 \(argument) 不明确：可以是 \(names)")
        }
        return (match, arity(of: match))
    }

    /// The format `-o FILE` asks for by its extension when `--format` is not given: `.csv` → CSV,
    /// `.json` → JSON, `.html`/`.htm` → HTML, anything else → text. `.xlsx` and `.xls` are refused: gkdiff
    /// does not write them yet, and text in a file named `.xlsx` would be the wrong thing.
    static func inferredFormat(_ path: String) throws -> Options.Format {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .text }
        switch name[name.index(after: dot)...].lowercased() {
        case "csv": return .csv
        case "json": return .json
        case "xlsx": return .xlsx
        case "html", "htm": return .html
        case "xls":
            throw usageError(
                "还不能输出 \(name[dot...]) 格式（not supported yet）：请用 -o 文件.csv（Excel/WPS 可直接打开）、.html（可打印）、.json 或 .txt，或用 --format 指定"
            )
        default: return .text
        }
    }

    private static func usageError(_ message: String) -> GKDiffError {
        GKDiffError(path: "", reason: message)
    }

    static let usage = """
        gkdiff — 比较同一机关两个年度的政府信息公开工作年度报告

        用法：
          gkdiff [选项] 旧年度报告 新年度报告     比较两年（表格逐格、正文逐句）
          gkdiff show [--format text|json] 报告    显示读到的内容（章节、三张表、诊断）
          gkdiff check [--format text|json] 报告   校验一份报告的勾稽关系
          gkdiff --batch [选项] 旧年度文件夹 新年度文件夹   批量对比一个地区的全部机关

        选项：
          --format text|csv|json|html  输出格式（默认 text；csv 可直接用 Excel/WPS 打开；
                                   html 是可在浏览器中打开、打印到 A4 的审阅报告）
          -o, --output 文件        写入文件而不是标准输出（写完整后才替换原文件；不能是输入的报告）；
                                   未给 --format 时按扩展名选格式：.csv → csv，.json → json，
                                   .html → html，其他 → text
          --csv-header en|zh       csv 的表头：en 为英文键（默认，供程序读取），zh 为中文表头和中文状态词（供人阅读）
          -a, --all                也列出没有变化的单元格
          --color=auto|always|never  是否着色（auto：终端上且 NO_COLOR 未设置或为空）
          -h, --help               显示本帮助
          --version                显示版本
          --batch                  两个参数是文件夹：按机关名称配对，逐对比较，输出汇总表
          --pairs 文件             （批量）指定配对的 CSV：每行「旧文件,新文件」，优先于按名称配对
          --details 文件夹         （批量）把每一对的完整比较写入该文件夹
          --roster 名单.csv        （批量）应当报送的机关名单：每行一个机关名称，后面可跟别名；没有报告的列为「未报送」
          --csv-header zh|en       CSV 表头用中文（zh）或英文（en，默认）
          --format xlsx            （批量）把汇总表写成 Excel 工作簿（需 -o 文件.xlsx）
          --                       之后的参数都是文件名
          -                        从标准输入读取报告（只能用于一份报告）
        短选项可以合写（-ao 文件）、值可以紧跟（-o文件、--format=csv），长选项可以只写不含糊的前缀（--form csv）。

        文件可以是 UTF-8（可带 BOM）、UTF-16（带 BOM）或 GB18030/GBK 文本，也可以是保存下来的网页（.html，
        按 <meta> 中的 charset 解码，包括 Big5）；表格可以是 Word 导出的格式、制表符分隔、| 分隔或空行分隔；
        2019 年版模板（2019、2020 年度报告）与 2021 年版对比时，只比较含义相同的单元格。
        退出状态：0 没有差异，1 有差异，2 出错（文件缺失、不是报告等）。
        批量：0 各对都没有差异，1 有差异、勾稽错误或名单上的机关未报送，2 有文件或文件夹无法读取、详情文件无法写入（汇总表照样写出）。

        """
}
