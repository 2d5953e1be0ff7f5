// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gkdiff",
    products: [
        .executable(name: "gkdiff", targets: ["gkdiff"]),
        .library(name: "GKDiffKit", targets: ["GKDiffKit"]),
    ],
    targets: [
        .target(name: "GKDiffKit"),
        .executableTarget(name: "gkdiff", dependencies: ["GKDiffKit"]),
        // Hostile-input testing (Scripts/fuzz.sh and the bounded FuzzTests); not part of the product.
        .target(name: "GKDiffFuzz", dependencies: ["GKDiffKit"]),
        .executableTarget(name: "gkdiff-fuzz", dependencies: ["GKDiffFuzz"]),
        .testTarget(name: "GKDiffKitTests", dependencies: ["GKDiffKit", "GKDiffFuzz"]),
    ]
)
