import Testing

@testable import GKDiffKit

/// The typed keys and the 2021 template spell the same keys in the same order, so code that names a
/// cell through the enums names a cell the template has.
@Suite struct KeysTests {
    @Test func theEnumsListTheTemplatesKeysInOrder() {
        #expect(Template.table(.proactive).rows.map(\.key) == ProactiveRow.allCases.map(\.rawValue))
        #expect(Template.table(.proactive).columns.map(\.key) == ProactiveColumn.allCases.map(\.rawValue))
        #expect(Template.table(.requests).rows.map(\.key) == RequestsRow.allCases.map(\.rawValue))
        #expect(Template.table(.requests).columns.map(\.key) == ApplicantColumn.allCases.map(\.rawValue))
        #expect(Template.table(.appeals).rows.map(\.key) == AppealsRow.allCases.map(\.rawValue))
        #expect(Template.table(.appeals).columns.map(\.key) == AppealsColumn.allCases.map(\.rawValue))
    }

    @Test func typedCellKeysAreTemplateCells() {
        var typed: [CellKey] = []
        for row in RequestsRow.allCases {
            for column in ApplicantColumn.allCases { typed.append(.requests(row, column)) }
        }
        for row in AppealsRow.allCases {
            for column in AppealsColumn.allCases { typed.append(.appeals(row, column)) }
        }
        #expect(typed.count == 175 + 15)
        #expect(typed.allSatisfy { Template.index(of: $0) != nil })
        #expect(Template.index(of: .proactive(.licensing, .decisions)) != nil)
        #expect(Template.index(of: .proactive(.fees, .amount)) != nil)
        #expect(RequestsRow.results.count == 21)
        #expect(RequestsRow.denied.count == 8)
        #expect(CellKey.requests(.resultsTotal, .total).description == "requests.results_total.total")
    }
}
