import Testing

@testable import GKDiffKit

/// The real pair read through the whole parser and compared: every one of the 200 cells of each year
/// equals the value printed in the PDF (the eye-read values of `RealPDFTests.cases`; the single printed
/// （六）其他处理 row is 0 in every column, so each of the template's three rows is 0), `check` reports the
/// report's own error in table 3, and the comparison applies the cross-year rules.
@Suite struct RealPDFReportTests {
    static let folder = Fixture.root + "/../shared/realdocs/"

    static func available(_ file: String) -> Bool {
        if Subprocess.find("pdftotext") == nil {
            print("skip: pdftotext is not installed (apt-get install poppler-utils)")
            return false
        }
        if (try? SourceText.readBytes(path: folder + file)) == nil {
            print("skip: \(folder + file) is not here")
            return false
        }
        return true
    }

    @Test(arguments: RealPDFTests.cases)
    func everyCellIsThePrintedValue(pdf: RealPDFTests.Case) throws {
        guard Self.available(pdf.file) else { return }
        let report = try ReportParser.read(path: Self.folder + pdf.file)
        #expect(report.agency == "淮安市洪泽区人民政府" || report.agency == "洪泽区人民政府")
        #expect(report.template == "2021")
        var expected: [String] = []
        let proactive: [(String, Int)] = [
            ("规章", 3), ("行政规范性文件", 3), ("行政许可", 1), ("行政处罚", 1), ("行政强制", 1), ("行政事业性收费", 1),
        ]
        for (label, count) in proactive {
            let values = pdf.proactive[label]!.split(separator: " ").map(String.init)
            #expect(values.count == count)
            expected += values
        }
        for (index, row) in pdf.requests.enumerated() {
            let values = row.split(separator: " ").map(String.init)
            expected += values
            if index == 20 { expected += values + values }  // （六）其他处理: all 0, so each of the three rows is 0
        }
        expected += pdf.appeals.split(separator: " ").map(String.init)
        #expect(expected.count == 200)
        for (index, key) in report.cellKeys.enumerated() where index < expected.count {
            #expect(report.cells[index].number?.description == expected[index], "\(pdf) \(key): \(report.cells[index].value)")
        }
        #expect(!report.diagnostics.contains { $0.severity == .error }, "\(report.diagnostics)")
    }

    @Test func checkReportsTheRealErrorInTable3AndTheComparisonRunsX1() throws {
        guard Self.available("hzq2023.pdf"), Self.available("hzq2024.pdf") else { return }
        let check = Fixture.run(["check", Self.folder + "hzq2023.pdf"])
        #expect(check.status == .different)
        #expect(check.out.contains("[R4 表三各组总计] 表三「行政复议」总计 应等于 维持+纠正+其他+尚未审结：左边 0，右边 11"))
        let old = try ReportParser.read(path: Self.folder + "hzq2023.pdf")
        let new = try ReportParser.read(path: Self.folder + "hzq2024.pdf")
        let diff = ReportComparator.compare(old, new)
        // X1 is checkable (二、上年结转 of 2024 and 四、结转下年度 of 2023 are all 0 and equal): no X1
        // finding, and no "not checkable" note for it either.
        let findings = diff.findings
        #expect(!findings.contains { $0.rule.id == "X1" })
        #expect(!findings.contains { $0.rule.id == "P1" })
        #expect(findings.filter { $0.rule.id == "R4" }.count == 2)
        let run = Fixture.run([Self.folder + "hzq2023.pdf", Self.folder + "hzq2024.pdf"])
        #expect(run.status == .different)
        #expect(run.out.contains("行政许可 · 本年处理决定数量                550  →  9487"))
    }
}
