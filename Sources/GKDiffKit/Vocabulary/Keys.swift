/// The 2021 template's rows and columns as types, whose raw values are the canonical keys of JSON and
/// CSV (`DOMAIN.md`). Code that names a cell names it through these (`CellKey.requests(.new, .total)`),
/// so a misspelt key does not compile; the template's specs (`Template`) spell each key once, and a
/// test checks that they and these enums list the same keys in the same order.

/// Table 1 (`proactive`) rows.
public enum ProactiveRow: String, CaseIterable, Sendable {
    case regulations
    case normativeDocuments = "normative_documents"
    case licensing, penalties, enforcement, fees
}

/// Table 1 (`proactive`) columns.
public enum ProactiveColumn: String, CaseIterable, Sendable {
    case issued, repealed
    case inForce = "in_force"
    case decisions, amount
}

/// Table 2 (`requests`) rows, in template order.
public enum RequestsRow: String, CaseIterable, Sendable {
    case new
    case carriedOver = "carried_over"
    case granted
    case partiallyGranted = "partially_granted"
    case deniedStateSecret = "denied_state_secret"
    case deniedProhibitedByLaw = "denied_prohibited_by_law"
    case deniedSecurityStability = "denied_security_stability"
    case deniedThirdParty = "denied_third_party"
    case deniedInternalAffairs = "denied_internal_affairs"
    case deniedProcessInfo = "denied_process_info"
    case deniedEnforcementFile = "denied_enforcement_file"
    case deniedInquiry = "denied_inquiry"
    case unableNotHeld = "unable_not_held"
    case unableNeedsCreation = "unable_needs_creation"
    case unableUnclear = "unable_unclear"
    case declinedPetition = "declined_petition"
    case declinedDuplicate = "declined_duplicate"
    case declinedPublication = "declined_publication"
    case declinedExcessive = "declined_excessive"
    case declinedConfirmation = "declined_confirmation"
    case otherNoCorrection = "other_no_correction"
    case otherUnpaidFee = "other_unpaid_fee"
    case otherOther = "other_other"
    case resultsTotal = "results_total"
    case carriedForward = "carried_forward"

    /// The eight rows of （三）不予公开.
    public static let denied: [RequestsRow] = [
        .deniedStateSecret, .deniedProhibitedByLaw, .deniedSecurityStability, .deniedThirdParty,
        .deniedInternalAffairs, .deniedProcessInfo, .deniedEnforcementFile, .deniedInquiry,
    ]

    /// The 21 result rows （一）…（六） that （七）总计 sums (rule R3).
    public static let results: [RequestsRow] = Array(
        allCases[allCases.firstIndex(of: .granted)!...allCases.firstIndex(of: .otherOther)!])
}

/// Table 2 (`requests`) columns: the applicants and the total.
public enum ApplicantColumn: String, CaseIterable, Sendable {
    case naturalPerson = "natural_person"
    case commercial, research
    case socialWelfare = "social_welfare"
    case legalService = "legal_service"
    case otherOrg = "other_org"
    case total
}

/// Table 3 (`appeals`) rows.
public enum AppealsRow: String, CaseIterable, Sendable {
    case review
    case litigationDirect = "litigation_direct"
    case litigationAfterReview = "litigation_after_review"
}

/// Table 3 (`appeals`) columns.
public enum AppealsColumn: String, CaseIterable, Sendable {
    case upheld, corrected, other, pending, total
}

extension CellKey {
    /// A cell of table 1.
    public static func proactive(_ row: ProactiveRow, _ column: ProactiveColumn) -> CellKey {
        CellKey(table: .proactive, row: row.rawValue, column: column.rawValue)
    }

    /// A cell of table 2.
    public static func requests(_ row: RequestsRow, _ column: ApplicantColumn) -> CellKey {
        CellKey(table: .requests, row: row.rawValue, column: column.rawValue)
    }

    /// A cell of table 3.
    public static func appeals(_ row: AppealsRow, _ column: AppealsColumn) -> CellKey {
        CellKey(table: .appeals, row: row.rawValue, column: column.rawValue)
    }
}
