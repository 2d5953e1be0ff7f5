import GKDiffKit

#if canImport(Glibc)
    import Glibc
#endif

exit(CommandLine.run(arguments: Array(CommandLine.arguments.dropFirst())).rawValue)
