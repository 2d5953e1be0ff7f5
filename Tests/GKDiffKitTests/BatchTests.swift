import Testing

@testable import GKDiffKit

#if canImport(Glibc)
    import Glibc
#endif

/// Batch review of two folders built from the fixtures. The expected counts of changed cells were
/// worked out independently of gkdiff with Scripts/check_fixtures.py's own reader (zfj 27, xinchun 9,
/// sthj 13, zsj 21) and the key figures read from the fixture text.
@Suite struct BatchTests {
    struct Folders {
        var old: String
        var new: String
        var pairs: String
    }

    func copy(_ fixture: String, to path: String, title: (String, String)? = nil, shiftYears: Bool = false) throws {
        var text = try Fixture.text(fixture)
        if let (from, to) = title { text = text.replacingFirst(from, with: to) }
        if shiftYears {
            for (from, to) in [("2024", "2025"), ("2023", "2024"), ("2022", "2023")] {
                while text.contains(from) { text = text.replacingFirst(from, with: to) }
            }
        }
        try FileWriter.write(text, to: path)
    }

    /// Old: zfj-2023 with the agency renamed to its full name, xinchun-2023, sthj-2023 (in a subfolder),
    /// zsj-2023, huzhu-cgj-2023 (no partner). New: zfj, xinchun, sthj 2024, zsj-2024 renamed to a name no
    /// matching would take (paired only in pairs.csv), and a binary file.
    func folders() throws -> Folders {
        let root = Fixture.temporaryFolder()
        let old = root + "/2023"
        let new = root + "/2024"
        mkdir(old, 0o755)
        mkdir(old + "/街道", 0o755)
        mkdir(new, 0o755)
        try copy("nanguan-zfj-2023.txt", to: old + "/zfj.txt", title: ("2023年南关区执法局", "2023年长春市南关区城市管理行政执法局"))
        try copy("nanguan-xinchun-2023.txt", to: old + "/街道/xinchun.txt")
        try copy("nanguan-sthj-2023.txt", to: old + "/sthj.txt")
        try copy("nanguan-zsj-2023.txt", to: old + "/zsj.txt")
        try copy("huzhu-cgj-2023.txt", to: old + "/huzhu.txt")
        try copy("nanguan-zfj-2024.txt", to: new + "/执法局2024.txt")
        try copy("nanguan-xinchun-2024.txt", to: new + "/xinchun.txt")
        try copy("nanguan-sthj-2024.txt", to: new + "/sthj.txt")
        try copy("nanguan-zsj-2024.txt", to: new + "/data.txt", title: ("2024年南关区政务服务和数字化建设管理局", "2024年南关区数据局"))
        try FileWriter.write(String(decoding: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D], as: UTF8.self), to: new + "/scan.png")
        let pairs = root + "/pairs.csv"
        try FileWriter.write("old_file,new_file\nzsj.txt,data.txt\n", to: pairs)
        return Folders(old: old, new: new, pairs: pairs)
    }

    @Test func summaryRowsAsWorkedOutByHand() throws {
        let f = try folders()
        let rows = try Batch.run(Batch.Options(oldFolder: f.old, newFolder: f.new, pairsFile: f.pairs)).rows
        #expect(rows.count == 6)  // four pairs, one unpaired, one unreadable
        func row(_ agency: String) -> BatchRow? { rows.first { $0.agency == agency } }

        // The renamed agency: 长春市南关区城市管理行政执法局 (2023) ↔ 南关区执法局 (2024).
        let zfj = try #require(row("南关区执法局"))
        // Q2 (section 五 copied) is a warning: worse than a plain change in the triage.
        #expect(zfj.status == .warnings && zfj.reason == "机关名称相近")
        #expect(zfj.oldFile == f.old + "/zfj.txt" && zfj.oldYear == 2023 && zfj.newYear == 2024)
        #expect(zfj.cellsChanged == 27)
        // 本年新收 总计 5 → 8 (+60.0 %), 行政许可 463 → 508 (+9.7 %), 行政诉讼 0+0 → 0+0.
        #expect(zfj.figures[0].old?.number == 5 && zfj.figures[0].new?.number == 8)
        #expect(zfj.figures[0].change?.percentText == "+60.0%")
        #expect(zfj.figures[3].change?.percentText == "+9.7%")
        #expect(zfj.figures[6].new?.number == 0)
        #expect(zfj.errors == 0 && zfj.warnings == 1)  // Q2: section 五 copied
        #expect(zfj.carried[.problems] == 1.0)

        #expect(row("南关区新春街道")?.cellsChanged == 9)
        #expect(row("南关区新春街道")?.oldFile == f.old + "/街道/xinchun.txt")
        #expect(row("长春市生态环境局南关区分局")?.cellsChanged == 13)
        #expect(row("长春市生态环境局南关区分局")?.reason == "机关名称相同")

        // Paired only through pairs.csv.
        let zsj = try #require(rows.first { $0.newFile == f.new + "/data.txt" })
        #expect(zsj.reason == "pairs.csv" && zsj.cellsChanged == 21)
        #expect(zsj.status == .warnings)  // Q2: zsj-2023's section 五 says only “无”

        let unpaired = try #require(rows.first { $0.status == .unpaired })
        #expect(unpaired.oldFile == f.old + "/huzhu.txt")
        #expect(unpaired.reason == "新年度文件夹中没有同一机关的报告")

        let unreadable = try #require(rows.first { $0.status == .unreadable })
        #expect(unreadable.newFile == f.new + "/scan.png")
        #expect(unreadable.reason.contains("二进制"))
        #expect(Batch.status(rows) == .trouble)
    }

    @Test func theCLIWritesTheSummaryEvenWhenAFileIsUnreadable() throws {
        let f = try folders()
        let out = Fixture.temporaryFolder() + "/summary.csv"
        let details = Fixture.temporaryFolder() + "/details"
        let result = Fixture.run([
            "--batch", "--pairs", f.pairs, "--format", "csv", "-o", out, "--details", details, f.old, f.new,
        ])
        #expect(result.status == .trouble)
        #expect(result.err == "gkdiff: \(f.new)/scan.png: 不是文本文件，像是二进制数据（binary file）\n")
        let csv = String(decoding: try SourceText.readBytes(path: out), as: UTF8.self)
        let records = try CSVTests.read(String(csv.dropFirst()))
        #expect(records[0] == BatchRenderer.columns)
        #expect(records.count == 8)  // header, six rows and the totals
        let zfj = try #require(records.first { $0[2] == "南关区执法局" })
        let index = Dictionary(uniqueKeysWithValues: BatchRenderer.columns.enumerated().map { ($1, $0) })
        #expect(zfj[index["requests_new_old"]!] == "5" && zfj[index["requests_new_new"]!] == "8")
        #expect(zfj[index["requests_new_pct"]!] == "60.0")
        let detail = zfj[index["details"]!]
        #expect(detail.hasSuffix("南关区执法局_2023-2024.csv"))
        #expect(try SourceText.read(path: detail).text.contains("licensing"))
    }

    @Test func noDifferencesIsStatus0() throws {
        let root = Fixture.temporaryFolder()
        mkdir(root + "/a", 0o755)
        mkdir(root + "/b", 0o755)
        try copy("nanguan-zsj-2023.txt", to: root + "/a/x.txt")
        try copy("nanguan-zsj-2023.txt", to: root + "/b/x.txt", shiftYears: true)
        let rows = try Batch.run(Batch.Options(oldFolder: root + "/a", newFolder: root + "/b")).rows
        // Every year moved forward by one and nothing else: no cell, no sentence differs.
        // Section 五 is copied word for word (Q2): a warning, which alone never makes exit 1.
        #expect(rows.map(\.status) == [.warnings])
        #expect(Batch.status(rows) == .same)
    }
}
