#if canImport(Glibc)
    import Glibc
#endif

/// How the process asks the C allocator for memory.
enum Memory {
    /// glibc's `M_MMAP_THRESHOLD` (malloc.h, which the Glibc module does not bring in).
    private static let mmapThresholdOption: Int32 = -3

    /// Keeps glibc's threshold for giving a block its own mapping at its initial 128 KiB. By default
    /// glibc raises it each time such a block is freed, so that the large buffers of the second report
    /// and of the comparison come from the heap instead, where what is freed between them is not reused
    /// whole and stays resident (the realistic 5 MB pair: 48.8 MB peak, 44.4 MB with it fixed). A
    /// large block is then unmapped as soon as it is freed. Nothing happens elsewhere than on glibc.
    static func returnLargeBlocksWhenFreed() {
        #if canImport(Glibc)
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThresholdOption, 128 * 1024)
        #endif
    }
}
