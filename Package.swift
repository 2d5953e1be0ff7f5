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
        .testTarget(name: "GKDiffKitTests", dependencies: ["GKDiffKit"]),
    ]
)
