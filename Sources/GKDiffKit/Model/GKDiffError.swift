/// A problem that stops gkdiff from reading or writing a file: the path and a reason a person
/// understands. The CLI prints it as `gkdiff: PATH: reason` and exits with status 2.
public struct GKDiffError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file concerned (`-` for standard input), or empty for a usage error.
    public var path: String
    /// What is wrong, in Chinese with a short English gloss.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }

    static func missing(_ path: String) -> GKDiffError {
        GKDiffError(path: path, reason: "文件不存在（no such file）")
    }
    static func directory(_ path: String) -> GKDiffError {
        GKDiffError(path: path, reason: "这是一个文件夹，不是报告文件（is a directory）")
    }
    static func unreadable(_ path: String, _ detail: String) -> GKDiffError {
        GKDiffError(path: path, reason: "无法读取（\(detail)）")
    }
    static func empty(_ path: String) -> GKDiffError {
        GKDiffError(path: path, reason: "文件是空的（empty file）")
    }
    static func binary(_ path: String) -> GKDiffError {
        GKDiffError(path: path, reason: "不是文本文件，像是二进制数据（binary file）")
    }
    static func undecodable(_ path: String) -> GKDiffError {
        GKDiffError(path: path, reason: "无法识别文字编码，不是 UTF-8、UTF-16 或 GB18030 文本（unknown encoding）")
    }
    static func notAReport(_ path: String) -> GKDiffError {
        GKDiffError(
            path: path, reason: "不是政府信息公开工作年度报告：找不到标准章节标题，也找不到标准表格（not an annual report）")
    }
    static func tooLarge(_ path: String, _ limit: Int) -> GKDiffError {
        GKDiffError(path: path, reason: "文件过大（超过 \(limit / 1_048_576) MB），不像是一份年度报告（file too large）")
    }
    static func tooManyLines(_ path: String, _ limit: Int) -> GKDiffError {
        GKDiffError(path: path, reason: "行数过多（超过 \(limit) 行），不像是一份年度报告（too many lines）")
    }
    static func brokenArchive(_ path: String, _ detail: String) -> GKDiffError {
        GKDiffError(path: path, reason: "不是完整的 Word 文档：压缩包已损坏（broken .docx: \(detail)）")
    }
    static func unsupportedArchive(_ path: String, _ detail: String) -> GKDiffError {
        GKDiffError(path: path, reason: "无法读取这种压缩方式的 Word 文档，请用 Word 或 WPS 重新另存为 .docx（unsupported .docx: \(detail)）")
    }
    static func zipBomb(_ path: String, _ detail: String) -> GKDiffError {
        GKDiffError(path: path, reason: "Word 文档解压后过大，疑似压缩炸弹，已拒绝读取（zip bomb: \(detail)）")
    }
    static func noWordDocument(_ path: String) -> GKDiffError {
        GKDiffError(path: path, reason: "压缩包里没有 Word 正文 word/document.xml，不是 Word 文档（no word/document.xml in the archive）")
    }
    /// A helper program (pdftotext, soffice) that could not run to its end: `missing` when it is not
    /// installed, otherwise what went wrong.
    static func helper(_ path: String, _ failure: Subprocess.Failure, missing: String) -> GKDiffError {
        switch failure {
        case .notFound: return GKDiffError(path: path, reason: missing)
        case .cannotStart(let program, let code):
            return GKDiffError(path: path, reason: "无法启动 \(program)（错误码 \(code)）")
        case .timedOut(let program, let seconds):
            return GKDiffError(path: path, reason: "\(program) 运行超过 \(Int(seconds)) 秒，已停止（timeout）")
        case .outputTooLarge(let program, let limit):
            return GKDiffError(path: path, reason: "\(program) 的输出超过 \(limit / 1_048_576) MB，已停止（output too large）")
        }
    }
    /// A helper program that ended with a non-zero status: the status and the first line it wrote to
    /// standard error.
    static func helperExit(_ path: String, _ program: String, _ result: Subprocess.Result) -> GKDiffError {
        let message = String(decoding: result.errorOutput, as: UTF8.self)
        let first = message.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? ""
        let detail = first.isEmpty ? "" : "：\(first)"
        return GKDiffError(path: path, reason: "\(program) 无法读取这个文件（退出码 \(result.status)\(detail)）")
    }
}
