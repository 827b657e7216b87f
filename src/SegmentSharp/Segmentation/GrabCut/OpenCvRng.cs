namespace SegmentSharp.Segmentation;

/// <summary>
/// OpenCV's <c>cv::RNG</c>, a multiply-with-carry generator (G. Marsaglia), kept so that k-means++ seeding picks the
/// same samples as <c>cv::kmeans</c> when started from the same state.
/// </summary>
internal struct OpenCvRng(ulong state)
{
    /// <summary>The state of a thread's <c>cv::theRNG()</c> before its first use.</summary>
    public const ulong FreshThreadState = ulong.MaxValue;

    public ulong State = state == 0 ? 0xffffffffUL : state;

    public uint Next()
    {
        State = (ulong)(uint)State * 4164903690UL + (State >> 32);
        return (uint)State;
    }

    /// <summary><c>(double)rng</c>: 64 random bits scaled to [0, 1).</summary>
    public double NextDouble()
    {
        ulong hi = Next();
        return ((hi << 32) | Next()) * 5.4210108624275221700372640043497e-20;
    }
}
