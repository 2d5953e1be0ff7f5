// swift-tools-version:6.0
import PackageDescription

/// Generic types made concrete in this code (an array of `Line`, a dictionary keyed by `String`) get
/// their runtime metadata from the accessor functions the compiler emits, not by the runtime demangling
/// a mangled name and looking up each conformance it requires (a scan of every conformance record in
/// the statically linked binary, ~60 K instructions each): ~1.4 M instructions of a comparison's 13 M.
let metadataByAccessor: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])
]

let package = Package(
    name: "gkdiff",
    products: [
        .executable(name: "gkdiff", targets: ["gkdiff"]),
        .library(name: "GKDiffKit", targets: ["GKDiffKit"]),
    ],
    targets: [
        .target(name: "GKDiffKit", swiftSettings: metadataByAccessor),
        .executableTarget(name: "gkdiff", dependencies: ["GKDiffKit"], swiftSettings: metadataByAccessor),
        // Hostile-input testing (Scripts/fuzz.sh and the bounded FuzzTests); not part of the product.
        .target(name: "GKDiffFuzz", dependencies: ["GKDiffKit"]),
        .executableTarget(name: "gkdiff-fuzz", dependencies: ["GKDiffFuzz"]),
        .testTarget(name: "GKDiffKitTests", dependencies: ["GKDiffKit", "GKDiffFuzz"]),
    ]
)
