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
    /// Where a progress line goes while a batch runs (standard error when it is a terminal), or nil.
    public var progress: (@Sendable (String) -> Void)?

    public init(outputIsTerminal: Bool = false, environment: [String: String] = [:]) {
        self.outputIsTerminal = outputIsTerminal
        self.environment = environment
    }
}

/// Parsed command-line options.
struct Options {
    enum Command { case compare, show, check, batch, help, version }
    enum Format: String { case text, csv, json }
    enum ColorMode: String { case auto, always, never }

    var command = Command.compare
    var format = Format.text
    var output: String?
    var all = false
    var color = ColorMode.auto
    var paths: [String] = []
    var pairsFile: String?
    var detailsFolder: String?
}

extension CommandLine {
    /// Runs gkdiff with real standard output and error; returns the exit status.
    public static func run(arguments: [String]) -> ExitStatus {
        var environment: [String: String] = [:]
        for key in ["NO_COLOR", "TERM"] {
            if let value = getenv(key) { environment[key] = String(cString: value) }
        }
        let console = Console(outputIsTerminal: isatty(1) == 1, environment: environment)
        if isatty(2) == 1 {
            console.progress = { line in FileWriter.write("\r\u{1B}[K" + line, fd: 2) }
        }
        let status = GKDiff.run(arguments, console: console)
        FileWriter.write(console.out, fd: 1)
        FileWriter.write(console.err, fd: 2)
        return status
    }
}

/// The command line as a library function: argv in, exit status out, testable in-process.
public enum GKDiff {
    public static let version = "0.1.0"

    /// Runs one invocation. Never throws and never crashes on bad input: every error becomes a line
    /// `gkdiff: PATH: reason` on standard error and status 2.
    public static func run(_ arguments: [String], console: Console) -> ExitStatus {
        do {
            let options = try parse(arguments)
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
                try emit(text, options: options, console: console)
                return .same
            case .check:
                let report = try ReportParser.read(path: options.paths[0])
                let findings = Checker.check(report)
                let text = options.format == .json ? CheckRenderer.json(report, findings) : CheckRenderer.text(report, findings)
                try emit(text, options: options, console: console)
                return findings.contains { $0.severity == .error } ? .different : .same
            case .compare:
                return try compare(options, console: console)
            case .batch:
                return try batch(options, console: console)
            }
        } catch let error as GKDiffError {
            console.err += "gkdiff: \(error)\n"
            return .trouble
        } catch {
            console.err += "gkdiff: \(error)\n"
            return .trouble
        }
    }

    private static func compare(_ options: Options, console: Console) throws -> ExitStatus {
        let first = try ReportParser.read(path: options.paths[0])
        let second = try ReportParser.read(path: options.paths[1])
        let diff = ReportComparator.compare(first, second)
        let useColor: Bool
        switch options.color {
        case .always: useColor = options.format == .text
        case .never: useColor = false
        case .auto:
            useColor =
                options.format == .text && options.output == nil && console.outputIsTerminal
                && console.environment["NO_COLOR"] == nil && console.environment["TERM"] != "dumb"
        }
        let text: String
        switch options.format {
        case .text: text = DiffTextRenderer.render(diff, all: options.all, color: useColor)
        case .csv: text = DiffCSVRenderer.render(diff, all: options.all)
        case .json: text = DiffJSONRenderer.render(diff, all: options.all)
        }
        try emit(text, options: options, console: console)
        // A comparison that could not read everything (rule P1) never says "no differences".
        return diff.hasDifferences || diff.isIncomplete ? .different : .same
    }

    private static func batch(_ options: Options, console: Console) throws -> ExitStatus {
        var batch = Batch.Options(
            oldFolder: options.paths[0], newFolder: options.paths[1], pairsFile: options.pairsFile,
            detailsFolder: options.detailsFolder)
        batch.detailsCSV = options.format == .csv
        if let folder = options.detailsFolder {
            var info = stat()
            if stat(folder, &info) != 0 && mkdir(folder, 0o755) != 0 {
                throw GKDiffError(path: folder, reason: "无法创建文件夹（\(String(cString: strerror(errno)))）")
            }
        }
        let rows = try Batch.run(batch, progress: console.progress)
        if console.progress != nil { console.progress?("") }
        let text: String
        switch options.format {
        case .csv: text = BatchRenderer.csv(rows)
        case .json: text = BatchRenderer.json(rows)
        case .text: text = BatchRenderer.text(rows, old: options.paths[0], new: options.paths[1])
        }
        try emit(text, options: options, console: console)
        for row in rows where row.status == .unreadable {
            console.err += "gkdiff: \(row.oldFile ?? row.newFile ?? ""): \(row.reason)\n"
        }
        return Batch.status(rows)
    }

    /// Writes the result to `-o FILE` or standard output.
    private static func emit(_ text: String, options: Options, console: Console) throws {
        guard let path = options.output, path != "-" else {
            console.out += text
            return
        }
        try FileWriter.write(text, to: path)
    }

    // MARK: Arguments

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var rest = arguments[...]
        if let first = rest.first, first == "show" || first == "check" {
            options.command = first == "show" ? .show : .check
            rest = rest.dropFirst()
        }
        var endOfOptions = false
        while let argument = rest.popFirst() {
            if endOfOptions || argument == "-" || !argument.hasPrefix("-") {
                options.paths.append(argument)
                continue
            }
            let (name, inline) = split(argument)
            func value() throws -> String {
                if let inline { return inline }
                guard let next = rest.popFirst() else { throw usageError("选项 \(name) 需要一个值") }
                return next
            }
            switch name {
            case "--": endOfOptions = true
            case "-h", "--help": options.command = .help
            case "--version": options.command = .version
            case "--all", "-a": options.all = true
            case "--batch": options.command = .batch
            case "--pairs": options.pairsFile = try value()
            case "--details": options.detailsFolder = try value()
            case "-o", "--output": options.output = try value()
            case "--format", "-f":
                let text = try value()
                guard let format = Options.Format(rawValue: text) else {
                    throw usageError("--format 只接受 text、csv 或 json，不接受「\(text)」")
                }
                options.format = format
            case "--color", "--colour":
                let text = inline ?? "auto"
                guard let mode = Options.ColorMode(rawValue: text) else {
                    throw usageError("--color 只接受 auto、always 或 never，不接受「\(text)」")
                }
                options.color = mode
            default:
                throw usageError("不认识的选项 \(argument)（gkdiff --help 查看用法）")
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
        if options.command == .show && options.format == .csv {
            throw usageError("show 只支持 --format text 或 json")
        }
        return options
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
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
          --format text|csv|json   输出格式（默认 text；csv 可直接用 Excel/WPS 打开）
          -o, --output 文件        写入文件而不是标准输出
          -a, --all                也列出没有变化的单元格
          --color=auto|always|never  是否着色（auto：终端上且未设置 NO_COLOR）
          -h, --help               显示本帮助
          --version                显示版本
          --batch                  两个参数是文件夹：按机关名称配对，逐对比较，输出汇总表
          --pairs 文件             （批量）指定配对的 CSV：每行「旧文件,新文件」，优先于按名称配对
          --details 文件夹         （批量）把每一对的完整比较写入该文件夹
          --                       之后的参数都是文件名
          -                        从标准输入读取报告

        文件可以是 UTF-8（可带 BOM）、UTF-16（带 BOM）或 GB18030/GBK 文本，也可以是保存下来的网页（.html，
        按 <meta> 中的 charset 解码，包括 Big5）；表格可以是 Word 导出的格式、制表符分隔、| 分隔或空行分隔；
        2019 年版模板（2019、2020 年度报告）与 2021 年版对比时，只比较含义相同的单元格。
        退出状态：0 没有差异，1 有差异，2 出错（文件缺失、不是报告等）。
        批量：0 各对都没有差异，1 有差异或勾稽错误，2 有文件无法读取（汇总表照样写出）。

        """
}
