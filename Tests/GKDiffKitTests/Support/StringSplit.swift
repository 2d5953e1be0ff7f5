extension String {
    /// The pieces between occurrences of `separator`, empty pieces kept, as Foundation's method of this
    /// name gives them (the package no longer imports Foundation).
    func components(separatedBy separator: String) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}
