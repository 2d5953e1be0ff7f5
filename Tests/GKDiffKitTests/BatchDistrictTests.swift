import Testing

@testable import GKDiffKit

#if canImport(Glibc)
    import Glibc
#endif

/// The district of issue 14's "Done when": every kind of file a real folder holds, built from fixture
/// copies in a temporary folder. What each row should be was worked out by hand from the fixtures:
/// huzhu-cgj-2024 leaves tables 2 and 3 blank; zsj-2024 with `7件？` has an unreadable cell (P1);
/// nanguan-mzj is a 2020 → 2021 pair among 2023 → 2024 folders; zfj and sthj are renamed so that their
/// names differ only in `:` and `?`, which a file name cannot hold.
@Suite struct BatchDistrictTests {
    struct District {
        var root: String
        var old: String
        var new: String
        var roster: String
        var refused: String
    }

    static let gbkName: [UInt8] = [0xD0, 0xC2, 0xB4, 0xBA, 0xBD, 0xD6, 0xB5, 0xC0] + Array(".txt".utf8)  // 新春街道.txt

    func write(_ text: String, to path: String) throws { try FileWriter.write(text, to: path) }

    func renamed(_ fixture: String, _ from: String, _ to: String) throws -> String {
        try Fixture.text(fixture).replacingFirst(from, with: to)
    }

    func district() throws -> District {
        let root = Fixture.temporaryFolder()
        let old = root + "/2023"
        let new = root + "/2024"
        for folder in [old, new, new + "/封存"] { mkdir(folder, 0o755) }
        try write(try renamed("nanguan-zfj-2023.txt", "南关区执法局", "南关区执法局:甲"), to: old + "/zfj.txt")
        try write(try renamed("nanguan-zfj-2024.txt", "南关区执法局", "南关区执法局:甲"), to: new + "/zfj.txt")
        try write(try renamed("nanguan-sthj-2023.txt", "长春市生态环境局南关区分局", "南关区执法局?甲"), to: old + "/sthj.txt")
        try write(try renamed("nanguan-sthj-2024.txt", "长春市生态环境局南关区分局", "南关区执法局?甲"), to: new + "/sthj.txt")
        try write(try Fixture.text("nanguan-xinchun-2023.txt"), to: old + "/xinchun.txt")
        // The 2024 report of 新春街道 under a GBK file name, as a zip made on Chinese Windows leaves it.
        let gbkPath = Array(new.utf8) + [0x2F] + Self.gbkName
        let fd = open(gbkPath.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let text = Array(try Fixture.text("nanguan-xinchun-2024.txt").utf8)
        _ = text.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        try write(try Fixture.text("nanguan-zsj-2023.txt"), to: old + "/zsj.txt")
        try write(try HonestTests.zsjWithAnUnreadableCell(), to: new + "/zsj.txt")
        try write(try Fixture.text("huzhu-cgj-2023.txt"), to: old + "/huzhu.txt")
        try write(try Fixture.text("huzhu-cgj-2024.txt"), to: new + "/huzhu.txt")
        try write(try Fixture.text("layouts/nanguan-mzj-2020.txt"), to: old + "/mzj.txt")
        try write(try Fixture.text("layouts/nanguan-mzj-2021.txt"), to: new + "/mzj.txt")
        try write("\u{0}\u{0}\u{0}\u{1}Bud1", to: new + "/.DS_Store")
        #expect(mkfifo(old + "/管道", 0o644) == 0)
        try write(try Fixture.text("nanguan-zsj-2024.txt"), to: new + "/封存/zsj.txt")
        #expect(symlink(".", old + "/循环") == 0)  // a link to its own folder
        #expect(symlink("自指", old + "/自指") == 0)  // a link to itself
        let roster = root + "/名单.csv"
        try write(
            "机关名称,别名\n南关区执法局:甲\n南关区执法局?甲\n南关区新春街道\n南关区政务服务和数字化建设管理局,南关区政数局\n"
                + "互助县城市管理综合行政执法局\n长春市南关区民政局\n南关区教育局\n", to: roster)
        let refused = new + "/封存"
        chmod(refused, 0)
        return District(root: root, old: old, new: new, roster: roster, refused: refused)
    }

    /// Root reads a `chmod 000` folder all the same: there the folder is refused by name instead.
    func options(_ d: District, details: String? = nil) -> Batch.Options {
        var options = Batch.Options(oldFolder: d.old, newFolder: d.new, detailsFolder: details, rosterFile: d.roster)
        if getuid() == 0 { options.refusedFolders = [d.refused] }
        return options
    }

    @Test func everyRowAndStatusAsWorkedOutByHand() throws {
        let d = try district()
        defer { chmod(d.refused, 0o755) }
        let details = d.root + "/详情"
        mkdir(details, 0o755)
        let summary = try Batch.run(options(d, details: details))
        let rows = summary.rows
        let table = rows.map { "\($0.status.rawValue) \($0.agency.isEmpty ? ($0.newFile ?? $0.oldFile ?? "") : $0.agency)" }
        #expect(
            table == [
                "unreadable \(d.refused)",
                "incomplete 南关区政务服务和数字化建设管理局",
                "warnings 互助县城市管理综合行政执法局",  // tables 2 and 3 left blank this year
                // Q2: section 五 copied word for word from last year (zfj, xinchun, mzj).
                "warnings 南关区执法局:甲",
                "warnings 南关区新春街道",
                "warnings 长春市南关区民政局",
                "changed 南关区执法局?甲",
                "missing 南关区教育局",
            ], "\(table)")
        #expect(rows.first?.status == .unreadable && rows.first?.newFile == d.refused)
        #expect(rows.last?.status == .missing && rows.last?.agency == "南关区教育局")
        #expect(rows.map(\.status) == rows.map(\.status).sorted())
        let huzhu = try #require(rows.first { $0.agency == "互助县城市管理综合行政执法局" })
        #expect(huzhu.flags.contains("表二今年整张留空"))
        let mzj = try #require(rows.first { $0.agency == "长春市南关区民政局" })
        #expect(mzj.oldYear == 2020 && mzj.newYear == 2021)
        #expect(mzj.flags.contains { $0.hasPrefix("年度不符") && $0.contains("2020") })
        #expect(mzj.flags.contains { $0.hasPrefix("年度不符") && $0.contains("2021") })
        #expect(summary.oldYear == 2023 && summary.newYear == 2024)
        // The GBK file name is read, paired and shown decoded.
        let xinchun = try #require(rows.first { $0.agency == "南关区新春街道" })
        #expect(xinchun.newFile == d.new + "/新春街道.txt" && xinchun.cellsChanged == 9)
        #expect(xinchun.flags.contains { $0.contains("GB18030") })

        // Every file is a row or a named skip.
        let skipped = Dictionary(uniqueKeysWithValues: summary.skips.map { ($0.path, $0.reason) })
        #expect(skipped[d.new + "/.DS_Store"]?.contains("隐藏") == true)
        #expect(skipped[d.old + "/管道"]?.contains("FIFO") == true)
        #expect(skipped[d.old + "/循环"]?.contains("循环") == true)
        #expect(skipped[d.old + "/自指"]?.contains("循环") == true)
        #expect(summary.skips.count == 4)
        #expect(summary.seen == 16 && summary.read == 12 && summary.paired == 12)
        #expect(BatchRenderer.countsLine(summary) == "文件：找到 16 个，读取 12 个，配对 12 个（6 对），跳过 4 个，无法读取 0 个")
        #expect(BatchRenderer.text(summary, old: d.old, new: d.new).hasSuffix(BatchRenderer.countsLine(summary) + "\n"))

        // Six pairs, six details files: the two names that sanitise alike each have their own.
        let written = rows.compactMap(\.details)
        #expect(written.count == 6 && Set(written).count == 6)
        for path in written { #expect(try SourceText.read(path: path).text.contains("gkdiff")) }
        let twins = written.filter { $0.contains("南关区执法局_甲_2023-2024_") }
        #expect(twins.count == 2, "\(written)")
        #expect(Batch.status(rows) == .trouble)
    }

    @Test func withoutTheUnreadableFolderTheStatusIs1() throws {
        let d = try district()
        chmod(d.refused, 0o755)
        _ = unlink(d.refused + "/zsj.txt")
        rmdir(d.refused)
        let summary = try Batch.run(Batch.Options(oldFolder: d.old, newFolder: d.new, rosterFile: d.roster))
        #expect(!summary.rows.contains { $0.status == .unreadable })
        #expect(Batch.status(summary.rows) == .different)
    }

    @Test func swappedFoldersAreSaidAndComparedInYearOrder() throws {
        let d = try district()
        defer { chmod(d.refused, 0o755) }
        var options = options(d)
        swap(&options.oldFolder, &options.newFolder)
        let summary = try Batch.run(options)
        #expect(summary.notes.contains { $0.contains("放反") })
        #expect(summary.oldFolder == d.old && summary.newFolder == d.new)
        #expect(summary.rows.filter { $0.cellsChanged != nil }.count == 6)
    }

    @Test func theCLIWritesCSVWithChineseHeadersAndTotals() throws {
        let d = try district()
        defer { chmod(d.refused, 0o755) }
        chmod(d.refused, 0o755)
        _ = unlink(d.refused + "/zsj.txt")
        rmdir(d.refused)
        let out = d.root + "/汇总.csv"
        let result = Fixture.run(["--batch", "--roster", d.roster, "--csv-header", "zh", "-o", out, d.old, d.new])
        #expect(result.status == .different, "\(result.err)")
        let csv = String(decoding: try SourceText.readBytes(path: out), as: UTF8.self)
        let records = try CSVTests.read(String(csv.dropFirst()))
        #expect(records[0] == BatchRenderer.table.map(\.label))
        let total = try #require(records.first { $0[0] == "total" })
        #expect(total[1] == "合计" && total[2] == "6 对")
        #expect(records.filter { $0[0] == "skipped" }.count == 4)
        // Our own summary, written into a folder of the batch, is never read as a report.
        _ = Fixture.run(["--batch", "-o", d.new + "/汇总.csv", d.old, d.new])
        let again = Fixture.run(["--batch", "-o", d.new + "/汇总.csv", d.old, d.new])
        let second = try SourceText.read(path: d.new + "/汇总.csv").text
        #expect(again.status == .different && second.contains("gkdiff 自己的汇总输出"))
    }

    @Test func aPairsLineNamingNoFileIsARowNotSilence() throws {
        let d = try district()
        defer { chmod(d.refused, 0o755) }
        let pairs = d.root + "/pairs.csv"
        // Line 3 names the GBK-named file as our summary shows it (decoded); line 4 crosses two agencies.
        try write(
            "old_file,new_file\nzsj.txt,不存在.txt\n\(d.old)/huzhu.txt,\(d.new)/新春街道.txt\n", to: pairs)
        var options = options(d)
        options.pairsFile = pairs
        let rows = try Batch.run(options).rows
        #expect(rows.contains { $0.status == .unreadable && $0.reason.contains("第 2 行") && $0.oldFile == "不存在.txt" })
        let crossed = try #require(rows.first { $0.reason == "pairs.csv" })
        #expect(crossed.oldFile == d.old + "/huzhu.txt" && crossed.newFile == d.new + "/新春街道.txt")
    }

    @Test func detailNamesAreUniqueBoundedAndSafe() {
        #expect(Batch.safeFileName("..a/b:c\u{7}") == "__a_b_c_")
        let long = String(repeating: "很长的机关名称", count: 40)
        #expect(Batch.boundedBytes(long, 150).utf8.count <= 150)
        #expect(Batch.boundedBytes(long, 150).utf8.count > 140)
        #expect(Batch.shortHash("a") == Batch.shortHash("a") && Batch.shortHash("a") != Batch.shortHash("b"))
    }

    @Test func aDetailsFolderThatIsAFileIsRefusedBeforeAnythingRuns() throws {
        let root = Fixture.temporaryFolder()
        try write("x", to: root + "/file")
        let result = Fixture.run(["--batch", "--details", root + "/file", root, root])
        #expect(result.status == .trouble && result.err.contains("not a directory"))
    }

    @Test func aDetailsFileThatCannotBeWrittenIsARowErrorAndExit2() throws {
        let root = Fixture.temporaryFolder()
        for folder in ["/a", "/b", "/详情"] { mkdir(root + folder, 0o755) }
        try write(try Fixture.text("nanguan-sthj-2023.txt"), to: root + "/a/sthj.txt")
        try write(try Fixture.text("nanguan-sthj-2024.txt"), to: root + "/b/sthj.txt")
        // A folder already sits where the details file would go (root can write anywhere else).
        mkdir(root + "/详情/长春市生态环境局南关区分局_2023-2024.txt", 0o755)
        let result = Fixture.run(["--batch", "--details", root + "/详情", root + "/a", root + "/b"])
        #expect(result.status == .trouble)
        #expect(result.err.contains("详情文件") && result.err.contains("未写入"))
        #expect(result.out.contains("未写入"))
    }

    @Test func twoPairsOfOneAgencyAndYearsGetTwoDetailsFiles() throws {
        let root = Fixture.temporaryFolder()
        for folder in ["/a", "/b", "/详情"] { mkdir(root + folder, 0o755) }
        for copy in ["甲", "乙"] {
            try write(try Fixture.text("nanguan-sthj-2023.txt"), to: root + "/a/sthj\(copy).txt")
            try write(try Fixture.text("nanguan-sthj-2024.txt"), to: root + "/b/sthj\(copy).txt")
        }
        let options = Batch.Options(oldFolder: root + "/a", newFolder: root + "/b", detailsFolder: root + "/详情")
        let rows = try Batch.run(options).rows
        let details = rows.compactMap(\.details)
        #expect(rows.count == 2 && details.count == 2 && Set(details).count == 2, "\(details)")
        for path in details { #expect(access(path, F_OK) == 0) }
    }

    @Test func aLinkedFolderIsReadOnce() throws {
        let root = Fixture.temporaryFolder()
        for folder in ["/a", "/b", "/elsewhere"] { mkdir(root + folder, 0o755) }
        try write(try Fixture.text("nanguan-sthj-2023.txt"), to: root + "/a/sthj.txt")
        try write(try Fixture.text("nanguan-sthj-2024.txt"), to: root + "/elsewhere/sthj.txt")
        #expect(symlink(root + "/elsewhere", root + "/b/linked") == 0)
        #expect(symlink(root + "/elsewhere", root + "/b/linked-again") == 0)
        let summary = try Batch.run(Batch.Options(oldFolder: root + "/a", newFolder: root + "/b"))
        #expect(
            summary.rows.map(\.newFile) == [root + "/b/linked-again/sthj.txt"]
                || summary.rows.map(\.newFile) == [root + "/b/linked/sthj.txt"])
        #expect(summary.skips.count == 1 && summary.skips[0].reason.contains("已经读过"))
    }

    @Test func theProgressLineSaysCountAndTimeLeft() {
        let line = Batch.progressLine(3, of: 3, since: .now, agency: "南关区执法局")
        #expect(line == "[3/3] 南关区执法局")
        #expect(Batch.progressLine(1, of: 3, since: .now, agency: "甲").hasPrefix("[1/3] 甲  约 "))
    }

    @Test func theDetailsFolderHasAnIndexInTriageOrder() throws {
        let d = try district()
        defer { chmod(d.refused, 0o755) }
        let details = d.root + "/详情"
        if getuid() == 0 {  // root reads the chmod 000 folder: take it away instead
            chmod(d.refused, 0o755)
            _ = unlink(d.refused + "/zsj.txt")
            rmdir(d.refused)
        }
        let result = Fixture.run(["--batch", "--roster", d.roster, "--details", details, d.old, d.new])
        #expect(result.status == (getuid() == 0 ? .different : .trouble))
        let page = try SourceText.read(path: details + "/index.html").text
        let order = ["读取不完整", "有警告", "有变化", "未报送"].map { page.firstRange(of: ">" + $0 + "<")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted())
        #expect(page.contains("<a href=\"%E5%8D%97%E5%85%B3%E5%8C%BA%E6%96%B0%E6%98%A5%E8%A1%97%E9%81%93_2023-2024.txt\">"))
        #expect(page.contains("文件：找到 16 个"))
    }

    @Test func filesWindowsAndWordLeaveAreNamedSkips() throws {
        let root = Fixture.temporaryFolder()
        for name in ["Thumbs.db", "desktop.ini", "~$报告.docx"] { try write("x", to: root + "/" + name) }
        let walk = BatchWalk.walk(root)
        #expect(walk.files.isEmpty && walk.skips.count == 3)
        #expect(walk.skips.allSatisfy { $0.reason.contains("未读取") })
    }
}
