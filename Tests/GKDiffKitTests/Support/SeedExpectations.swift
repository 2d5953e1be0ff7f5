/// Values of every table cell of the five real seed reports, read by eye from the seed text
/// (`sed 's/\t/→/g' FILE | cat -n`), not taken from gkdiff's output. "_" marks a blank cell
/// (the agency left it empty); numbers are written exactly as in the report.
struct SeedExpectation: Sendable {
    /// Fixture file name under Fixtures/.
    let file: String
    /// Agency name as the title gives it.
    let agency: String
    /// Report year.
    let year: Int
    /// Table 1, 10 values in this order: regulations issued/repealed/in_force,
    /// normative_documents issued/repealed/in_force, licensing decisions,
    /// penalties decisions, enforcement decisions, fees amount.
    let proactive: String
    /// Table 2, 25 rows in template order (new … carried_forward), each 7 values
    /// (natural_person commercial research social_welfare legal_service other_org total).
    let requests: [String]
    /// Table 3, 3 rows (review, litigation_direct, litigation_after_review), 5 values each
    /// (upheld corrected other pending total).
    let appeals: [String]
    /// Source line (1-based) of a few cells, as "table.row.column": line — at least 5 per seed,
    /// including the first and last cell of table 2 and one cell of tables 1 and 3.
    let lines: [String: Int]
}

extension SeedExpectation {
    static let all: [SeedExpectation] = [
        // Seed 000_a27876774e9c32e0.txt (one cell per line).
        // R1–R4 hold: R1 natural_person/total new 8 + carried 0 = results_total 8 + forward 0, other columns 0;
        // R2 every row's total equals its natural_person (all org columns 0);
        // R3 results_total 8 = granted 1 + denied_inquiry 1 + unable_not_held 5 + unable_needs_creation 1;
        // R4 table 3 all 0.
        // Layout: after the 二、上年结转 row come a lone-tab line (91), 12 empty lines and
        // `三、本年度办理结果` at column 0 without a tab (104) — it looks like a section heading.
        SeedExpectation(
            file: "nanguan-zfj-2024.txt",
            agency: "南关区执法局",
            year: 2024,
            proactive: "0 0 0 0 0 0 508 195 0 0",
            requests: [
                "8 0 0 0 0 0 8",  // new
                "0 0 0 0 0 0 0",  // carried_over
                "1 0 0 0 0 0 1",  // granted
                "0 0 0 0 0 0 0",  // partially_granted
                "0 0 0 0 0 0 0",  // denied_state_secret
                "0 0 0 0 0 0 0",  // denied_prohibited_by_law
                "0 0 0 0 0 0 0",  // denied_security_stability
                "0 0 0 0 0 0 0",  // denied_third_party
                "0 0 0 0 0 0 0",  // denied_internal_affairs
                "0 0 0 0 0 0 0",  // denied_process_info
                "0 0 0 0 0 0 0",  // denied_enforcement_file
                "1 0 0 0 0 0 1",  // denied_inquiry
                "5 0 0 0 0 0 5",  // unable_not_held
                "1 0 0 0 0 0 1",  // unable_needs_creation
                "0 0 0 0 0 0 0",  // unable_unclear
                "0 0 0 0 0 0 0",  // declined_petition
                "0 0 0 0 0 0 0",  // declined_duplicate
                "0 0 0 0 0 0 0",  // declined_publication
                "0 0 0 0 0 0 0",  // declined_excessive
                "0 0 0 0 0 0 0",  // declined_confirmation
                "0 0 0 0 0 0 0",  // other_no_correction
                "0 0 0 0 0 0 0",  // other_unpaid_fee
                "0 0 0 0 0 0 0",  // other_other
                "8 0 0 0 0 0 8",  // results_total
                "0 0 0 0 0 0 0",  // carried_forward
            ],
            appeals: [
                "0 0 0 0 0",  // review
                "0 0 0 0 0",  // litigation_direct
                "0 0 0 0 0",  // litigation_after_review
            ],
            lines: [
                "proactive.regulations.issued": 18,
                "proactive.licensing.decisions": 33,
                "proactive.penalties.decisions": 41,
                "proactive.enforcement.decisions": 44,
                "proactive.fees.amount": 52,
                "requests.new.natural_person": 74,
                "requests.new.total": 80,
                "requests.carried_over.natural_person": 83,
                "requests.granted.natural_person": 106,
                "requests.denied_inquiry.natural_person": 204,
                "requests.unable_not_held.natural_person": 215,
                "requests.unable_not_held.total": 221,
                "requests.unable_needs_creation.natural_person": 226,
                "requests.results_total.natural_person": 335,
                "requests.results_total.total": 341,
                "requests.carried_forward.natural_person": 344,
                "requests.carried_forward.total": 350,
                "appeals.review.upheld": 381,
                "appeals.review.total": 385,
                "appeals.litigation_direct.upheld": 386,
                "appeals.litigation_after_review.total": 395,
            ]
        ),
        // Seed 001_c2afdc98611f7d7b.txt (one cell per line).
        // R1–R4 hold: every cell of tables 2 and 3 is 0, so new 0 + carried 0 = results_total 0 + forward 0
        // in every column, every row sums to total 0, results_total 0 = sum of rows 0, table 3 totals 0.
        // Layout: headings of sections 3 and 4 carry no number at all (lines 73, 358);
        // `→三、本年度办理结果` stays inside the table (line 109, with a tab) and no blank block precedes it.
        SeedExpectation(
            file: "nanguan-xinchun-2024.txt",
            agency: "南关区新春街道",
            year: 2024,
            proactive: "0 0 0 0 0 0 0 0 0 0",
            requests: [
                "0 0 0 0 0 0 0",  // new
                "0 0 0 0 0 0 0",  // carried_over
                "0 0 0 0 0 0 0",  // granted
                "0 0 0 0 0 0 0",  // partially_granted
                "0 0 0 0 0 0 0",  // denied_state_secret
                "0 0 0 0 0 0 0",  // denied_prohibited_by_law
                "0 0 0 0 0 0 0",  // denied_security_stability
                "0 0 0 0 0 0 0",  // denied_third_party
                "0 0 0 0 0 0 0",  // denied_internal_affairs
                "0 0 0 0 0 0 0",  // denied_process_info
                "0 0 0 0 0 0 0",  // denied_enforcement_file
                "0 0 0 0 0 0 0",  // denied_inquiry
                "0 0 0 0 0 0 0",  // unable_not_held
                "0 0 0 0 0 0 0",  // unable_needs_creation
                "0 0 0 0 0 0 0",  // unable_unclear
                "0 0 0 0 0 0 0",  // declined_petition
                "0 0 0 0 0 0 0",  // declined_duplicate
                "0 0 0 0 0 0 0",  // declined_publication
                "0 0 0 0 0 0 0",  // declined_excessive
                "0 0 0 0 0 0 0",  // declined_confirmation
                "0 0 0 0 0 0 0",  // other_no_correction
                "0 0 0 0 0 0 0",  // other_unpaid_fee
                "0 0 0 0 0 0 0",  // other_other
                "0 0 0 0 0 0 0",  // results_total
                "0 0 0 0 0 0 0",  // carried_forward
            ],
            appeals: [
                "0 0 0 0 0",  // review
                "0 0 0 0 0",  // litigation_direct
                "0 0 0 0 0",  // litigation_after_review
            ],
            lines: [
                "proactive.regulations.issued": 36,
                "proactive.licensing.decisions": 51,
                "proactive.penalties.decisions": 59,
                "proactive.enforcement.decisions": 62,
                "proactive.fees.amount": 70,
                "requests.new.natural_person": 92,
                "requests.new.total": 98,
                "requests.carried_over.natural_person": 101,
                "requests.granted.natural_person": 111,
                "requests.results_total.total": 346,
                "requests.carried_forward.natural_person": 349,
                "requests.carried_forward.total": 355,
                "appeals.review.upheld": 386,
                "appeals.review.total": 390,
                "appeals.litigation_direct.upheld": 391,
                "appeals.litigation_after_review.total": 400,
            ]
        ),
        // Seed 002_1061ddceb37fb10e.txt (one cell per line).
        // R1–R4 hold: every cell of tables 2 and 3 is 0 (new 0 + carried 0 = results_total 0 + forward 0,
        // all row and column sums 0, table 3 totals 0). Table 1 has licensing 7 and penalties 12.
        // Layout: the title breaks over lines 1–2; the same lone-tab line (96), 12 empty lines and
        // column-0 `三、本年度办理结果` (109) as seed 000; a stray page number `2` ends the file (line 410).
        SeedExpectation(
            file: "nanguan-sthj-2024.txt",
            agency: "长春市生态环境局南关区分局",
            year: 2024,
            proactive: "0 0 0 0 0 0 7 12 0 0",
            requests: [
                "0 0 0 0 0 0 0",  // new
                "0 0 0 0 0 0 0",  // carried_over
                "0 0 0 0 0 0 0",  // granted
                "0 0 0 0 0 0 0",  // partially_granted
                "0 0 0 0 0 0 0",  // denied_state_secret
                "0 0 0 0 0 0 0",  // denied_prohibited_by_law
                "0 0 0 0 0 0 0",  // denied_security_stability
                "0 0 0 0 0 0 0",  // denied_third_party
                "0 0 0 0 0 0 0",  // denied_internal_affairs
                "0 0 0 0 0 0 0",  // denied_process_info
                "0 0 0 0 0 0 0",  // denied_enforcement_file
                "0 0 0 0 0 0 0",  // denied_inquiry
                "0 0 0 0 0 0 0",  // unable_not_held
                "0 0 0 0 0 0 0",  // unable_needs_creation
                "0 0 0 0 0 0 0",  // unable_unclear
                "0 0 0 0 0 0 0",  // declined_petition
                "0 0 0 0 0 0 0",  // declined_duplicate
                "0 0 0 0 0 0 0",  // declined_publication
                "0 0 0 0 0 0 0",  // declined_excessive
                "0 0 0 0 0 0 0",  // declined_confirmation
                "0 0 0 0 0 0 0",  // other_no_correction
                "0 0 0 0 0 0 0",  // other_unpaid_fee
                "0 0 0 0 0 0 0",  // other_other
                "0 0 0 0 0 0 0",  // results_total
                "0 0 0 0 0 0 0",  // carried_forward
            ],
            appeals: [
                "0 0 0 0 0",  // review
                "0 0 0 0 0",  // litigation_direct
                "0 0 0 0 0",  // litigation_after_review
            ],
            lines: [
                "proactive.regulations.issued": 23,
                "proactive.licensing.decisions": 38,
                "proactive.penalties.decisions": 46,
                "proactive.enforcement.decisions": 49,
                "proactive.fees.amount": 57,
                "requests.new.natural_person": 79,
                "requests.new.total": 85,
                "requests.carried_over.natural_person": 88,
                "requests.granted.natural_person": 111,
                "requests.results_total.total": 346,
                "requests.carried_forward.natural_person": 349,
                "requests.carried_forward.total": 355,
                "appeals.review.upheld": 386,
                "appeals.review.total": 390,
                "appeals.litigation_direct.upheld": 391,
                "appeals.litigation_after_review.total": 400,
            ]
        ),
        // Seed 003_172fae212f76daa1.txt (one row per line, tab-separated).
        // R1–R4 cannot be checked and none is broken: tables 2 and 3 are left entirely blank
        // (no cell holds a number). Table 1: only licensing 44, penalties 31 and fees 250.83 are filled;
        // regulations, normative_documents and enforcement are blank.
        // Layout: lines 1–2 empty; spaces inside the title (`… 2024 年度…`) and row labels
        // (`三、 本 年 度 办 理 结 果`); half-width `(单位:万元)`; row `3. 其他` (line 65) lost its two
        // leading tabs; the row `四、结转下年度继续办理` (line 67) starts at column 0 like the section-4
        // heading `四、政府信息公开…` (line 69); the file ends without a newline after a signature and date.
        SeedExpectation(
            file: "huzhu-cgj-2024.txt",
            agency: "互助县城市管理综合行政执法局",
            year: 2024,
            proactive: "_ _ _ _ _ _ 44 31 _ 250.83",
            requests: [
                "_ _ _ _ _ _ _",  // new
                "_ _ _ _ _ _ _",  // carried_over
                "_ _ _ _ _ _ _",  // granted
                "_ _ _ _ _ _ _",  // partially_granted
                "_ _ _ _ _ _ _",  // denied_state_secret
                "_ _ _ _ _ _ _",  // denied_prohibited_by_law
                "_ _ _ _ _ _ _",  // denied_security_stability
                "_ _ _ _ _ _ _",  // denied_third_party
                "_ _ _ _ _ _ _",  // denied_internal_affairs
                "_ _ _ _ _ _ _",  // denied_process_info
                "_ _ _ _ _ _ _",  // denied_enforcement_file
                "_ _ _ _ _ _ _",  // denied_inquiry
                "_ _ _ _ _ _ _",  // unable_not_held
                "_ _ _ _ _ _ _",  // unable_needs_creation
                "_ _ _ _ _ _ _",  // unable_unclear
                "_ _ _ _ _ _ _",  // declined_petition
                "_ _ _ _ _ _ _",  // declined_duplicate
                "_ _ _ _ _ _ _",  // declined_publication
                "_ _ _ _ _ _ _",  // declined_excessive
                "_ _ _ _ _ _ _",  // declined_confirmation
                "_ _ _ _ _ _ _",  // other_no_correction
                "_ _ _ _ _ _ _",  // other_unpaid_fee
                "_ _ _ _ _ _ _",  // other_other
                "_ _ _ _ _ _ _",  // results_total
                "_ _ _ _ _ _ _",  // carried_forward
            ],
            appeals: [
                "_ _ _ _ _",  // review
                "_ _ _ _ _",  // litigation_direct
                "_ _ _ _ _",  // litigation_after_review
            ],
            // Blank cells point at the line of their row. Table 3 has only header lines (71–73) and
            // no data row at all, so no appeals line is given for this seed.
            lines: [
                "proactive.regulations.issued": 25,
                "proactive.normative_documents.in_force": 26,
                "proactive.licensing.decisions": 29,
                "proactive.penalties.decisions": 32,
                "proactive.enforcement.decisions": 33,
                "proactive.fees.amount": 36,
                "requests.new.natural_person": 43,
                "requests.carried_over.natural_person": 44,
                "requests.granted.natural_person": 45,
                "requests.other_other.natural_person": 65,
                "requests.results_total.total": 66,
                "requests.carried_forward.total": 67,
            ]
        ),
        // Seed 004_a9f9456b96723e06.txt (one cell per line).
        // R1–R4 hold: R1 natural_person/total new 5 + carried 0 = results_total 5 + forward 0, other columns 0;
        // R2 every row's total equals its natural_person (all org columns 0);
        // R3 results_total 5 = granted 4 + unable_not_held 1; R4 table 3 all 0.
        // Layout: report year 2023; the title breaks over lines 1–2; `[bookmark: _GoBack]` opens line 4;
        // the same lone-tab line (94), 12 empty lines and column-0 `三、本年度办理结果` (107) as seed 000.
        SeedExpectation(
            file: "nanguan-zsj-2023.txt",
            agency: "南关区政务服务和数字化建设管理局",
            year: 2023,
            proactive: "0 0 0 0 0 0 0 0 0 0",
            requests: [
                "5 0 0 0 0 0 5",  // new
                "0 0 0 0 0 0 0",  // carried_over
                "4 0 0 0 0 0 4",  // granted
                "0 0 0 0 0 0 0",  // partially_granted
                "0 0 0 0 0 0 0",  // denied_state_secret
                "0 0 0 0 0 0 0",  // denied_prohibited_by_law
                "0 0 0 0 0 0 0",  // denied_security_stability
                "0 0 0 0 0 0 0",  // denied_third_party
                "0 0 0 0 0 0 0",  // denied_internal_affairs
                "0 0 0 0 0 0 0",  // denied_process_info
                "0 0 0 0 0 0 0",  // denied_enforcement_file
                "0 0 0 0 0 0 0",  // denied_inquiry
                "1 0 0 0 0 0 1",  // unable_not_held
                "0 0 0 0 0 0 0",  // unable_needs_creation
                "0 0 0 0 0 0 0",  // unable_unclear
                "0 0 0 0 0 0 0",  // declined_petition
                "0 0 0 0 0 0 0",  // declined_duplicate
                "0 0 0 0 0 0 0",  // declined_publication
                "0 0 0 0 0 0 0",  // declined_excessive
                "0 0 0 0 0 0 0",  // declined_confirmation
                "0 0 0 0 0 0 0",  // other_no_correction
                "0 0 0 0 0 0 0",  // other_unpaid_fee
                "0 0 0 0 0 0 0",  // other_other
                "5 0 0 0 0 0 5",  // results_total
                "0 0 0 0 0 0 0",  // carried_forward
            ],
            appeals: [
                "0 0 0 0 0",  // review
                "0 0 0 0 0",  // litigation_direct
                "0 0 0 0 0",  // litigation_after_review
            ],
            lines: [
                "proactive.regulations.issued": 21,
                "proactive.licensing.decisions": 36,
                "proactive.penalties.decisions": 44,
                "proactive.enforcement.decisions": 47,
                "proactive.fees.amount": 55,
                "requests.new.natural_person": 77,
                "requests.new.total": 83,
                "requests.carried_over.natural_person": 86,
                "requests.granted.natural_person": 109,
                "requests.granted.total": 115,
                "requests.unable_not_held.natural_person": 218,
                "requests.unable_not_held.total": 224,
                "requests.results_total.natural_person": 338,
                "requests.results_total.total": 344,
                "requests.carried_forward.natural_person": 347,
                "requests.carried_forward.total": 353,
                "appeals.review.upheld": 384,
                "appeals.review.total": 388,
                "appeals.litigation_direct.upheld": 389,
                "appeals.litigation_after_review.total": 398,
            ]
        ),
    ]
}
