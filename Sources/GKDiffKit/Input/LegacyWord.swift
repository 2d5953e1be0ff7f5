/// The old binary Word and WPS formats (`.doc`, `.wps`): converted to `.docx` by LibreOffice when it is
/// installed, for the native .docx reader.
public enum LegacyWord {
    /// How long LibreOffice may take, in seconds (its first start builds a profile).
    static let timeout = 180.0
    /// The largest .docx accepted back, in bytes.
    static let outputLimit = 256 * 1_048_576

    /// The `.docx` bytes LibreOffice makes from the file at `path`: `soffice --headless --convert-to docx`
    /// in a fresh private folder with its own profile (parallel runs sharing a profile silently drop
    /// outputs); the folder is removed afterwards.
    public static func convertWithLibreOffice(path: String) throws -> [UInt8] {
        try convertWithLibreOffice(path: path, timeout: timeout)
    }

    static func convertWithLibreOffice(path: String, timeout: Double, program: String = "soffice") throws -> [UInt8] {
        let missing = "读取 .doc/.wps 需要安装 LibreOffice（soffice），或在 WPS/Word 中另存为 .docx"
        guard Subprocess.find(program) != nil else { throw GKDiffError(path: path, reason: missing) }
        guard let folder = TemporaryFolder(prefix: "gkdiff-soffice") else {
            throw GKDiffError.unreadable(path, "无法建立临时文件夹")
        }
        defer { folder.remove() }
        let output = folder.path + "/out"
        let arguments = [
            "--headless", "--norestore", "-env:UserInstallation=file://" + folder.path + "/profile",
            "--convert-to", "docx", "--outdir", output, Subprocess.argument(path),
        ]
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(program, arguments, timeout: timeout, outputLimit: 1_048_576)
        } catch {
            throw GKDiffError.helper(path, error, missing: missing)
        }
        guard result.status == 0 else { throw GKDiffError.helperExit(path, "soffice", result) }
        guard let name = TemporaryFolder.names(in: output).first(where: { $0.hasSuffix(".docx") }),
            let bytes = TemporaryFolder.bytes(of: output + "/" + name, limit: outputLimit)
        else {
            throw GKDiffError(
                path: path,
                reason: "LibreOffice 没有把这个文件转换成 .docx（可能不是 Word/WPS 文件，或文件已损坏）：请在 WPS 或 Word 中打开并另存为 .docx")
        }
        return bytes
    }
}
