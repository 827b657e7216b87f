namespace SegmentSharp.Clustering;

/// <summary>
/// OpenCV's <c>cv::RNG</c> generator (multiply-with-carry, Marsaglia): with the same state it draws the same numbers,
/// which lets a test start k-means from the very centres OpenCV picks.
/// </summary>
internal struct CvRandom(ulong state)
{
    private const ulong Coeff = 4164903690UL;
    // A zero state would stay zero; OpenCV replaces it with all ones in the low word.
    private ulong _state = state != 0 ? state : 0xffffffffUL;

    public uint Next()
    {
        _state = (ulong)(uint)_state * Coeff + (uint)(_state >> 32);
        return (uint)_state;
    }

    /// <summary><c>(double)rng</c>: uniform in [0, 1) from two draws, the first one the high word (2^-64 steps).</summary>
    public double NextDouble()
    {
        ulong high = Next();
        return ((high << 32) | Next()) * 5.4210108624275221700372640043497e-20;
    }

    /// <summary><c>(float)rng</c>: uniform in [0, 1].</summary>
    public float NextFloat() => Next() * 2.3283064365386962890625e-10f;
}
